"""A first visit shows the work there is: the overview opens on the latest year
with a case in scope, the calendar on the month of the last deadline when
nothing lies ahead; both stay switchable."""

from datetime import date

from fazhi.cases.selectors import case_calendar_month, case_latest_year

from .builders import make_lawsuit, make_other_town


def test_the_overview_opens_on_the_latest_year_with_a_case(client, cast):
    make_lawsuit(cast, complaint_received_on=date(2020, 9, 20))
    client.force_login(cast.officer)
    response = client.get("/cases/")
    assert response.context["year"] == 2020
    assert 'value="2020"' in response.content.decode()  # shown in the year box
    assert client.get("/cases/?year=2021").context["year"] == 2021  # and switchable


def test_a_case_outside_the_scope_does_not_choose_the_year(client, cast):
    town = make_other_town()
    make_lawsuit(cast, region=town, complaint_received_on=date(2019, 3, 1), user=cast.county_admin)
    assert case_latest_year(user=cast.officer) is None
    assert case_latest_year(user=cast.county_admin) == 2019


def test_without_cases_the_overview_opens_on_the_current_year(client, cast):
    from django.utils import timezone

    client.force_login(cast.officer)
    assert client.get("/cases/").context["year"] == timezone.localdate().year


def test_the_calendar_opens_on_the_last_deadline_when_nothing_lies_ahead(client, cast):
    case = make_lawsuit(cast, complaint_received_on=date(2020, 9, 20))
    client.force_login(cast.officer)
    response = client.get("/cases/calendar/")
    assert response.context["month"] == case.answer_due.replace(day=1)
    assert case.case_number in response.content.decode()


def test_the_calendar_opens_on_this_month_while_deadlines_lie_ahead(cast):
    today = date(2020, 9, 25)
    make_lawsuit(cast, complaint_received_on=date(2020, 9, 20))  # answer due in October
    assert case_calendar_month(user=cast.officer, today=today) == date(2020, 9, 1)
