from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.services import PersonalReads, audit_record
from fazhi.core.periods import linked_period
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.disputes import services
from fazhi.disputes.deadlines import conclude_deadline, confirmation_deadline
from fazhi.disputes.filters import DisputeFilter
from fazhi.disputes.forms import DisputeForm
from fazhi.disputes.ledger import ledger_workbook
from fazhi.disputes.models import Dispute, Handover
from fazhi.notices.models import Notice
from fazhi.notices.services import notices_read_about
from fazhi.regions.selectors import in_linked_region

CRUMB = ("矛盾纠纷", "/disputes/")


def _filtered(request):
    """The list's filters and the records they leave, a figure's records link included."""
    data = request.GET.copy()
    linked = data.get("region", "")
    if len(linked) == 12 and linked.isdigit():  # a region code, not the filter's village id
        del data["region"]
    queryset = Dispute.objects.for_user(request.user).with_related()
    filterset = DisputeFilter(data, queryset=queryset, request=request)
    return filterset, _linked(filterset.qs, request.GET)


def _linked(disputes, params):
    """What a figure's records link (`fazhi.metrics.records_url`) names:
    `region=<code>`, and `since`/`until` on the date `by` names (registered,
    concluded with an outcome, or handed over), or `by=overdue`: overdue on
    the `until` day; `accepted=1`: only the disputes with an acceptance date."""
    if len(params.get("region", "")) == 12:
        disputes = in_linked_region(disputes, params)
    if params.get("accepted"):
        disputes = disputes.filter(accepted_on__isnull=False)
    period = linked_period(params)
    if period is None:
        return disputes
    by = params.get("by")
    if by == "overdue":
        return disputes.overdue(today=period.end)
    if by == "concluded":
        return disputes.filter(concluded_on__range=(period.start, period.end)).exclude(outcome="")
    if by == "handed":
        moves = Handover.objects.filter(handed_on__range=(period.start, period.end))
        return disputes.filter(pk__in=moves.values("dispute"))
    return disputes.registered_in(period)


@capability_required("disputes")
def dispute_list(request):
    filterset, disputes = _filtered(request)
    page = paginate(request, disputes, per_page=25)
    alerts = Notice.objects.for_user(request.user).unread().of_kind("disputes.alert")[:5]
    context = {
        "filter": filterset,
        "page": page,
        "alerts": alerts,
        "can_edit": can(request.user, "disputes", edit=True),
        "query": request.GET.urlencode(),
        "breadcrumbs": [(CRUMB[0], None)],
    }
    return render(request, "disputes/dispute_list.html", context)


@capability_required("disputes")
def dispute_export(request):
    _filterset, disputes = _filtered(request)
    disputes = disputes.select_related("agreement").prefetch_related(
        Prefetch("handovers", queryset=Handover.objects.order_by("handed_on")), "parties"
    )
    title = f"{request.user.scope_region.name}矛盾纠纷排查调处台账"
    content = ledger_workbook(disputes, title=title)
    audit_record(
        action=Action.EXPORT,
        request=request,
        detail=f"导出{title}（{request.GET.urlencode() or '全部'}）",
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="disputes-ledger-{stamp}.xlsx"'
    return response


@capability_required("disputes", edit=True)
def dispute_create(request):
    form = DisputeForm(
        request.POST or None, user=request.user, initial={"registered_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            dispute = services.dispute_register(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"纠纷已登记，编号 {dispute.number}。")
            return redirect(dispute)
    return render(
        request,
        "disputes/form.html",
        {"form": form, "title": "登记矛盾纠纷", "breadcrumbs": [CRUMB, ("登记", None)]},
    )


@capability_required("disputes", edit=True)
def dispute_edit(request, pk: int):
    dispute = get_for_user_or_404(Dispute, request.user, pk=pk)
    form = DisputeForm(request.POST or None, instance=dispute, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k in services.EDITABLE_FIELDS}
        try:
            dispute = services.dispute_update(
                dispute=dispute,
                user=request.user,
                version=form.read_version or 0,
                **fields,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "已保存。")
            return redirect(dispute)
    return render(
        request,
        "disputes/form.html",
        {
            "form": form,
            "title": f"修改 {dispute.number}",
            "breadcrumbs": [CRUMB, (dispute.number, dispute.get_absolute_url()), ("修改", None)],
        },
    )


@capability_required("disputes")
def dispute_detail(request, pk: int):
    dispute = get_for_user_or_404(Dispute.objects.with_related(), request.user, pk=pk)
    parties = list(dispute.parties.all())
    show_full = dispute.full_id_visible_to(request.user)
    if show_full:
        # The mediator phones the parties and the officer may need to: they see
        # the full ID number and phone, and every full read is logged (one entry).
        reads = PersonalReads(user=request.user, request=request)
        for party in parties:
            for field in ("id_number", "phone"):
                if getattr(party, field):
                    reads.add(party, field)
        reads.log()
    agreement = getattr(dispute, "agreement", None)
    context = {
        "dispute": dispute,
        "parties": parties,
        "show_full": show_full,
        "sessions": dispute.sessions.all(),
        "handovers": dispute.handovers.all(),
        "follow_ups": dispute.follow_ups.all(),
        "deliberations": dispute.deliberations.all(),
        "agreement": agreement,
        "conclude_deadline": conclude_deadline(dispute),
        "confirmation_deadline": confirmation_deadline(agreement) if agreement else None,
        "can_edit": can(request.user, "disputes", edit=True),
        "breadcrumbs": [CRUMB, (dispute.number, None)],
    }
    notices_read_about(user=request.user, record=dispute)
    return render(request, "disputes/dispute_detail.html", context)


@capability_required("disputes")
def alert_list(request):
    """The old 预警提醒 page: alerts are notices now, in the 消息中心."""
    return redirect(reverse("notices:index") + "?kind=disputes")
