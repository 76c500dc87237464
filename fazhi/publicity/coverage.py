"""Coverage per village: who has been reached, how often, and how far away they live."""

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from fazhi.publicity.models import Activity, Targets
from fazhi.regions.models import Region


@dataclass
class VillageCoverage:
    village: Region
    activities: int = 0
    person_times: float = 0.0
    last_date: date | None = None
    per_resident: float | None = None
    days_since: int | None = None
    underserved: bool = False


def _threshold(targets: Targets, period) -> float:
    """The yearly threshold, prorated to the period's length."""
    days = (period.end - period.start).days + 1
    return float(targets.underserved_below) * days / 365


def village_coverage(region, period, *, threshold: Decimal | None = None) -> list[VillageCoverage]:
    """One row per village at or under `region`, from held activities in `period`.

    An activity that reached several villages shares its person-times evenly
    among them. Three queries whatever the number of activities.
    """
    villages = list(Region.objects.villages().under(region.prefix))
    rows = {village.pk: VillageCoverage(village) for village in villages}
    links = list(
        Activity.villages.through.objects.filter(
            activity__in=Activity.objects.held().in_period(period), region__in=villages
        ).values_list("activity_id", "region_id", "activity__person_times", "activity__date")
    )
    village_counts: dict[int, int] = {}
    for activity_id, *_ in links:
        village_counts[activity_id] = village_counts.get(activity_id, 0) + 1
    for activity_id, village_id, person_times, day in links:
        row = rows[village_id]
        row.activities += 1
        row.person_times += person_times / village_counts[activity_id]
        row.last_date = max(row.last_date or day, day)
    targets = Targets.for_region(region)
    limit = (
        float(threshold) * ((period.end - period.start).days + 1) / 365
        if threshold is not None
        else _threshold(targets, period)
    )
    today = min(timezone.localdate(), period.end)
    for row in rows.values():
        population = row.village.population
        row.person_times = round(row.person_times, 1)
        row.per_resident = round(row.person_times / population, 3) if population else None
        row.days_since = (today - row.last_date).days if row.last_date else None
        row.underserved = row.activities == 0 or (
            row.per_resident is not None and row.per_resident < limit
        )
    return list(rows.values())


def distance_correlation(rows: list[VillageCoverage]) -> float | None:
    """Pearson's r between distance to the town seat and reach per resident."""
    pairs = [
        (float(row.village.distance_km), row.per_resident)
        for row in rows
        if row.village.distance_km is not None and row.per_resident is not None
    ]
    if len(pairs) < 3:
        return None
    n = len(pairs)
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    var_x = sum((x - mean_x) ** 2 for x, _ in pairs)
    var_y = sum((y - mean_y) ** 2 for _, y in pairs)
    if var_x == 0 or var_y == 0:
        return None
    return round(cov / math.sqrt(var_x * var_y), 2)


def distance_verdict(r: float | None) -> str:
    if r is None:
        return "数据不足，无法判断覆盖与距离的关系。"
    if r <= -0.5:
        return f"距离越远，人均受教越少（相关系数 {r}）：偏远村（社区）覆盖明显不足。"
    if r < -0.2:
        return f"距离越远，人均受教略少（相关系数 {r}）。"
    return f"覆盖与距离无明显负相关（相关系数 {r}）。"
