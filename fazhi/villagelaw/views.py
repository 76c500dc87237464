"""Pages of 公共法律服务与法治乡村: the overview of villages, one page per village,
the registers of each record kind, their forms, and the 村规民约 procedure."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi import metrics
from fazhi.audit.services import PersonalReads
from fazhi.core import capabilities
from fazhi.core.keyword import keyword_filter
from fazhi.core.locking import EditConflict
from fazhi.core.periods import Period, linked_period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role, can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate, run_service
from fazhi.ledgers.writer import list_response
from fazhi.regions.selectors import in_linked_region
from fazhi.villagelaw import services
from fazhi.villagelaw.forms import (
    AssignmentForm,
    CompactForm,
    CompactStepForm,
    ConsultationForm,
    DemonstrationForm,
    ReferralForm,
    VisitForm,
    village_choices,
)
from fazhi.villagelaw.metrics import REVIEWED_STAGES
from fazhi.villagelaw.models import (
    Assignment,
    Compact,
    Consultation,
    Demonstration,
    Referral,
    ReferredTo,
    Stage,
    StepKind,
    Visit,
)
from fazhi.villagelaw.procedure import missing_step
from fazhi.villagelaw.selectors import (
    compact_vote_dates,
    filing_deadline,
    progress_for,
)

CAPABILITY = "villagelaw"
CRUMB = ("法治乡村", "/villagelaw/")


def today() -> date:
    return timezone.localdate()


def _crumbs(title):
    return [CRUMB, (title, None)]


# --- the overview and the village page ------------------------------------


@capability_required(CAPABILITY)
def index(request):
    user, day = request.user, today()
    year = year_from(request, default=day.year)
    villages = list(_villages_for(user))
    if user.role == Role.VILLAGE_CADRE and len(villages) == 1:
        # The cadre's home card opens their own village's page.
        return redirect("villagelaw:village", region_id=villages[0].pk)
    assignments = {}  # the latest term overlapping the year, per village
    for assignment in (
        Assignment.objects.for_user(user)
        .filter(region__in=villages, start__lte=date(year, 12, 31), end__gte=date(year, 1, 1))
        .select_related("region", "advisor")
        .order_by("start")
    ):
        assignments[assignment.region_id] = assignment
    progress = {p.assignment.region_id: p for p in progress_for(assignments.values(), year, day)}
    compacts = {}
    for compact in Compact.objects.for_user(user).filter(region__in=villages).order_by("id"):
        compacts[compact.region_id] = compact  # the newest per village
    rows = [
        {
            "village": village,
            "assignment": assignments.get(village.pk),
            "progress": progress.get(village.pk),
            "compact": compacts.get(village.pk),
        }
        for village in villages
    ]
    return render(
        request,
        "villagelaw/index.html",
        {"rows": rows, "year": year, "breadcrumbs": [(CRUMB[0], None)]},
    )


def _villages_for(user):
    return village_choices(user)


@dataclass
class Figure:
    label: str
    value: object
    unit: str
    url: str = ""
    note: str = ""


# The other capabilities' figures a village page shows, read from the metrics registry.
VILLAGE_METRICS = [
    ("assessment.law_understanders_in_village", "法律明白人（目标不少于3名）"),
    ("disputes.cases", "排查调处矛盾纠纷"),
    ("disputes.screening_compliance", "矛盾纠纷排查按月报送率"),
    ("assessment.person_times_per_head", "普法受教人次（人均）"),
    ("disclosure.on_time_rate", "村务公开按时率"),
]
UNDERSTANDERS_TARGET = 3


def _figure(code, label, village, period) -> Figure | None:
    try:
        metric = metrics.get(code)
    except KeyError:
        return None  # that capability is not installed
    if not capabilities.exists(metric.capability):
        return None
    result = metric(village, period)
    return Figure(label, result.value, metric.unit, result.list_url)


@capability_required(CAPABILITY)
def village(request, region_id: int):
    user, day = request.user, today()
    village = get_object_or_404(_villages_for(user), pk=region_id)
    year = year_from(request, default=day.year)
    period = Period.year(year)
    assignment = (
        Assignment.objects.for_user(user)
        .filter(region=village, start__lte=period.end, end__gte=period.start)
        .select_related("advisor")
        .order_by("-start")
        .first()
    )
    progress = progress_for([assignment], year, day)[0] if assignment else None
    compact = Compact.objects.for_user(user).filter(region=village).order_by("-id").first()
    demonstration = Demonstration.objects.for_user(user).filter(region=village).first()
    own = [
        _figure(code, label, village, period)
        for code, label in [
            ("villagelaw.consultations", "法律咨询"),
            ("villagelaw.referrals", "法律援助转介"),
        ]
    ]
    others = [_figure(code, label, village, period) for code, label in VILLAGE_METRICS]
    understanders = next((f for f in others if f and f.label.startswith("法律明白人")), None)
    return render(
        request,
        "villagelaw/village.html",
        {
            "village": village,
            "year": year,
            "assignment": assignment,
            "progress": progress,
            "compact": compact,
            "demonstration": demonstration,
            "figures": [f for f in own + others if f is not None],
            "understanders_short": understanders is not None
            and understanders.value is not None
            and understanders.value < UNDERSTANDERS_TARGET,
            "breadcrumbs": _crumbs(village.name),
        },
    )


# --- registers ---------------------------------------------------------------


@dataclass(frozen=True)
class Register:
    title: str
    model: type
    date_field: str | None
    fields: tuple  # keyword search fields (plain text only)
    headers: tuple
    create: str = ""  # URL name of the create page


REGISTERS = {
    "assignments": Register(
        "村（社区）法律顾问",
        Assignment,
        None,
        ("region__name", "advisor__name", "duty_schedule"),
        ("村（社区）", "法律顾问", "任期", "值班安排", "年度目标"),
        "villagelaw:assignment_create",
    ),
    "visits": Register(
        "驻村服务记录",
        Visit,
        "date",
        ("region__name", "assignment__advisor__name", "work"),
        ("日期", "村（社区）", "法律顾问", "时长（小时）", "服务内容"),
        "villagelaw:visit_create",
    ),
    "consultations": Register(
        "法律咨询台账",
        Consultation,
        "date",
        ("region__name", "person_name", "question", "answer"),
        ("日期", "村（社区）", "咨询人", "联系电话", "类别", "咨询问题", "转介去向"),
        "villagelaw:consultation_create",
    ),
    "referrals": Register(
        "法律援助转介台账",
        Referral,
        "received_on",
        ("region__name", "applicant", "summary", "lawyer"),
        ("受理日期", "村（社区）", "申请人", "援助事项", "转送日期", "决定", "承办律师", "结果"),
        "villagelaw:referral_create",
    ),
    "compacts": Register(
        "村规民约",
        Compact,
        None,
        ("region__name", "title", "text"),
        ("村（社区）", "名称", "类别", "办理阶段", "修订稿次"),
        "villagelaw:compact_create",
    ),
    "demonstrations": Register(
        "民主法治示范村（社区）",
        Demonstration,
        None,
        ("region__name", "self_assessment"),
        ("村（社区）", "命名级别", "命名年度", "下次复核", "自评得分"),
        "villagelaw:demonstration_create",
    ),
}


def _cells(kind, record):
    if kind == "assignments":
        return [
            record.region.name,
            record.advisor.name,
            f"{record.start:%Y-%m-%d}至{record.end:%Y-%m-%d}",
            record.duty_schedule,
            f"{record.hours_target}小时、{record.visits_target}次",
        ]
    if kind == "visits":
        return [
            f"{record.date:%Y-%m-%d}",
            record.region.name,
            record.assignment.advisor.name,
            str(record.hours),
            record.work,
        ]
    if kind == "consultations":
        return [
            f"{record.date:%Y-%m-%d}",
            record.region.name,
            record.person_name,
            record.phone_masked,
            record.get_category_display(),
            record.question,
            record.get_referred_to_display(),
        ]
    if kind == "referrals":
        return [
            f"{record.received_on:%Y-%m-%d}",
            record.region.name,
            record.applicant,
            record.get_matter_display(),
            f"{record.forwarded_on:%Y-%m-%d}" if record.forwarded_on else "未转送",
            record.get_decision_display(),
            record.lawyer,
            record.get_outcome_display(),
        ]
    if kind == "compacts":
        return [
            record.region.name,
            record.title,
            record.get_kind_display(),
            record.get_stage_display(),
            str(record.revision),
        ]
    return [
        record.region.name,
        record.get_level_display(),
        str(record.year_named),
        str(record.next_review_year or ""),
        str(record.self_score if record.self_score is not None else ""),
    ]


RELATED = {
    "assignments": ("region", "advisor"),
    "visits": ("region", "assignment__advisor"),
    "consultations": ("region",),
    "referrals": ("region",),
    "compacts": ("region",),
    "demonstrations": ("region",),
}


def _filtered(request, kind):
    register = REGISTERS[kind]
    records = register.model.objects.for_user(request.user).select_related(*RELATED[kind])
    records = keyword_filter(records, value=request.GET.get("q"), fields=register.fields)
    records = in_linked_region(records, request.GET)
    period = linked_period(request.GET)
    year = year_from(request)
    if register.date_field:
        if period:
            records = records.in_period(period, field=register.date_field)
        elif year:
            records = records.in_year(year, field=register.date_field)
    village_id = request.GET.get("village", "")
    if village_id.isdigit():
        records = records.filter(region_id=int(village_id))
    if kind == "referrals" and request.GET.get("open"):
        records = records.filter(
            Q(forwarded_on__isnull=False, decided_on__isnull=True)
            | Q(decision="granted", lawyer_assigned_on__isnull=True)
        )
    if kind == "consultations" and request.GET.get("referred") in ReferredTo.values:
        records = records.filter(referred_to=request.GET["referred"])
    if kind == "compacts" and request.GET.get("reviewed"):
        records = records.filter(stage__in=REVIEWED_STAGES)
    if kind == "demonstrations":
        named_by = year_from(request, name="named_by")
        if named_by:
            records = records.filter(year_named__lte=named_by)
    return records


def register_list(request, kind):
    register = REGISTERS[kind]
    records = _filtered(request, kind)
    if request.GET.get("export") == "xlsx":
        stamp = today().strftime("%Y%m%d")
        rows = (_cells(kind, r) for r in records.iterator(chunk_size=500))
        return list_response(f"{register.title}-{stamp}", register.title, register.headers, rows)
    page = paginate(request, records)
    rows = [(record, _cells(kind, record), _link(kind, record)) for record in page]
    return render(
        request,
        "villagelaw/register.html",
        {
            "register": register,
            "kind": kind,
            "page": page,
            "rows": rows,
            "can_edit": can(request.user, CAPABILITY, edit=True),
            "breadcrumbs": _crumbs(register.title),
        },
    )


def _link(kind, record):
    names = {
        "assignments": "villagelaw:assignment_edit",
        "visits": "villagelaw:visit_edit",
        "consultations": "villagelaw:consultation_detail",
        "referrals": "villagelaw:referral_detail",
        "compacts": "villagelaw:compact_detail",
        "demonstrations": "villagelaw:demonstration_edit",
    }
    return reverse(names[kind], args=[record.pk])


def _register_view(kind):
    @capability_required(CAPABILITY)
    def view(request):
        return register_list(request, kind)

    view.__name__ = kind
    return view


assignments = _register_view("assignments")
visits = _register_view("visits")
consultations = _register_view("consultations")
referrals = _register_view("referrals")
compacts = _register_view("compacts")
demonstrations = _register_view("demonstrations")


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
