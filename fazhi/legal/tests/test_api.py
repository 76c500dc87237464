"""/api/v1/legal/…: moving past an unmet step answers 400 naming the missing requirement."""

from fazhi.legal.models import Stage
from fazhi.legal.tests.builders import make_decision, make_steps_to_legality


def test_it_starts_a_decision_through_the_api(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/legal/decisions/",
        {
            "title": "场镇夜市管理方案",
            "year": 2020,
            "sponsor": "综合执法办",
            "launch_date": "2020-05-04",
            "responsible": "马镇长",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["stage"] == Stage.PARTICIPATION
    assert [step["kind"] for step in body["steps"]] == ["launch"]


def test_skipping_a_step_answers_400_naming_the_missing_step(cast, client):
    decision = make_decision(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/api/v1/legal/decisions/{decision.pk}/steps/",
        {"kind": "discussion", "date": "2020-05-01", "responsible": "马镇长"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "尚未完成「公众参与」" in response.json()["kind"][0]


def test_a_short_comment_period_answers_400_naming_the_reason_field(cast, client):
    decision = make_decision(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/api/v1/legal/decisions/{decision.pk}/steps/",
        {
            "kind": "participation",
            "date": "2020-03-20",
            "responsible": "谭法治",
            "comment_start": "2020-03-03",
            "comment_end": "2020-03-18",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "少于 30 日" in response.json()["short_period_reason"][0]


def test_deciding_without_a_legality_review_answers_400(cast, client):
    decision = make_steps_to_legality(make_decision(cast), cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/api/v1/legal/decisions/{decision.pk}/steps/",
        {"kind": "legality", "date": "2020-04-20", "responsible": "谭法治"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "合法性审查意见" in response.json()["review_request"][0]


def test_the_review_and_opinion_go_through_the_api(cast, chen, other_advisor, client):
    decision = make_steps_to_legality(make_decision(cast), cast)
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/legal/reviews/",
        {
            "subject_kind": "decision",
            "decision": decision.pk,
            "title": decision.title,
            "reviewer": chen.pk,
            "sent_on": "2020-04-08",
            "due": "2020-04-10",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "不得少于 7 个工作日" in response.json()["due"][0]
    response = client.post(
        "/api/v1/legal/reviews/",
        {
            "subject_kind": "decision",
            "decision": decision.pk,
            "title": decision.title,
            "reviewer": chen.pk,
            "sent_on": "2020-04-08",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    review = response.json()
    assert review["due"] == "2020-04-17"

    client.force_login(other_advisor.user)
    stranger = client.post(
        f"/api/v1/legal/reviews/{review['id']}/opinion/",
        {"opinion": "lawful", "reasons": "合法"},
        content_type="application/json",
    )
    assert stranger.status_code == 404

    client.force_login(cast.officer)
    officer = client.post(
        f"/api/v1/legal/reviews/{review['id']}/opinion/",
        {"opinion": "lawful", "reasons": "合法"},
        content_type="application/json",
    )
    assert officer.status_code == 400
    assert "只有被指派的审查人" in officer.json()["reviewer"][0]

    client.force_login(cast.advisor)
    answered = client.post(
        f"/api/v1/legal/reviews/{review['id']}/opinion/",
        {"opinion": "lawful", "reasons": "程序合法", "answered_on": "2020-04-15"},
        content_type="application/json",
    )
    assert answered.status_code == 200, answered.json()
    assert answered.json()["opinion_label"] == "合法"

    client.force_login(cast.officer)
    step = client.post(
        f"/api/v1/legal/decisions/{decision.pk}/steps/",
        {
            "kind": "legality",
            "date": "2020-04-15",
            "responsible": "谭法治",
            "review_request": review["id"],
        },
        content_type="application/json",
    )
    assert step.status_code == 201, step.json()
    decision.refresh_from_db()
    assert decision.stage == Stage.DISCUSSION


def test_a_contract_ending_before_it_starts_answers_400(cast, chen, client):
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/legal/contracts/",
        {"advisor": chen.pk, "start": "2020-12-31", "end": "2020-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "早于开始日期" in response.json()["end"][0]
