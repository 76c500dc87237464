"""Hostile input on every write path: far dates, control characters, formula-looking
and markup text, bad ID numbers and phones, overlapping terms, two edits from one read."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.locking import EditConflict
from fazhi.villagelaw import services
from fazhi.villagelaw.models import Assignment, Consultation, Referral
from fazhi.villagelaw.tests.builders import (
    make_assignment,
    make_consultation,
    make_referral,
)

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    return client.post(url, data)


def consultation_data(cast, **overrides):
    return {
        "region": cast.qilong.pk,
        "date": "2020-03-04",
        "person_name": "谭某英",
        "phone": "",
        "category": "labour",
        "question": "被拖欠工资怎么办？",
        "answer": "",
        "referred_to": "none",
    } | overrides


def test_a_date_far_in_the_future_is_refused_and_nothing_saved(cast, client):
    client.force_login(cast.officer)
    response = _post(
        client, "/villagelaw/consultations/new/", consultation_data(cast, date="2150-01-01")
    )
    assert response.status_code == 200
    assert "咨询日期" in response.content.decode()
    assert not Consultation.objects.exists()


def test_control_characters_are_refused(cast, client):
    client.force_login(cast.officer)
    response = _post(
        client, "/villagelaw/consultations/new/", consultation_data(cast, question="工资\x07拖欠")
    )
    assert response.status_code in (200, 400)
    assert not Consultation.objects.exists()


def test_formula_and_markup_are_kept_as_text_and_escaped(cast, client):
    client.force_login(cast.officer)
    response = _post(
        client,
        "/villagelaw/consultations/new/",
        consultation_data(cast, person_name="=1+1", question="<script>alert(1)</script>"),
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.person_name == "=1+1"
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    export = client.get("/villagelaw/consultations/?export=xlsx")
    assert export.status_code == 200


def test_a_bad_phone_is_refused_with_a_chinese_message(cast, client):
    client.force_login(cast.officer)
    response = _post(
        client, "/villagelaw/consultations/new/", consultation_data(cast, phone="12345")
    )
    assert "联系电话" in response.content.decode()
    assert not Consultation.objects.exists()


def test_a_bad_id_number_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        make_referral(cast.officer, cast.qilong, id_number="500240199001011234")
    assert "id_number" in error.value.message_dict
    assert not Referral.objects.exists()


def test_personal_data_is_encrypted_and_masked(cast, client):
    referral = make_referral(
        cast.officer, cast.qilong, phone="13812345678", id_number="11010519491231002X"
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, id_number FROM villagelaw_referral")
        stored = cursor.fetchone()
    assert "13812345678" not in stored[0] and "1949" not in stored[1]
    client.force_login(cast.officer)
    page = client.get(referral.get_absolute_url()).content.decode()
    assert "13812345678" not in page and "11010519491231002X" not in page
    api = client.get(f"/api/v1/villagelaw/referrals/{referral.pk}/").json()
    assert "phone" not in api and api["phone_masked"] != "13812345678"


def test_dates_out_of_order_are_refused(cast):
    with pytest.raises(ValidationError) as error:
        make_referral(
            cast.officer, cast.qilong, forwarded_on=date(2020, 3, 1), received_on=date(2020, 3, 5)
        )
    assert "早于" in error.value.message_dict["forwarded_on"][0]


def test_a_decision_needs_the_referral_forwarded_first(cast):
    with pytest.raises(ValidationError) as error:
        make_referral(cast.officer, cast.qilong, decided_on=date(2020, 3, 9), decision="granted")
    assert "forwarded_on" in error.value.message_dict


def test_overlapping_terms_in_one_village_are_refused(cast, chen, qilong_term):
    with pytest.raises(ValidationError) as error:
        make_assignment(cast, cast.qilong, chen, start=date(2020, 6, 1), end=date(2021, 5, 31))
    assert "重叠" in error.value.message_dict["start"][0]
    make_assignment(cast, cast.qilong, chen, start=date(2021, 1, 1), end=date(2021, 12, 31))
    assert Assignment.objects.count() == 2


def test_a_town_is_not_a_village(cast, chen):
    with pytest.raises(ValidationError) as error:
        make_assignment(cast, cast.town, chen)
    assert "村（社区）" in error.value.message_dict["region"][0]


def test_hours_beyond_a_day_are_refused(cast, qilong_term):
    with pytest.raises(ValidationError) as error:
        services.visit_record(
            user=cast.officer, assignment=qilong_term, date=date(2020, 3, 1), hours=30, work="走访"
        )
    assert "hours" in error.value.message_dict


def test_two_edits_from_one_read_conflict(cast):
    consultation = make_consultation(cast.officer, cast.qilong)
    read = consultation.version
    first = Consultation.objects.get(pk=consultation.pk)
    first.answer = "先协商"
    services.record_save(
        user=cast.officer, record=first, version=read, submitted={"answer": "先协商"}
    )
    second = Consultation.objects.get(pk=consultation.pk)
    second.answer = "去仲裁"
    with pytest.raises(EditConflict):
        services.record_save(
            user=cast.officer, record=second, version=read, submitted={"answer": "去仲裁"}
        )


def test_the_api_answers_409_on_a_stale_version(cast, client):
    consultation = make_consultation(cast.officer, cast.qilong)
    client.force_login(cast.officer)
    url = f"/api/v1/villagelaw/consultations/{consultation.pk}/"
    read = client.get(url).json()["version"]
    first = client.patch(
        url, {"answer": "先协商", "version": read}, content_type="application/json"
    )
    assert first.status_code == 200, first.content
    second = client.patch(
        url, {"answer": "去仲裁", "version": read}, content_type="application/json"
    )
    assert second.status_code == 409


def test_the_page_shows_a_conflict_on_a_stale_edit(cast, client):
    consultation = make_consultation(cast.officer, cast.qilong)
    client.force_login(cast.officer)
    url = f"/villagelaw/consultations/{consultation.pk}/edit/"
    data = consultation_data(cast, answer="先协商", version=consultation.version)
    assert client.post(url, data).status_code == 302
    response = client.post(
        url, consultation_data(cast, answer="去仲裁", version=consultation.version)
    )
    assert response.status_code == 200
    consultation.refresh_from_db()
    assert consultation.answer == "先协商"
