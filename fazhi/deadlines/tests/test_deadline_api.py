import pytest

pytestmark = pytest.mark.django_db


def test_it_answers_the_due_date_as_json(client, cast):
    client.force_login(cast.officer)
    response = client.get("/api/v1/deadlines/?rule=reconsideration.answer&start=2025-01-22")
    assert response.status_code == 200
    assert response.json() == {
        "rule": "reconsideration.answer",
        "start": "2025-01-22",
        "due": "2025-02-11",
        "basis": "《中华人民共和国行政复议法》第四十八条",
        "working_days": True,
        "provisional": False,
    }


def test_it_marks_a_provisional_date(client, cast):
    client.force_login(cast.officer)
    body = client.get("/api/v1/deadlines/?rule=litigation.answer&start=2027-01-21").json()
    assert (body["due"], body["provisional"]) == ("2027-02-09", True)


def test_an_unknown_rule_answers_400_naming_the_rule(client, cast):
    client.force_login(cast.officer)
    response = client.get("/api/v1/deadlines/?rule=nope&start=2025-01-22")
    assert response.status_code == 400
    assert "未知的期限规则" in response.json()["rule"][0]


def test_a_bad_date_answers_400_naming_the_start(client, cast):
    client.force_login(cast.officer)
    response = client.get("/api/v1/deadlines/?rule=litigation.answer&start=2025-02-30")
    assert response.status_code == 400
    assert "start" in response.json()


def test_it_requires_a_login(client):
    response = client.get("/api/v1/deadlines/?rule=litigation.answer&start=2025-01-22")
    assert response.status_code in (401, 403)


def test_it_lists_the_rules(client, cast):
    client.force_login(cast.mediator)
    rules = {rule["code"]: rule for rule in client.get("/api/v1/deadlines/rules/").json()}
    assert rules["disclosure_request.reply"]["unit"] == "working_days"
    assert rules["mediation.conclude"]["basis"] == "《人民调解工作若干规定》第三十三条"
