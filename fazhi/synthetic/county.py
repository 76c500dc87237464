"""The county's tree: towns, villages, organisations and a few accounts per town.

Town 1 is 黄水镇 (500240105000), reused with its villages when `loaddemo` has
built it. The other towns take demo codes 500240601000, 500240602000 … (no
real town of 石柱县 uses 6xx), and their villages 001, 002 … under them.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password

from fazhi.accounts.models import User
from fazhi.core.roles import Role
from fazhi.regions.codes import county_prefix, full_code, town_prefix
from fazhi.regions.models import Level, Organisation, OrganisationKind, Region
from fazhi.synthetic.names import town_name, village_name

PROVINCE_CODE = "500000000000"
COUNTY_CODE = "500240000000"
DEMO_TOWN_CODE = "500240105000"
FIRST_SYNTHETIC_TOWN = 601  # 500240601000: a demo code, no real town of 石柱县 has it
MAX_TOWNS = 1 + 399  # up to 500240999000
MAX_VILLAGES = 999


@dataclass
class Town:
    region: Region
    villages: list[Region]
    officer: User
    advisor_user: User
    government: Organisation
    committees: dict[int, Organisation] = field(default_factory=dict)  # village pk → 村委会
    mediation: dict[int, Organisation] = field(default_factory=dict)  # village pk → 调委会


def synthetic_town_code(number: int) -> str:
    """The demo code of the `number`-th added town (1 → 500240601000)."""
    return full_code(county_prefix(COUNTY_CODE) + f"{FIRST_SYNTHETIC_TOWN + number - 1:03d}")


def village_code(town: Region, number: int) -> str:
    return town_prefix(town.code) + f"{number:03d}"


def synthetic_town_codes(towns: int) -> list[str]:
    return [synthetic_town_code(n) for n in range(1, towns)]


def county(writer) -> Region:
    province = Region.objects.filter(code=PROVINCE_CODE).first()
    if province is None:
        province = writer.insert(
            Region, [Region(code=PROVINCE_CODE, name="重庆市", level=Level.PROVINCE)]
        )[0]
    found = Region.objects.filter(code=COUNTY_CODE).first()
    if found is not None:
        return found
    record = Region(code=COUNTY_CODE, name="石柱土家族自治县", level=Level.COUNTY, parent=province)
    return writer.insert(Region, [record])[0]


def build_towns(*, writer, rng, towns: int, villages: int, password: str) -> list[Town]:
    """The `towns` towns, each with `villages` villages, their units and accounts."""
    top = county(writer)
    password_hash = make_password(password)  # hashed once: the same demo password for all
    built = []
    for index in range(towns):
        code = DEMO_TOWN_CODE if index == 0 else synthetic_town_code(index)
        built.append(
            _town(writer, rng, top, code, town_name(index), villages, password_hash, index)
        )
    return built


def _town(writer, rng, top, code, name, villages, password_hash, index) -> Town:
    town = Region.objects.filter(code=code).first()
    if town is None:
        population = rng.randint(8_000, 40_000)
        town = writer.insert(
            Region,
            [Region(code=code, name=name, level=Level.TOWN, parent=top, population=population)],
        )[0]
    existing = {v.code: v for v in Region.objects.filter(parent=town, level=Level.VILLAGE)}
    wanted = [village_code(town, n) for n in range(1, villages + 1)]
    new = [
        Region(
            code=c,
            name=village_name(index, n),
            level=Level.VILLAGE,
            parent=town,
            population=rng.randint(800, 6_000),
            distance_km=Decimal(rng.randint(5, 250)) / 10,
        )
        for n, c in enumerate(wanted)
        if c not in existing
    ]
    writer.insert(Region, new)
    by_code = {**existing, **{v.code: v for v in new}}
    village_list = [by_code[c] for c in wanted]
    _organisations(writer, town, village_list)
    units = {
        (o.region_id, o.kind): o
        for o in Organisation.objects.filter(region__code__startswith=town.prefix)
    }
    government = units[(town.pk, OrganisationKind.GOVERNMENT)]
    officer = _account(
        writer, Role.TOWN_OFFICER, town, government, "officer", password_hash, "hs_officer"
    )
    advisor_user = _account(
        writer, Role.LEGAL_ADVISOR, town, None, "advisor", password_hash, "advisor"
    )
    return Town(
        region=town,
        villages=village_list,
        officer=officer,
        advisor_user=advisor_user,
        government=government,
        committees={v.pk: units[(v.pk, OrganisationKind.VILLAGE_COMMITTEE)] for v in village_list},
        mediation={v.pk: units[(v.pk, OrganisationKind.MEDIATION_COMMITTEE)] for v in village_list},
    )


def _organisations(writer, town, villages) -> None:
    have = set(
        Organisation.objects.filter(region__code__startswith=town.prefix).values_list(
            "region_id", "kind"
        )
    )
    wanted = [
        (town, town.name + "人民政府", OrganisationKind.GOVERNMENT),
        (town, town.name + "司法所", OrganisationKind.JUSTICE_OFFICE),
        (town, f"石柱县公安局{town.name[:2]}派出所", OrganisationKind.POLICE),
        (town, town.name + "综治中心", OrganisationKind.GOVERNANCE_CENTRE),
    ]
    for village in villages:
        committee = "居民委员会" if village.name.endswith("社区") else "村民委员会"
        wanted.append((village, village.name + committee, OrganisationKind.VILLAGE_COMMITTEE))
        wanted.append(
            (village, village.name + "人民调解委员会", OrganisationKind.MEDIATION_COMMITTEE)
        )
    writer.insert(
        Organisation,
        [
            Organisation(region=region, name=name, kind=kind)
            for region, name, kind in wanted
            if (region.pk, kind) not in have
        ],
    )


def _account(writer, role, town, organisation, kind, password_hash, demo_username) -> User:
    """The demo's account for 黄水镇, else `<kind>_<town prefix>` (officer_500240601)."""
    if town.code == DEMO_TOWN_CODE:
        found = User.objects.filter(username=demo_username).first()
        if found is not None:
            return found
    username = f"{kind}_{town.prefix}"
    found = User.objects.filter(username=username).first()
    if found is not None:
        return found
    label = "法治专干" if role == Role.TOWN_OFFICER else "法律顾问"
    user = User(
        username=username,
        role=role,
        region=town,
        organisation=organisation,
        full_name=f"{town.name}{label}",
        password=password_hash,
    )
    return writer.insert(User, [user], exclude=["password"])[0]
