"""Report pages: list and create, read and edit, finalise, new draft,
generate a file (in the background, with progress), templates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.periods import linked_period
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate
from fazhi.documents.pdf import MISSING_MESSAGE, office_available
from fazhi.documents.templates import PLACEHOLDERS, sample_template
from fazhi.reports import document as report_document
from fazhi.reports import services
from fazhi.reports.forms import (
    GenerateForm,
    PublishForm,
    RegionYearForm,
    ReportTextForm,
    TemplateUploadForm,
)
from fazhi.reports.models import FileStatus, Report, ReportFile, ReportTemplate, Status
from fazhi.reports.selectors import NoSuchVersion, report_select
from fazhi.reports.services import DOCX_MIME

# django_tasks_db's worker polls every second; a job still not started after this
# long has no worker to run it.
NO_WORKER_AFTER_SECONDS = 15


def _error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


@capability_required("reports")
def index(request):
    form = RegionYearForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not can(request.user, "reports", edit=True):
            raise PermissionDenied("您的角色无权修改年度报告。")
        if form.is_valid():
            try:
                report = services.report_create(
                    user=request.user,
                    region=form.cleaned_data["region"],
                    year=form.cleaned_data["year"],
                )
            except ValidationError as error:
                form.add_error(None, _error_text(error))
            else:
                return redirect("reports:detail", pk=report.pk)
    reports = Report.objects.for_user(request.user).select_related("region")
    code = request.GET.get("region", "")
    if code:  # a figure's link names one region's own reports, the period's years
        reports = reports.filter(region__code=code)
    period = linked_period(request.GET)
    if period is not None:
        reports = reports.filter(year__range=(period.start.year, period.end.year))
    if request.GET.get("published"):
        reports = reports.filter(status=Status.FINAL, published_on__isnull=False)
    page = paginate(request, reports, per_page=25)
    return render(
        request,
        "reports/index.html",
        {"form": form, "page": page, "breadcrumbs": [("年度报告", None)]},
    )


@capability_required("reports")
def detail(request, pk: int):
    report = get_for_user_or_404(Report.objects.select_related("region"), request.user, pk=pk)
    document = report_document.assemble(report)
    form = ReportTextForm(report=report, candidates=document.candidates)
    return _detail_page(request, report, document, form)


@capability_required("reports")
def open_(request):
    """`?region=<code>&year=<year>[&version=<n>]`: the report `fazhi report`
    would print for them (`report_select`), opened on its page."""
    form = RegionYearForm(request.GET, user=request.user)
    version = request.GET.get("version", "")
    if not form.is_valid() or (version and not version.isdigit()):
        raise Http404("区划、年度或版本不正确，或区划不在您的管辖范围内。")
    region, year = form.cleaned_data["region"], form.cleaned_data["year"]
    try:
        report = report_select(
            region=region, year=year, version=int(version) if version else None, user=request.user
        )
    except NoSuchVersion as error:
        raise Http404(str(error)) from None
    if report.pk is None:
        raise Http404(f"{region.name}{year}年度还没有报告，请在年度报告页新建。")
    return redirect("reports:detail", pk=report.pk)


@require_POST
@capability_required("reports", edit=True)
def edit(request, pk: int):
    report = get_for_user_or_404(Report.objects.select_related("region"), request.user, pk=pk)
    document = report_document.assemble(report)
    form = ReportTextForm(request.POST, report=report, candidates=document.candidates)
    if not form.is_valid():
        return _detail_page(request, report, document, form, status=400)
    try:
        services.report_update(user=request.user, report=report, **_edits(form))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "已保存。")
    return redirect("reports:detail", pk=report.pk)


def _edits(form: ReportTextForm) -> dict:
    return {
        "narratives": form.narratives(),
        "decisions": form.decisions(),
        "title": form.cleaned_data["title"],
        "issuer": form.cleaned_data["issuer"],
        "issued_on": form.cleaned_data["issued_on"],
    }


def _detail_page(request, report, document, form, *, status=200):
    may_edit = can(request.user, "reports", edit=True)
    context = {
        "report": report,
        "document": document,
        "form": form,
        "candidate_rows": _candidate_rows(form, document.candidates),
        "generate_form": GenerateForm(),
        "versions": Report.objects.for_user(request.user).for_region_year(
            report.region, report.year
        ),
        "files": report.files.all()[:5],
        "office_available": office_available(),
        "office_missing": MISSING_MESSAGE,
        "can_write": may_edit,
        "can_edit": may_edit and not report.is_final,
        "breadcrumbs": [("年度报告", "/reports/"), (str(report), None)],
    }
    return render(request, "reports/detail.html", context, status=status)


def _candidate_rows(form, candidates):
    return [
        (item, form[f"c{index}_status"], form[f"c{index}_text"])
        for index, item in enumerate(candidates)
    ]


@require_POST
@capability_required("reports", edit=True)
def finalise(request, pk: int):
    report = get_for_user_or_404(Report, request.user, pk=pk)
    try:
        services.report_finalise(user=request.user, report=report)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "报告已定稿：其中的数据和文字不再随记录变化。")
    return redirect("reports:detail", pk=report.pk)


@require_POST
@capability_required("reports", edit=True)
def publish(request, pk: int):
    """The officer records the day the final report was made public."""
    report = get_for_user_or_404(Report, request.user, pk=pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "公开日期：" + "；".join(str(e) for e in form.errors.get("published_on", ["请填写"])),
        )
        return redirect("reports:detail", pk=report.pk)
    try:
        services.report_mark_published(
            user=request.user, report=report, published_on=form.cleaned_data["published_on"]
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "已登记报告的公开日期。")
    return redirect("reports:detail", pk=report.pk)


@require_POST
@capability_required("reports", edit=True)
def new_draft(request, pk: int):
    report = get_for_user_or_404(Report, request.user, pk=pk)
    try:
        draft = services.report_new_draft(user=request.user, report=report)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("reports:detail", pk=report.pk)
    messages.success(request, f"已基于第{report.version}版新建草稿（第{draft.version}版）。")
    return redirect("reports:detail", pk=draft.pk)


@require_POST
@capability_required("reports", edit=True)  # the leader reads; generating writes
def generate(request, pk: int):
    report = get_for_user_or_404(Report, request.user, pk=pk)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        return _file_error(request, "请选择文件格式。")
    fmt, appendix = form.cleaned_data["format"], form.cleaned_data["appendix"]
    try:
        if _carries_edits(request, report):
            report_file = _save_and_request(request, report, fmt, appendix)
        else:
            report_file = services.report_file_request(
                user=request.user, report=report, fmt=fmt, appendix=appendix
            )
    except ValidationError as error:
        return _file_error(request, _error_text(error))
    if request.htmx:
        context = {"file": report_file, "saved": _carries_edits(request, report)}
        return render(request, "reports/_file.html", context)
    return redirect("reports:detail", pk=report.pk)


def _file_error(request, text: str):
    # htmx swaps only 2xx answers: the message must reach the page.
    status = 200 if request.htmx else 400
    return render(request, "reports/_file.html", {"error": text}, status=status)


def _carries_edits(request, report) -> bool:
    """The page sends the edit form along with 生成 (hx-include); a draft the
    user may edit is then saved first, so the file is what is on the screen."""
    return (
        request.POST.get("with_edits") == "1"
        and not report.is_final
        and can(request.user, "reports", edit=True)
    )


def _save_and_request(request, report, fmt: str, appendix: bool):
    document = report_document.assemble(report)
    text_form = ReportTextForm(request.POST, report=report, candidates=document.candidates)
    if not text_form.is_valid():
        problems = [
            f"{text_form[name].label if name in text_form.fields else '报告'}：{message}"
            for name, messages_ in text_form.errors.items()
            for message in messages_
        ]
        raise ValidationError("未生成，请先改正：" + "；".join(problems))
    return services.report_save_and_file_request(
        user=request.user, report=report, edits=_edits(text_form), fmt=fmt, appendix=appendix
    )


def _waiting_for_a_worker(report_file: ReportFile) -> int | None:
    """Seconds a file has waited with no worker taking it, once that is longer
    than a worker ever needs to pick a job up: the page then says why and what
    to do instead of 排队中 forever."""
    if report_file.status != FileStatus.PENDING:
        return None
    waited = int((timezone.now() - report_file.requested_at).total_seconds())
    return waited if waited >= NO_WORKER_AFTER_SECONDS else None


@capability_required("reports")
def file_status(request, pk: int):
    report_file = get_for_user_or_404(ReportFile, request.user, pk=pk)
    context = {"file": report_file, "no_worker_for": _waiting_for_a_worker(report_file)}
    return render(request, "reports/_file.html", context)


@capability_required("reports")
def file_download(request, pk: int):
    report_file = get_for_user_or_404(
        ReportFile.objects.select_related("report__region"), request.user, pk=pk
    )
    if report_file.status != FileStatus.DONE:
        return render(request, "reports/_file.html", {"file": report_file}, status=409)
    return FileResponse(
        report_file.file.open("rb"), as_attachment=True, filename=report_file.filename()
    )


@capability_required("reports")
def templates(request):
    form = TemplateUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        if not can(request.user, "reports", edit=True):
            raise PermissionDenied("您的角色无权修改年度报告。")
        if form.is_valid():
            try:
                services.report_template_upload(
                    user=request.user,
                    region=form.cleaned_data["region"],
                    upload=form.cleaned_data["file"],
                    name=form.cleaned_data["name"],
                )
            except ValidationError as error:
                for message in error.message_dict.get("file", error.messages):
                    form.add_error("file", message)
            else:
                messages.success(request, "模板已上传并启用。")
                return redirect("reports:templates")
    return render(
        request,
        "reports/templates.html",
        {
            "form": form,
            "templates": ReportTemplate.objects.for_user(request.user).select_related("region"),
            "placeholders": PLACEHOLDERS,
            "breadcrumbs": [("年度报告", "/reports/"), ("报告模板", None)],
        },
    )


@capability_required("reports")
def template_sample(request):
    response = HttpResponse(sample_template(), content_type=DOCX_MIME)
    response["Content-Disposition"] = (
        "attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A%E6%A8%A1%E6%9D%BF%E7%A4%BA%E4%BE%8B.docx"
    )
    return response
