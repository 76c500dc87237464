"""Detail pages, and the 村规民约 procedure's steps and text."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.audit.services import PersonalReads
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, run_service
from fazhi.villagelaw import services
from fazhi.villagelaw.forms import (
    CompactForm,
    CompactStepForm,
)
from fazhi.villagelaw.models import (
    Compact,
    Consultation,
    Referral,
    Stage,
    StepKind,
)
from fazhi.villagelaw.procedure import missing_step
from fazhi.villagelaw.selectors import (
    compact_vote_dates,
    filing_deadline,
)
from fazhi.villagelaw.views.common import CAPABILITY, CRUMB, today

# --- details ---------------------------------------------------------------------


@capability_required(CAPABILITY)
def consultation_detail(request, pk: int):
    consultation = get_for_user_or_404(
        Consultation.objects.select_related("region", "advisor"), request.user, pk=pk
    )
    return render(
        request,
        "villagelaw/consultation_detail.html",
        {
            "consultation": consultation,
            "referrals": list(consultation.referrals.all()),
            "can_edit": can(request.user, CAPABILITY, edit=True),
            "breadcrumbs": [
                CRUMB,
                ("法律咨询台账", reverse("villagelaw:consultations")),
                (str(consultation), None),
            ],
        },
    )


@capability_required(CAPABILITY)
def referral_detail(request, pk: int):
    referral = get_for_user_or_404(Referral.objects.select_related("region"), request.user, pk=pk)
    day = today()
    show_full = request.GET.get("show") == "personal" and can(request.user, CAPABILITY, edit=True)
    if show_full:
        reads = PersonalReads(user=request.user, request=request)
        for field in ("id_number", "phone"):
            if getattr(referral, field):
                reads.add(referral, field)
        reads.log()
    return render(
        request,
        "villagelaw/referral_detail.html",
        {
            "referral": referral,
            "decision_deadline": referral.decision_deadline(),
            "assignment_deadline": referral.assignment_deadline(),
            "urgent": referral.is_urgent(day),
            "show_full": show_full,
            "today": day,
            "can_edit": can(request.user, CAPABILITY, edit=True),
            "breadcrumbs": [
                CRUMB,
                ("法律援助转介台账", reverse("villagelaw:referrals")),
                (str(referral), None),
            ],
        },
    )


@capability_required(CAPABILITY)
def compact_detail(request, pk: int, step_form=None):
    compact = get_for_user_or_404(Compact.objects.select_related("region"), request.user, pk=pk)
    steps = list(compact.steps.order_by("date", "id"))
    vote = compact_vote_dates([compact]).get(compact.pk)
    next_steps = [(kind, label, missing_step(compact, kind)) for kind, label in StepKind.choices]
    return render(
        request,
        "villagelaw/compact_detail.html",
        {
            "compact": compact,
            "steps": steps,
            "filing_deadline": filing_deadline(vote) if compact.stage == Stage.VOTED else None,
            "step_form": step_form or CompactStepForm(initial={"date": today()}),
            "text_form": CompactForm(instance=compact, user=request.user)
            if compact.stage == Stage.DRAFT
            else None,
            "next_steps": next_steps,
            "can_edit": can(request.user, CAPABILITY, edit=True),
            "breadcrumbs": [
                CRUMB,
                ("村规民约", reverse("villagelaw:compacts")),
                (str(compact), None),
            ],
        },
    )


@require_POST
@capability_required(CAPABILITY, edit=True)
def compact_step(request, pk: int):
    compact = get_for_user_or_404(Compact, request.user, pk=pk)
    form = CompactStepForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.compact_step_record(user=request.user, compact=compact, **data)
        except ValidationError as error:
            form_errors(form, error)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            messages.success(request, f"已记录「{StepKind(data['kind']).label}」。")
            return redirect(compact)
    return compact_detail(request, pk, step_form=form)


@require_POST
@capability_required(CAPABILITY, edit=True)
def compact_text(request, pk: int):
    compact = get_for_user_or_404(Compact, request.user, pk=pk)
    form = CompactForm(request.POST, instance=compact, user=request.user)
    if form.is_valid():
        saved = run_service(
            form,
            services.compact_text_update,
            user=request.user,
            compact=Compact.objects.get(pk=compact.pk),
            title=form.cleaned_data["title"],
            text=form.cleaned_data["text"],
            version=form.read_version,
        )
        if saved is not None:
            messages.success(request, "已保存修改稿。")
            return redirect(compact)
    messages.error(request, "；".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(compact)
