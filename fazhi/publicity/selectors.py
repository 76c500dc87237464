"""Reads the publicity pages share.

Pages open on the latest year with a held activity in the user's scope, so a
first visit shows the work there is (the year stays switchable on the page).
The calendar and the overview show the same key dates and market days, each
with the activities held for it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from fazhi.publicity.models import Activity, KeyDate, MarketDayRule
from fazhi.regions.models import Region


def activity_latest_year(*, user) -> int | None:
    latest = (
        Activity.objects.for_user(user).held().order_by("-date").values_list("date", flat=True)
    ).first()
    return latest.year if latest else None


@dataclass
class CalendarDay:
    start: date
    end: date
    label: str
    kind: str  # "key" or "market"
    theme_id: int | None = None
    activities: list = field(default_factory=list)

    def counts(self, activity) -> bool:
        """Held for this day: within its span, or up to NEAR days around it on its theme."""
        if self.start <= activity.date <= self.end:
            return True
        near = self.start - NEAR <= activity.date <= self.end + NEAR
        return near and self.theme_id in {theme.pk for theme in activity.themes.all()}

    @property
    def past(self) -> bool:
        return self.end < timezone.localdate()


NEAR = timedelta(days=3)  # a market day next to 6·26 on 禁毒 counts for 6·26


def calendar_town(*, region: Region) -> Region | None:
    """The town whose key dates and market days a region's calendar shows."""
    return region.town


def market_day_rule(*, town: Region | None) -> MarketDayRule | None:
    return MarketDayRule.objects.filter(region=town).first() if town else None


def calendar_occasions(*, user, region: Region, start: date, end: date) -> list[CalendarDay]:
    """Key dates and market days between start and end, each with the activities held then
    (the calendar page and the overview's 近期节点)."""
    town = calendar_town(region=region)
    days: list[CalendarDay] = []
    for key_date in KeyDate.objects.filter(region=town) if town else []:
        for year in range(start.year, end.year + 1):
            first, last = key_date.span_in(year)
            if last >= start and first <= end:
                days.append(CalendarDay(first, last, key_date.name, "key", key_date.theme_id))
    rule = market_day_rule(town=town)
    if rule:
        days += [CalendarDay(day, day, "赶集日", "market") for day in rule.days_between(start, end)]
    activities = list(
        Activity.objects.for_user(user)
        .in_region(region)
        .filter(date__gte=start - NEAR, date__lte=end + NEAR)
        .prefetch_related("themes")
    )
    for day in days:
        day.activities = [activity for activity in activities if day.counts(activity)]
    return sorted(days, key=lambda d: (d.start, d.kind))
