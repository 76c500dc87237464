"""/api/v1/publicity/… for every record type, through the scope rule."""

import pytest
from rest_framework.test import APIClient

from fazhi.publicity.models import Cadre, Exam, Screen, ScreenContent

from .builders import make_demo_publicity, make_screen

ENDPOINTS = [
    "activities",
    "themes",
    "campaigns",
    "responsibility-lists",
    "key-dates",
    "understanders",
    "trainings",
    "screens",
    "screen-contents",
    "cadres",
    "study-sessions",
    "exams",
    "exam-scores",
]


@pytest.fixture
def api(cast):
    client = APIClient()
    client.force_authenticate(cast.officer)
    return client


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_officer_lists_every_record_type_of_the_demo(cast, api, endpoint):
    make_demo_publicity(cast)
    response = api.get(f"/api/v1/publicity/{endpoint}/")
    assert response.status_code == 200
    body = response.json()
    assert body["results"] if isinstance(body, dict) else body, endpoint


def test_the_schema_describes_the_publicity_endpoints(cast, client):
    client.force_login(cast.officer)
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/publicity/activities/" in schema and "/api/v1/publicity/screens/" in schema


def test_a_screen_from_the_api_carries_its_display_address(cast, api):
    led = make_screen(cast.qilong)
    body = api.get(f"/api/v1/publicity/screens/{led.pk}/").json()
    assert body["display_url"].endswith(f"/publicity/display/{led.token}/")
    assert body["dark"] is True


def test_a_slogan_is_added_through_the_api(cast, api):
    response = api.post(
        "/api/v1/publicity/screen-contents/",
        {"region": cast.town.code, "text": "学法用法", "theme": "宪法", "start_date": "2020-01-01"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert ScreenContent.objects.get().theme.name == "宪法"


def test_the_cadre_cannot_add_a_screen_for_another_village(cast):
    api = APIClient()
    api.force_authenticate(cast.cadre)
    response = api.post(
        "/api/v1/publicity/screens/",
        {"region": cast.huangshui.code, "name": "越界屏", "location": "黄水"},
        format="json",
    )
    assert response.status_code == 400 and "region" in response.json()
    assert not Screen.objects.exists()


def test_the_leader_reads_but_cannot_write(cast):
    api = APIClient()
    api.force_authenticate(cast.leader)
    assert api.get("/api/v1/publicity/activities/").status_code == 200
    response = api.post(
        "/api/v1/publicity/cadres/",
        {"region": cast.town.code, "name": "甲", "position": "乙"},
        format="json",
    )
    assert response.status_code == 403
    assert not Cadre.objects.exists()


def test_an_exam_score_for_a_cadre_outside_scope_is_refused(cast):
    Exam.objects.create(region=cast.qilong, date="2020-12-10", title="村干部学法考试")
    outsider = Cadre.objects.create(region=cast.huangshui, name="秦某", position="主任")
    api = APIClient()
    api.force_authenticate(cast.cadre)
    exam = api.get("/api/v1/publicity/exams/").json()["results"][0]
    response = api.post(
        "/api/v1/publicity/exam-scores/",
        {"exam": exam["id"], "cadre": outsider.pk, "score": 90},
        format="json",
    )
    assert response.status_code == 400 and "cadre" in response.json()
