import calendar
from datetime import date, timedelta

from django.shortcuts import render
from django.utils import timezone

from fazhi.cases.models import Adjudication, Hearing, Lawsuit, Reconsideration
from fazhi.cases.selectors import (
    WINDOW,
    all_deadlines,
    case_calendar_month,
    case_latest_year,
    reminders_for,
)
from fazhi.core.periods import month_from, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.web import paginate
from fazhi.metrics import Period, compute, get

METRICS = [
    "cases.lawsuits",
    "cases.head_in_court_rate",
    "cases.loss_rate",
    "cases.reconsiderations",
    "cases.correction_rate",
]


PANEL_LIMIT = 10  # rows of a panel on an overview page


@capability_required("cases")
def index(request):
    today = timezone.localdate()
    year = year_from(request) or case_latest_year(user=request.user) or today.year
    region = request.user.scope_region
    period = Period.year(year)
    figures = [(get(code), compute(code, region, period)) for code in METRICS]
    reminders = reminders_for(request.user, today, mine=False)
    context = {
        "year": year,
        "figures": figures,
        # The soonest first, a screenful; the reminders page lists them all.
        "reminders": reminders[:PANEL_LIMIT],
        "reminder_count": len(reminders),
        "today": today,
        "breadcrumbs": [("行政诉讼与复议", None)],
    }
    return render(request, "cases/index.html", context)


@capability_required("cases")
def reminder_list(request):
    """The in-app view of the daily digest: mine by default, everything in scope with ?all=1."""
    today = timezone.localdate()
    mine = request.GET.get("all") != "1"
    page = paginate(request, reminders_for(request.user, today, mine=mine))
    context = {
        "reminders": page,
        "page": page,
        "mine": mine,
        "today": today,
        "window": WINDOW,
        "breadcrumbs": [("行政诉讼与复议", "/cases/"), ("期限提醒", None)],
    }
    return render(request, "cases/reminders.html", context)


@capability_required("cases")
def calendar_view(request):
    """A month of hearings and open deadlines in the user's scope."""
    today = timezone.localdate()
    first = month_from(request, default=None) or case_calendar_month(user=request.user, today=today)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    events: dict[date, list] = {}
    lawsuits = Lawsuit.objects.for_user(request.user)
    hearings = Hearing.objects.for_user(request.user).filter(date__gte=first, date__lte=last)
    for hearing in hearings.select_related("lawsuit"):
        events.setdefault(hearing.date, []).append(
            {
                "label": f"开庭 {hearing.lawsuit.case_number}",
                "url": hearing.lawsuit.get_absolute_url(),
                "kind": "hearing",
            }
        )
    adjudications = Adjudication.objects.for_user(request.user).filter(
        hearing_on__gte=first, hearing_on__lte=last
    )
    for case in adjudications:
        events.setdefault(case.hearing_on, []).append(
            {
                "label": f"裁决听证 {case.case_number}",
                "url": case.get_absolute_url(),
                "kind": "hearing",
            }
        )
    reconsiderations = Reconsideration.objects.for_user(request.user)
    for r in all_deadlines(lawsuits, reconsiderations, since=first, until=last):
        kind = "done" if r.done else "overdue" if r.overdue(today) else "deadline"
        events.setdefault(r.due, []).append(
            {
                "label": f"{r.label} {r.case.case_number}",
                "url": r.case.get_absolute_url(),
                "kind": kind,
                "provisional": r.provisional,
            }
        )
    weeks = [
        [(day, events.get(day, [])) if day.month == first.month else (None, []) for day in week]
        for week in calendar.Calendar().monthdatescalendar(first.year, first.month)
    ]
    context = {
        "month": first,
        "weeks": weeks,
        "previous": (first - timedelta(days=1)).strftime("%Y-%m"),
        "next": (last + timedelta(days=1)).strftime("%Y-%m"),
        "today": today,
        "breadcrumbs": [("行政诉讼与复议", "/cases/"), ("日历", None)],
    }
    return render(request, "cases/calendar.html", context)
