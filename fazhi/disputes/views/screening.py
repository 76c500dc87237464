"""Monthly screening (排查) reports, their findings, and deliberation (议事) meetings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import month_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.disputes import services
from fazhi.disputes.forms import DeliberationForm, FindingToDisputeForm, ScreeningForm
from fazhi.disputes.models import Deliberation, DisputeType, Finding, ScreeningReport
from fazhi.disputes.screening import villages_not_filed
from fazhi.disputes.search import DELIBERATION_FIELDS, SCREENING_FIELDS
from fazhi.disputes.views.cases import CRUMB
from fazhi.regions.models import Region

PAGE_SIZE = 50
SCREENING_CRUMB = ("矛盾纠纷排查", "/disputes/screening/")


@capability_required("disputes")
def screening_list(request):
    month = month_from(request, default=timezone.localdate().replace(day=1))
    query = request.GET.get("q", "").strip()
    reports = (
        ScreeningReport.objects.for_user(request.user)
        .select_related("region", "filed_by")
        .prefetch_related("findings")
    )
    if query:
        # A keyword searches every month's reports, newest first, a page at a time.
        found = keyword_filter(reports, value=query, fields=SCREENING_FIELDS)
        reports = paginate(request, found.order_by("-month", "region__code"), per_page=PAGE_SIZE)
        missing = []
    else:
        villages = Region.objects.for_user(request.user).villages()
        reports = reports.for_month(month)
        missing = villages_not_filed(villages, month)
    context = {
        "month": month,
        "query": query,
        "reports": reports,
        "page": reports if query else None,
        "missing": missing,
        "can_edit": can(request.user, "disputes", edit=True),
        "breadcrumbs": [CRUMB, (SCREENING_CRUMB[0], None)],
    }
    return render(request, "disputes/screening_list.html", context)


@capability_required("disputes", edit=True)
def screening_create(request):
    today = timezone.localdate()
    form = ScreeningForm(
        request.POST or None,
        user=request.user,
        # ?month=YYYY-MM: the 待办 links to the month still owed
        initial={
            "month": f"{month_from(request, default=today.replace(day=1)):%Y-%m}",
            "screened_on": today,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.screening_file(
                user=request.user,
                region=data["region"],
                month=data["month"],
                screened_on=data["screened_on"],
                notes=data["notes"],
                findings=form.finding_items(),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"{report}已填报{'（零报告）' if report.is_zero else ''}。")
            return redirect("disputes:screening_detail", pk=report.pk)
    crumbs = [CRUMB, SCREENING_CRUMB, ("填报", None)]
    return render(
        request,
        "disputes/form.html",
        {"form": form, "title": "填报月度排查", "breadcrumbs": crumbs},
    )


@capability_required("disputes")
def screening_detail(request, pk: int):
    report = get_for_user_or_404(
        ScreeningReport.objects.select_related("region", "filed_by"), request.user, pk=pk
    )
    context = {
        "report": report,
        "findings": report.findings.select_related("dispute"),
        "types": DisputeType.objects.filter(active=True),
        "can_edit": can(request.user, "disputes", edit=True),
        "today": timezone.localdate(),
        "breadcrumbs": [CRUMB, SCREENING_CRUMB, (str(report), None)],
    }
    return render(request, "disputes/screening_detail.html", context)


@require_POST
@capability_required("disputes", edit=True)
def finding_register(request, pk: int):
    finding = get_for_user_or_404(
        Finding.objects.select_related("report__region"), request.user, pk=pk
    )
    form = FindingToDisputeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择纠纷类型和登记日期。")
        return redirect("disputes:screening_detail", pk=finding.report_id)
    try:
        dispute = services.finding_to_dispute(
            finding=finding, user=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("disputes:screening_detail", pk=finding.report_id)
    messages.success(request, f"已登记为纠纷 {dispute.number}。")
    return redirect(dispute)


@capability_required("disputes")
def deliberation_list(request):
    records = Deliberation.objects.for_user(request.user).select_related("region", "dispute")
    query = request.GET.get("q", "").strip()
    records = keyword_filter(records, value=query, fields=DELIBERATION_FIELDS)
    page = paginate(request, records, per_page=25)
    context = {
        "page": page,
        "query": query,
        "can_edit": can(request.user, "disputes", edit=True),
        "breadcrumbs": [CRUMB, ("议事", None)],
    }
    return render(request, "disputes/deliberation_list.html", context)


@capability_required("disputes", edit=True)
def deliberation_create(request):
    form = DeliberationForm(request.POST or None, user=request.user, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        try:
            services.deliberation_record(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "议事记录已保存。")
            return redirect("disputes:deliberations")
    crumbs = [CRUMB, ("议事", "/disputes/deliberations/"), ("登记", None)]
    return render(
        request, "disputes/form.html", {"form": form, "title": "登记议事", "breadcrumbs": crumbs}
    )
