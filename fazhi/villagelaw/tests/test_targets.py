"""The county's yearly targets: hours and a visit a month, pro rata through the
year; a village behind them is flagged and on the advisor's and officer's 待办."""

from datetime import date
from decimal import Decimal

import pytest

from fazhi.villagelaw.selectors import behind_target, progress_for, todo_for
from fazhi.villagelaw.tests.builders import make_assignment, make_visit

pytestmark = pytest.mark.django_db


def _monthly(cast, assignment, months, hours=Decimal("2")):
    for month in range(1, months + 1):
        make_visit(cast, assignment, day=date(2020, month, 12), hours=hours)


def test_an_advisor_who_came_every_month_is_on_target(cast, qilong_term):
    _monthly(cast, qilong_term, 6)
    [progress] = progress_for([qilong_term], 2020, date(2020, 7, 1))
    assert (progress.hours, progress.visits) == (Decimal("12"), 6)
    assert (progress.hours_due, progress.visits_due) == (Decimal("12.0"), 6)
    assert not progress.behind


def test_a_missed_month_puts_the_village_behind(cast, qilong_term):
    _monthly(cast, qilong_term, 5)
    [progress] = progress_for([qilong_term], 2020, date(2020, 7, 1))
    assert progress.behind
    assert "走访5次，应达6次" in progress.shortfall


def test_a_past_year_is_measured_against_the_whole_target(cast, qilong_term):
    _monthly(cast, qilong_term, 12)
    [progress] = progress_for([qilong_term], 2020, date(2021, 3, 1))
    assert progress.visits_due == 12 and progress.hours_due == Decimal("24.0")
    assert not progress.behind


def test_a_term_starting_mid_year_asks_only_for_its_months(cast, chen):
    term = make_assignment(cast, cast.huangshui, chen, start=date(2020, 7, 1))
    [progress] = progress_for([term], 2020, date(2020, 9, 1))
    assert progress.visits_due == 2 * 12 // 12


def test_behind_target_is_on_the_advisors_and_the_officers_todo(cast, qilong_term):
    _monthly(cast, qilong_term, 2)
    today = date(2020, 7, 1)
    assert [p.assignment for p in behind_target(cast.officer, today)] == [qilong_term]
    for user in (cast.officer, cast.advisor):
        items = [i for i in todo_for(user, today) if i.kind == "villagelaw.behind_target"]
        assert len(items) == 1, user
        assert "七龙社区" in items[0].title and "未达进度" in items[0].title
    assert not [i for i in todo_for(cast.cadre, today) if i.kind == "villagelaw.behind_target"]


def test_the_overview_flags_the_village_behind_target(cast, qilong_term, client):
    _monthly(cast, qilong_term, 1)
    client.force_login(cast.officer)
    response = client.get("/villagelaw/?year=2020")
    assert "未达进度" in response.content.decode()
