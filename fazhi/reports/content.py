"""What a report says, computed from the metrics registry.

`compute(region, year)` returns a `Content` (see `fazhi.reports.types`): the
figures (value, unit, label, link to the records, how many records) and the
paragraphs and candidates the contributions wrote from them. A draft
recomputes it on every view; a final report keeps the copy taken when it was
finalised (its snapshot).
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from fazhi import metrics
from fazhi.regions.models import Level, Region
from fazhi.reports import contrib
from fazhi.reports.types import Candidate, Content, Figure, JSONValue, Paragraph, RegionInfo


def _plain(value: Any) -> Any:
    """`value` as JSON can hold it (a Decimal as int or float, a date as ISO text)."""
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


def context_of(region: Region, year: int) -> contrib.Context:
    return contrib.Context(
        region_name=region.name,
        region_code=region.code,
        is_county=region.level <= Level.COUNTY,
        year=year,
    )


def _registered(contribution: contrib.Contribution) -> bool:
    known = {m.code for m in metrics.all_metrics()}
    return all(code in known for code in contribution.metrics)


def compute_figures(region: Region, year: int, codes: Iterable[str]) -> dict[str, Figure]:
    period = metrics.Period.year(year)
    figures = {}
    for code in sorted(codes):
        metric = metrics.get(code)
        result = metric(region, period)
        value: JSONValue = _plain(result.value)
        figures[code] = Figure(
            code=code,
            label=metric.label,
            unit=metric.unit,
            value=value,
            list_url=result.list_url,
            records=result.records.count() if result.records is not None else None,
            parts=_plain(result.parts or {}),
        )
    return figures


def compute(region: Region, year: int) -> Content:
    paragraphs = [c for c in contrib.paragraphs() if _registered(c)]
    candidates = [c for c in contrib.candidates() if _registered(c)]
    codes = {code for c in paragraphs + candidates for code in c.metrics}
    figures = compute_figures(region, year, codes)
    f = contrib.Figures(figures)
    ctx = context_of(region, year)
    written: dict[str, list[Paragraph]] = {}
    for contribution in paragraphs:
        text = contribution.write(f, ctx)
        if text:
            written.setdefault(contribution.section, []).append(
                Paragraph(text=text, metrics=contribution.metrics, key=contribution.name)
            )
    proposed = []
    for contribution in candidates:
        text = contribution.write(f, ctx)
        if text:
            proposed.append(
                Candidate(
                    key=contribution.name,
                    kind=contribution.section,
                    text=text,
                    metrics=contribution.metrics,
                )
            )
    towns = Region.objects.under(region.prefix).towns().count() if ctx.is_county else 1
    return Content(
        region=RegionInfo(code=region.code, name=region.name, level=region.level, towns=towns),
        year=year,
        computed_at=timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        figures=figures,
        paragraphs={section: tuple(items) for section, items in written.items()},
        candidates=tuple(proposed),
        # Some figures are non-zero without any work recorded (e.g. villages not
        # yet reached), so "records" means: some paragraph found something to say.
        has_records=bool(written),
    )
