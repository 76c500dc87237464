"""Legality review requests: 7 working days at least, and only the assigned reviewer answers."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.legal.models import Opinion, ReviewRequest, Service, ServiceKind, SubjectKind
from fazhi.legal.services import review_opinion_give, review_request_send
from fazhi.legal.tests.builders import make_pdf


def send(cast, reviewer, **overrides):
    fields = {
        "user": cast.officer,
        "region": cast.town,
        "subject_kind": SubjectKind.CONTRACT,
        "title": "场镇道路保洁服务合同",
        "reviewer": reviewer,
        "sent_on": date(2020, 9, 28),
        **overrides,
    }
    return review_request_send(**fields)


def test_it_gives_the_reviewer_seven_working_days_from_the_deadline_engine(cast, chen):
    # Sent Monday 28 September 2020: 29, 30 Sep, 9, 10 (a make-up Saturday), 12, 13, 14 Oct;
    # the National Day holiday (1–8 October) is skipped.
    review = send(cast, chen)
    assert review.due == date(2020, 10, 14)
    assert "第二十六条" in review.due_basis


def test_it_refuses_a_due_date_shorter_than_seven_working_days(cast, chen):
    with pytest.raises(ValidationError) as error:
        send(cast, chen, due=date(2020, 10, 9))
    assert "不得少于 7 个工作日" in error.value.message_dict["due"][0]
    assert not ReviewRequest.objects.exists()


def test_it_accepts_a_longer_due_date(cast, chen):
    assert send(cast, chen, due=date(2020, 10, 30)).due == date(2020, 10, 30)


def test_the_assigned_reviewer_gives_the_opinion_and_it_enters_the_service_log(cast, chen):
    review = send(cast, chen, materials=[make_pdf()])
    review_opinion_give(
        review=review,
        user=cast.advisor,
        opinion=Opinion.LAWFUL_AFTER_CHANGES,
        reasons="违约条款需修改",
        answered_on=date(2020, 10, 9),
        signed_copies=[make_pdf("意见书.pdf")],
    )
    review.refresh_from_db()
    assert review.opinion == Opinion.LAWFUL_AFTER_CHANGES
    assert review.answered_by == cast.advisor
    service = Service.objects.get(advisor=chen)
    assert service.kind == ServiceKind.CONTRACT_REVIEW


def test_an_opinion_from_someone_not_the_assigned_reviewer_is_refused(cast, chen, other_advisor):
    review = send(cast, chen)
    for stranger in (other_advisor.user, cast.officer):
        with pytest.raises(ValidationError) as error:
            review_opinion_give(
                review=review, user=stranger, opinion=Opinion.LAWFUL, reasons="合法"
            )
        assert "只有被指派的审查人（陈律师）" in error.value.message_dict["reviewer"][0]
    review.refresh_from_db()
    assert review.opinion == ""
    assert not Service.objects.exists()


def test_an_opinion_cannot_be_given_twice(cast, chen):
    review = send(cast, chen)
    review_opinion_give(review=review, user=cast.advisor, opinion=Opinion.LAWFUL, reasons="合法")
    with pytest.raises(ValidationError) as error:
        review_opinion_give(review=review, user=cast.advisor, opinion=Opinion.UNLAWFUL, reasons="x")
    assert "不能重复出具" in error.value.message_dict["opinion"][0]


def test_a_decision_review_must_name_the_decision(cast, chen):
    with pytest.raises(ValidationError) as error:
        send(cast, chen, subject_kind=SubjectKind.DECISION)
    assert "decision" in error.value.message_dict
