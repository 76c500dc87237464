"""The register of each record kind: filters, pages, Excel."""

from dataclasses import dataclass

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse

from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import linked_period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.web import paginate
from fazhi.ledgers.writer import list_response
from fazhi.regions.selectors import in_linked_region
from fazhi.villagelaw.metrics import REVIEWED_STAGES
from fazhi.villagelaw.models import (
    Assignment,
    Compact,
    Consultation,
    Demonstration,
    Referral,
    ReferredTo,
    Visit,
)
from fazhi.villagelaw.views.common import CAPABILITY, _crumbs, today

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
