"""Bad input gets a Chinese answer naming the field, and nothing is saved."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from fazhi.publicity.models import Activity, Campaign, ScreenContent
from fazhi.publicity.tests.builders import make_activity_form_data

from .builders import make_activity


@pytest.mark.parametrize(
    ("field", "value"),
    [("person_times", "-5"), ("materials", "-1"), ("person_times", "很多"), ("materials", "3.5")],
)
def test_a_negative_or_non_numeric_count_is_refused_on_the_form(cast, client, field, value):
    client.force_login(cast.cadre)
    response = client.post(
        "/publicity/activities/new/", make_activity_form_data(cast, **{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    label = response.context["form"].fields[field].label
    assert f"{label}：" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.parametrize(("field", "value"), [("person_times", -5), ("materials", "abc")])
def test_a_negative_or_non_numeric_count_is_refused_by_the_api(cast, field, value):
    api = APIClient()
    api.force_authenticate(cast.cadre)
    payload = {
        "region": cast.qilong.code,
        "title": "接口登记",
        "date": "2020-05-01",
        "place": "七龙社区",
        "villages": [cast.qilong.code],
        "form": "household",
        "person_times": 30,
        "materials": 10,
        field: value,
    }
    response = api.post("/api/v1/publicity/activities/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Activity.objects.exists()


def test_a_village_outside_scope_is_refused_by_the_api(cast):
    api = APIClient()
    api.force_authenticate(cast.cadre)
    payload = {
        "region": cast.qilong.code,
        "title": "接口登记",
        "date": "2020-05-01",
        "place": "七龙社区",
        "villages": [cast.huangshui.code],
        "form": "household",
        "person_times": 30,
        "materials": 10,
    }
    response = api.post("/api/v1/publicity/activities/", payload, format="json")
    assert response.status_code == 400
    assert "villages" in response.json()
    assert "管辖范围" in str(response.json()["villages"])
    assert not Activity.objects.exists()


def test_the_api_records_an_activity_inside_scope(cast):
    api = APIClient()
    api.force_authenticate(cast.cadre)
    payload = {
        "region": cast.qilong.code,
        "title": "接口登记",
        "date": "2020-05-01",
        "place": "七龙社区",
        "villages": [cast.qilong.code],
        "form": "household",
        "themes": ["民法典"],
        "combined_with": ["household_visits"],
        "person_times": 30,
        "materials": 10,
    }
    response = api.post("/api/v1/publicity/activities/", payload, format="json")
    assert response.status_code == 201, response.json()
    saved = Activity.objects.get()
    assert saved.combined_with == ["household_visits"]
    assert [v.code for v in saved.villages.all()] == [cast.qilong.code]


def test_a_campaign_ending_before_it_starts_is_refused_by_the_api(cast):
    api = APIClient()
    api.force_authenticate(cast.officer)
    response = api.post(
        "/api/v1/publicity/campaigns/",
        {
            "region": cast.town.code,
            "name": "专项",
            "start_date": "2020-06-01",
            "end_date": "2020-05-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "end_date" in response.json()
    assert not Campaign.objects.exists()


def test_a_slogan_ending_before_it_starts_is_refused_on_the_form(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/publicity/screens/contents/new/",
        {
            "region": cast.town.pk,
            "text": "学法守法",
            "start_date": "2020-06-01",
            "end_date": "2020-05-01",
            "priority": 5,
        },
    )
    assert response.status_code == 200
    assert "结束日期不能早于开始日期" in response.content.decode()
    assert not ScreenContent.objects.exists()


def test_a_held_activity_cannot_be_dated_in_the_future(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        "/publicity/activities/new/", make_activity_form_data(cast, date="2099-01-01")
    )
    assert "date" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_a_display_token_that_does_not_exist_answers_404(db, client):
    assert client.get("/publicity/display/no-such-token/").status_code == 404
    assert client.get("/publicity/display/no-such-token/items/").status_code == 404
    assert client.post("/publicity/display/no-such-token/heartbeat/").status_code == 404


def test_a_confirmation_with_a_negative_count_changes_nothing(cast, client):
    planned = make_activity(cast.qilong, status="planned", date=date(2099, 12, 4))
    client.force_login(cast.cadre)
    client.post(
        f"/publicity/activities/{planned.pk}/confirm/", {"person_times": -1, "materials": 5}
    )
    planned.refresh_from_db()
    assert planned.status == "planned"
