"""Special campaigns (专项宣传): list, record, and each one's activities and reach."""

from django.shortcuts import render
from django.urls import reverse

from fazhi import metrics
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate
from fazhi.ledgers.writer import list_response
from fazhi.publicity.exports import CAMPAIGN_HEADERS, campaign_rows
from fazhi.publicity.filters import CampaignFilter
from fazhi.publicity.forms import CampaignForm
from fazhi.publicity.models import Activity, Campaign, Status
from fazhi.publicity.views.common import crumbs, edit_page

LIST = ("专项宣传", "publicity:campaign_list")


@capability_required("publicity")
def campaign_list(request):
    campaigns = CampaignFilter(
        request.GET, queryset=Campaign.objects.for_user(request.user).select_related("region")
    )
    if request.GET.get("format") == "xlsx":
        return list_response("专项宣传", "专项宣传", CAMPAIGN_HEADERS, campaign_rows(campaigns.qs))
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    return render(
        request,
        "publicity/campaign_list.html",
        {
            "page": paginate(request, campaigns.qs, per_page=50),
            "filter": campaigns,
            "can_edit": can(request.user, "publicity", edit=True),
            "export_query": query.urlencode(),
            "breadcrumbs": crumbs((LIST[0], None)),
        },
    )


@capability_required("publicity")
def campaign_detail(request, pk: int):
    campaign = get_for_user_or_404(Campaign.objects.select_related("region"), request.user, pk=pk)
    activities = Activity.objects.for_user(request.user).filter(campaign=campaign)
    return render(
        request,
        "publicity/campaign_detail.html",
        {
            "campaign": campaign,
            "figures": _figures(activities.held().totals()),
            "planned": activities.filter(status=Status.PLANNED).count(),
            "page": paginate(request, activities.with_related(), per_page=50),
            "activities_url": reverse("publicity:activity_list") + f"?campaign={campaign.pk}",
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs((LIST[0], reverse(LIST[1])), (campaign.name, None)),
        },
    )


@capability_required("publicity", edit=True)
def campaign_create(request):
    return edit_page(
        request,
        form_class=CampaignForm,
        title="新增专项宣传",
        back=reverse(LIST[1]),
        success_url=_detail_url,
    )


@capability_required("publicity", edit=True)
def campaign_edit(request, pk: int):
    campaign = get_for_user_or_404(Campaign, request.user, pk=pk)
    return edit_page(
        request,
        form_class=CampaignForm,
        instance=campaign,
        title="修改专项宣传",
        back=_detail_url(campaign),
        success_url=_detail_url,
    )


def _figures(totals):
    """The campaign's totals under the labels and units of the metrics that define them."""
    return [(metrics.get(f"publicity.{key}"), value) for key, value in totals.items()]


def _detail_url(campaign) -> str:
    return reverse("publicity:campaign_detail", args=[campaign.pk])
