"""Screening compliance: which villages filed their monthly 排查 report."""

from datetime import date

from fazhi.disputes.models import ScreeningReport


def villages_not_filed(villages, month: date) -> list:
    """The villages among `villages` with no screening report for `month` (flagged)."""
    filed = set(
        ScreeningReport.objects.filter(month=month.replace(day=1), region__in=villages).values_list(
            "region_id", flat=True
        )
    )
    return [village for village in villages if village.pk not in filed]


def months_of(period) -> list[date]:
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months
