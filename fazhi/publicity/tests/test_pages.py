"""Every publicity page opens for the officer and for a village cadre on the demo data."""

import pytest

from fazhi.publicity.models import (
    Activity,
    Campaign,
    Exam,
    KeyDate,
    LawUnderstander,
    Screen,
    Theme,
)

from .builders import make_demo_publicity

PAGES = [
    "/publicity/",
    "/publicity/?year=2020",
    "/publicity/activities/",
    "/publicity/activities/new/",
    "/publicity/responsibility/?year=2020",
    "/publicity/calendar/?year=2020",
    "/publicity/coverage/?year=2020",
    "/publicity/understanders/",
    "/publicity/trainings/",
    "/publicity/study/?year=2020",
    "/publicity/screens/",
    "/publicity/screens/new/",
    "/publicity/screens/contents/new/",
    "/publicity/understanders/new/",
    "/publicity/trainings/new/",
    "/publicity/study/new/",
    "/publicity/cadres/new/",
    "/publicity/exams/new/",
    "/publicity/responsibility/new/",
    "/publicity/calendar/key-dates/new/",
    "/publicity/campaigns/?year=2020",
    "/publicity/campaigns/new/",
    "/publicity/themes/",
]


@pytest.fixture
def demo(cast):
    make_demo_publicity(cast)
    return cast


@pytest.mark.parametrize("who", ["officer", "cadre", "leader", "county_admin"])
def test_every_page_opens(demo, client, who):
    client.force_login(getattr(demo, who))
    for url in PAGES:
        status = client.get(url).status_code
        read_only = who in ("leader", "county_admin")
        expected = 403 if read_only and "/new/" in url else 200
        assert status == expected, (url, status)


def test_the_detail_and_edit_pages_open_for_the_officer(demo, client):
    client.force_login(demo.officer)
    activity = Activity.objects.first()
    exam = Exam.objects.first()
    for url in [
        f"/publicity/activities/{activity.pk}/",
        f"/publicity/activities/{activity.pk}/edit/",
        f"/publicity/exams/{exam.pk}/",
        f"/publicity/exams/{exam.pk}/scores/new/",
        f"/publicity/screens/{Screen.objects.first().pk}/edit/",
        f"/publicity/understanders/{LawUnderstander.objects.first().pk}/edit/",
        f"/publicity/calendar/key-dates/{KeyDate.objects.first().pk}/edit/",
        "/publicity/calendar/market-days/",
        "/publicity/coverage/targets/",
        f"/publicity/campaigns/{Campaign.objects.first().pk}/",
        f"/publicity/campaigns/{Campaign.objects.first().pk}/edit/",
        f"/publicity/themes/{Theme.objects.first().pk}/edit/",
        "/publicity/themes/new/",
    ]:
        assert client.get(url).status_code == 200, url


def test_the_overview_shows_the_2020_figures(demo, client):
    client.force_login(demo.officer)
    body = client.get("/publicity/?year=2020").content.decode()
    assert "集中普法宣传活动" in body and "2159" in body and "1648" in body


def test_the_roster_masks_phone_numbers(demo, client):
    client.force_login(demo.officer)
    person = LawUnderstander.objects.exclude(phone="").first()
    body = client.get("/publicity/understanders/").content.decode()
    assert person.name in body
    assert person.phone not in body and person.masked_phone in body


def test_the_coverage_page_carries_the_reports_2020_figures(demo, client):
    client.force_login(demo.officer)
    body = client.get("/publicity/coverage/?year=2020").content.decode()
    for figure in (
        "集中普法宣传活动 <strong>6</strong>",
        "<strong>2159</strong>",
        "<strong>1648</strong>",
    ):
        assert figure in body
    assert "LED屏正常播放的村（社区） <strong>8</strong>" in body


def test_the_demo_campaign_page_shows_its_household_visits(demo, client):
    client.force_login(demo.officer)
    campaign = Campaign.objects.get(name="防控疫情，法治同行")
    response = client.get(f"/publicity/campaigns/{campaign.pk}/")
    figures = {metric.code: value for metric, value in response.context["figures"]}
    assert figures["publicity.activities"] == 4
    assert all("入户走访" in a.combined_with_labels for a in response.context["page"])
