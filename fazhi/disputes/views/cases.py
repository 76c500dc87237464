from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.accounts.permissions import capability_required
from fazhi.accounts.roles import Capability, can
from fazhi.accounts.scope import get_for_user_or_404
from fazhi.audit.models import Action
from fazhi.audit.services import PersonalReads, audit_record
from fazhi.disputes import services
from fazhi.disputes.deadlines import conclude_deadline, confirmation_deadline
from fazhi.disputes.filters import DisputeFilter
from fazhi.disputes.forms import DisputeForm, apply_errors
from fazhi.disputes.ledger import ledger_workbook
from fazhi.disputes.models import Alert, Dispute, Handover

CRUMB = ("矛盾纠纷", "/disputes/")


def _filtered(request):
    queryset = Dispute.objects.for_user(request.user).with_related()
    return DisputeFilter(request.GET, queryset=queryset, request=request)


@capability_required(Capability.DISPUTES)
def dispute_list(request):
    filterset = _filtered(request)
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    alerts = Alert.objects.for_user(request.user).unread().select_related("dispute")[:5]
    context = {
        "filter": filterset,
        "page": page,
        "alerts": alerts,
        "can_edit": can(request.user, Capability.DISPUTES, edit=True),
        "query": request.GET.urlencode(),
        "breadcrumbs": [(CRUMB[0], None)],
    }
    return render(request, "disputes/dispute_list.html", context)


@capability_required(Capability.DISPUTES)
def dispute_export(request):
    filterset = _filtered(request)
    disputes = filterset.qs.select_related("agreement").prefetch_related(
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


@capability_required(Capability.DISPUTES, edit=True)
def dispute_create(request):
    form = DisputeForm(
        request.POST or None, user=request.user, initial={"registered_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            dispute = services.dispute_register(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"纠纷已登记，编号 {dispute.number}。")
            return redirect(dispute)
    return render(
        request,
        "disputes/form.html",
        {"form": form, "title": "登记矛盾纠纷", "breadcrumbs": [CRUMB, ("登记", None)]},
    )


@capability_required(Capability.DISPUTES, edit=True)
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
            apply_errors(form, error)
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


@capability_required(Capability.DISPUTES)
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
        "can_edit": can(request.user, Capability.DISPUTES, edit=True),
        "breadcrumbs": [CRUMB, (dispute.number, None)],
    }
    Alert.objects.for_user(request.user).filter(dispute=dispute).unread().update(
        read_at=timezone.now()
    )
    return render(request, "disputes/dispute_detail.html", context)


@capability_required(Capability.DISPUTES)
def alert_list(request):
    alerts = Alert.objects.for_user(request.user).select_related("dispute")
    page = Paginator(alerts, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "disputes/alert_list.html",
        {"page": page, "breadcrumbs": [CRUMB, ("预警提醒", None)]},
    )
