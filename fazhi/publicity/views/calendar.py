"""Key dates and market days: what is coming and what has been done for each."""

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
from fazhi.publicity.models import KeyDate, MarketDayRule
from fazhi.publicity.selectors import calendar_occasions, calendar_town, market_day_rule
from fazhi.publicity.services import key_dates_add_defaults
from fazhi.publicity.views.common import crumbs, edit_page, scope_region


@capability_required("publicity")
def calendar_view(request):
    region = scope_region(request)
    today = timezone.localdate()
    year = year_from(request, default=today.year)
    town = calendar_town(region=region)
    key_days = [
        d
        for d in calendar_occasions(
            user=request.user, region=region, start=date(year, 1, 1), end=date(year, 12, 31)
        )
        if d.kind == "key"
    ]
    return render(
        request,
        "publicity/calendar.html",
        {
            "region": region,
            "year": year,
            "key_days": key_days,
            "market_days": calendar_occasions(
                user=request.user, region=region, start=today, end=today + timedelta(days=30)
            ),
            "key_dates": KeyDate.objects.for_user(request.user),
            "rule": market_day_rule(town=town),
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
    town = calendar_town(region=scope_region(request))
    if town is None:
        messages.error(request, "请先选择一个乡镇。")
    else:
        added = key_dates_add_defaults(user=request.user, town=town)
        messages.success(request, f"已添加 {added} 个常用时间节点。")
    return redirect("publicity:calendar")


@capability_required("publicity", edit=True)
def market_rule_edit(request):
    town = calendar_town(region=scope_region(request))
    rule = MarketDayRule.objects.for_user(request.user).filter(region=town).first()
    return edit_page(
        request,
        form_class=MarketDayRuleForm,
        instance=rule,
        title="赶集日规则",
        back=reverse("publicity:calendar"),
    )
