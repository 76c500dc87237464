"""The 2020 figures of the town's report come out of the demo records."""

import pytest

from fazhi import metrics
from fazhi.metrics import Period
from fazhi.publicity.models import Activity, CombinedWork, Form

from .builders import make_demo_publicity

YEAR = Period.year(2020)


@pytest.fixture
def demo(cast):
    make_demo_publicity(cast)
    return cast


def value(code, region):
    return metrics.compute(code, region, YEAR).value


def test_the_town_held_six_concentrated_activities_on_market_days_and_12_4(demo):
    result = metrics.compute("publicity.concentrated_activities", demo.town, YEAR)
    assert result.value == 6
    assert result.records.filter(form=Form.MARKET_DAY).exists()
    assert result.records.filter(date__month=12, date__day=4).exists()


def test_the_town_reached_more_than_2000_person_times_with_more_than_1500_materials(demo):
    assert value("publicity.person_times", demo.town) > 2000
    assert value("publicity.materials", demo.town) > 1500


def test_led_screens_work_in_all_eight_villages(demo):
    assert value("publicity.led_villages", demo.town) == 8


def test_the_covid_campaign_was_combined_with_household_visits(demo):
    campaign_activities = Activity.objects.filter(campaign__name="防控疫情，法治同行")
    assert campaign_activities.count() >= 3
    for activity in campaign_activities:
        assert CombinedWork.HOUSEHOLD_VISITS in activity.combined_with


def test_every_registered_metric_returns_its_records_and_list_page(demo, client):
    client.force_login(demo.officer)
    codes = [
        "publicity.concentrated_activities",
        "publicity.activities",
        "publicity.person_times",
        "publicity.materials",
        "publicity.led_villages",
        "publicity.villages_reached",
        "publicity.underserved_villages",
        "publicity.law_understanders_coverage",
        "publicity.cadre_study_hours",
    ]
    for code in codes:
        result = metrics.compute(code, demo.town, YEAR)
        assert result.records is not None and result.records.exists(), code
        assert client.get(result.list_url).status_code == 200, code


def test_the_list_page_of_a_metric_shows_exactly_its_records(demo, client):
    client.force_login(demo.officer)
    result = metrics.compute("publicity.concentrated_activities", demo.town, YEAR)
    page = client.get(result.list_url).context["page"]
    assert {a.pk for a in page.object_list} == set(result.records.values_list("pk", flat=True))


def test_the_remote_villages_are_flagged_as_under_served(demo):
    result = metrics.compute("publicity.underserved_villages", demo.town, YEAR)
    assert "洋洞村" in result.parts and "黄水社区" not in result.parts


def test_loading_the_demo_twice_adds_nothing(demo):
    before = Activity.objects.count()
    make_demo_publicity(demo)
    assert Activity.objects.count() == before


def test_the_led_metric_links_to_exactly_its_screens(demo, client):
    from fazhi.publicity.models import Screen

    Screen.objects.create(
        region=demo.qilong, name="2021年新装", location="广场", installed_on="2021-03-01"
    )
    client.force_login(demo.officer)
    result = metrics.compute("publicity.led_villages", demo.town, YEAR)
    rows = client.get(result.list_url).context["rows"]
    assert {screen.pk for screen, _ in rows} == set(result.records.values_list("pk", flat=True))
