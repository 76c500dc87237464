from fazhi.metrics.breakdowns import (
    Breakdown,
    breakdown,
    breakdowns,
    compute_breakdown,
    has_breakdown,
    relinked,
    tally,
)
from fazhi.metrics.links import records_url
from fazhi.metrics.rates import rate
from fazhi.metrics.registry import Metric, Period, Result, all_metrics, compute, get, metric

__all__ = [
    "Breakdown",
    "breakdown",
    "breakdowns",
    "compute_breakdown",
    "has_breakdown",
    "relinked",
    "tally",
    "Metric",
    "Period",
    "Result",
    "all_metrics",
    "compute",
    "get",
    "metric",
    "rate",
    "records_url",
]
