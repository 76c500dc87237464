from django.db.models import Count
from django.shortcuts import render

from fazhi.accounts.permissions import capability_required
from fazhi.accounts.roles import Capability
from fazhi.accounts.scope import get_for_user_or_404
from fazhi.regions.models import Organisation, Region


@capability_required(Capability.REGIONS)
def region_list(request):
    regions = (
        Region.objects.for_user(request.user)
        .select_related("parent")
        .annotate(organisation_count=Count("organisations"))
    )
    return render(request, "regions/region_list.html", {"regions": regions})


@capability_required(Capability.REGIONS)
def region_detail(request, code: str):
    region = get_for_user_or_404(Region, request.user, code=code)
    organisations = Organisation.objects.for_user(request.user).filter(region=region)
    children = Region.objects.for_user(request.user).filter(parent=region)
    return render(
        request,
        "regions/region_detail.html",
        {"region": region, "organisations": organisations, "children": children},
    )
