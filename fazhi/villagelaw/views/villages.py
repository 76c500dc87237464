"""The overview of villages and one page per village: its rule-of-law picture at a glance."""

from dataclasses import dataclass
from datetime import date

from django.shortcuts import get_object_or_404, redirect, render

from fazhi import metrics
from fazhi.core import capabilities
from fazhi.core.periods import Period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role
from fazhi.villagelaw.forms import (
    village_choices,
)
from fazhi.villagelaw.models import (
    Assignment,
    Compact,
    Demonstration,
)
from fazhi.villagelaw.selectors import (
    progress_for,
)
from fazhi.villagelaw.views.common import CAPABILITY, CRUMB, _crumbs, today

# --- the overview and the village page ------------------------------------


@capability_required(CAPABILITY)
def index(request):
    user, day = request.user, today()
    year = year_from(request, default=day.year)
    villages = list(_villages_for(user))
    if user.role == Role.VILLAGE_CADRE and len(villages) == 1:
        # The cadre's home card opens their own village's page.
        return redirect("villagelaw:village", region_id=villages[0].pk)
    assignments = {}  # the latest term overlapping the year, per village
    for assignment in (
        Assignment.objects.for_user(user)
        .filter(region__in=villages, start__lte=date(year, 12, 31), end__gte=date(year, 1, 1))
        .select_related("region", "advisor")
        .order_by("start")
    ):
        assignments[assignment.region_id] = assignment
    progress = {p.assignment.region_id: p for p in progress_for(assignments.values(), year, day)}
    compacts = {}
    for compact in Compact.objects.for_user(user).filter(region__in=villages).order_by("id"):
        compacts[compact.region_id] = compact  # the newest per village
    rows = [
        {
            "village": village,
            "assignment": assignments.get(village.pk),
            "progress": progress.get(village.pk),
            "compact": compacts.get(village.pk),
        }
        for village in villages
    ]
    return render(
        request,
        "villagelaw/index.html",
        {"rows": rows, "year": year, "breadcrumbs": [(CRUMB[0], None)]},
    )


def _villages_for(user):
    return village_choices(user)


@dataclass
class Figure:
    label: str
    value: object
    unit: str
    url: str = ""
    note: str = ""


# The other capabilities' figures a village page shows, read from the metrics registry.
VILLAGE_METRICS = [
    ("assessment.law_understanders_in_village", "法律明白人（目标不少于3名）"),
    ("disputes.cases", "排查调处矛盾纠纷"),
    ("disputes.screening_compliance", "矛盾纠纷排查按月报送率"),
    ("assessment.person_times_per_head", "普法受教人次（人均）"),
    ("disclosure.on_time_rate", "村务公开按时率"),
]
UNDERSTANDERS_TARGET = 3


def _figure(code, label, village, period) -> Figure | None:
    try:
        metric = metrics.get(code)
    except KeyError:
        return None  # that capability is not installed
    if not capabilities.exists(metric.capability):
        return None
    result = metric(village, period)
    return Figure(label, result.value, metric.unit, result.list_url)


@capability_required(CAPABILITY)
def village(request, region_id: int):
    user, day = request.user, today()
    village = get_object_or_404(_villages_for(user), pk=region_id)
    year = year_from(request, default=day.year)
    period = Period.year(year)
    assignment = (
        Assignment.objects.for_user(user)
        .filter(region=village, start__lte=period.end, end__gte=period.start)
        .select_related("advisor")
        .order_by("-start")
        .first()
    )
    progress = progress_for([assignment], year, day)[0] if assignment else None
    compact = Compact.objects.for_user(user).filter(region=village).order_by("-id").first()
    demonstration = Demonstration.objects.for_user(user).filter(region=village).first()
    own = [
        _figure(code, label, village, period)
        for code, label in [
            ("villagelaw.consultations", "法律咨询"),
            ("villagelaw.referrals", "法律援助转介"),
        ]
    ]
    others = [_figure(code, label, village, period) for code, label in VILLAGE_METRICS]
    understanders = next((f for f in others if f and f.label.startswith("法律明白人")), None)
    return render(
        request,
        "villagelaw/village.html",
        {
            "village": village,
            "year": year,
            "assignment": assignment,
            "progress": progress,
            "compact": compact,
            "demonstration": demonstration,
            "figures": [f for f in own + others if f is not None],
            "understanders_short": understanders is not None
            and understanders.value is not None
            and understanders.value < UNDERSTANDERS_TARGET,
            "breadcrumbs": _crumbs(village.name),
        },
    )
