"""Small systems and sheets for the tests, built through the services."""

from datetime import date
from decimal import Decimal

from fazhi.assessment import services
from fazhi.assessment.models import Entry, Sheet


def build_system(user, *, level="town", name="测试考核指标体系", year=2020, publish=True):
    """A tree: 1 组织领导 › 1.1 专题研究 (manual 10) and 1.2 纠纷登记 (threshold
    on disputes.cases ≥ 1, 20); 2 加减分 › bonus, penalty, veto."""
    system = services.system_create(user=user, name=name, year=year, level=level)
    top = services.indicator_save(user=user, system=system, name="组织领导", method="group")
    services.indicator_save(
        user=user, system=system, parent=top, name="专题研究法治建设", points=10, method="manual"
    )
    services.indicator_save(
        user=user,
        system=system,
        parent=top,
        name="矛盾纠纷登记",
        points=20,
        method="threshold",
        metric="disputes.cases",
        params={"threshold": 1},
    )
    extra = services.indicator_save(user=user, system=system, name="加减分", method="group")
    services.indicator_save(
        user=user, system=system, parent=extra, name="获得表彰", points=3, method="bonus"
    )
    services.indicator_save(
        user=user, system=system, parent=extra, name="被通报", points=5, method="penalty"
    )
    services.indicator_save(
        user=user, system=system, parent=extra, name="重大群体性事件", points=0, method="veto"
    )
    if publish:
        services.system_publish(user=user, system=system)
    return system


def town_sheet(cast, system=None):
    system = system or build_system(cast.county_admin)
    services.sheets_create(user=cast.county_admin, system=system, town=cast.town)
    return Sheet.objects.get(system=system, region=cast.town)


def entry(sheet, name) -> Entry:
    return sheet.entries.select_related("indicator").get(indicator__name=name)


def register_dispute(cast, *, on=date(2020, 5, 1)):
    from fazhi.disputes import services as disputes
    from fazhi.disputes.models import DisputeType

    kind = DisputeType.objects.first() or DisputeType.objects.create(name="邻里")
    return disputes.dispute_register(
        user=cast.officer,
        region=cast.qilong,
        source="visit",
        dispute_type=kind,
        summary="邻里因排水沟发生争执",
        people_involved=2,
        risk="low",
        registered_on=on,
    )


def self_assess_and_submit(cast, sheet):
    services.entry_self_assess(
        user=cast.officer, entry=entry(sheet, "专题研究法治建设"), score=Decimal(8), note="研究2次"
    )
    return services.sheet_submit(user=cast.officer, sheet=sheet)
