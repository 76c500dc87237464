"""A figure for many regions at once: towns side by side, villages side by side.

Computing a metric once per town would run as many queries as there are towns.
A capability that wants its figure compared registers, next to the metric, a
breakdown: a function `(within, regions, period) -> Breakdown` that answers for
every region of `regions` (sibling towns or villages lying in `within`) in a
fixed number of grouped queries, whatever the number of regions or records:

    @breakdown("disputes.cases", order=30)
    def cases_by_region(within, regions, period):
        rows = Dispute.objects.in_region(within).registered_in(period)
        return Breakdown(tally(rows.values_list("region__code").annotate(n=Count("id")), regions))

The cockpit and the county roll-up (fazhi/dashboard) show the metrics that
have one, in `order`; a metric without a breakdown is shown for one region at
a time. A breakdown's value for a region is the metric's value for it, so a
cell links to the same records (`relinked`).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from fazhi.core.periods import Period

Value = int | Decimal | float | None


@dataclass
class Breakdown:
    values: dict[int, Value]  # region pk → the metric's value for it
    notes: dict[int, str] = field(default_factory=dict)  # a short word beside a value ("5人/目标3")


@dataclass(frozen=True)
class Registered:
    code: str
    order: int
    compute: Callable[..., Breakdown]
    higher_is_better: bool | None = True  # None: neither (a count of disputes)


_BREAKDOWNS: dict[str, Registered] = {}


def breakdown(code: str, *, order: int, higher_is_better: bool | None = True):
    def register(compute: Callable[..., Breakdown]) -> Callable[..., Breakdown]:
        found = _BREAKDOWNS.get(code)
        if found is not None and found.compute is not compute:
            raise ValueError(f"breakdown of {code!r} is defined twice")
        _BREAKDOWNS[code] = Registered(code, order, compute, higher_is_better)
        return compute

    return register


def breakdowns() -> list[Registered]:
    return sorted(_BREAKDOWNS.values(), key=lambda b: (b.order, b.code))


def has_breakdown(code: str) -> bool:
    return code in _BREAKDOWNS


def compute_breakdown(code: str, within, regions: list, period: Period) -> Breakdown:
    return _BREAKDOWNS[code].compute(within, regions, period)


def tally(rows: Iterable[tuple[str, int]], regions: list) -> dict[int, int]:
    """Sum `(region code, count)` rows into the region of `regions` each code lies
    in (regions of one level); a region without rows gets 0."""
    totals: dict[int, int] = {region.pk: 0 for region in regions}
    if not regions:
        return totals
    length = len(regions[0].prefix)
    by_prefix = {region.prefix: region.pk for region in regions}
    for code, value in rows:
        pk = by_prefix.get(code[:length])
        if pk is not None and value is not None:
            totals[pk] += value
    return totals


def relinked(url: str, region) -> str:
    """A metric's records link (`records_url`) pointed at `region` instead."""
    if not url:
        return ""
    parts = urlsplit(url)
    query = [(k, region.code if k == "region" else v) for k, v in parse_qsl(parts.query)]
    return urlunsplit(parts._replace(query=urlencode(query)))
