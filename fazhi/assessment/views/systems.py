"""Indicator systems: the list, the tree editor, Excel import and export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi import metrics
from fazhi.assessment import excel, services
from fazhi.assessment.forms import ImportForm, IndicatorForm, SystemForm
from fazhi.assessment.models import Indicator, Sheet, SheetStatus, System
from fazhi.assessment.selectors import ranking
from fazhi.core.periods import year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role, can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, run_service
from fazhi.ledgers.writer import xlsx_response

CRUMB = ("考核", "/assessment/")


def _is_builder(user) -> bool:
    return user.role == Role.COUNTY_ADMIN and can(user, "assessment", edit=True)


@capability_required("assessment")
def index(request):
    year = year_from(request)
    systems = System.objects.for_user(request.user).select_related("region")
    sheets = (
        Sheet.objects.for_user(request.user)
        .with_related()
        .order_by("-system__year", "system__level", "region__code")
    )
    if not _is_builder(request.user):
        systems = systems.published()
    status = request.GET.get("status", "")
    if status in SheetStatus.values:
        sheets = sheets.filter(status=status)
    if year:
        systems, sheets = systems.filter(year=year), sheets.filter(system__year=year)
    context = {
        "systems": systems[:200],
        "sheets": sheets[:300],
        "year": year,
        "status": status,
        "statuses": SheetStatus.choices,
        "can_build": _is_builder(request.user),
    }
    return render(request, "assessment/index.html", context)


@capability_required("assessment", edit=True)
def system_create(request):
    form = SystemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        system = run_service(form, services.system_create, user=request.user, **form.cleaned_data)
        if system:
            return redirect(system)
    return render(
        request,
        "assessment/form.html",
        {"form": form, "title": "新建指标体系", "breadcrumbs": [CRUMB, ("新建", None)]},
    )


@capability_required("assessment")
def system_detail(request, pk):
    system = get_for_user_or_404(
        System.objects.select_related("region", "previous"), request.user, pk=pk
    )
    indicators = list(system.indicators.order_by("order", "id"))
    children = {}
    for indicator in indicators:
        children.setdefault(indicator.parent_id, []).append(indicator)
    tree = []

    def walk(parent_id, depth):
        for indicator in children.get(parent_id, []):
            tree.append((indicator, depth))
            walk(indicator.pk, depth + 1)

    walk(None, 0)
    context = {
        "system": system,
        "tree": tree,
        "base_points": sum(
            i.points
            for i, _ in tree
            if i.is_scored and i.method not in ("bonus", "penalty", "veto")
        ),
        "can_build": _is_builder(request.user) and not system.is_published,
        "is_builder": _is_builder(request.user),
        "sheet_count": system.sheets.count(),
        "breadcrumbs": [CRUMB, (str(system), None)],
    }
    return render(request, "assessment/system_detail.html", context)


@capability_required("assessment", edit=True)
def system_edit(request, pk):
    system = get_for_user_or_404(System, request.user, pk=pk)
    form = SystemForm(request.POST or None, instance=system)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form, services.system_update, user=request.user, system=system, **form.cleaned_data
        )
    ):
        return redirect(system)
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "title": f"修改 {system}",
            "breadcrumbs": [CRUMB, (str(system), system.get_absolute_url()), ("修改", None)],
        },
    )


def _system_action(request, pk, service, done: str):
    system = get_for_user_or_404(System, request.user, pk=pk)
    try:
        result = service(user=request.user, system=system)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(system)
    messages.success(request, done)
    return redirect(result if isinstance(result, System) else system)


@require_POST
@capability_required("assessment", edit=True)
def system_publish(request, pk):
    return _system_action(request, pk, services.system_publish, "已发布。发布后不能再修改。")


@require_POST
@capability_required("assessment", edit=True)
def system_new_version(request, pk):
    return _system_action(request, pk, services.system_new_version, "已生成新版本（草稿）。")


@require_POST
@capability_required("assessment", edit=True)
def system_sheets_create(request, pk):
    system = get_for_user_or_404(System, request.user, pk=pk)
    try:
        created = services.sheets_create(user=request.user, system=system)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect(system)
    messages.success(request, f"已生成 {len(created)} 张考核表。")
    return redirect("assessment:ranking", pk=system.pk)


@capability_required("assessment")
def system_export(request, pk):
    system = get_for_user_or_404(System, request.user, pk=pk)
    return xlsx_response(f"{system.name}-第{system.edition}版", excel.export(system))


@capability_required("assessment", edit=True)
def system_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    parsed, rows = None, []
    if request.method == "POST" and form.is_valid():
        dry_run = "confirm" not in request.POST
        data = form.cleaned_data
        try:
            parsed, system = excel.system_import(
                user=request.user,
                file=data["file"],
                name=data["name"],
                year=data["year"],
                level=data["level"],
                dry_run=dry_run,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            if system is not None:
                messages.success(request, f"已导入 {system.indicators.count()} 项指标（草稿）。")
                return redirect(system)
            rows = excel.preview(parsed)
    context = {
        "form": form,
        "parsed": parsed,
        "rows": rows,
        "metrics": metrics.all_metrics(),
        "breadcrumbs": [CRUMB, ("导入指标体系", None)],
    }
    return render(request, "assessment/import.html", context)


def _indicator_form(request, *, system, indicator=None, parent=None):
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        saved = run_service(
            form,
            services.indicator_save,
            user=request.user,
            system=system,
            indicator=indicator,
            parent=parent,
            **fields,
        )
        if saved:
            messages.success(request, "已保存。")
            return redirect(system)
    title = (
        f"修改指标 {indicator}"
        if indicator
        else (f"在“{parent}”下添加指标" if parent else "添加一级指标")
    )
    context = {
        "form": form,
        "title": title,
        "metrics": metrics.all_metrics(),
        "breadcrumbs": [CRUMB, (str(system), system.get_absolute_url()), (title, None)],
    }
    return render(request, "assessment/indicator_form.html", context)


@capability_required("assessment", edit=True)
def indicator_create(request, pk):
    system = get_for_user_or_404(System, request.user, pk=pk)
    return _indicator_form(request, system=system)


@capability_required("assessment", edit=True)
def indicator_add_child(request, pk):
    parent = get_for_user_or_404(Indicator.objects.select_related("system"), request.user, pk=pk)
    return _indicator_form(request, system=parent.system, parent=parent)


@capability_required("assessment", edit=True)
def indicator_edit(request, pk):
    indicator = get_for_user_or_404(Indicator.objects.select_related("system"), request.user, pk=pk)
    return _indicator_form(request, system=indicator.system, indicator=indicator)


@require_POST
@capability_required("assessment", edit=True)
def indicator_delete(request, pk):
    indicator = get_for_user_or_404(Indicator.objects.select_related("system"), request.user, pk=pk)
    try:
        services.indicator_delete(user=request.user, indicator=indicator)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, "已删除。")
    return redirect(indicator.system)


@capability_required("assessment")
def system_ranking(request, pk):
    system = get_for_user_or_404(System, request.user, pk=pk)
    sheets = list(Sheet.objects.for_user(request.user).filter(system=system).with_related())
    context = {
        "system": system,
        "ranked": ranking(system, sheets),
        "breadcrumbs": [CRUMB, (str(system), system.get_absolute_url()), ("排名", None)],
    }
    return render(request, "assessment/ranking.html", context)
