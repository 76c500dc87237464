"""The statutory procedure of a major decision cannot be skipped or cut short."""

import io
import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.legal.models import DecisionStep, Opinion, Stage, StepKind, SubjectKind
from fazhi.legal.services import decision_archive, review_opinion_give, review_request_send
from fazhi.legal.tests.builders import make_decision, make_pdf, make_step, make_steps_to_legality


def send_review(cast, decision, reviewer, sent_on=date(2020, 4, 8)):
    return review_request_send(
        user=cast.officer,
        region=cast.town,
        subject_kind=SubjectKind.DECISION,
        decision=decision,
        title=decision.title,
        reviewer=reviewer,
        sent_on=sent_on,
        materials=[make_pdf("决策草案.pdf")],
    )


def test_it_starts_a_decision_at_public_participation(cast):
    decision = make_decision(cast)
    assert decision.stage == Stage.PARTICIPATION
    assert list(decision.steps.values_list("kind", flat=True)) == [StepKind.LAUNCH]


def test_it_refuses_to_skip_public_participation(cast):
    decision = make_decision(cast)
    with pytest.raises(ValidationError) as error:
        make_step(decision, cast, StepKind.RISK, date(2020, 4, 1), risk_level="low")
    assert "尚未完成「公众参与」" in error.value.message_dict["kind"][0]
    assert not DecisionStep.objects.filter(decision=decision, kind=StepKind.RISK).exists()


def test_it_refuses_a_comment_period_under_30_days_without_a_reason(cast):
    decision = make_decision(cast)
    with pytest.raises(ValidationError) as error:
        make_step(
            decision,
            cast,
            StepKind.PARTICIPATION,
            date(2020, 3, 25),
            comment_start=date(2020, 3, 3),
            comment_end=date(2020, 3, 23),
        )
    message = error.value.message_dict["short_period_reason"][0]
    assert "只有 20 日" in message and "少于 30 日" in message
    decision.refresh_from_db()
    assert decision.stage == Stage.PARTICIPATION
    assert decision.steps.count() == 1


def test_it_accepts_a_short_comment_period_with_a_recorded_reason(cast):
    decision = make_decision(cast)
    make_step(
        decision,
        cast,
        StepKind.PARTICIPATION,
        date(2020, 3, 25),
        comment_start=date(2020, 3, 3),
        comment_end=date(2020, 3, 23),
        short_period_reason="防汛工程须在汛期前开工",
    )
    decision.refresh_from_db()
    assert decision.stage == Stage.EXPERT


def test_it_requires_expert_argumentation_to_be_recorded_either_way(cast):
    decision = make_decision(cast)
    make_step(
        decision,
        cast,
        StepKind.PARTICIPATION,
        date(2020, 4, 3),
        comment_start=date(2020, 3, 3),
        comment_end=date(2020, 4, 2),
    )
    with pytest.raises(ValidationError) as error:
        make_step(decision, cast, StepKind.EXPERT, date(2020, 4, 6))
    assert "expert_required" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_step(decision, cast, StepKind.EXPERT, date(2020, 4, 6), expert_required=False)
    assert "不需要专家论证的，请写明理由" in error.value.message_dict["no_expert_reason"][0]


def test_it_refuses_a_decision_without_a_legality_review(cast):
    decision = make_steps_to_legality(make_decision(cast), cast)
    with pytest.raises(ValidationError) as error:
        make_step(
            decision,
            cast,
            StepKind.DISCUSSION,
            date(2020, 4, 20),
            meeting_type="executive",
            attendance="镇长等5人",
            chief_decision="同意",
        )
    message = error.value.message_dict["kind"][0]
    assert "尚未完成「合法性审查」" in message and "第二十五条" in message
    with pytest.raises(ValidationError) as error:
        make_step(decision, cast, StepKind.LEGALITY, date(2020, 4, 20))
    assert "合法性审查意见尚未选择" in error.value.message_dict["review_request"][0]


def test_it_refuses_the_legality_step_while_the_opinion_is_outstanding(cast, chen):
    decision = make_steps_to_legality(make_decision(cast), cast)
    review = send_review(cast, decision, chen)
    with pytest.raises(ValidationError) as error:
        make_step(decision, cast, StepKind.LEGALITY, date(2020, 4, 20), review_request=review)
    assert "尚未出具合法性审查意见" in error.value.message_dict["review_request"][0]


def test_an_unlawful_opinion_stops_the_decision(cast, chen):
    decision = make_steps_to_legality(make_decision(cast), cast)
    review = send_review(cast, decision, chen)
    review_opinion_give(
        review=review, user=cast.advisor, opinion=Opinion.UNLAWFUL, reasons="超越职权"
    )
    with pytest.raises(ValidationError) as error:
        make_step(decision, cast, StepKind.LEGALITY, date(2020, 4, 20), review_request=review)
    assert "不合法" in error.value.message_dict["review_request"][0]


def test_it_takes_a_decision_through_every_step_and_archives_all_documents(cast, chen):
    decision = make_decision(cast, documents=[make_pdf("启动报告.pdf")])
    make_steps_to_legality(decision, cast, documents=[make_pdf("意见汇总.pdf")])
    review = send_review(cast, decision, chen)
    review_opinion_give(
        review=review,
        user=cast.advisor,
        opinion=Opinion.LAWFUL,
        reasons="程序合法",
        answered_on=date(2020, 4, 15),
        signed_copies=[make_pdf("审查意见书.pdf")],
    )
    make_step(decision, cast, StepKind.LEGALITY, date(2020, 4, 15), review_request=review)
    make_step(
        decision,
        cast,
        StepKind.DISCUSSION,
        date(2020, 4, 20),
        meeting_type="executive",
        attendance="镇长等5人",
        chief_decision="同意实施",
        documents=[make_pdf("会议纪要.pdf")],
    )
    make_step(decision, cast, StepKind.PUBLICATION, date(2020, 4, 22), channel="镇政府网站")
    make_step(decision, cast, StepKind.EVALUATION, date(2020, 12, 1), note="执行良好")
    decision.refresh_from_db()
    assert decision.stage == Stage.DONE

    archive = zipfile.ZipFile(io.BytesIO(decision_archive(decision=decision)))
    names = archive.namelist()
    index = archive.read("00-案卷目录.txt").decode("utf-8-sig")
    for document in (
        "启动报告.pdf",
        "意见汇总.pdf",
        "决策草案.pdf",
        "审查意见书.pdf",
        "会议纪要.pdf",
    ):
        assert any(name.endswith(document) for name in names), document
        assert document in index
    assert "集体讨论决定" in index and "同意实施" in index
    with pytest.raises(ValidationError) as error:
        make_step(decision, cast, StepKind.EVALUATION, date(2020, 12, 2), note="再评估")
    assert "已全部完成" in error.value.message_dict["kind"][0]


def test_it_refuses_a_step_dated_before_the_previous_one(cast):
    decision = make_decision(cast)
    with pytest.raises(ValidationError) as error:
        make_step(
            decision,
            cast,
            StepKind.PARTICIPATION,
            date(2020, 2, 1),
            comment_start=date(2020, 1, 1),
            comment_end=date(2020, 2, 1),
        )
    assert "早于上一环节「决策启动」" in error.value.message_dict["date"][0]
