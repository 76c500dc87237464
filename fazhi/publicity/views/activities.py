from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.attachments.models import Attachment
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate
from fazhi.ledgers.writer import list_response
from fazhi.publicity.exports import HEADERS, activity_rows
from fazhi.publicity.filters import ActivityFilter
from fazhi.publicity.forms import ActivityConfirmForm, ActivityForm
from fazhi.publicity.models import Activity
from fazhi.publicity.services import activity_confirm, activity_save
from fazhi.publicity.views.common import crumbs


@capability_required("publicity")
def activity_list(request):
    activities = ActivityFilter(
        request.GET,
        queryset=Activity.objects.for_user(request.user).with_related(),
        request=request,
    )
    if request.GET.get("format") == "xlsx":
        return list_response("普法活动", "普法活动", HEADERS, activity_rows(activities.qs))
    page = paginate(request, activities.qs, per_page=50)
    return render(
        request,
        "publicity/activity_list.html",
        {
            "page": page,
            "filter": activities,
            "can_edit": can(request.user, "publicity", edit=True),
            "export_query": _without_page(request.GET),
            "breadcrumbs": crumbs(("普法活动", None)),
        },
    )


def _without_page(query):
    query = query.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    return query.urlencode()


@capability_required("publicity")
def activity_detail(request, pk: int):
    activity = get_for_user_or_404(Activity.objects.with_related(), request.user, pk=pk)
    return render(
        request,
        "publicity/activity_detail.html",
        {
            "activity": activity,
            "attachments": Attachment.objects.for_user(request.user).of(activity),
            "confirm_form": ActivityConfirmForm(
                initial={"person_times": activity.person_times, "materials": activity.materials}
            ),
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(
                ("普法活动", reverse("publicity:activity_list")), (activity.title, None)
            ),
        },
    )


@capability_required("publicity", edit=True)
def activity_create(request):
    return _activity_form(request, None)


@capability_required("publicity", edit=True)
def activity_edit(request, pk: int):
    return _activity_form(request, get_for_user_or_404(Activity, request.user, pk=pk))


def _activity_form(request, activity):
    # A new activity is dated from the calendar's day, else today (most are recorded the same day).
    initial = {} if activity else {"date": request.GET.get("date") or timezone.localdate()}
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        instance=activity,
        initial=initial,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            activity = activity_save(
                user=request.user,
                activity=form.instance,
                data=data,
                villages=data["villages"],
                themes=data["themes"],
                photos=data["photos"],
                sign_in_sheets=data["sign_in_sheets"],
                version=form.read_version,
                submitted=form.submitted_values(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已保存普法活动：{activity.title}")
            return redirect("publicity:activity_detail", pk=activity.pk)
    title = "修改普法活动" if activity else "登记普法活动"
    return render(
        request,
        "publicity/activity_form.html",
        {
            "form": form,
            "title": title,
            "breadcrumbs": crumbs(("普法活动", reverse("publicity:activity_list")), (title, None)),
        },
    )


@require_POST
@capability_required("publicity", edit=True)
def activity_confirm_view(request, pk: int):
    activity = get_for_user_or_404(Activity, request.user, pk=pk)
    form = ActivityConfirmForm(request.POST)
    if form.is_valid():
        try:
            activity_confirm(user=request.user, activity=activity, **form.cleaned_data)
            messages.success(request, "已确认活动开展。")
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
    else:
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label}：{errors[0]}")
    return redirect("publicity:activity_detail", pk=activity.pk)
