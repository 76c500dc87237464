"""Ledger pages: the list with export links, and import with a dry-run preview."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.ledgers.base import get_ledger, ledgers
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.ledgers.models import LedgerImport
from fazhi.ledgers.services import ledger_import_is_big, ledger_import_queue
from fazhi.ledgers.writer import xlsx_response
from fazhi.metrics import Period
from fazhi.reports.forms import LedgerImportForm, RegionYearForm, report_regions


def _ledger_or_404(user, key: str, *, edit: bool = False):
    ledger = get_ledger(key)
    if ledger is None:
        raise Http404("没有这个台账。")
    if not can(user, ledger.capability, edit=edit):
        raise PermissionDenied("您的角色无权访问此台账。")
    return ledger


def _filters(request):
    data = request.GET if "region" in request.GET else None
    form = RegionYearForm(data, user=request.user)
    if data is None:
        first = report_regions(request.user).order_by("level", "code").first()
        form = RegionYearForm(
            {"region": first.code if first else "", "year": timezone.localdate().year - 1},
            user=request.user,
        )
    return form


@capability_required("reports")
def index(request):
    form = _filters(request)
    rows = []
    if form.is_valid():
        region, year = form.cleaned_data["region"], form.cleaned_data["year"]
        for ledger in ledgers():
            if not can(request.user, ledger.capability):
                continue
            records = ledger.records(user=request.user, region=region, period=Period.year(year))
            rows.append(
                {
                    "ledger": ledger,
                    "count": records.count(),
                    "can_import": ledger.importable
                    and can(request.user, ledger.capability, edit=True),
                }
            )
    return render(
        request,
        "reports/ledgers.html",
        {
            "form": form,
            "rows": rows,
            "query": request.GET.urlencode()
            or f"region={form.data.get('region', '')}&year={form.data.get('year', '')}",
            "breadcrumbs": [("年度报告", "/reports/"), ("台账", None)],
        },
    )


@capability_required("reports")
def export(request, key: str):
    ledger = _ledger_or_404(request.user, key)
    form = RegionYearForm(request.GET, user=request.user)
    if not form.is_valid():
        raise Http404("区划或年度不正确，或不在您的管辖范围内。")
    region, year = form.cleaned_data["region"], form.cleaned_data["year"]
    records = ledger.records(user=request.user, region=region, period=Period.year(year))
    title = f"{region.name}{ledger.title}（{year}年）"
    return xlsx_response(title, export_workbook(ledger, records, title=title))


@capability_required("reports")
def import_(request, key: str):
    ledger = _ledger_or_404(request.user, key, edit=True)
    if not ledger.importable:
        raise Http404("该台账只能导出。")
    form = LedgerImportForm(request.POST or None, request.FILES or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        upload, region = form.cleaned_data["file"], form.cleaned_data["region"]
        dry_run = request.POST.get("action") != "import"
        if ledger_import_is_big(file=upload):
            job = ledger_import_queue(
                user=request.user, ledger=ledger, region=region, file=upload, dry_run=dry_run
            )
            return redirect("reports:ledger_import_job", pk=job.pk)
        result = import_workbook(
            ledger=ledger, file=upload, user=request.user, region=region, dry_run=dry_run
        )
    return render(
        request,
        "reports/ledger_import.html",
        {"ledger": ledger, "form": form, "result": result, "breadcrumbs": _crumbs(ledger)},
    )


def _crumbs(ledger, *, link: bool = False):
    page = reverse("reports:ledger_import", args=[ledger.key]) if link else None
    return [("年度报告", "/reports/"), ("台账", "/reports/ledgers/"), (f"导入{ledger.title}", page)]


@capability_required("reports")
def import_job(request, pk: int):
    """A queued import's progress (polled by the page while it runs) and its result."""
    job = get_for_user_or_404(LedgerImport, request.user, pk=pk)
    ledger = _ledger_or_404(request.user, job.ledger, edit=True)
    if request.htmx:
        return render(request, "reports/_ledger_import_job.html", {"job": job})
    crumbs = [*_crumbs(ledger, link=True), ("后台导入", None)]
    return render(
        request,
        "reports/ledger_import_job.html",
        {"ledger": ledger, "job": job, "breadcrumbs": crumbs},
    )
