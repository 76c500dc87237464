"""The clocks: the legal-aid centre decides within 7 days and assigns a lawyer
within 3 (法律援助法 Art. 43); under 7 days of a limitation period is urgent
(Art. 44); a voted 村规民约 is filed with the town within 10 days."""

from datetime import date

import pytest

from fazhi.villagelaw import services
from fazhi.villagelaw.models import AidDecision, StepKind, VoteResult
from fazhi.villagelaw.selectors import compact_vote_dates, filing_deadline, todo_for
from fazhi.villagelaw.tests.builders import make_compact, make_referral

pytestmark = pytest.mark.django_db


def test_the_centre_decides_within_seven_days_of_receiving_the_referral(cast):
    referral = make_referral(cast.officer, cast.qilong, forwarded_on=date(2020, 3, 6))
    deadline = referral.decision_deadline()
    assert deadline.due == date(2020, 3, 13)
    assert "法律援助法" in deadline.basis and "第四十三条" in deadline.basis


def test_a_last_day_on_a_holiday_moves_to_the_next_working_day(cast):
    referral = make_referral(cast.officer, cast.qilong, forwarded_on=date(2020, 9, 24))
    assert referral.decision_deadline().due == date(2020, 10, 9)  # 国庆 and 中秋 2020


def test_a_decision_after_seven_days_is_flagged_late(cast):
    on_time = make_referral(
        cast.officer,
        cast.qilong,
        forwarded_on=date(2020, 3, 6),
        decided_on=date(2020, 3, 13),
        decision=AidDecision.GRANTED,
    )
    late = make_referral(
        cast.officer,
        cast.qilong,
        applicant="冉某",
        forwarded_on=date(2020, 3, 6),
        decided_on=date(2020, 3, 16),
        decision=AidDecision.GRANTED,
    )
    assert not on_time.decision_late
    assert late.decision_late


def test_a_lawyer_is_assigned_within_three_days_of_a_grant(cast):
    referral = make_referral(
        cast.officer,
        cast.qilong,
        forwarded_on=date(2020, 3, 6),
        decided_on=date(2020, 3, 10),
        decision=AidDecision.GRANTED,
        lawyer_assigned_on=date(2020, 3, 16),
        lawyer="县法律援助中心律师",
    )
    assert referral.assignment_deadline().due == date(2020, 3, 13)
    assert referral.assignment_late


def test_a_refusal_starts_no_assignment_clock(cast):
    referral = make_referral(
        cast.officer,
        cast.qilong,
        forwarded_on=date(2020, 3, 6),
        decided_on=date(2020, 3, 10),
        decision=AidDecision.REFUSED,
    )
    assert referral.assignment_deadline() is None


def test_under_seven_days_of_limitation_left_is_urgent(cast):
    referral = make_referral(cast.officer, cast.qilong, limitation_ends_on=date(2020, 3, 11))
    assert referral.is_urgent(date(2020, 3, 5))
    assert not referral.is_urgent(date(2020, 3, 4))  # exactly seven days left


def test_the_officer_sees_the_seven_day_clock_on_the_todo(cast):
    make_referral(cast.officer, cast.qilong, forwarded_on=date(2020, 3, 6))
    items = [i for i in todo_for(cast.officer, date(2020, 3, 8)) if i.kind == "villagelaw.referral"]
    assert len(items) == 1
    assert items[0].due == date(2020, 3, 13)
    assert "7日" in items[0].title and "七龙社区" in items[0].title


def test_the_officer_sees_the_three_day_clock_once_aid_is_granted(cast):
    make_referral(
        cast.officer,
        cast.qilong,
        forwarded_on=date(2020, 3, 6),
        decided_on=date(2020, 3, 10),
        decision=AidDecision.GRANTED,
    )
    items = [
        i for i in todo_for(cast.officer, date(2020, 3, 15)) if i.kind == "villagelaw.referral"
    ]
    assert [i.due for i in items] == [date(2020, 3, 13)]
    assert items[0].level == "bad" and "3日" in items[0].title


def _voted(cast, day):
    compact = make_compact(cast.officer, cast.qilong)
    for kind, fields in [
        (StepKind.REVIEW, {"note": "合法"}),
        (StepKind.OPINION, {"lawful": True}),
        (
            StepKind.VOTE,
            {"eligible": 50, "attendance": 40, "votes_for": 30, "result": VoteResult.PASSED},
        ),
    ]:
        services.compact_step_record(
            user=cast.officer, compact=compact, kind=kind, date=day, **fields
        )
    return compact


def test_a_voted_compact_is_filed_within_ten_days(cast):
    compact = _voted(cast, date(2020, 4, 1))
    vote = compact_vote_dates([compact])[compact.pk]
    assert filing_deadline(vote).due == date(2020, 4, 13)  # 04-11 is a Saturday
    items = [
        i for i in todo_for(cast.officer, date(2020, 4, 5)) if i.kind == "villagelaw.compact_filing"
    ]
    assert [i.due for i in items] == [date(2020, 4, 13)]
