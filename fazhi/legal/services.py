"""Writes of the legal capability that touch several records, each in one transaction."""

import io
import zipfile
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from fazhi.attachments.models import Attachment, Kind
from fazhi.attachments.services import attachment_create
from fazhi.core.scope import ensure_region_in_scope
from fazhi.legal.models import (
    Advisor,
    Contract,
    Decision,
    DecisionStep,
    ReviewRequest,
    Service,
    ServiceKind,
    StepKind,
    SubjectKind,
)
from fazhi.legal.models.reviews import review_minimum_due
from fazhi.notices.services import notice_send

# The service a legality review counts as in the advisor's service log.
_SERVICE_FOR_SUBJECT = {
    SubjectKind.DECISION: ServiceKind.DECISION_REVIEW,
    SubjectKind.NORMATIVE: ServiceKind.NORMATIVE_REVIEW,
    SubjectKind.CONTRACT: ServiceKind.CONTRACT_REVIEW,
    SubjectKind.OTHER: ServiceKind.CONSULTATION,
}


def _attach(uploads, *, user, owner, region, kind, label):
    for upload in uploads or []:
        attachment_create(
            upload=upload, user=user, region=region, owner=owner, kind=kind, field_label=label
        )


@transaction.atomic
def contract_create(
    *,
    user,
    advisor: Advisor,
    start: date,
    end: date,
    number: str = "",
    fee: Decimal = Decimal(0),
    scope: str = "",
    signed_copies=(),
) -> Contract:
    ensure_region_in_scope(user, advisor.region)
    contract = Contract(
        advisor=advisor,
        region=advisor.region,
        start=start,
        end=end,
        number=number,
        fee=fee,
        scope=scope,
    )
    contract.full_clean()
    contract.save()
    _attach(
        signed_copies,
        user=user,
        owner=contract,
        region=contract.region,
        kind=Kind.CONTRACT,
        label="签订的合同",
    )
    return contract


def review_due_for(*, sent_on: date, due: date | None) -> tuple[date, str]:
    """The due date of a review sent on `sent_on`: at least 7 working days (条例第二十六条)."""
    minimum = review_minimum_due(sent_on)
    if not minimum.computable:
        raise ValidationError({"sent_on": f"送审日期{minimum.problem}"})
    basis = f"{minimum.basis}，{minimum.start:%Y-%m-%d}起不少于 7 个工作日" + (
        "（该年节假日安排未录入，暂按法定节假日推算）" if minimum.provisional else ""
    )
    if due is None:
        return minimum.due, basis
    if due < minimum.due:
        raise ValidationError(
            {
                "due": f"审查期限不得少于 7 个工作日（条例第二十六条），"
                f"{sent_on:%Y-%m-%d} 送审的最早期限为 {minimum.due:%Y-%m-%d}。"
            }
        )
    return due, basis


@transaction.atomic
def review_request_send(
    *,
    user,
    region,
    subject_kind: str,
    title: str,
    reviewer: Advisor,
    sent_on: date,
    due: date | None = None,
    decision: Decision | None = None,
    questions: str = "",
    materials=(),
) -> ReviewRequest:
    ensure_region_in_scope(user, region)
    if subject_kind == SubjectKind.DECISION and decision is None:
        raise ValidationError({"decision": "审查对象为重大行政决策的，请选择对应的决策事项。"})
    if reviewer.user_id is None:
        raise ValidationError({"reviewer": f"{reviewer.name}还没有登录账号，无法接收审查请求。"})
    due, basis = review_due_for(sent_on=sent_on, due=due)
    review = ReviewRequest(
        region=region,
        subject_kind=subject_kind,
        title=title,
        decision=decision if subject_kind == SubjectKind.DECISION else None,
        reviewer=reviewer,
        questions=questions,
        sent_on=sent_on,
        due=due,
        due_basis=basis,
        requested_by=user,
    )
    review.full_clean()
    review.save()
    _attach(materials, user=user, owner=review, region=region, kind=Kind.EVIDENCE, label="送审材料")
    notice_send(
        recipients=[reviewer.user],
        kind="legal.review_requested",
        title=f"请出具合法性审查意见：{review.title}（{review.due:%Y-%m-%d}前）",
        url=reverse("legal:review_detail", args=[review.pk]),
        record=review,
    )
    return review


@transaction.atomic
def review_opinion_give(
    *,
    review: ReviewRequest,
    user,
    opinion: str,
    reasons: str,
    answered_on: date | None = None,
    signed_copies=(),
) -> ReviewRequest:
    """The assigned reviewer's opinion; it also enters the advisor's service log."""
    review = ReviewRequest.objects.select_for_update().select_related("reviewer").get(pk=review.pk)
    if review.reviewer.user_id != user.pk:
        raise ValidationError(
            {"reviewer": f"只有被指派的审查人（{review.reviewer.name}）本人才能出具审查意见。"}
        )
    if review.is_answered:
        raise ValidationError({"opinion": "该请求已出具审查意见，不能重复出具。"})
    if not reasons or not reasons.strip():
        raise ValidationError({"reasons": "请写明审查意见的理由。"})
    review.opinion = opinion
    review.reasons = reasons
    review.answered_on = answered_on or timezone.localdate()
    review.answered_by = user
    if review.answered_on < review.sent_on:
        raise ValidationError({"answered_on": "出具日期早于送审日期，请检查。"})
    review.full_clean()
    review.save()
    _attach(
        signed_copies,
        user=user,
        owner=review,
        region=review.region,
        kind=Kind.OPINION,
        label="签章的审查意见书",
    )
    service = Service(
        advisor=review.reviewer,
        region=review.region,
        date=review.answered_on,
        kind=_SERVICE_FOR_SUBJECT[review.subject_kind],
        subject=review.title,
        detail=f"出具合法性审查意见：{review.get_opinion_display()}。",
    )
    service.full_clean()
    service.save()
    if review.requested_by_id:
        notice_send(
            recipients=[review.requested_by],
            kind="legal.review_answered",
            title=f"{review.reviewer.name}已出具审查意见（{review.get_opinion_display()}）："
            f"{review.title}",
            url=reverse("legal:review_detail", args=[review.pk]),
            record=review,
        )
    return review


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


_STEP_FIELDS = {
    "comment_start",
    "comment_end",
    "short_period_reason",
    "comments_received",
    "expert_required",
    "experts",
    "no_expert_reason",
    "risk_level",
    "review_request",
    "meeting_type",
    "attendance",
    "chief_decision",
    "channel",
}


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
    _attach(
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
    for name in sorted(
        _STEP_FIELDS, key=lambda n: DecisionStep._meta.get_field(n).creation_counter
    ):
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
