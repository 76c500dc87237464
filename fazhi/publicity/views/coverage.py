import json
from decimal import Decimal

from django.shortcuts import render
from django.urls import reverse

from fazhi import metrics
from fazhi.core.periods import parse_number
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.publicity.coverage import distance_correlation, distance_verdict, village_coverage
from fazhi.publicity.forms import TargetsForm
from fazhi.publicity.models import Targets
from fazhi.publicity.views.common import crumbs, edit_page, period_from, scope_region
from fazhi.regions.codes import town_code

SUMMARY = [
    "publicity.concentrated_activities",
    "publicity.person_times",
    "publicity.materials",
    "publicity.led_villages",
    "publicity.villages_reached",
    "publicity.underserved_villages",
]


def _threshold(request):
    return parse_number(
        request.GET.get("threshold"),
        name="threshold",
        label="覆盖不足阈值",
        maximum=Decimal("99.999"),
    )


@capability_required("publicity")
def coverage_view(request):
    region = scope_region(request)
    period = period_from(request)
    threshold = _threshold(request)
    rows = village_coverage(region, period, threshold=threshold)
    r = distance_correlation(rows)
    points = [
        {"name": row.village.name, "value": [float(row.village.distance_km), row.per_resident]}
        for row in rows
        if row.village.distance_km is not None and row.per_resident is not None
    ]
    summary = [
        {"metric": vars(metrics.get(code)), "result": metrics.compute(code, region, period)}
        for code in SUMMARY
    ]
    return render(
        request,
        "publicity/coverage.html",
        {
            "summary": summary,
            "region": region,
            "period": period,
            "rows": sorted(rows, key=lambda row: row.village.distance_km or 0),
            "threshold": threshold
            if threshold is not None
            else Targets.for_region(region).underserved_below,
            "verdict": distance_verdict(r),
            "points": json.dumps(points, ensure_ascii=False),
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(("覆盖情况", None)),
        },
    )


@capability_required("publicity", edit=True)
def targets_edit(request):
    region = scope_region(request)
    town = town_code(region.code)
    targets = Targets.objects.for_user(request.user).filter(region__code=town).first()
    return edit_page(
        request,
        form_class=TargetsForm,
        instance=targets,
        title="普法工作目标",
        back=reverse("publicity:coverage"),
    )
