"""村规民约: draft → advisor review → town legality opinion → assembly vote →
filing → adoption; no step can be skipped (the service, the page and the API
say which one is missing); a correction order sends it back to the draft."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.villagelaw import services
from fazhi.villagelaw.models import Stage, StepKind, VoteResult
from fazhi.villagelaw.tests.builders import make_compact

pytestmark = pytest.mark.django_db
DAY = date(2020, 4, 1)
VOTE = {"eligible": 50, "attendance": 40, "votes_for": 30, "result": VoteResult.PASSED}


def step(cast, compact, kind, user=None, **fields):
    return services.compact_step_record(
        user=user or cast.officer, compact=compact, kind=kind, date=DAY, **fields
    )


def test_the_whole_procedure_ends_adopted(cast, qilong_term):
    compact = make_compact(cast.cadre, cast.qilong)
    step(cast, compact, StepKind.REVIEW, user=cast.advisor, note="合法")
    step(cast, compact, StepKind.OPINION, lawful=True)
    step(cast, compact, StepKind.VOTE, user=cast.cadre, **VOTE)
    step(cast, compact, StepKind.FILING)
    step(cast, compact, StepKind.ADOPTION, user=cast.cadre)
    compact.refresh_from_db()
    assert compact.stage == Stage.ADOPTED


def test_a_vote_before_the_town_opinion_is_refused_naming_the_missing_step(cast):
    compact = make_compact(cast.officer, cast.qilong)
    step(cast, compact, StepKind.REVIEW, note="合法")
    with pytest.raises(ValidationError) as error:
        step(cast, compact, StepKind.VOTE, **VOTE)
    assert "尚未完成「镇合法性审查意见」" in error.value.message_dict["kind"][0]
    compact.refresh_from_db()
    assert compact.stage == Stage.REVIEWED and compact.steps.count() == 1


def test_the_page_shows_the_missing_step_in_chinese(cast, client):
    compact = make_compact(cast.officer, cast.qilong)
    client.force_login(cast.officer)
    response = client.post(
        f"/villagelaw/compacts/{compact.pk}/steps/",
        {"kind": "filing", "date": "2020-04-01"},
    )
    assert response.status_code == 200
    assert "尚未完成「法律顾问审核」，不能进行「报镇备案」" in response.content.decode()


def test_the_api_answers_400_naming_the_missing_step(cast, client):
    compact = make_compact(cast.officer, cast.qilong)
    client.force_login(cast.officer)
    response = client.post(
        f"/api/v1/villagelaw/compacts/{compact.pk}/steps/",
        {"kind": "opinion", "date": "2020-04-01", "lawful": True},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "法律顾问审核" in response.json()["kind"][0]


def test_a_correction_order_sends_the_compact_back_to_the_draft_with_its_reason(cast):
    compact = make_compact(cast.officer, cast.qilong)
    step(cast, compact, StepKind.REVIEW, note="合法")
    step(cast, compact, StepKind.OPINION, lawful=True)
    with pytest.raises(ValidationError):
        step(cast, compact, StepKind.CORRECTION, note="")
    step(cast, compact, StepKind.CORRECTION, note="第六条设定罚款，与法律相抵触。")
    compact.refresh_from_db()
    assert (compact.stage, compact.revision) == (Stage.DRAFT, 2)
    # the new draft goes through the review again
    with pytest.raises(ValidationError):
        step(cast, compact, StepKind.VOTE, **VOTE)


def test_an_unlawful_opinion_cannot_open_the_vote(cast):
    compact = make_compact(cast.officer, cast.qilong)
    step(cast, compact, StepKind.REVIEW, note="合法")
    with pytest.raises(ValidationError) as error:
        step(cast, compact, StepKind.OPINION, lawful=False, note="与法律相抵触")
    assert "责令改正" in error.value.message_dict["lawful"][0]


def test_a_failed_vote_waits_for_another_vote(cast):
    compact = make_compact(cast.officer, cast.qilong)
    step(cast, compact, StepKind.REVIEW, note="合法")
    step(cast, compact, StepKind.OPINION, lawful=True)
    step(cast, compact, StepKind.VOTE, **(VOTE | {"votes_for": 10, "result": VoteResult.FAILED}))
    compact.refresh_from_db()
    assert compact.stage == Stage.OPINION


def test_a_passing_vote_needs_more_than_half_of_those_present(cast):
    compact = make_compact(cast.officer, cast.qilong)
    step(cast, compact, StepKind.REVIEW, note="合法")
    step(cast, compact, StepKind.OPINION, lawful=True)
    with pytest.raises(ValidationError) as error:
        step(cast, compact, StepKind.VOTE, **(VOTE | {"votes_for": 20}))
    assert "半数" in error.value.message_dict["result"][0]


def test_the_village_cadre_cannot_give_the_towns_legality_opinion(cast):
    compact = make_compact(cast.cadre, cast.qilong)
    step(cast, compact, StepKind.REVIEW, note="合法")
    with pytest.raises(PermissionDenied):
        step(cast, compact, StepKind.OPINION, user=cast.cadre, lawful=True)


def test_the_text_is_frozen_once_reviewed(cast):
    compact = make_compact(cast.officer, cast.qilong)
    step(cast, compact, StepKind.REVIEW, note="合法")
    compact.refresh_from_db()
    with pytest.raises(ValidationError):
        services.compact_text_update(
            user=cast.officer, compact=compact, title="改", text="改", version=compact.version
        )
