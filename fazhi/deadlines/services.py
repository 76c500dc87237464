from django.db import transaction

from fazhi.deadlines.models import CalendarYear, Holiday, Source
from fazhi.deadlines.statutory import statutory_holidays


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
    return calendar


@transaction.atomic
def holiday_add(*, calendar: CalendarYear, holiday: Holiday) -> Holiday:
    holiday.calendar = calendar
    holiday.full_clean()
    holiday.save()
    return holiday
