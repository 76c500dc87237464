"""法律明白人 with shortfall flags; cadres' study hours and exams."""

from datetime import date
from decimal import Decimal

from rest_framework.test import APIClient

from fazhi import metrics
from fazhi.metrics import Period
from fazhi.publicity.models import Cadre, Exam, ExamScore, LawUnderstander, StudySession


def _people(village, count):
    for n in range(count):
        LawUnderstander.objects.create(
            region=village, name=f"{village.name}{n}", background="party"
        )


def test_villages_below_the_target_are_flagged_with_the_shortfall(cast, client):
    _people(cast.qilong, 3)
    _people(cast.huangshui, 1)
    client.force_login(cast.officer)
    villages = {
        v["village"].name: v["short"]
        for v in client.get("/publicity/understanders/").context["villages"]
    }
    assert villages["七龙社区"] == 0 and villages["黄水社区"] == 2 and villages["洋洞村"] == 3
    villages = {
        v["village"].name: v["short"]
        for v in client.get("/publicity/understanders/?target=5").context["villages"]
    }
    assert villages["七龙社区"] == 2


def test_the_coverage_metric_is_the_share_of_villages_meeting_the_target(cast):
    _people(cast.qilong, 3)
    _people(cast.huangshui, 3)
    result = metrics.compute("publicity.law_understanders_coverage", cast.town, Period.year(2020))
    assert result.value == Decimal("25.0")  # two of eight
    assert result.records.count() == 6


def test_a_bad_phone_is_refused_by_the_form(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        "/publicity/understanders/new/",
        {
            "region": cast.qilong.pk,
            "name": "马德昌",
            "phone": "12345",
            "background": "mediator",
            "active": "on",
        },
    )
    assert "phone" in response.context["form"].errors
    assert not LawUnderstander.objects.exists()


def test_the_api_shows_the_phone_masked_only(cast):
    api = APIClient()
    api.force_authenticate(cast.cadre)
    response = api.post(
        "/api/v1/publicity/understanders/",
        {
            "region": cast.qilong.code,
            "name": "马德昌",
            "phone": "13912345678",
            "background": "mediator",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["phone_masked"] == "139****5678"
    assert "13912345678" not in api.get("/api/v1/publicity/understanders/").content.decode()


def test_each_cadre_has_yearly_study_hours(cast, client):
    one = Cadre.objects.create(region=cast.town, name="马镇长", position="镇长")
    two = Cadre.objects.create(region=cast.town, name="谭法治", position="法治专干")
    first = StudySession.objects.create(
        region=cast.town,
        date=date(2020, 3, 1),
        kind="before_meeting",
        title="学宪法",
        hours=Decimal("1.5"),
    )
    first.attendees.set([one, two])
    second = StudySession.objects.create(
        region=cast.town,
        date=date(2020, 9, 1),
        kind="lecture",
        title="学民法典",
        hours=Decimal("2"),
    )
    second.attendees.set([one])
    StudySession.objects.create(
        region=cast.town, date=date(2021, 1, 5), kind="lecture", title="次年", hours=Decimal("9")
    ).attendees.set([one])
    client.force_login(cast.officer)
    hours = {c.name: h for c, h in client.get("/publicity/study/?year=2020").context["hours"]}
    assert hours == {"马镇长": Decimal("3.5"), "谭法治": Decimal("1.5")}
    result = metrics.compute("publicity.cadre_study_hours", cast.town, Period.year(2020))
    assert result.value == Decimal("5.0") and result.records.count() == 2


def test_an_exam_score_above_100_is_refused(cast, client):
    cadre = Cadre.objects.create(region=cast.town, name="马镇长", position="镇长")
    exam = Exam.objects.create(region=cast.town, date=date(2020, 12, 10), title="学法考试")
    client.force_login(cast.officer)
    response = client.post(
        f"/publicity/exams/{exam.pk}/scores/new/", {"cadre": cadre.pk, "score": "120"}
    )
    assert "score" in response.context["form"].errors
    client.post(f"/publicity/exams/{exam.pk}/scores/new/", {"cadre": cadre.pk, "score": "88"})
    assert ExamScore.objects.get().score == 88
    again = client.post(
        f"/publicity/exams/{exam.pk}/scores/new/", {"cadre": cadre.pk, "score": "90"}
    )
    assert "cadre" in again.context["form"].errors


def _more_villages(town, count):
    from fazhi.regions.tests.builders import make_villages

    for village in make_villages(town, count):
        _people(village, 3)


def test_the_list_shows_a_page_of_villages_and_its_queries_do_not_grow(cast, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.county_admin)
    _people(cast.qilong, 2)
    with CaptureQueriesContext(connection) as few:
        small = client.get("/publicity/understanders/")
    _more_villages(cast.town, 30)
    with CaptureQueriesContext(connection) as many:
        large = client.get("/publicity/understanders/")
    assert len(small.context["villages"]) == 8
    assert len(large.context["villages"]) == 20  # one page of villages, not all 38
    assert large.context["page"].paginator.count == 38
    assert client.get("/publicity/understanders/?page=2").context["villages"][-1]["people"]
    assert len(many) == len(few)
