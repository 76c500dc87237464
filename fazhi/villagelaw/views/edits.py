"""Create and edit forms of every record kind."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from fazhi.core.locking import EditConflict
from fazhi.core.permissions import capability_required
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors
from fazhi.villagelaw import services
from fazhi.villagelaw.forms import (
    AssignmentForm,
    CompactForm,
    ConsultationForm,
    DemonstrationForm,
    ReferralForm,
    VisitForm,
    village_choices,
)
from fazhi.villagelaw.models import (
    Assignment,
    Compact,
    Consultation,
    Demonstration,
    Referral,
    Visit,
)
from fazhi.villagelaw.views.common import CAPABILITY, _crumbs

# --- forms ---------------------------------------------------------------------


def _village_from(request):
    village_id = request.GET.get("village", "")
    if village_id.isdigit():
        return village_choices(request.user).filter(pk=int(village_id)).first()
    return None


def edit_page(request, *, form_class, title, instance=None, initial=None, after=None):
    """A record form: on a valid POST save it through the service and go to the record."""
    form = form_class(
        request.POST or None,
        instance=instance,
        user=request.user,
        village=_village_from(request),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        try:
            saved = services.record_save(
                user=request.user,
                record=record,
                version=form.read_version,
                submitted=form.submitted_values(),
            )
        except EditConflict as conflict:
            form.add_error(None, conflict)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"已保存：{saved}")
            return redirect(after(saved) if after else saved.get_absolute_url())
    return render(
        request,
        "villagelaw/form.html",
        {"form": form, "title": title, "breadcrumbs": _crumbs(title)},
    )


def _edit_view(form_class, model, create_title, edit_title, after=None):
    @capability_required(CAPABILITY, edit=True)
    def create(request):
        return edit_page(request, form_class=form_class, title=create_title, after=after)

    @capability_required(CAPABILITY, edit=True)
    def edit(request, pk: int):
        record = get_for_user_or_404(model, request.user, pk=pk)
        return edit_page(
            request,
            form_class=form_class,
            title=f"{edit_title}：{record}",
            instance=record,
            after=after,
        )

    return create, edit


def _to_list(name):
    return lambda record: reverse(name)


assignment_create, assignment_edit = _edit_view(
    AssignmentForm, Assignment, "登记村（社区）法律顾问", "修改", _to_list("villagelaw:assignments")
)
consultation_create, consultation_edit = _edit_view(
    ConsultationForm, Consultation, "登记法律咨询", "修改法律咨询"
)
referral_edit = _edit_view(ReferralForm, Referral, "", "修改法律援助转介")[1]
compact_create = _edit_view(CompactForm, Compact, "起草村规民约", "")[0]
demonstration_create, demonstration_edit = _edit_view(
    DemonstrationForm,
    Demonstration,
    "登记民主法治示范村（社区）",
    "修改",
    _to_list("villagelaw:demonstrations"),
)


@capability_required(CAPABILITY, edit=True)
def referral_create(request):
    """A new referral, prefilled from the consultation it comes from (?consultation=)."""
    initial, source = {}, None
    consultation_id = request.GET.get("consultation", "")
    if consultation_id.isdigit():
        source = get_for_user_or_404(Consultation, request.user, pk=int(consultation_id))
        initial = {
            "region": source.region_id,
            "applicant": source.person_name,
            "received_on": source.date,
            "summary": source.question,
        }

    def after(referral):
        if source is not None and referral.consultation_id is None:
            referral.consultation = source
            referral.save(update_fields=["consultation", "version"])
        return referral.get_absolute_url()

    return edit_page(
        request, form_class=ReferralForm, title="登记法律援助转介", initial=initial, after=after
    )


@capability_required(CAPABILITY, edit=True)
def visit_create(request):
    return _visit_form(request, None)


@capability_required(CAPABILITY, edit=True)
def visit_edit(request, pk: int):
    return _visit_form(request, get_for_user_or_404(Visit, request.user, pk=pk))


def _visit_form(request, visit):
    form = VisitForm(request.POST or None, user=request.user, instance=visit)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.visit_record(user=request.user, visit=visit, version=form.read_version, **data)
        except EditConflict as conflict:
            form.add_error(None, conflict)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "已保存驻村服务记录。")
            return redirect("villagelaw:visits")
    title = "修改驻村服务记录" if visit else "记录驻村服务"
    return render(
        request,
        "villagelaw/form.html",
        {"form": form, "title": title, "breadcrumbs": _crumbs(title)},
    )
