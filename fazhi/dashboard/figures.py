"""The figures of the cockpit and the county roll-up, read from the metrics registry.

The dashboard names no capability: it shows the metrics that registered a
breakdown (`fazhi.metrics.breakdowns`), so towns and villages are compared in
a fixed number of grouped queries whatever the number of towns, villages or
records, and every figure links to the list of its records (the metric's own
link, pointed at the region of the cell).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from fazhi import metrics
from fazhi.core.periods import Period
from fazhi.regions.models import Region

TREND_YEARS = 5
YEARS_BACK = 10  # how far back the default year looks for records
SCORE = "assessment.score"  # shown when a capability registers it


@dataclass
class Column:
    code: str
    label: str
    unit: str
    higher_is_better: bool | None


@dataclass
class Cell:
    value: int | Decimal | float | None
    url: str = ""
    note: str = ""
    heat: int = 0  # 0–4: how this value stands among its column's (for the heat table)


@dataclass
class Row:
    region: Region
    cells: list[Cell]
    rank: int | None = None


@dataclass
class KeyFigure:
    column: Column
    value: int | Decimal | float | None
    previous: int | Decimal | float | None
    url: str

    @property
    def change(self):
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    period: Period


@dataclass
class Series:
    label: str
    unit: str
    points: list[tuple[str, int | Decimal | float | None]] = field(default_factory=list)


def columns() -> list[Column]:
    found = []
    for registered in metrics.breakdowns():
        try:
            metric = metrics.get(registered.code)
        except KeyError:
            continue
        found.append(Column(metric.code, metric.label, metric.unit, registered.higher_is_better))
    return found


def default_year(region: Region) -> int:
    """The latest year before this one with records in `region` (this year's if
    none), by the first comparable figure: one small query a year looked at."""
    this_year = timezone.localdate().year
    shown = columns()
    if not shown:
        return this_year
    for year in range(this_year, this_year - YEARS_BACK, -1):
        found = metrics.compute_breakdown(shown[0].code, region, [region], Period.year(year))
        if found.values.get(region.pk):
            return year
    return this_year


def _links(region: Region, period: Period, shown: list[Column]) -> dict[str, str]:
    """Each column's records link for `region` (the metric computed once; its
    link is pointed at other regions by `metrics.relinked`)."""
    return {column.code: metrics.compute(column.code, region, period).list_url for column in shown}


def key_figures(region: Region, year: int) -> list[KeyFigure]:
    """The year's figures of `region` with last year's beside them."""
    shown = columns()
    now, before = Period.year(year), Period.year(year - 1)
    figures = []
    for column in shown:
        result = metrics.compute(column.code, region, now)
        previous = metrics.compute_breakdown(column.code, region, [region], before)
        figures.append(
            KeyFigure(column, result.value, previous.values.get(region.pk), result.list_url)
        )
    return figures


def compare(within: Region, regions: list[Region], period: Period) -> Table:
    """`regions` (sibling towns or villages in `within`) side by side."""
    shown = columns()
    links = _links(within, period, shown)
    found = {c.code: metrics.compute_breakdown(c.code, within, regions, period) for c in shown}
    rows = []
    for region in regions:
        cells = []
        for column in shown:
            values = found[column.code]
            cells.append(
                Cell(
                    values.values.get(region.pk),
                    metrics.relinked(links[column.code], region),
                    values.notes.get(region.pk, ""),
                )
            )
        rows.append(Row(region, cells))
    _heat(shown, rows)
    return Table(shown, rows, period)


def _heat(shown: list[Column], rows: list[Row]) -> None:
    """Grade each cell 1–4 among its column (4 best); 0 where no value or no
    better/worse (a count of disputes)."""
    for index, column in enumerate(shown):
        if column.higher_is_better is None:
            continue
        values = sorted(
            {row.cells[index].value for row in rows if row.cells[index].value is not None}
        )
        if len(values) < 2:
            continue
        for row in rows:
            cell = row.cells[index]
            if cell.value is None:
                continue
            share = values.index(cell.value) / (len(values) - 1)
            if not column.higher_is_better:
                share = 1 - share
            cell.heat = 1 + min(3, int(share * 4))


def ranked(table: Table, code: str) -> Table:
    """The table's rows ranked by the column `code` (best first; no value last)."""
    index = next((i for i, c in enumerate(table.columns) if c.code == code), None)
    if index is None:
        return table
    lower_first = table.columns[index].higher_is_better is False

    def key(row: Row):
        value = row.cells[index].value
        if value is None:
            return (1, 0)
        return (0, value if lower_first else -value)

    rows = sorted(table.rows, key=key)
    rank = 0
    for position, row in enumerate(rows, start=1):
        value = row.cells[index].value
        if value is None:
            row.rank = None
            continue
        if position == 1 or value != rows[position - 2].cells[index].value:
            rank = position
        row.rank = rank
    return Table(table.columns, rows, table.period)


