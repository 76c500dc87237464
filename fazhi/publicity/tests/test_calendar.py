"""Key dates and market days: what is coming and what has been done for each."""

from datetime import date

from fazhi.publicity.models import KeyDate, MarketDayRule, Theme
from fazhi.publicity.selectors import calendar_occasions
from fazhi.publicity.services import key_dates_add_defaults

from .builders import make_activity


def test_market_days_follow_the_towns_rule():
    rule = MarketDayRule(last_digits="1,4,7")
    days = rule.days_between(date(2020, 12, 1), date(2020, 12, 31))
    assert [d.day for d in days] == [1, 4, 7, 11, 14, 17, 21, 24, 27, 31]


def test_a_bad_market_day_rule_is_refused(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/publicity/calendar/market-days/", {"region": cast.town.pk, "last_digits": "1,4,七"}
    )
    assert "last_digits" in response.context["form"].errors
    assert not MarketDayRule.objects.exists()


def test_each_key_date_shows_the_activities_held_for_it(cast, client):
    key_dates_add_defaults(user=cast.officer, town=cast.town)
    assert KeyDate.objects.filter(region=cast.town).count() == 5
    make_activity(cast.town, title="宪法宣传周进社区", date=date(2020, 12, 6))
    client.force_login(cast.officer)
    key_days = {
        d.label: d for d in client.get("/publicity/calendar/?year=2020").context["key_days"]
    }
    constitution = key_days["12·4 国家宪法日（宪法宣传周）"]
    assert [a.title for a in constitution.activities] == ["宪法宣传周进社区"]
    assert key_days["6·26 国际禁毒日"].activities == []


def test_a_market_day_next_to_a_key_date_on_its_theme_counts_for_it(cast, client):
    key_dates_add_defaults(user=cast.officer, town=cast.town)
    drugs = make_activity(cast.town, title="禁毒赶集日", date=date(2020, 6, 27))
    drugs.themes.set([Theme.objects.get(name="禁毒")])
    make_activity(cast.town, title="别的主题", date=date(2020, 6, 28))
    client.force_login(cast.officer)
    key_days = {
        d.label: d for d in client.get("/publicity/calendar/?year=2020").context["key_days"]
    }
    assert [a.title for a in key_days["6·26 国际禁毒日"].activities] == ["禁毒赶集日"]


def test_adding_the_defaults_twice_adds_nothing(cast):
    key_dates_add_defaults(user=cast.officer, town=cast.town)
    assert key_dates_add_defaults(user=cast.officer, town=cast.town) == 0


def test_a_key_date_on_a_day_the_month_lacks_is_refused(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/publicity/calendar/key-dates/new/",
        {"region": cast.town.pk, "name": "错日", "month": 2, "day": 31, "days": 1},
    )
    assert "day" in response.context["form"].errors


def test_market_days_and_their_activities_are_listed(cast):
    MarketDayRule.objects.create(region=cast.town, last_digits="1,4,7")
    make_activity(cast.town, title="赶集日宣传", date=date(2020, 9, 21))
    days = calendar_occasions(
        user=cast.officer, region=cast.town, start=date(2020, 9, 20), end=date(2020, 9, 25)
    )
    assert [(d.start.day, [a.title for a in d.activities]) for d in days] == [
        (21, ["赶集日宣传"]),
        (24, []),
    ]
