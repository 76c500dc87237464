"""A village cadre sees and records only their own village's publicity."""

from io import BytesIO

from openpyxl import load_workbook
from rest_framework.test import APIClient

from fazhi.publicity.models import Activity, LawUnderstander

from .builders import make_activity


def test_the_qilong_cadre_cannot_open_an_activity_of_huangshui(cast, client):
    theirs = make_activity(cast.huangshui, title="黄水社区普法")
    client.force_login(cast.cadre)
    assert client.get(f"/publicity/activities/{theirs.pk}/").status_code == 404
    assert client.get(f"/publicity/activities/{theirs.pk}/edit/").status_code == 404


def test_the_qilong_cadre_lists_only_qilong_activities(cast, client):
    make_activity(cast.huangshui, title="黄水社区普法")
    make_activity(cast.qilong, title="七龙社区普法")
    client.force_login(cast.cadre)
    page = client.get("/publicity/activities/").context["page"]
    assert [a.title for a in page] == ["七龙社区普法"]


def test_the_qilong_cadre_exports_no_huangshui_activity(cast, client):
    make_activity(cast.huangshui, title="黄水社区普法")
    make_activity(cast.qilong, title="七龙社区普法")
    client.force_login(cast.cadre)
    response = client.get("/publicity/activities/", {"format": "xlsx"})
    titles = [
        row[1]
        for row in load_workbook(BytesIO(response.content)).active.iter_rows(
            min_row=2, values_only=True
        )
    ]
    assert titles == ["七龙社区普法"]


def test_the_qilong_cadre_gets_nothing_of_huangshui_from_the_api(cast):
    theirs = make_activity(cast.huangshui, title="黄水社区普法")
    make_activity(cast.qilong, title="七龙社区普法")
    person = LawUnderstander.objects.create(
        region=cast.huangshui, name="向明华", background="cadre"
    )
    api = APIClient()
    api.force_authenticate(cast.cadre)
    listed = api.get("/api/v1/publicity/activities/").json()["results"]
    assert [a["title"] for a in listed] == ["七龙社区普法"]
    assert api.get(f"/api/v1/publicity/activities/{theirs.pk}/").status_code == 404
    assert api.get(f"/api/v1/publicity/understanders/{person.pk}/").status_code == 404


def test_the_qilong_cadre_cannot_record_an_activity_for_huangshui(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        "/publicity/activities/new/",
        {
            "region": cast.huangshui.pk,
            "title": "越界登记",
            "date": "2020-05-01",
            "place": "黄水",
            "villages": [cast.huangshui.pk],
            "form": "other",
            "person_times": 10,
            "materials": 0,
            "status": "held",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "region" in errors and "villages" in errors
    assert not Activity.objects.filter(title="越界登记").exists()


def test_the_town_officer_sees_every_village(cast, client):
    make_activity(cast.huangshui, title="黄水社区普法")
    make_activity(cast.qilong, title="七龙社区普法")
    client.force_login(cast.officer)
    assert client.get("/publicity/activities/").context["page"].paginator.count == 2


def test_the_auditor_and_the_mediator_may_not_open_publicity(cast, client):
    for user in (cast.auditor, cast.mediator):
        client.force_login(user)
        assert client.get("/publicity/activities/").status_code == 403
