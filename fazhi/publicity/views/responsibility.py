from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from fazhi.core.periods import year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.publicity.forms import ResponsibilityListForm
from fazhi.publicity.models import ResponsibilityList, units_without_list
from fazhi.publicity.views.common import crumbs, edit_page
from fazhi.regions.models import Organisation


def _year(request) -> int:
    return year_from(request, default=timezone.localdate().year)


@capability_required("publicity")
def responsibility_list(request):
    year = _year(request)
    lists = (
        ResponsibilityList.objects.for_user(request.user)
        .filter(year=year)
        .select_related("organisation", "region")
    )
    missing = units_without_list(Organisation.objects.for_user(request.user), year).select_related(
        "region"
    )
    return render(
        request,
        "publicity/responsibility_list.html",
        {
            "year": year,
            "lists": lists,
            "missing": missing,
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(("谁执法谁普法责任清单", None)),
        },
    )


@capability_required("publicity", edit=True)
def responsibility_create(request):
    return edit_page(
        request,
        form_class=ResponsibilityListForm,
        title="新增普法责任清单",
        back=reverse("publicity:responsibility_list"),
    )


@capability_required("publicity", edit=True)
def responsibility_edit(request, pk: int):
    item = get_for_user_or_404(ResponsibilityList, request.user, pk=pk)
    return edit_page(
        request,
        form_class=ResponsibilityListForm,
        instance=item,
        title="修改普法责任清单",
        back=reverse("publicity:responsibility_list") + f"?year={item.year}",
    )
