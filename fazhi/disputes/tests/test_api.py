from fazhi.disputes.models import Dispute, Party, Session
from fazhi.disputes.tests.builders import (
    BAD_ID,
    GOOD_ID,
    make_assignment,
    make_dispute,
    make_dispute_type,
)


def _new(client, cast, **changes):
    data = {
        "registered_on": "2020-06-01",
        "region": cast.qilong.code,
        "source": "visit",
        "dispute_type": "邻里",
        "summary": "接口登记的纠纷",
        "people_involved": 2,
        "risk": "low",
    }
    data.update(changes)
    return client.post("/api/v1/disputes/", data, content_type="application/json")


def test_a_cadre_registers_a_dispute_through_the_api(cast, client):
    client.force_login(cast.cadre)
    response = _new(client, cast)
    assert response.status_code == 201
    assert response.json()["number"] == "JF2020-0001"
    assert Dispute.objects.get().registered_by == cast.cadre


def test_the_api_refuses_another_village(cast, client):
    client.force_login(cast.cadre)
    assert _new(client, cast, region=cast.huangshui.code).status_code == 403
    assert not Dispute.objects.exists()


def test_a_wrong_id_number_gets_a_400_naming_the_field(cast, client):
    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/disputes/parties/",
        {"dispute": dispute.pk, "name": "张某", "role": "applicant", "id_number": BAD_ID},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {"id_number": ["身份证号码校验位不正确，请核对后重新输入。"]}
    assert not Party.objects.exists()
    response = client.post(
        "/api/v1/disputes/parties/",
        {"dispute": dispute.pk, "name": "张某", "role": "applicant", "id_number": GOOD_ID},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["id_number_display"] == GOOD_ID


def test_a_session_before_registration_gets_a_400(cast, client):
    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/disputes/sessions/",
        {"dispute": dispute.pk, "held_on": "2020-05-01", "attendees": "x", "notes": "y"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "held_on" in response.json()
    assert not Session.objects.exists()


def test_a_closed_case_cannot_be_handed_over_through_the_api(cast, client):
    dispute = make_assignment(cast, make_dispute(cast))
    client.force_login(cast.officer)
    body = {
        "dispute": dispute.pk,
        "kind": "arbitration",
        "receiver": "石柱县劳动人事争议仲裁委员会",
        "reason": "劳资纠纷需仲裁",
        "handed_on": "2020-06-05",
    }
    first = client.post("/api/v1/disputes/handovers/", body, content_type="application/json")
    assert first.status_code == 201
    second = client.post("/api/v1/disputes/handovers/", body, content_type="application/json")
    assert second.status_code == 400 and "kind" in second.json()
    assert dispute.handovers.count() == 1


def test_a_stale_api_update_is_refused(cast, client):
    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    url = f"/api/v1/disputes/{dispute.pk}/"
    ok = client.patch(url, {"summary": "第一次", "version": 1}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.patch(url, {"summary": "第二次", "version": 1}, content_type="application/json")
    assert stale.status_code == 409
    assert "本次保存未生效" in stale.content.decode()
    missing = client.patch(url, {"summary": "第三次"}, content_type="application/json")
    assert missing.status_code == 400 and "version" in missing.json()
    dispute.refresh_from_db()
    assert dispute.summary == "第一次"


def test_the_list_filters_by_type_and_status(cast, client):
    make_dispute(cast, dispute_type=make_dispute_type("劳资"))
    make_dispute(cast)
    client.force_login(cast.officer)
    labour = make_dispute_type("劳资").pk
    results = client.get("/api/v1/disputes/", {"dispute_type": labour}).json()["results"]
    assert [r["dispute_type"] for r in results] == ["劳资"]


def test_screening_reports_are_listed_with_zero_reports(cast, client):
    from datetime import date

    from fazhi.disputes import services

    services.screening_file(
        user=cast.officer,
        region=cast.qilong,
        month=date(2020, 6, 1),
        screened_on=date(2020, 6, 25),
        notes="",
        findings=[],
    )
    client.force_login(cast.cadre)
    results = client.get("/api/v1/disputes/screenings/").json()["results"]
    assert results[0]["is_zero"] is True and results[0]["region"] == cast.qilong.code
    client.force_login(cast.other_cadre)
    assert client.get("/api/v1/disputes/screenings/").json()["results"] == []
