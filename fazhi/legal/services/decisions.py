"""Catalogues of major decisions, the decisions and the steps of their procedure."""

import io
import zipfile
from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.attachments.models import Attachment, Kind
from fazhi.attachments.services import attach_uploads
from fazhi.core.scope import ensure_region_in_scope
from fazhi.legal.models import (
    Catalogue,
    Decision,
    DecisionStep,
    ReviewRequest,
    StepKind,
)


@transaction.atomic
def catalogue_create(
    *, user, region=None, year: int, title: str, published_on: date | None = None
) -> Catalogue:
    """The year's catalogue of major decisions of `region` (default: the user's scope)."""
    region = region or user.scope_region
    ensure_region_in_scope(user, region)
    catalogue = Catalogue(region=region, year=year, title=title, published_on=published_on)
    catalogue.full_clean()
    catalogue.save()
    return catalogue


@transaction.atomic
def catalogue_publish(*, user, catalogue: Catalogue, day: date | None = None) -> bool:
    """Publish the catalogue today (or on `day`); False when it was published already."""
    ensure_region_in_scope(user, catalogue.region)
    if catalogue.published_on is not None:
        return False
    catalogue.published_on = day or timezone.localdate()
    catalogue.full_clean()
    catalogue.save(update_fields=["published_on"])
    return True


@transaction.atomic
def decision_create(
    *,
    user,
    region,
    title: str,
    year: int,
    sponsor: str,
    launch_date: date,
    responsible: str,
    summary: str = "",
    catalogue=None,
    note: str = "",
    documents=(),
) -> Decision:
    """A decision and its first step, 决策启动."""
    ensure_region_in_scope(user, region)
    decision = Decision(
        region=region,
        title=title,
        year=year,
        sponsor=sponsor,
        summary=summary,
        catalogue=catalogue,
        created_by=user,
    )
    decision.full_clean()
    decision.save()
    decision_step_record(
        decision=decision,
        user=user,
        kind=StepKind.LAUNCH,
        date=launch_date,
        responsible=responsible,
        note=note,
        documents=documents,
    )
    return decision


_STEP_FIELDS = frozenset(DecisionStep.DETAIL_FIELDS)


@transaction.atomic
def decision_step_record(
    *,
    decision: Decision,
    user,
    kind: str,
    date: date,
    responsible: str,
    note: str = "",
    documents=(),
    **fields,
) -> DecisionStep:
    """Record the step the decision waits for; any other step is refused, naming what is missing."""
    unknown = set(fields) - _STEP_FIELDS
    if unknown:
        raise TypeError(f"unknown step fields: {sorted(unknown)}")
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    ensure_region_in_scope(user, decision.region)
    if fields.get("review_request") is not None:  # judge the opinion as it stands now
        fields["review_request"] = ReviewRequest.objects.get(pk=fields["review_request"].pk)
    step = DecisionStep(
        decision=decision,
        kind=kind,
        date=date,
        responsible=responsible,
        note=note,
        recorded_by=user,
        **{name: value for name, value in fields.items() if value is not None},
    )
    step.full_clean()
    step.save()
    if kind != StepKind.LAUNCH:
        decision.stage = decision.stage_after(kind)
        decision.full_clean()
        decision.save(update_fields=["stage"])
    attach_uploads(
        documents,
        user=user,
        owner=step,
        region=decision.region,
        kind=Kind.MINUTES if kind == StepKind.DISCUSSION else Kind.EVIDENCE,
        label=f"{step.get_kind_display()}材料",
    )
    return step


def _step_lines(step) -> list[str]:
    rows = [("日期", f"{step.date:%Y-%m-%d}"), ("负责人", step.responsible)]
    for name in DecisionStep.DETAIL_FIELDS:
        value = getattr(step, name)
        if value in (None, ""):
            continue
        field = DecisionStep._meta.get_field(name)
        if field.choices:
            value = getattr(step, f"get_{name}_display")()
        elif isinstance(value, bool):
            value = "是" if value else "否"
        rows.append((str(field.verbose_name), str(value)))
    if step.note:
        rows.append(("情况说明", step.note))
    return [f"    {label}：{value}" for label, value in rows]


def decision_archive(*, decision: Decision) -> bytes:
    """The whole decision file (条例第三十三条) as a zip: an index and every document."""
    steps = sorted(decision.steps.select_related("review_request"), key=lambda step: step.position)
    reviews = list(decision.review_requests.select_related("reviewer").order_by("sent_on", "id"))
    lines = [
        f"重大行政决策档案：{decision.title}",
        f"年度：{decision.year}　承办单位：{decision.sponsor}　当前环节：{decision.get_stage_display()}",
        f"导出时间：{timezone.localtime():%Y-%m-%d %H:%M}",
        "",
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, step in enumerate(steps, start=1):
            folder = f"{number:02d}-{step.get_kind_display()}"
            lines += [f"{folder}", *_step_lines(step)]
            lines += _write_files(archive, folder, Attachment.objects.of(step))
            lines.append("")
        for number, review in enumerate(reviews, start=1):
            folder = f"审查-{number:02d}-{review.reviewer.name}"
            lines += [
                f"{folder}：{review.title}",
                f"    送审日期：{review.sent_on:%Y-%m-%d}　审查期限：{review.due:%Y-%m-%d}",
                f"    审查意见：{review.get_opinion_display() or '尚未出具'}",
            ]
            if review.reasons:
                lines.append(f"    理由：{review.reasons}")
            lines += _write_files(archive, folder, Attachment.objects.of(review))
            lines.append("")
        archive.writestr("00-案卷目录.txt", "\ufeff" + "\r\n".join(lines))
    return buffer.getvalue()


def _write_files(archive, folder, attachments) -> list[str]:
    lines = []
    for index, attachment in enumerate(attachments, start=1):
        name = f"{folder}/{index:02d}-{attachment.original_name}"
        with attachment.file.open("rb") as handle:
            archive.writestr(name, handle.read())
        lines.append(f"    文件：{name}（{attachment.get_kind_display()}）")
    return lines
