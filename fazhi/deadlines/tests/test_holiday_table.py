from datetime import date

import pytest
from django.core.management import call_command

from fazhi.deadlines.models import CalendarYear, Holiday, Source

pytestmark = pytest.mark.django_db


def test_migrate_seeds_2004_to_2026_from_chinese_calendar():
    years = set(CalendarYear.objects.values_list("year", flat=True))
    assert set(range(2004, 2027)) <= years
    assert 2027 not in years
    assert Holiday.objects.get(date=date(2020, 10, 10)).is_working_day
    assert Holiday.objects.get(date=date(2025, 1, 28)).name == "春节"


def test_seedholidays_keeps_a_year_entered_by_hand():
    calendar = CalendarYear.objects.get(year=2026)
    calendar.source = Source.MANUAL
    calendar.save()
    Holiday.objects.filter(calendar=calendar).delete()
    call_command("seedholidays")
    assert not Holiday.objects.filter(calendar=calendar).exists()


def test_the_sysadmin_enters_a_new_year_with_its_statutory_holidays(client, cast):
    client.force_login(cast.sysadmin)
    response = client.post("/deadlines/years/add/", {"year": 2027, "notice": "国办发明电"})
    assert response.status_code == 302
    assert Holiday.objects.filter(calendar__year=2027, name="春节").count() == 4
    response = client.post(
        "/deadlines/years/2027/",
        {"date": "2027-02-20", "name": "春节调休", "is_working_day": "on"},
    )
    assert response.status_code == 302
    assert Holiday.objects.get(date=date(2027, 2, 20)).is_working_day


def test_a_day_outside_the_year_is_refused_with_a_chinese_message(client, cast):
    client.force_login(cast.sysadmin)
    response = client.post("/deadlines/years/2026/", {"date": "2027-02-20", "name": "春节调休"})
    assert "日期不在 2026 年内" in response.content.decode()
    assert not Holiday.objects.filter(date=date(2027, 2, 20)).exists()


def test_the_officer_may_read_but_not_edit_the_holiday_table(client, cast):
    client.force_login(cast.officer)
    assert client.get("/deadlines/?rule=litigation.answer&start=2027-01-21").status_code == 200
    assert client.post("/deadlines/years/add/", {"year": 2027}).status_code == 403
    response = client.post("/deadlines/years/2026/", {"date": "2026-03-02", "name": "x"})
    assert response.status_code == 403
    assert not Holiday.objects.filter(date=date(2026, 3, 2)).exists()


def test_the_calculator_page_marks_a_provisional_date(client, cast):
    client.force_login(cast.officer)
    page = client.get("/deadlines/?rule=litigation.answer&start=2027-01-21").content.decode()
    assert "2027年2月9日" in page and "暂定" in page


def test_roles_without_the_regions_capability_get_403(client, cast):
    client.force_login(cast.mediator)
    assert client.get("/deadlines/").status_code == 403
