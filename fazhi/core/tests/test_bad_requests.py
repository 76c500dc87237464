"""Hostile query parameters, control characters, huge counts and deletes of
referenced records: a 400/409 or a page with a Chinese message, never a 500,
and nothing saved."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from fazhi.publicity.models import Activity, Campaign
from fazhi.publicity.tests.builders import make_activity, make_activity_form_data

BAD_YEARS = ["0", "99999", "-1", "abc", "２０２０", "2020.5"]

YEAR_PAGES = [
    "/disputes/",
    "/disputes/export.xlsx",
    "/publicity/",
    "/publicity/coverage/",
    "/publicity/calendar/",
    "/publicity/campaigns/",
    "/publicity/campaigns/?format=xlsx&",
    "/publicity/responsibility/",
    "/publicity/study/",
    "/cases/",
    "/legal/services/",
    "/legal/services/summary/",
    "/legal/decisions/",
]


def _with(url: str, query: str) -> str:
    return f"{url}{'' if url.endswith('&') else '?'}{query}"


@pytest.mark.parametrize("url", YEAR_PAGES)
@pytest.mark.parametrize("year", BAD_YEARS)
def test_a_year_no_record_can_have_answers_400(cast, client, url, year):
    client.force_login(cast.officer)
    response = client.get(_with(url, f"year={year}"))
    assert response.status_code == 400, (url, year, response.status_code)


@pytest.mark.parametrize("url", YEAR_PAGES)
def test_a_good_year_still_answers_200(cast, client, url):
    client.force_login(cast.officer)
    assert client.get(_with(url, "year=2020")).status_code == 200


def test_the_400_says_which_parameter_and_why(cast, client):
    client.force_login(cast.officer)
    response = client.get("/publicity/calendar/?year=99999")
    assert response.status_code == 400
    text = response.content.decode()
    assert "year" in text and "不是 1990 至" in text


def test_the_api_answers_400_for_a_year_no_dispute_can_have(cast):
    api = APIClient()
    api.force_authenticate(cast.officer)
    response = api.get("/api/v1/disputes/?year=0")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "year" in response.json()["detail"]
    assert api.get("/api/v1/disputes/?year=2020").status_code == 200


def test_the_holiday_table_of_a_year_out_of_range_answers_400(cast, client):
    client.force_login(cast.sysadmin)
    assert client.get("/deadlines/years/99999/").status_code == 400
    assert client.get("/deadlines/years/2020/").status_code == 200


@pytest.mark.parametrize("threshold", ["nan", "NaN", "1e999", "inf", "-inf", "-1", "100", "x"])
def test_a_threshold_that_is_no_usable_number_answers_400(cast, client, threshold):
    client.force_login(cast.officer)
    response = client.get(f"/publicity/coverage/?threshold={threshold}")
    assert response.status_code == 400


def test_a_usable_threshold_still_answers_200(cast, client):
    client.force_login(cast.officer)
    assert client.get("/publicity/coverage/?threshold=0.05&year=2020").status_code == 200


@pytest.mark.parametrize("url", ["/cases/calendar/", "/disputes/screening/"])
@pytest.mark.parametrize("month", ["9999-12", "0000-01", "2020-13", "2020-00", "abc", "2020-1-1"])
def test_a_month_that_cannot_be_shown_answers_400(cast, client, url, month):
    client.force_login(cast.officer)
    assert client.get(f"{url}?month={month}").status_code == 400


@pytest.mark.parametrize("url", ["/cases/calendar/", "/disputes/screening/"])
def test_a_good_month_still_answers_200(cast, client, url):
    client.force_login(cast.officer)
    assert client.get(f"{url}?month=2020-10").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "since=2020-01-01&until=9999-12-31",
        "since=0001-01-01&until=2020-01-01",
        "since=2020-12-01&until=2020-01-01",
    ],
)
def test_a_period_that_cannot_be_shown_answers_400(cast, client, query):
    client.force_login(cast.officer)
    assert client.get(f"/publicity/?{query}").status_code == 400


def test_a_bad_target_or_screen_date_answers_400(cast, client):
    client.force_login(cast.officer)
    assert client.get("/publicity/understanders/?target=99999999999999999999").status_code == 400
    assert client.get("/publicity/screens/?until=9999-12-31").status_code == 400
    assert client.get("/publicity/understanders/?target=5").status_code == 200


# Control characters and counts ----------------------------------------------


def _activity_payload(cast, **overrides):
    data = {
        "region": cast.qilong.code,
        "title": "接口登记",
        "date": "2020-05-01",
        "place": "七龙社区",
        "villages": [cast.qilong.code],
        "form": "household",
        "person_times": 30,
        "materials": 10,
    }
    return {**data, **overrides}


def test_a_bell_in_a_title_is_refused_on_the_form_and_nothing_saved(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        "/publicity/activities/new/", make_activity_form_data(cast, title="普法\u0007")
    )
    assert response.status_code == 200
    assert "控制字符（U+0007）" in response.context["form"].errors["title"][0]
    assert "活动名称：" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_bell_in_a_title_is_refused_by_the_api_and_nothing_saved(cast):
    api = APIClient()
    api.force_authenticate(cast.cadre)
    response = api.post(
        "/api/v1/publicity/activities/", _activity_payload(cast, title="普法\u0007"), format="json"
    )
    assert response.status_code == 400
    assert "「活动名称」含有不允许的控制字符（U+0007）" in response.json()["title"][0]
    assert not Activity.objects.exists()


def test_a_person_times_beyond_any_township_is_refused_on_the_form(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        "/publicity/activities/new/",
        make_activity_form_data(cast, person_times=9223372036854775807),
    )
    assert response.status_code == 200
    assert "不能超过 1000000" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_person_times_beyond_the_database_is_refused_by_the_api(cast):
    api = APIClient()
    api.force_authenticate(cast.cadre)
    response = api.post(
        "/api/v1/publicity/activities/",
        _activity_payload(cast, person_times=9223372036854775807),
        format="json",
    )
    assert response.status_code == 400
    assert "「受教人次」不能超过 1000000" in str(response.json()["person_times"])
    assert not Activity.objects.exists()


# Deleting what other records refer to -----------------------------------------


def test_deleting_a_campaign_its_activities_name_answers_409_and_keeps_it(cast):
    campaign = Campaign.objects.create(
        region=cast.town, name="宪法宣传周", start_date=date(2020, 12, 1)
    )
    make_activity(cast.town, campaign=campaign)
    api = APIClient()
    api.force_authenticate(cast.officer)
    response = api.delete(f"/api/v1/publicity/campaigns/{campaign.pk}/")
    assert response.status_code == 409
    assert "不能删除「" in response.json()["detail"] and "普法活动" in response.json()["detail"]
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_deleting_a_campaign_nobody_refers_to_still_works(cast):
    campaign = Campaign.objects.create(
        region=cast.town, name="宪法宣传周", start_date=date(2020, 12, 1)
    )
    api = APIClient()
    api.force_authenticate(cast.officer)
    assert api.delete(f"/api/v1/publicity/campaigns/{campaign.pk}/").status_code == 204
    assert not Campaign.objects.exists()
