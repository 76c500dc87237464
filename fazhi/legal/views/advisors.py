from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.attachments.models import Attachment
from fazhi.audit.services import personal_data_viewed
from fazhi.core.keyword import keyword_filter
from fazhi.core.locking import EditConflict
from fazhi.core.periods import linked_period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.legal import services
from fazhi.legal.forms import AdvisorForm, ContractForm, ServiceForm
from fazhi.legal.models import (
    Advisor,
    Contract,
    Decision,
    ReviewRequest,
    Service,
    ServiceKind,
    Stage,
)
from fazhi.legal.search import ADVISOR_FIELDS, SERVICE_FIELDS
from fazhi.legal.views.common import PAGE_SIZE, excel_response, office_required, today
from fazhi.regions.selectors import in_linked_region

CRUMB = ("法律顾问与重大决策", "/legal/")


PANEL_LIMIT = 10  # rows of a panel on an overview page


@capability_required("legal")
def index(request):
    user, day = request.user, today()
    if user.role == Role.LEGAL_ADVISOR:  # their whole capability is the requests sent to them
        from fazhi.legal.views.reviews import review_list

        return review_list(request)
    valid = list(Contract.objects.for_user(user).select_related("advisor").valid_on(day))
    alerts = [
        {"contract": c, "threshold": c.alert(day), "left": c.days_left(day)}
        for c in valid
        if c.alert(day)
    ]
    pending = ReviewRequest.objects.for_user(user).pending()
    decisions = Decision.objects.for_user(user)
    by_stage = dict(decisions.order_by().values_list("stage").annotate(n=Count("id")))
    context = {
        "valid_contracts": valid,
        "alerts": alerts,
        "today": day,
        # The soonest due first, a screenful; the count and the link show the rest.
        "pending_reviews": pending.select_related("reviewer").order_by("due", "pk")[:PANEL_LIMIT],
        "pending_count": pending.count(),
        "stages": [
            (value, label, by_stage[value]) for value, label in Stage.choices if value in by_stage
        ],
        "decision_count": decisions.count(),
        "breadcrumbs": [(CRUMB[0], None)],
    }
    return render(request, "legal/index.html", context)


@office_required()
def advisor_list(request):
    day = today()
    advisors = (
        Advisor.objects.for_user(request.user)
        .annotate(
            valid_contracts=Count(
                "contracts", filter=Q(contracts__start__lte=day, contracts__end__gte=day)
            ),
            service_count=Count("services", distinct=True),
        )
        .order_by("name")
    )
    advisors = keyword_filter(advisors, value=request.GET.get("q"), fields=ADVISOR_FIELDS)
    advisors = in_linked_region(advisors, request.GET)
    period = linked_period(request.GET)
    if period:  # under contract at some time in the period
        advisors = advisors.filter(pk__in=Contract.objects.overlapping(period).values("advisor"))
    return render(
        request,
        "legal/advisor_list.html",
        {
            "page": paginate(request, advisors, per_page=PAGE_SIZE),
            "breadcrumbs": [CRUMB, ("法律顾问", None)],
        },
    )


@office_required(edit=True)
def advisor_create(request):
    return _advisor_form(request, None)


@office_required(edit=True)
def advisor_edit(request, pk: int):
    return _advisor_form(request, get_for_user_or_404(Advisor, request.user, pk=pk))


def _advisor_form(request, advisor):
    form = AdvisorForm(request.POST or None, instance=advisor, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = services.advisor_fields(form.cleaned_data)
        try:
            if advisor is None:
                advisor = services.advisor_create(user=request.user, **fields)
            else:
                advisor = services.advisor_update(
                    user=request.user, advisor=advisor, version=form.read_version, **fields
                )
        except EditConflict as conflict:
            form.add_error(None, conflict)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"已保存法律顾问 {advisor.name}。")
            return redirect("legal:advisor_detail", pk=advisor.pk)
    title = f"修改法律顾问：{advisor.name}" if advisor else "登记法律顾问"
    return render(
        request,
        "legal/form.html",
        {"form": form, "title": title, "breadcrumbs": [CRUMB, (title, None)]},
    )


