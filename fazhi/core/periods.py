"""Years, months, periods and numbers from a request: one parser for every page.

Each page used to read `?year=`, `?month=`, `?since=`/`?until=` and
`?threshold=` its own way, and several let a value through that crashed
later: `year=0` and `year=99999` (no such date), `month=9999-12` (the next
month does not exist), `threshold=nan` or `1e999` (no such number). Here a
value that is present but wrong raises `django.core.exceptions.BadRequest`
with a Chinese message naming the parameter, which Django answers with 400;
an absent or empty value gives the page's default.

    year = year_from(request, default=today.year)
    period = period_from(request, default_year=lambda: latest_year)
    month = month_from(request, default=today.replace(day=1))
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import BadRequest
from django.utils import timezone

from fazhi.core.validators import EARLIEST

FIRST_YEAR = EARLIEST.year


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        if (
            self.start.month == 1
            and self.start.day == 1
            and self.end == date(self.start.year, 12, 31)
        ):
            return f"{self.start.year}年"
        return f"{self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}"


def last_year() -> int:
    """The last year a page may ask for: next year (plans are made ahead)."""
    return timezone.localdate().year + 1


def parse_year(value: str | int | None, *, name: str = "year", label: str = "年度") -> int | None:
    """`value` as a year between FIRST_YEAR and next year; None when empty."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit() and FIRST_YEAR <= int(text) <= last_year()):
        raise BadRequest(
            f"参数 {name}（{label}）无效：“{text[:20]}”不是 {FIRST_YEAR} 至 {last_year()} "
            "之间的年份。"
        )
    return int(text)


def parse_month(value: str | None, *, name: str = "month", label: str = "月份") -> date | None:
    """`value` ("YYYY-MM") as the first day of that month; None when empty."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    parts = text.split("-")
    problem = (
        f"参数 {name}（{label}）无效：“{text[:20]}”应为 YYYY-MM 格式、"
        f"年份在 {FIRST_YEAR} 至 {last_year()} 之间的月份。"
    )
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
        raise BadRequest(problem)
    try:
        year = parse_year(parts[0], name=name, label=label)
    except BadRequest:
        raise BadRequest(problem) from None
    if year is None or not 1 <= int(parts[1]) <= 12:
        raise BadRequest(problem)
    return date(year, int(parts[1]), 1)


def parse_date(value: str | None, *, name: str, label: str) -> date | None:
    """`value` ("YYYY-MM-DD") as a date in the years pages may ask for; None when empty."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or len(text) != 10 or not FIRST_YEAR <= day.year <= last_year():
        raise BadRequest(
            f"参数 {name}（{label}）无效：“{text[:20]}”应为 YYYY-MM-DD 格式、"
            f"年份在 {FIRST_YEAR} 至 {last_year()} 之间的日期。"
        )
    return day


def parse_number(
    value: str | None, *, name: str, label: str, minimum: Decimal = Decimal(0), maximum: Decimal
) -> Decimal | None:
    """`value` as a finite decimal in [minimum, maximum]; None when empty."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not minimum <= number <= maximum:
        raise BadRequest(
            f"参数 {name}（{label}）无效：“{text[:20]}”应为 {minimum} 至 {maximum} 之间的数字。"
        )
    return number


def parse_count(value: str | None, *, name: str, label: str, maximum: int) -> int | None:
    """`value` as a whole number in [1, maximum]; None when empty."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= maximum):
        raise BadRequest(
            f"参数 {name}（{label}）无效：“{text[:20]}”应为 1 至 {maximum} 之间的整数。"
        )
    return int(text)


def year_from(request, *, default: int | None = None, name: str = "year") -> int | None:
    """?year= (or ?<name>=) of the request, else `default`."""
    year = parse_year(request.GET.get(name), name=name)
    return default if year is None else year


def month_from(request, *, default: date | None, name: str = "month") -> date | None:
    """?month=YYYY-MM of the request as its first day, else `default`."""
    month = parse_month(request.GET.get(name), name=name)
    return default if month is None else month


def period_from(request, *, default_year: int | Callable[[], int]) -> Period:
    """?since=&until= (both, since not after until), else ?year=, else `default_year`
    (a year or a function giving one, called only when needed)."""
    since = parse_date(request.GET.get("since"), name="since", label="起始日期")
    until = parse_date(request.GET.get("until"), name="until", label="截止日期")
    if since and until:
        if since > until:
            raise BadRequest("参数 since（起始日期）不能晚于 until（截止日期）。")
        return Period(since, until)
    year = year_from(request)
    if year is None:
        year = default_year() if callable(default_year) else default_year
    return Period.year(year)


def linked_period(params) -> Period | None:
    """The period a figure's records link names (`since` and `until`, see
    `fazhi.metrics.records_url`), or None when it names none."""
    since = parse_date(params.get("since"), name="since", label="起始日期")
    until = parse_date(params.get("until"), name="until", label="截止日期")
    if since is None or until is None:
        return None
    return Period(since, until)
