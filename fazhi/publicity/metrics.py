"""The figures of publicity work, each with the records behind it."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from fazhi.metrics import Breakdown, Result, breakdown, metric, rate, records_url, tally
from fazhi.publicity.coverage import village_coverage
from fazhi.publicity.models import (
    Activity,
    LawUnderstander,
    Screen,
    StudySession,
    Targets,
)
from fazhi.regions.codes import town_code
from fazhi.regions.models import Region


def _url(name: str, region, period=None, **params) -> str:
    return records_url(f"publicity:{name}", region=region, period=period, **params)


def _held(region, period, **filters):
    return Activity.objects.in_region(region).held().in_period(period).filter(**filters)


@metric("publicity.activities", "普法宣传活动", unit="次", capability="publicity")
def activities(region, period):
    records = _held(region, period)
    return Result(
        value=records.count(),
        records=records,
        list_url=_url("activity_list", region, period, status="held"),
    )


@metric(
    "publicity.concentrated_activities",
    "集中普法宣传活动",
    unit="次",
    capability="publicity",
    description="赶集日、国家宪法日等时机举办的集中宣传活动。",
)
def concentrated_activities(region, period):
    records = _held(region, period, concentrated=True)
    by_form = dict(records.order_by().values_list("form").annotate(n=Count("id")))
    return Result(
        value=records.count(),
        records=records,
        list_url=_url("activity_list", region, period, status="held", concentrated="1"),
        parts={"by_form": by_form},
    )


@breakdown("publicity.activities", order=10)
def activities_by_region(within, regions, period):
    rows = _held(within, period).order_by().values_list("region__code").annotate(n=Count("id"))
    return Breakdown(tally(rows, regions))


@metric("publicity.person_times", "受教人次", unit="人次", capability="publicity")
def person_times(region, period):
    records = _held(region, period)
    return Result(
        value=records.totals()["person_times"],
        records=records,
        list_url=_url("activity_list", region, period, status="held"),
    )


@breakdown("publicity.person_times", order=20)
def person_times_by_region(within, regions, period):
    rows = (
        _held(within, period)
        .order_by()
        .values_list("region__code")
        .annotate(n=Coalesce(Sum("person_times"), 0))
    )
    return Breakdown(tally(rows, regions))


@metric("publicity.materials", "发放普法资料", unit="份", capability="publicity")
def materials(region, period):
    records = _held(region, period)
    return Result(
        value=records.totals()["materials"],
        records=records,
        list_url=_url("activity_list", region, period, status="held"),
    )


@metric(
    "publicity.led_villages",
    "LED屏正常播放的村（社区）",
    unit="个",
    capability="publicity",
    description="在期末已安装且状态为“正常”的LED屏所在的村（社区）。",
)
def led_villages(region, period):
    records = Screen.objects.in_region(region).working().installed_by(period.end)
    villages = sorted(set(records.values_list("region__name", flat=True)))
    return Result(
        value=len(villages),
        records=records,
        list_url=_url("screen_list", region, status="working", until=period.end.isoformat()),
        parts={"villages": villages},
    )


@metric("publicity.villages_reached", "普法活动覆盖的村（社区）", unit="个", capability="publicity")
def villages_reached(region, period):
    records = _held(region, period)
    reached = (
        Region.objects.villages()
        .under(region.prefix)
        .filter(publicity_activities__in=records)
        .distinct()
    )
    names = list(reached.values_list("name", flat=True))
    return Result(
        value=len(names),
        records=records,
        list_url=_url("activity_list", region, period, status="held"),
        parts={"villages": names},
    )


@metric(
    "publicity.underserved_villages",
    "普法覆盖不足的村（社区）",
    unit="个",
    capability="publicity",
    description="期内人均受教人次低于本镇阈值（或未开展活动）的村（社区）。",
)
def underserved_villages(region, period):
    rows = [row for row in village_coverage(region, period) if row.underserved]
    records = Region.objects.filter(pk__in=[row.village.pk for row in rows])
    return Result(
        value=len(rows),
        records=records,
        list_url=_url("coverage", region, period),
        parts={row.village.name: row.per_resident for row in rows},
    )


@metric(
    "publicity.law_understanders_coverage",
    "法律明白人达标村（社区）占比",
    unit="%",
    capability="publicity",
    description="在册法律明白人数达到每村目标数的村（社区）所占比例。",
)
def law_understanders_coverage(region, period):
    records = (
        LawUnderstander.objects.in_region(region)
        .active()
        .filter(Q(since__isnull=True) | Q(since__lte=period.end))
    )
    target = Targets.for_region(region).law_understanders_per_village
    counts = dict(records.order_by().values_list("region__name").annotate(n=Count("id")))
    villages = list(Region.objects.villages().under(region.prefix).values_list("name", flat=True))
    meeting = [name for name in villages if counts.get(name, 0) >= target]
    value = rate(len(meeting), len(villages))
    return Result(
        value=value,
        records=records,
        list_url=_url("understander_list", region),
        parts={name: counts.get(name, 0) for name in villages},
    )


@breakdown("publicity.law_understanders_coverage", order=60)
def law_understanders_by_region(within, regions, period):
    """Per region: the share of its villages with the target number of people;
    the note says how many people are on the roll against the target."""
    records = (
        LawUnderstander.objects.in_region(within)
        .active()
        .filter(Q(since__isnull=True) | Q(since__lte=period.end))
    )
    people = dict(records.order_by().values_list("region__code").annotate(n=Count("id")))
    targets = Targets.targets_under(within)
    villages = list(Region.objects.villages().under(within.prefix).values_list("code", flat=True))
    default = Targets().law_understanders_per_village
    target_of = {code: targets.get(town_code(code), default) for code in villages}
    meeting = tally(((c, int(people.get(c, 0) >= target_of[c])) for c in villages), regions)
    counted = tally(((c, 1) for c in villages), regions)
    on_roll = tally(((c, people.get(c, 0)) for c in villages), regions)
    goal = tally(((c, target_of[c]) for c in villages), regions)
    return Breakdown(
        {pk: rate(meeting[pk], counted[pk]) for pk in counted},
        notes={pk: f"{on_roll[pk]}人/目标{goal[pk]}" for pk in counted},
    )


@metric(
    "publicity.cadre_study_hours",
    "干部学法学时",
    unit="人·学时",
    capability="publicity",
    description="期内各次学法的学时乘以参学干部人数之和。",
)
def cadre_study_hours(region, period):
    records = StudySession.objects.in_region(region).in_period(period)
    total = sum(
        (
            hours * attendees
            for hours, attendees in records.order_by()
            .annotate(n=Count("attendees"))
            .values_list("hours", "n")
        ),
        Decimal(0),
    )
    return Result(
        value=total,
        records=records,
        list_url=_url("study_list", region, period),
    )
