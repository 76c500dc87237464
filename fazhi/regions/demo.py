"""黄水镇 and its eight communities and villages.

The county and town codes are the real 统计用区划代码; the eight village
codes 500240105001–008 are demo codes (see docs/demo.md). Populations and
distances are demo figures.
"""

from fazhi.core.demo import demo_step
from fazhi.regions.models import Level, Organisation, OrganisationKind, Region

TOWN_CODE = "500240105000"

VILLAGES = [
    # code, name, population, km from the town government
    ("500240105001", "黄水社区", 6850, 0.5),
    ("500240105002", "七龙社区", 3120, 4.0),
    ("500240105003", "黄连社区", 2460, 6.5),
    ("500240105004", "万胜坝社区", 2980, 3.2),
    ("500240105005", "大风堡村", 1730, 14.0),
    ("500240105006", "金花村", 1560, 11.5),
    ("500240105007", "洋洞村", 1290, 18.0),
    ("500240105008", "清河村", 1410, 9.0),
]


def _region(code, name, level, parent, **extra):
    region, _ = Region.objects.get_or_create(
        code=code, defaults={"name": name, "level": level, "parent": parent, **extra}
    )
    return region


def _organisation(region, name, kind):
    Organisation.objects.get_or_create(region=region, name=name, defaults={"kind": kind})


@demo_step(order=10)
def regions(context):
    chongqing = _region("500000000000", "重庆市", Level.PROVINCE, None)
    county = _region("500240000000", "石柱土家族自治县", Level.COUNTY, chongqing)
    town = _region(TOWN_CODE, "黄水镇", Level.TOWN, county, population=21400)
    for code, name, population, km in VILLAGES:
        village = _region(code, name, Level.VILLAGE, town, population=population, distance_km=km)
        committee = "居民委员会" if name.endswith("社区") else "村民委员会"
        _organisation(village, name + committee, OrganisationKind.VILLAGE_COMMITTEE)
        _organisation(village, name + "人民调解委员会", OrganisationKind.MEDIATION_COMMITTEE)
        if name in ("万胜坝社区", "七龙社区"):
            _organisation(village, name + "贵和工作室", OrganisationKind.GUIHE_STUDIO)
    _organisation(town, "黄水镇人民政府", OrganisationKind.GOVERNMENT)
    _organisation(town, "黄水镇司法所", OrganisationKind.JUSTICE_OFFICE)
    _organisation(town, "石柱县公安局黄水派出所", OrganisationKind.POLICE)
    _organisation(town, "黄水镇综治中心", OrganisationKind.GOVERNANCE_CENTRE)
    context.town = town
    context.say(f"区划：{county.name} › {town.name} 及其 {len(VILLAGES)} 个村（社区）")