@office_required()
def advisor_detail(request, pk: int):
    advisor = get_for_user_or_404(Advisor, request.user, pk=pk)
    contracts = list(advisor.contracts.order_by("-start"))
    files = Attachment.objects.filter(
        owner_type__model="contract", owner_id__in=[c.pk for c in contracts]
    )
    by_contract = {}
    for attachment in files:
        by_contract.setdefault(attachment.owner_id, []).append(attachment)
    for contract in contracts:
        contract.files = by_contract.get(contract.pk, [])
    context = {
        "advisor": advisor,
        "contracts": contracts,
        "today": today(),
        "services": advisor.services.all()[:20],
        "breadcrumbs": [CRUMB, ("法律顾问", reverse("legal:advisors")), (advisor.name, None)],
    }
    return render(request, "legal/advisor_detail.html", context)


@office_required(edit=True)
@require_POST
def advisor_phone(request, pk: int):
    """The full phone number, shown on request to the town's editors and logged."""
    advisor = get_for_user_or_404(Advisor, request.user, pk=pk)
    personal_data_viewed(user=request.user, obj=advisor, field="phone", request=request)
    return HttpResponse(advisor.phone or "—")


@office_required(edit=True)
def contract_add(request, pk: int):
    advisor = get_for_user_or_404(Advisor, request.user, pk=pk)
    form = ContractForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contract_create(user=request.user, advisor=advisor, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "已登记聘请合同。")
            return redirect("legal:advisor_detail", pk=advisor.pk)
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "title": f"登记聘请合同：{advisor.name}",
            "multipart": True,
            "breadcrumbs": [CRUMB, (advisor.name, reverse("legal:advisor_detail", args=[pk]))],
        },
    )


def _filtered_services(request):
    entries = Service.objects.for_user(request.user).select_related("advisor")
    entries = keyword_filter(entries, value=request.GET.get("q"), fields=SERVICE_FIELDS)
    entries = in_linked_region(entries, request.GET)
    period = linked_period(request.GET)
    if period:
        entries = entries.in_period(period)
    year = year_from(request)
    if year:
        entries = entries.filter(date__year=year)
    if request.GET.get("kind"):
        entries = entries.filter(kind=request.GET["kind"])
    if request.GET.get("advisor", "").isdigit():
        entries = entries.filter(advisor_id=request.GET["advisor"])
    return entries


@office_required()
def service_list(request):
    entries = _filtered_services(request)
    if request.GET.get("export") == "xlsx":
        return excel_response(
            "法律顾问服务台账",
            ["日期", "法律顾问", "服务类别", "事项", "服务内容", "用时（小时）"],
            (
                (s.date, s.advisor.name, s.get_kind_display(), s.subject, s.detail, s.hours)
                for s in entries
            ),
        )
    context = {
        "page": paginate(request, entries, per_page=PAGE_SIZE),
        "kinds": ServiceKind.choices,
        "advisors": Advisor.objects.for_user(request.user),
        "breadcrumbs": [CRUMB, ("服务台账", None)],
    }
    return render(request, "legal/service_list.html", context)


@office_required(edit=True)
def service_create(request):
    advisors = Advisor.objects.for_user(request.user)
    form = ServiceForm(request.POST or None, advisors=advisors)
    if request.method == "POST" and form.is_valid():
        try:
            services.advisor_service_record(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "已记录服务。")
            return redirect("legal:services")
    return render(
        request,
        "legal/form.html",
        {"form": form, "title": "记录法律顾问服务", "breadcrumbs": [CRUMB, ("记录服务", None)]},
    )


@office_required()
def service_summary(request):
    """Per advisor, per kind of service, for one year."""
    year = year_from(request, default=today().year)
    counts = (
        Service.objects.for_user(request.user)
        .filter(date__year=year)
        .values("advisor_id", "advisor__name", "kind")
        .annotate(n=Count("id"))
        .order_by("advisor__name")
    )
    table: dict[int, dict] = {}
    for row in counts:
        entry = table.setdefault(
            row["advisor_id"], {"name": row["advisor__name"], "kinds": {}, "total": 0}
        )
        entry["kinds"][row["kind"]] = row["n"]
        entry["total"] += row["n"]
    rows = [
        {**entry, "cells": [entry["kinds"].get(kind, 0) for kind in ServiceKind.values]}
        for entry in table.values()
    ]
    context = {
        "year": year,
        "rows": rows,
        "kinds": ServiceKind.labels,
        "breadcrumbs": [CRUMB, ("服务台账", reverse("legal:services")), (f"{year}年汇总", None)],
    }
    return render(request, "legal/service_summary.html", context)
