from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from fazhi.core.keyword import keyword_filter
from fazhi.core.permissions import capability_required
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate
from fazhi.ledgers.writer import list_response
from fazhi.regions.models import Organisation, Region
from fazhi.regions.search import REGION_FIELDS
from fazhi.regions.widgets import options_for

PAGE_SIZE = 50


@capability_required("regions")
def region_list(request):
    regions = (
        Region.objects.for_user(request.user)
        .select_related("parent")
        .annotate(organisation_count=Count("organisations"))
        .order_by("code")
    )
    query = request.GET.get("q", "").strip()
    # A keyword finds a region by its name or code, or by one of its organisations' names.
    regions = keyword_filter(regions, value=query, fields=(*REGION_FIELDS, "organisations__name"))
    if request.GET.get("format") == "xlsx":
        return list_response(
            "行政区划",
            "行政区划",
            ["区划代码", "名称", "级别", "上级", "常住人口", "距镇政府（公里）", "组织数"],
            (
                [
                    r.code,
                    r.name,
                    r.get_level_display(),
                    r.parent.name if r.parent else "",
                    r.population,
                    r.distance_km,
                    r.organisation_count,
                ]
                for r in regions
            ),
        )
    page = paginate(request, regions, per_page=PAGE_SIZE)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    query_string["format"] = "xlsx"
    context = {"page": page, "query": query, "export_query": query_string.urlencode()}
    return render(request, "regions/region_list.html", context)


@capability_required("regions")
def region_detail(request, code: str):
    region = get_for_user_or_404(Region, request.user, code=code)
    organisations = Organisation.objects.for_user(request.user).filter(region=region)
    children = Region.objects.for_user(request.user).filter(parent=region)
    return render(
        request,
        "regions/region_detail.html",
        {"region": region, "organisations": organisations, "children": children},
    )


@login_required
def options(request):
    """The `<option>`s of a village or organisation picker that match what was typed
    (`SearchSelect`); only what the person's scope reaches, at most a screenful."""
    term = request.GET.get("term", "").strip()[:30]
    items, chosen = options_for(
        request.user,
        source=request.GET.get("source", ""),
        kinds=[k for k in request.GET.get("kinds", "").split(",") if k],
        term=term,
        selected=request.GET.get("selected", "").split(","),
    )
    context = {"items": items, "chosen": chosen, "term": term}
    return render(request, "regions/widgets/options.html", context)
