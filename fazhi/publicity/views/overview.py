from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone

from fazhi import metrics
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.publicity.selectors import calendar_occasions
from fazhi.publicity.views.common import period_from, scope_region

OVERVIEW_METRICS = [
    "publicity.concentrated_activities",
    "publicity.activities",
    "publicity.person_times",
    "publicity.materials",
    "publicity.villages_reached",
    "publicity.underserved_villages",
    "publicity.led_villages",
    "publicity.law_understanders_coverage",
    "publicity.cadre_study_hours",
]


@capability_required("publicity")
def index(request):
    region = scope_region(request)
    period = period_from(request)
    # Plain dicts: a template would call a Metric (it is callable) instead of reading it.
    figures = [
        {"metric": vars(metrics.get(code)), "result": metrics.compute(code, region, period)}
        for code in OVERVIEW_METRICS
    ]
    today = timezone.localdate()
    return render(
        request,
        "publicity/index.html",
        {
            "region": region,
            "period": period,
            "figures": figures,
            "upcoming": calendar_occasions(
                user=request.user, region=region, start=today, end=today + timedelta(days=14)
            ),
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": [("普法宣传", None)],
        },
    )
