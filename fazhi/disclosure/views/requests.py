"""依申请公开: intake, 补正, consultation, extension, answer, the reply letter, statistics."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.periods import linked_period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate, run_service
from fazhi.disclosure import services
from fazhi.disclosure.deadlines import correction_due
from fazhi.disclosure.forms import (
    ConsultForm,
    CorrectionForm,
    DateForm,
    ExtendForm,
    RequestAnswerForm,
    RequestForm,
)
from fazhi.disclosure.letter import reply_letter
from fazhi.disclosure.models import AnswerType, InfoRequest, RequestStatus
from fazhi.disclosure.views.common import act, crumbs, form_page
from fazhi.regions.selectors import in_linked_region

CAP = "disclosure"


@capability_required(CAP)
def requests_list(request):
    records = InfoRequest.objects.for_user(request.user).select_related("region")
    records = in_linked_region(records, request.GET)
    period = linked_period(request.GET)
    if period is not None:
        records = records.filter(received_on__range=(period.start, period.end))
    if request.GET.get("status", "") in RequestStatus.values:
        records = records.filter(status=request.GET["status"])
    if request.GET.get("year", "").strip():
        records = records.filter(received_on__year=year_from(request))
    return render(
        request,
        "disclosure/requests.html",
        {
            "page": paginate(request, records),
            "can_edit": request.user.role == "town_officer",
            "breadcrumbs": crumbs(("依申请公开", "")),
        },
    )


@capability_required(CAP, edit=True)
def request_new(request):
    form = RequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, services.request_register, user=request.user, **form.cleaned_data)
        if saved:
            messages.success(request, f"已登记，编号{saved.number}，已出具登记回执。")
            return redirect(saved)
    back = reverse("disclosure:requests")
    return form_page(request, form, title="登记政府信息公开申请", back=back,
                     trail=[("依申请公开", back)])  # fmt: skip


@capability_required(CAP)
def request_detail(request, pk):
    record = get_for_user_or_404(InfoRequest.objects.select_related("region"), request.user, pk=pk)
    return render(
        request,
        "disclosure/request_detail.html",
        {
            "record": record,
            "due": record.answer_due(),
            "correction_due": correction_due(record),
            "can_edit": can(request.user, CAP, edit=True) and request.user.role == "town_officer",
            "forms": {
                "correction": CorrectionForm(),
                "received": DateForm(),
                "consult": ConsultForm(),
                "extend": ExtendForm(),
                "answer": RequestAnswerForm(),
            },
            "breadcrumbs": crumbs(
                ("依申请公开", reverse("disclosure:requests")), (record.number, "")
            ),
        },
    )


ACTIONS = {
    "correction": (CorrectionForm, services.request_correction, "已发出补正通知。"),
    "received": (
        DateForm,
        services.request_correction_received,
        "已登记收到补正材料，期限重新计算。",
    ),
    "consult": (ConsultForm, services.request_consult, "已登记征求第三方意见。"),
    "extend": (ExtendForm, services.request_extend, "已登记延期及负责人批准。"),
    "answer": (RequestAnswerForm, services.request_answer, "已答复。"),
}


@require_POST
@capability_required(CAP, edit=True)
def request_action(request, pk, action):
    if action not in ACTIONS:
        raise BadRequest("未知的办理步骤。")
    record = get_for_user_or_404(InfoRequest, request.user, pk=pk)
    form_class, service, done = ACTIONS[action]
    form = form_class(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}：{errors[0]}")
        return redirect(record)
    return act(request, record, None, service, done, request=record, **form.cleaned_data)


@capability_required(CAP)
def request_letter(request, pk):
    record = get_for_user_or_404(InfoRequest.objects.select_related("region"), request.user, pk=pk)
    if record.status != RequestStatus.ANSWERED:
        raise BadRequest("尚未答复：请先登记答复，再生成答复书。")
    response = HttpResponse(
        reply_letter(record),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="reply-{record.pk}.docx"'
    return response


@capability_required(CAP)
def request_stats(request):
    """收到和处理政府信息公开申请情况 as the 年度报告 table lays it out."""
    year = year_from(request, default=timezone.localdate().year)
    scoped = InfoRequest.objects.for_user(request.user)
    records = scoped.filter(received_on__year=year)
    first_day = date(year, 1, 1)
    carried = scoped.filter(received_on__lt=first_day).filter(
        Q(answered_on__isnull=True) | Q(answered_on__gte=first_day)
    )
    by_channel = dict(records.values_list("channel").annotate(n=Count("id")).order_by())
    answered = dict(
        records.filter(status=RequestStatus.ANSWERED)
        .values_list("answer_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [(label, answered.get(value, 0)) for value, label in AnswerType.choices]
    return render(
        request,
        "disclosure/request_stats.html",
        {
            "year": year,
            "received": records.count(),
            "carried": carried.count(),
            "by_channel": by_channel,
            "rows": rows,
            "pending": records.exclude(status=RequestStatus.ANSWERED).count(),
            "fees": sum(r.fee for r in records.only("fee")),
            "breadcrumbs": crumbs(("依申请公开", reverse("disclosure:requests")), ("年度统计", "")),
        },
    )
