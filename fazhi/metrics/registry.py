"""The one place where a figure is defined.

A metric takes a scope (a region) and a period and returns its value together
with the records behind it, so every figure on a dashboard, in an indicator or
in a report can be traced back. Apps register their metrics in a `metrics.py`
module, which is imported when Django starts:

    @metric("publicity.activities", "普法宣传活动", unit="次", capability="publicity")
    def activities(region, period):
        records = Activity.objects.in_region(region).in_period(period)
        return Result(value=records.count(), records=records, list_url=...)
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from fazhi.core.periods import Period


@dataclass
class Result:
    value: int | Decimal | float | None
    records: QuerySet | None = None
    list_url: str = ""  # the filtered list page showing exactly `records`
    parts: dict = field(default_factory=dict)  # breakdowns, e.g. per village


@dataclass(frozen=True)
class Metric:
    code: str
    label: str
    unit: str
    capability: str
    compute: Callable[..., Result]
    description: str = ""
    do_not_call_in_templates = True  # templates read {{ metric.label }}, never run it

    def __call__(self, region, period: Period) -> Result:
        return self.compute(region, period)


_REGISTRY: dict[str, Metric] = {}


def metric(code: str, label: str, *, unit: str, capability: str, description: str = ""):
    def register(compute: Callable[..., Result]) -> Callable[..., Result]:
        if code in _REGISTRY and _REGISTRY[code].compute is not compute:
            raise ValueError(f"metric {code!r} is defined twice")
        _REGISTRY[code] = Metric(code, label, unit, capability, compute, description)
        return compute

    return register


def get(code: str) -> Metric:
    return _REGISTRY[code]


def all_metrics() -> list[Metric]:
    return sorted(_REGISTRY.values(), key=lambda m: m.code)


def compute(code: str, region, period: Period) -> Result:
    return _REGISTRY[code](region, period)
