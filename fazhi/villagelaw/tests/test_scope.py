"""One scope rule: an advisor sees only the villages assigned to them, a village
cadre only their own village; outside the scope is 404 (403 for a write)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from fazhi.villagelaw.models import Consultation, Referral
from fazhi.villagelaw.tests.builders import make_consultation, make_referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    return {
        "qilong": make_consultation(cast.officer, cast.qilong),
        "huangshui": make_consultation(cast.officer, cast.huangshui, person_name="秦某"),
    }


def test_an_advisor_sees_only_the_villages_assigned_to_them(cast, qilong_term, records):
    assert list(Consultation.objects.for_user(cast.advisor)) == [records["qilong"]]


def test_an_advisor_without_an_assignment_sees_nothing(cast, records):
    assert not Consultation.objects.for_user(cast.advisor).exists()


def test_a_cadre_sees_only_their_own_village(cast, records):
    assert list(Consultation.objects.for_user(cast.cadre)) == [records["qilong"]]
    assert list(Consultation.objects.for_user(cast.other_cadre)) == [records["huangshui"]]


def test_the_officer_sees_every_village_of_the_town(cast, records):
    assert Consultation.objects.for_user(cast.officer).count() == 2


def test_another_villages_record_is_404_on_the_page_and_the_api(cast, qilong_term, records, client):
    other = records["huangshui"]
    client.force_login(cast.advisor)
    assert client.get(f"/villagelaw/consultations/{other.pk}/").status_code == 404
    assert client.get(f"/api/v1/villagelaw/consultations/{other.pk}/").status_code == 404
    assert client.get(f"/villagelaw/village/{cast.huangshui.pk}/").status_code == 404
    assert client.get(f"/villagelaw/village/{cast.qilong.pk}/").status_code == 200
    listed = client.get("/api/v1/villagelaw/consultations/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["id"] for row in rows] == [records["qilong"].pk]


def test_a_cadre_cannot_open_another_villages_page(cast, client):
    client.force_login(cast.cadre)
    assert client.get(f"/villagelaw/village/{cast.huangshui.pk}/").status_code == 404
    assert client.get(f"/villagelaw/village/{cast.qilong.pk}/").status_code == 200


def test_an_advisor_cannot_write_into_a_village_not_assigned(cast, qilong_term):
    with pytest.raises(PermissionDenied):
        make_referral(cast.advisor, cast.huangshui)
    make_referral(cast.advisor, cast.qilong)
    assert Referral.objects.count() == 1


def test_the_api_refuses_a_village_outside_the_scope(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        "/api/v1/villagelaw/consultations/",
        {
            "region": cast.huangshui.pk,
            "date": "2020-03-04",
            "person_name": "秦某",
            "category": "family",
            "question": "继承",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "region" in response.json()


def test_the_auditor_reaches_nothing(cast, client):
    client.force_login(cast.auditor)
    assert client.get("/villagelaw/").status_code == 403
    assert client.get("/api/v1/villagelaw/referrals/").status_code == 403


def test_the_mediator_has_no_access(cast, client):
    client.force_login(cast.mediator)
    assert client.get("/villagelaw/consultations/").status_code == 403


def test_visit_dates_outside_the_term_are_refused(cast, qilong_term):
    from django.core.exceptions import ValidationError

    from fazhi.villagelaw import services

    with pytest.raises(ValidationError) as error:
        services.visit_record(
            user=cast.officer, assignment=qilong_term, date=date(2021, 1, 5), hours=2, work="走访"
        )
    assert "任期" in error.value.message_dict["date"][0]
