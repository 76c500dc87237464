"""Working days and due dates.

    >>> compute_deadline("litigation.answer", date(2020, 9, 24))
    Deadline(rule='litigation.answer', start=..., due=date(2020, 10, 9), ...)

Rules (行政诉讼法第一百零一条 and 行政复议法第八十八条 refer to the civil
procedure rules on periods):
- the start day is not counted;
- a calendar-day or month period whose last day is not a working day ends on
  the next working day;
- a working-day period counts working days only;
- a month period ends on the same date of the later month, or on that month's
  last day when it has no such date;
- a "by the n-th of the next month" rule (村务公开: monthly and quarterly
  items by the 15th) starts on the period's last day and ends on the n-th of
  the following month, moved to the next working day like any period's last
  day.
A due date that depends on a year nobody entered in the holiday table is
provisional.

The engine never raises for a stored record: when a start date lies where
the calendar cannot reach (the lunar table behind 春节, 端午 and 中秋 spans
1900–2099; Python's dates end in 9999), the result has no due date and says
why (`computable` is false, `problem` the reason), and pages show "无法计算"
instead of failing for everyone who sees the record.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fazhi.deadlines.rules import Unit, get_rule
from fazhi.deadlines.statutory import FIRST_YEAR, LAST_YEAR, statutory_holidays


@dataclass(frozen=True)
class Deadline:
    rule: str
    start: date
    due: date | None
    basis: str
    working_days: bool
    provisional: bool
    problem: str = ""

    @property
    def computable(self) -> bool:
        return self.due is not None

    @property
    def label(self) -> str:
        return get_rule(self.rule).label


class WorkCalendar:
    """Reads the holiday table one year at a time, and remembers whether any
    day it answered for came from a year nobody entered (provisional)."""

    def __init__(self):
        self._years: dict[int, tuple[bool, dict[date, bool]]] = {}
        self.provisional = False

    def _year(self, year: int) -> tuple[bool, dict[date, bool]]:
        if year not in self._years:
            from fazhi.deadlines.models import CalendarYear, Holiday

            if CalendarYear.objects.filter(year=year).exists():
                days = dict(
                    Holiday.objects.filter(calendar__year=year).values_list(
                        "date", "is_working_day"
                    )
                )
                self._years[year] = (True, days)
            else:
                self._years[year] = (False, dict.fromkeys(statutory_holidays(year), False))
        return self._years[year]

    def load(self, years: Iterable[int]) -> "WorkCalendar":
        """Read the holiday table of all `years` at once, in two queries (an
        import or a refresh that computes many dates across many years)."""
        from fazhi.deadlines.models import CalendarYear, Holiday

        wanted = set(years) - set(self._years)
        if not wanted:
            return self
        entered = set(CalendarYear.objects.filter(year__in=wanted).values_list("year", flat=True))
        listed: dict[int, dict[date, bool]] = {year: {} for year in entered}
        holidays = Holiday.objects.filter(calendar__year__in=entered)
        for day, working in holidays.values_list("date", "is_working_day"):
            listed[day.year][day] = working
        for year in wanted:
            if year in entered:
                self._years[year] = (True, listed[year])
            else:
                self._years[year] = (False, dict.fromkeys(statutory_holidays(year), False))
        return self

    def is_entered(self, day: date) -> bool:
        return self._year(day.year)[0]

    def is_working_day(self, day: date) -> bool:
        entered, listed = self._year(day.year)
        if not entered:
            self.provisional = True
        if day in listed:
            return listed[day]
        return day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first one after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, count: int) -> date:
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def day_of_next_month(start: date, day: int) -> date:
    """The `day`-th of the month after `start`'s (its last day if shorter)."""
    first = add_months(start.replace(day=1), 1)
    return first.replace(day=min(day, calendar.monthrange(first.year, first.month)[1]))


def is_working_day(day: date) -> bool:
    return WorkCalendar().is_working_day(day)


def add_working_days(start: date, count: int) -> date:
    """The day `count` working days after `start` (the start day not counted)."""
    return WorkCalendar().add_working_days(start, count)


def is_provisional(day: date) -> bool:
    """Whether `day` falls in a year nobody entered in the holiday table."""
    return not WorkCalendar().is_entered(day)


def compute_deadline(
    rule_code: str, start: date, *, length: int | None = None, calendar: WorkCalendar | None = None
) -> Deadline:
    """The due date of `rule_code` for a period starting on `start`.

    `length` overrides the rule's length (e.g. a recorded extension shorter
    than the maximum); the unit and basis stay the rule's. Pass one
    `WorkCalendar` to many calls (a list, a metric) so each year's holidays are
    read once. Raises `UnknownRule` (a KeyError) for an unknown code.
    """
    rule = get_rule(rule_code)
    if isinstance(start, datetime):
        start = start.date()
    length = rule.length if length is None else length
    work = WorkCalendar() if calendar is None else calendar
    was_provisional, work.provisional = work.provisional, False
    try:
        if rule.unit == Unit.WORKING_DAYS:
            due = work.add_working_days(start, length)
        elif rule.unit == Unit.MONTHS:
            due = work.next_working_day(add_months(start, length))
        elif rule.unit == Unit.DAY_OF_NEXT_MONTH:
            due = work.next_working_day(day_of_next_month(start, length))
        else:
            due = work.next_working_day(start + timedelta(days=length))
    except (ValueError, OverflowError):  # a year the calendar cannot reach
        work.provisional = was_provisional
        return Deadline(
            rule=rule.code,
            start=start,
            due=None,
            basis=rule.basis,
            working_days=rule.working_days,
            provisional=False,
            problem=f"无法计算：起算日 {start:%Y-%m-%d} 超出节假日历法可计算的范围"
            f"（{FIRST_YEAR}—{LAST_YEAR}年），请核对该日期。",
        )
    return Deadline(
        rule=rule.code,
        start=start,
        due=due,
        basis=rule.basis,
        working_days=rule.working_days,
        provisional=_provisional(work, was_provisional),
    )


def _provisional(work: WorkCalendar, was_provisional: bool) -> bool:
    """This computation's flag; the shared calendar keeps whether any was provisional."""
    this_one = work.provisional
    work.provisional = was_provisional or this_one
    return this_one
