"""Changes to reports: create, edit, finalise, start a new draft, generate a
file, upload a template. Keyword-only, one transaction each."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from fazhi.attachments.validation import validate_upload
from fazhi.core.scope import ensure_region_in_scope
from fazhi.documents import templates as docx_templates
from fazhi.documents.gbt9704 import build_docx
from fazhi.regions.models import Level
from fazhi.reports import content as report_content
from fazhi.reports import document as report_document
from fazhi.reports.models import (
    FileStatus,
    Report,
    ReportFile,
    ReportTemplate,
    Status,
)
from fazhi.reports.snapshot import Snapshot
from fazhi.reports.types import Document

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _check_region(user, region) -> None:
    if user is not None:
        ensure_region_in_scope(user, region)
    if region.level not in (Level.COUNTY, Level.TOWN):
        raise ValidationError({"region": "年度报告按乡镇或区县编写，请选择乡镇（街道）或区县。"})


def _next_version(region, year: int) -> int:
    latest = Report.objects.filter(region=region, year=year).aggregate(v=Max("version"))["v"]
    return (latest or 0) + 1


@transaction.atomic
def report_create(*, user, region, year: int) -> Report:
    """The draft open for `region` and `year`; else a new one, carrying the
    latest final's text when there is one."""
    _check_region(user, region)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({"year": f"年度应在{FIRST_YEAR}至{LAST_YEAR}之间。"})
    existing = Report.objects.filter(region=region, year=year, status=Status.DRAFT).first()
    if existing:
        return existing
    latest_final = Report.objects.for_region_year(region, year).filter(status=Status.FINAL).first()
    if latest_final:
        return report_new_draft(user=user, report=latest_final)
    report = Report(region=region, year=year, version=_next_version(region, year), created_by=user)
    report.full_clean()
    report.save()
    return report


def _editable(report: Report) -> None:
    if report.is_final:
        raise ValidationError("定稿后的报告不能修改；如需修改，请基于定稿新建草稿。")


@transaction.atomic
def report_update(
    *,
    user,
    report: Report,
    narratives: dict[str, str] | None = None,
    decisions: dict[str, dict] | None = None,
    title: str | None = None,
    issuer: str | None = None,
    issued_on=None,
) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    _editable(report)
    ensure_region_in_scope(user, report.region)
    if narratives is not None:
        report.narratives = {k: v for k, v in narratives.items() if v.strip()}
    if decisions is not None:
        report.decisions = decisions
    if title is not None:
        report.title = title
    if issuer is not None:
        report.issuer = issuer
    if issued_on is not None:
        report.issued_on = issued_on
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_finalise(*, user, report: Report) -> Report:
    """Freeze the figures and the text: later record changes leave it as it is."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _editable(report)
    if user is not None:
        ensure_region_in_scope(user, report.region)
    computed = report_content.compute(report.region, report.year)
    if report.issued_on is None:
        report.issued_on = timezone.localdate()
    report.snapshot = Snapshot(
        content=computed, document=report_document.assemble_from(report, computed)
    ).to_dict()
    report.status = Status.FINAL
    report.finalised_by = user
    report.finalised_at = timezone.now()
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_mark_published(*, user, report: Report, published_on) -> Report:
    """Record the day a final report was made public."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_final:
        raise ValidationError({"published_on": "报告定稿后才能登记公开日期。"})
    ensure_region_in_scope(user, report.region)
    if published_on is None:
        raise ValidationError({"published_on": "请填写公开日期。"})
    if published_on > timezone.localdate():
        raise ValidationError({"published_on": "公开日期不能晚于今天。"})
    if report.finalised_at and published_on < timezone.localdate(report.finalised_at):
        raise ValidationError({"published_on": "公开日期不能早于定稿日期。"})
    report.published_on = published_on
    report.full_clean()
    report.save(update_fields=["published_on"])
    return report


@transaction.atomic
def report_new_draft(*, user, report: Report) -> Report:
    """The next version, a draft carrying the final's text and choices."""
    if not report.is_final:
        raise ValidationError("只能基于定稿新建草稿。")
    _check_region(user, report.region)
    if Report.objects.filter(region=report.region, year=report.year, status=Status.DRAFT).exists():
        raise ValidationError("该年度已有草稿，请先完成或删除现有草稿。")
    draft = Report(
        region=report.region,
        year=report.year,
        version=_next_version(report.region, report.year),
        title=report.title,
        issuer=report.issuer,
        narratives=dict(report.narratives),
        decisions=dict(report.decisions),
        based_on=report,
        created_by=user,
    )
    draft.full_clean()
    draft.save()
    return draft


@transaction.atomic
def report_file_request(*, user, report: Report, fmt: str, appendix: bool) -> ReportFile:
    """Queue the generation of a file; the task fills it in."""
    from fazhi.reports.jobs import generate_report_file

    ensure_region_in_scope(user, report.region)
    report_file = ReportFile(report=report, format=fmt, appendix=appendix, requested_by=user)
    report_file.full_clean(exclude=["file"])
    report_file.save()
    transaction.on_commit(lambda: generate_report_file.enqueue(report_file.pk))
    return report_file


@transaction.atomic
def report_save_and_file_request(
    *, user, report: Report, edits: dict, fmt: str, appendix: bool
) -> ReportFile:
    """Save what is on the screen, then queue the file: pressing 生成 after
    typing must give a file with the typing in it (issue 12). Both happen in one
    transaction, so a rejected edit queues nothing."""
    report = report_update(user=user, report=report, **edits)
    return report_file_request(user=user, report=report, fmt=fmt, appendix=appendix)


def report_file_generate(*, report_file: ReportFile) -> ReportFile:
    """Render the file (called by the background task)."""
    from fazhi.documents.pdf import ConversionFailed, OfficeMissing
    from fazhi.documents.templates import TemplateError

    ReportFile.objects.filter(pk=report_file.pk).update(status=FileStatus.RUNNING)
    try:
        data = report_document.render(
            report_file.report, report_file.format, appendix=report_file.appendix
        )
    except (OfficeMissing, ConversionFailed, TemplateError) as error:
        report_file.status = FileStatus.FAILED
        report_file.message = str(error)[:300]
    else:
        report_file.file.save(report_file.filename(), ContentFile(data), save=False)
        report_file.status = FileStatus.DONE
        report_file.message = ""
    report_file.finished_at = timezone.now()
    report_file.save()
    return report_file


@transaction.atomic
def report_template_upload(*, user, region, upload, name: str = "") -> ReportTemplate:
    """Keep a region's own Word template after checking it can be filled."""
    _check_region(user, region)
    try:
        validate_upload(upload, field_label="模板文件", allowed={DOCX_MIME})
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    upload.seek(0)
    data = upload.read()
    sample = report_document.official_document(
        Document(title="示例报告", intro="示例。", issuer="示例", issued_on="2021年1月1日")
    )
    try:
        docx_templates.check(data, build_docx(sample))
    except docx_templates.TemplateError as error:
        raise ValidationError({"file": str(error)}) from None
    ReportTemplate.objects.filter(region=region, is_active=True).update(is_active=False)
    template = ReportTemplate(
        region=region,
        name=name or upload.name[:100],
        is_active=True,
        uploaded_by=user,
    )
    template.file.save(upload.name, ContentFile(data), save=False)
    template.full_clean()
    template.save()
    return template
