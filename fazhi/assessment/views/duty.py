"""第一责任人 records, the 述法 report, 评议."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.assessment import duty
from fazhi.assessment.forms import DutyForm, PanelForm
from fazhi.assessment.models import DutyRecord
from fazhi.assessment.views.systems import CRUMB
from fazhi.core.periods import linked_period
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.regions.selectors import in_linked_region

DUTY_CRUMB = ("第一责任人履职", "/assessment/duty/")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@capability_required("assessment")
def duty_list(request):
    records = DutyRecord.objects.for_user(request.user).select_related("region")
    records = in_linked_region(records, request.GET)  # a figure's link: region and period
    period = linked_period(request.GET)
    if period is not None:
        records = records.filter(year__range=(period.start.year, period.end.year))
    context = {
        "page": paginate(request, records),
        "can_write": request.user.role == Role.TOWN_OFFICER,
        "breadcrumbs": [CRUMB, (DUTY_CRUMB[0], None)],
    }
    return render(request, "assessment/duty_list.html", context)


def _save(request, form, record=None):
    data = form.cleaned_data
    try:
        return duty.duty_save(
            user=request.user,
            region=request.user.region,
            record=record,
            version=record.version if record else None,
            **data,
        )
    except ValidationError as error:
        form_errors(form, error)
        return None


@capability_required("assessment", edit=True)
def duty_create(request):
    form = DutyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = _save(request, form)
        if record:
            return redirect(record)
    context = {
        "form": form,
        "title": "新建履职记录",
        "breadcrumbs": [CRUMB, DUTY_CRUMB, ("新建", None)],
    }
    return render(request, "assessment/form.html", context)


@capability_required("assessment", edit=True)
def duty_edit(request, pk):
    record = get_for_user_or_404(DutyRecord, request.user, pk=pk)
    initial = {
        name: getattr(record, name) for name in ("year", "role", "person", "duties", "statement")
    }
    form = DutyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and _save(request, form, record):
        return redirect(record)
    context = {
        "form": form,
        "title": f"修改 {record}",
        "breadcrumbs": [CRUMB, DUTY_CRUMB, ("修改", None)],
    }
    return render(request, "assessment/form.html", context)


@capability_required("assessment")
def duty_detail(request, pk, *, panel_form=None):
    record = get_for_user_or_404(DutyRecord.objects.select_related("region"), request.user, pk=pk)
    lines = "\n".join(f"{row['member']} {row['score']:g}" for row in record.panel)
    context = {
        "record": record,
        "figures": duty.figures(record),
        "statement": duty.draft_statement(record),
        "can_write": request.user.role == Role.TOWN_OFFICER,
        "can_score": request.user.role == Role.COUNTY_ADMIN,
        "panel_form": panel_form or PanelForm(initial={"scores": lines}),
        "breadcrumbs": [CRUMB, DUTY_CRUMB, (str(record), None)],
    }
    return render(request, "assessment/duty_detail.html", context)


@require_POST
@capability_required("assessment", edit=True)
def duty_panel(request, pk):
    record = get_for_user_or_404(DutyRecord, request.user, pk=pk)
    form = PanelForm(request.POST)
    if form.is_valid():
        try:
            duty.duty_panel_record(
                user=request.user, record=record, scores=form.cleaned_data["scores"]
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "评议得分已保存。")
            return redirect(record)
    return duty_detail(request, pk, panel_form=form)


@capability_required("assessment")
def duty_docx(request, pk):
    record = get_for_user_or_404(DutyRecord.objects.select_related("region"), request.user, pk=pk)
    response = HttpResponse(duty.statement_docx(record), content_type=DOCX)
    name = quote(f"{record.region.name}{record.get_role_display()}{record.year}年度述法报告.docx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response