COUNT_UNITS = ("次", "件")  # figures that add up month by month, on one scale


def monthly(region: Region, year: int, count: int = 2) -> list[Series]:
    """The first `count` comparable counts (activities, disputes) month by
    month: one grouped query per figure and month."""
    series = []
    for column in [c for c in columns() if c.unit in COUNT_UNITS][:count]:
        line = Series(column.label, column.unit)
        for month in range(1, 13):
            start = date(year, month, 1)
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            values = metrics.compute_breakdown(column.code, region, [region], Period(start, end))
            line.points.append((f"{month}月", values.values.get(region.pk)))
        series.append(line)
    return series


def yearly(within: Region, regions: list[Region], year: int, code: str) -> list[Series]:
    """Figure `code` for each of `regions` over the last TREND_YEARS years: one
    breakdown a year, whatever the number of regions."""
    years = list(range(year - TREND_YEARS + 1, year + 1))
    by_year = {y: metrics.compute_breakdown(code, within, regions, Period.year(y)) for y in years}
    series = []
    for region in regions:
        points = [(f"{y}年", by_year[y].values.get(region.pk)) for y in years]
        series.append(Series(region.name, "", points))
    return series


@dataclass
class Score:
    value: int | Decimal | float | None
    url: str
    parts: dict


def score(region: Region, year: int) -> Score | None:
    """The region's assessment score and weakest indicators, where a capability
    registers the figure."""
    try:
        result = metrics.compute(SCORE, region, Period.year(year))
    except KeyError:
        return None
    if result.value is None:
        return None
    return Score(result.value, result.list_url, result.parts)


PER_HEAD = "assessment.person_times_per_head"  # the villages' chart, where registered


def chart_column(table: Table) -> int:
    """The column the villages' chart shows: reach per head, else the first."""
    return next((i for i, c in enumerate(table.columns) if c.code == PER_HEAD), 0)


def chart_data(table: Table, index: int) -> dict:
    """One column of a table as the chart script reads it (json_script)."""
    if not table.columns:
        return {"title": "", "labels": [], "values": []}
    column = table.columns[index]
    return {
        "title": f"{column.label}（{column.unit}）",
        "labels": [row.region.name for row in table.rows],
        "values": [number(row.cells[index].value) for row in table.rows],
    }


def series_data(title: str, series: list[Series]) -> dict:
    """Lines as the chart script reads them, and `rows` for the table beside it."""
    labels = [label for label, _ in series[0].points] if series else []
    return {
        "title": title,
        "labels": labels,
        "series": [{"name": s.label, "values": [number(v) for _, v in s.points]} for s in series],
        "rows": [
            [label, *[number(s.points[i][1]) for s in series]] for i, label in enumerate(labels)
        ],
    }


def number(value):
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal) else value


def cached(key: tuple, compute) -> dict:
    """`compute()` (a dict of figures), kept for DASHBOARD_CACHE_SECONDS under
    `key`, with `computed_at`, the time the figures were read ("数据截至 …").
    The figures of a region and year are the same for everyone allowed to see
    them; the scope is checked before this is called."""
    seconds = settings.DASHBOARD_CACHE_SECONDS
    name = "dashboard:" + ":".join(str(part) for part in key)
    if seconds:
        found = cache.get(name)
        if found is not None:
            return found
    value = {**compute(), "computed_at": timezone.localtime()}
    if seconds:
        cache.set(name, value, seconds)
    return value
