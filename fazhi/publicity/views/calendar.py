"""Key dates and market days: what is coming and what has been done for each."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.periods import year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.publicity.forms import KeyDateForm, MarketDayRuleForm
from fazhi.publicity.models import Activity, KeyDate, MarketDayRule
from fazhi.publicity.services import key_dates_add_defaults
from fazhi.publicity.views.common import crumbs, edit_page, scope_region


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


def occasions(user, region, start: date, end: date) -> list[CalendarDay]:
    """Key dates and market days between start and end, each with the activities held then."""
    town = region.town
    days: list[CalendarDay] = []
    for key_date in KeyDate.objects.filter(region=town) if town else []:
        for year in range(start.year, end.year + 1):
            first, last = key_date.span_in(year)
            if last >= start and first <= end:
                days.append(CalendarDay(first, last, key_date.name, "key", key_date.theme_id))
    rule = MarketDayRule.objects.filter(region=town).first() if town else None
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


def upcoming(user, region, start, end):
    return occasions(user, region, start, end)


@capability_required("publicity")
def calendar_view(request):
    region = scope_region(request)
    today = timezone.localdate()
    year = year_from(request, default=today.year)
    town = region.town
    key_days = [
        d
        for d in occasions(request.user, region, date(year, 1, 1), date(year, 12, 31))
        if d.kind == "key"
    ]
    return render(
        request,
        "publicity/calendar.html",
        {
            "region": region,
            "year": year,
            "key_days": key_days,
            "market_days": occasions(request.user, region, today, today + timedelta(days=30)),
            "key_dates": KeyDate.objects.for_user(request.user),
            "rule": MarketDayRule.objects.filter(region=town).first() if town else None,
            "town": town,
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(("普法日历", None)),
        },
    )


@capability_required("publicity", edit=True)
def key_date_create(request):
    return edit_page(
        request, form_class=KeyDateForm, title="新增时间节点", back=reverse("publicity:calendar")
    )


@capability_required("publicity", edit=True)
def key_date_edit(request, pk: int):
    key_date = get_for_user_or_404(KeyDate, request.user, pk=pk)
    return edit_page(
        request,
        form_class=KeyDateForm,
        instance=key_date,
        title="修改时间节点",
        back=reverse("publicity:calendar"),
    )


@require_POST
@capability_required("publicity", edit=True)
def key_dates_defaults(request):
    town = scope_region(request).town
    if town is None:
        messages.error(request, "请先选择一个乡镇。")
    else:
        added = key_dates_add_defaults(user=request.user, town=town)
        messages.success(request, f"已添加 {added} 个常用时间节点。")
    return redirect("publicity:calendar")


@capability_required("publicity", edit=True)
def market_rule_edit(request):
    town = scope_region(request).town
    rule = MarketDayRule.objects.for_user(request.user).filter(region=town).first()
    return edit_page(
        request,
        form_class=MarketDayRuleForm,
        instance=rule,
        title="赶集日规则",
        back=reverse("publicity:calendar"),
    )
