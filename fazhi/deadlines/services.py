"""Writes to the holiday table. Each one tells the capabilities that store due
dates (their "holidays_changed" hook, `(years) -> int`, see
fazhi/core/capabilities.py) in the same transaction, so a stored date never
disagrees with the table it was counted on."""

from collections.abc import Iterable

from django.db import transaction

from fazhi.core import capabilities
from fazhi.deadlines.models import CalendarYear, Holiday, Source
from fazhi.deadlines.statutory import statutory_holidays


def holidays_changed(years: Iterable[int]) -> int:
    """Let every capability recompute the due dates it stores for `years`;
    return how many records changed."""
    years = sorted(set(years))
    if not years:
        return 0
    changed = 0
    for capability in capabilities.all_capabilities():
        hook = capability.hook("holidays_changed")
        if hook is not None:
            changed += hook(years) or 0
    return changed


@transaction.atomic
def calendar_year_create(*, year: int, notice: str = "") -> CalendarYear:
    """Enter a year, pre-filled with its fixed statutory holidays; the
    administrator then adds the State Council's bridging and make-up days."""
    calendar = CalendarYear(year=year, notice=notice, source=Source.MANUAL)
    calendar.full_clean()
    calendar.save()
    for day, name in statutory_holidays(year).items():
        holiday = Holiday(calendar=calendar, date=day, name=name)
        holiday.full_clean()
        holiday.save()
    holidays_changed([year])
    return calendar


@transaction.atomic
def holiday_add(*, calendar: CalendarYear, holiday: Holiday) -> Holiday:
    holiday.calendar = calendar
    holiday.full_clean()
    holiday.save()
    holidays_changed([calendar.year])
    return holiday


@transaction.atomic
def holiday_delete(*, holiday: Holiday) -> None:
    year = holiday.calendar.year
    holiday.delete()
    holidays_changed([year])
