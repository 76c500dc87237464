"""Legality review requests and the advisor's opinion (条例第二十六条)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from fazhi.attachments.models import Kind
from fazhi.attachments.services import attach_uploads
from fazhi.core.scope import ensure_region_in_scope
from fazhi.legal.models import (
    Advisor,
    Decision,
    ReviewRequest,
    Service,
    ServiceKind,
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
    attach_uploads(
        materials, user=user, owner=review, region=region, kind=Kind.EVIDENCE, label="送审材料"
    )
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
    attach_uploads(
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
