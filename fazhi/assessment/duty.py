"""第一责任人 and 述法: the record's figures from the metrics registry, the
services that write it, and the 述法 report as a GB/T 9704 .docx."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from fazhi import metrics
from fazhi.assessment.models import DutyRecord
from fazhi.assessment.models.duty import MAX_PANEL
from fazhi.core.locking import version_check
from fazhi.core.periods import Period
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.documents import numbers
from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx

# Figures a principal leader's duty is read from, where the capability is installed.
DUTY_METRICS = (
    ("publicity.cadre_study_hours", "组织干部集中学法"),
    ("legal.decisions_reviewed_share", "重大行政决策经合法性审查"),
    ("cases.head_in_court_rate", "行政机关负责人出庭应诉率"),
    ("disputes.cases", "排查调处矛盾纠纷"),
)
FIELDS = ("person", "duties", "statement")


@dataclass
class Figure:
    label: str
    text: str
    list_url: str


def figures(record: DutyRecord) -> list[Figure]:
    """The records behind the duty, one link each."""
    found = []
    period = Period.year(record.year)
    known = {m.code for m in metrics.all_metrics()}
    for code, label in DUTY_METRICS:
        if code not in known:
            continue
        metric = metrics.get(code)
        result = metric(record.region, period)
        if result.value is None:
            continue
        found.append(Figure(label, numbers.exact(result.value, metric.unit), result.list_url))
    return found


def draft_statement(record: DutyRecord) -> list[str]:
    """The 述法 report's paragraphs: the officer's text, else drafted from the record."""
    if record.statement.strip():
        return [p.strip() for p in record.statement.splitlines() if p.strip()]
    paragraphs = [
        f"{record.year}年，本人作为{record.region.name}{record.get_role_display()}，"
        "认真履行推进法治建设第一责任人职责，现将履职情况报告如下。"
    ]
    lines = record.duty_lines()
    if lines:
        paragraphs.append("；".join(lines) + "。")
    shown = figures(record)
    if shown:
        paragraphs.append(
            "从平台记录看，全年" + "，".join(f"{f.label}{f.text}" for f in shown) + "。"
        )
    paragraphs.append("下一步，本人将继续带头尊法学法守法用法，把法治建设各项任务落到实处。")
    return paragraphs


def statement_docx(record: DutyRecord) -> bytes:
    blocks = [Block(text) for text in draft_statement(record)]
    return build_docx(
        OfficialDocument(
            title=f"{record.region.name}{record.get_role_display()}{record.year}年度述法报告",
            blocks=blocks,
            issuer=record.person,
            issued_on="",
        )
    )


def _ensure_writer(user, region) -> None:
    ensure_region_in_scope(user, region)
    if user.role != Role.TOWN_OFFICER or user.region_id != region.pk:
        raise PermissionDenied("第一责任人履职记录由本镇法治专干填写。")


@transaction.atomic
def duty_save(
    *, user, region, year: int, role: str, record: DutyRecord | None = None, version=None, **fields
) -> DutyRecord:
    region = record.region if record else region
    _ensure_writer(user, region)
    if record is None:
        record = DutyRecord(region=region, year=year, role=role)
    else:
        version_check(instance=record, version=version, submitted=fields)
    for name in FIELDS:
        if name in fields:
            setattr(record, name, fields[name] or "")
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def duty_panel_record(*, user, record: DutyRecord, scores: list[tuple[str, str]]) -> DutyRecord:
    """The evaluation panel's scores (评议), each 0–100; recorded by the county."""
    if user.role != Role.COUNTY_ADMIN:
        raise PermissionDenied("评议得分由县级管理员录入。")
    ensure_region_in_scope(user, record.region)
    if len(scores) > MAX_PANEL:
        raise ValidationError({"panel": f"评议人最多 {MAX_PANEL} 名。"})
    panel = []
    for member, raw in scores:
        member = member.strip()[:50]
        try:
            score = Decimal(str(raw).strip())
        except InvalidOperation:
            raise ValidationError({"panel": f"“{member}”的评议得分“{raw}”不是数字。"}) from None
        if not member or not score.is_finite() or not 0 <= score <= 100:
            raise ValidationError({"panel": "每行须有评议人姓名和 0 至 100 的得分。"})
        panel.append({"member": member, "score": float(score)})
    record.panel = panel
    record.full_clean()
    record.save()
    return record
