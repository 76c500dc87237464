from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.navigation import deadlines_for
from fazhi.core.periods import parse_year
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.deadlines.engine import compute_deadline
from fazhi.deadlines.forms import CalendarYearForm, DeadlineForm, HolidayForm
from fazhi.deadlines.models import CalendarYear, Holiday
from fazhi.deadlines.rules import RULES, get_rule
from fazhi.deadlines.services import calendar_year_create, holiday_add, holiday_delete
from fazhi.deadlines.statutory import statutory_holidays

CRUMB = ("法定期限", "/deadlines/")


@capability_required("deadlines")
def index(request):
    form = DeadlineForm(request.GET or None)
    result = None
    if form.is_valid():
        result = compute_deadline(form.cleaned_data["rule"], form.cleaned_data["start"])
    context = {
        "form": form,
        "result": result,
        "result_rule": get_rule(result.rule) if result else None,
        "rules": RULES.values(),
        "years": CalendarYear.objects.all(),
        "year_form": CalendarYearForm(),
        "can_edit": can(request.user, "deadlines", edit=True),
        "breadcrumbs": [(CRUMB[0], None)],
    }
    return render(request, "deadlines/index.html", context)


@capability_required("deadlines", edit=True)
@require_POST
def year_add(request):
    form = CalendarYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(f"年份：{e}" for e in form.errors.get("year", [])))
        return redirect("deadlines:index")
    calendar = calendar_year_create(**form.cleaned_data)
    messages.success(request, f"已录入{calendar}，并预填法定节假日；请按国务院通知补充调休。")
    return redirect("deadlines:year", year=calendar.year)


@capability_required("deadlines")
def year_detail(request, year: int):
    year = parse_year(year) or 0  # 400 for a year the holiday table cannot hold
    calendar = CalendarYear.objects.filter(year=year).first()
    can_edit = can(request.user, "deadlines", edit=True)
    form = HolidayForm()
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("只有系统管理员可以修改节假日安排。")
        if calendar is None:
            return redirect("deadlines:year", year=year)
        form = HolidayForm(request.POST, instance=Holiday(calendar=calendar))
        if form.is_valid():
            holiday_add(calendar=calendar, holiday=form.instance)
            messages.success(request, f"已登记 {form.instance}。")
            return redirect("deadlines:year", year=year)
    context = {
        "year": year,
        "calendar": calendar,
        "days": calendar.days.all() if calendar else None,
        "provisional_days": None if calendar else statutory_holidays(year),
        "form": form,
        "can_edit": can_edit,
        "breadcrumbs": [CRUMB, (f"{year}年", None)],
    }
    return render(request, "deadlines/year.html", context)


@capability_required("deadlines", edit=True)
@require_POST
def day_delete(request, year: int, pk: int):
    holiday = get_object_or_404(
        Holiday.objects.select_related("calendar"), pk=pk, calendar__year=year
    )
    holiday_delete(holiday=holiday)
    messages.success(request, f"已删除 {holiday}。")
    return redirect("deadlines:year", year=year)


UPCOMING_DAYS = (7, 30, 90)


@capability_required("deadlines")
def upcoming(request):
    """The open deadlines of the coming days on the records the person may see,
    from every capability that tracks some (and those already passed, if asked)."""
    today = timezone.localdate()
    asked = request.GET.get("days", "")
    days = int(asked) if asked in {str(choice) for choice in UPCOMING_DAYS} else 30
    start = today - timedelta(days=30) if request.GET.get("overdue") == "1" else today
    found = deadlines_for(request.user, start=start, end=today + timedelta(days=days))
    context = {
        "deadlines": found,
        "days": days,
        "choices": UPCOMING_DAYS,
        "overdue": request.GET.get("overdue") == "1",
        "today": today,
        "breadcrumbs": [CRUMB, ("近期期限", None)],
    }
    return render(request, "deadlines/upcoming.html", context)
