"""Pages that add a record to one dispute: parties, mediation, outcome, hand-over, visits."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header

from fazhi.core.locking import version_check
from fazhi.core.permissions import capability_required
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors
from fazhi.disputes import services
from fazhi.disputes.documents.agreement import agreement_docx
from fazhi.disputes.forms import (
    AgreementForm,
    AssignForm,
    ConcludeForm,
    FollowUpForm,
    HandoverForm,
    HandoverResultForm,
    PartyForm,
    PerformanceForm,
    SessionForm,
)
from fazhi.disputes.models import Agreement, Dispute, Handover, Party, Session
from fazhi.disputes.views.cases import CRUMB


def _record_page(request, dispute, form, title, save):
    """Validate `form`, call `save(cleaned_data)` (a service), and go back to the case."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if getattr(form, "instance", None) is not None:  # a record's own form
                    version_check(
                        instance=form.instance,
                        version=getattr(form, "read_version", None),
                        submitted=form.cleaned_data,
                    )
                save(form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"{title}：已保存。")
            return redirect(dispute)
    crumbs = [CRUMB, (dispute.number, dispute.get_absolute_url()), (title, None)]
    return render(
        request,
        "disputes/form.html",
        {"form": form, "title": title, "dispute": dispute, "breadcrumbs": crumbs},
    )


def _dispute(request, pk):
    return get_for_user_or_404(Dispute, request.user, pk=pk)


@capability_required("disputes", edit=True)
def party_add(request, pk: int):
    dispute = _dispute(request, pk)
    form = PartyForm(request.POST or None, instance=Party(dispute=dispute))
    return _record_page(
        request,
        dispute,
        form,
        "添加当事人",
        lambda data: services.party_add(dispute=dispute, **data),
    )


@capability_required("disputes", edit=True)
def assign(request, pk: int):
    dispute = _dispute(request, pk)
    form = AssignForm(request.POST or None, dispute=dispute, user=request.user)
    return _record_page(
        request,
        dispute,
        form,
        "受理并分派调解",
        lambda data: services.dispute_assign(dispute=dispute, user=request.user, **data),
    )


@capability_required("disputes", edit=True)
def session_add(request, pk: int):
    dispute = _dispute(request, pk)
    form = SessionForm(request.POST or None, instance=Session(dispute=dispute))
    return _record_page(
        request,
        dispute,
        form,
        "调解记录",
        lambda data: services.session_record(dispute=dispute, user=request.user, **data),
    )


@capability_required("disputes", edit=True)
def agreement_add(request, pk: int):
    dispute = _dispute(request, pk)
    form = AgreementForm(
        request.POST or None,
        instance=Agreement(dispute=dispute),
        initial={"facts": dispute.summary},
    )
    return _record_page(
        request,
        dispute,
        form,
        "调解成功：制作调解协议",
        lambda data: services.agreement_make(dispute=dispute, **data),
    )


@capability_required("disputes", edit=True)
def performance_edit(request, pk: int):
    dispute = _dispute(request, pk)
    agreement = get_for_user_or_404(Agreement, request.user, dispute=dispute)
    form = PerformanceForm(request.POST or None, instance=agreement)
    return _record_page(
        request,
        dispute,
        form,
        "协议履行与司法确认",
        lambda data: services.agreement_update_performance(
            agreement=agreement,
            performance=data["performance"],
            note=data["performance_note"],
            confirmation_applied_on=data["confirmation_applied_on"],
        ),
    )


@capability_required("disputes", edit=True)
def conclude(request, pk: int):
    dispute = _dispute(request, pk)
    form = ConcludeForm(request.POST or None)
    return _record_page(
        request,
        dispute,
        form,
        "调解不成或终止",
        lambda data: services.dispute_conclude(dispute=dispute, **data),
    )


@capability_required("disputes", edit=True)
def handover_add(request, pk: int):
    dispute = _dispute(request, pk)
    form = HandoverForm(request.POST or None, instance=Handover(dispute=dispute))
    return _record_page(
        request,
        dispute,
        form,
        "移交",
        lambda data: services.dispute_hand_over(dispute=dispute, user=request.user, **data),
    )


@capability_required("disputes", edit=True)
def handover_result(request, pk: int, handover_pk: int):
    dispute = _dispute(request, pk)
    handover = get_for_user_or_404(Handover, request.user, pk=handover_pk, dispute=dispute)
    form = HandoverResultForm(request.POST or None, instance=handover)
    return _record_page(
        request,
        dispute,
        form,
        "登记接收方处理结果",
        lambda data: services.handover_record_result(handover=handover, **data),
    )


@capability_required("disputes", edit=True)
def follow_up_add(request, pk: int):
    dispute = _dispute(request, pk)
    form = FollowUpForm(request.POST or None)
    return _record_page(
        request,
        dispute,
        form,
        "回访",
        lambda data: services.follow_up_record(dispute=dispute, user=request.user, **data),
    )


@capability_required("disputes")
def agreement_download(request, pk: int):
    dispute = _dispute(request, pk)
    agreement = get_for_user_or_404(
        Agreement.objects.select_related("dispute__organisation"), request.user, dispute=dispute
    )
    content = agreement_docx(agreement, user=request.user, request=request)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"agreement-{dispute.number}.docx"
    )
    return response
