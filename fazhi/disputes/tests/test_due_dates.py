"""Due dates are stored on the dispute when it changes and when the holiday
table changes, so "overdue" and "due soon" are indexed queries."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.deadlines import compute_deadline
from fazhi.deadlines.models import CalendarYear, Holiday
from fazhi.deadlines.services import calendar_year_create, holiday_add, holiday_delete
from fazhi.disputes import due_dates, services
from fazhi.disputes.deadlines import CONCLUDE
from fazhi.disputes.models import Dispute
from fazhi.disputes.selectors import attention_for, tracked_deadlines
from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_party


def _accepted(cast, accepted_on, **fields):
    dispute = make_dispute(cast, registered_on=accepted_on, **fields)
    return make_assignment(cast, dispute, accepted_on=accepted_on)


def _stored(dispute) -> Dispute:
    return Dispute.objects.get(pk=dispute.pk)


def test_the_stored_limit_to_conclude_is_the_engines(cast):
    for accepted_on in (date(2021, 1, 12), date(2020, 1, 23), date(2020, 9, 3)):
        dispute = _stored(_accepted(cast, accepted_on))
        engine = compute_deadline(CONCLUDE, accepted_on)
        assert (dispute.conclude_due, dispute.conclude_due_provisional) == (
            engine.due,
            engine.provisional,
        )


def test_a_registered_case_has_no_limit_until_it_is_accepted(cast):
    dispute = _stored(make_dispute(cast))
    assert dispute.conclude_due is None and dispute.follow_up_due is None


def test_the_follow_up_falls_due_at_conclusion_and_is_cleared_by_the_visit(cast):
    dispute = _accepted(cast, date(2020, 6, 2))
    make_party(dispute)
    services.agreement_make(
        dispute=dispute,
        facts="f",
        terms="t",
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    assert _stored(dispute).follow_up_due == date(2020, 7, 10)
    services.follow_up_record(
        dispute=dispute, user=cast.officer, visited_on=date(2020, 7, 12), notes="已履行"
    )
    assert _stored(dispute).follow_up_due is None


def test_a_handed_over_case_waits_for_no_follow_up(cast):
    dispute = _accepted(cast, date(2020, 6, 2))
    services.dispute_hand_over(
        dispute=dispute,
        user=cast.officer,
        kind="petition",
        receiver="信访办",
        reason="x",
        handed_on=date(2020, 6, 5),
    )
    assert _stored(dispute).follow_up_due is None


def test_a_holiday_added_on_the_last_day_moves_the_stored_limit_and_its_removal_moves_it_back(
    cast,
):
    # Accepted Monday 2020-03-02: the month ends on Thursday 2020-04-02, a working day.
    dispute = _accepted(cast, date(2020, 3, 2))
    assert _stored(dispute).conclude_due == date(2020, 4, 2)
    holiday = holiday_add(
        calendar=CalendarYear.objects.get(year=2020),
        holiday=Holiday(date=date(2020, 4, 2), name="临时放假"),
    )
    assert _stored(dispute).conclude_due == date(2020, 4, 3)
    assert _stored(dispute).conclude_due == compute_deadline(CONCLUDE, date(2020, 3, 2)).due
    holiday_delete(holiday=holiday)
    assert _stored(dispute).conclude_due == date(2020, 4, 2)


def test_a_year_entered_after_the_fact_makes_the_provisional_limits_final(cast):
    dispute = _accepted(cast, date(2021, 1, 12))
    CalendarYear.objects.filter(year=2021).delete()
    due_dates.dispute_due_dates_refresh(years=[2021])
    assert _stored(dispute).conclude_due_provisional
    calendar_year_create(year=2021)
    stored = _stored(dispute)
    assert not stored.conclude_due_provisional
    assert stored.conclude_due == compute_deadline(CONCLUDE, date(2021, 1, 12)).due


def test_a_holiday_change_leaves_the_cases_of_other_years_alone(cast):
    dispute = _accepted(cast, date(2020, 3, 2))
    Dispute.objects.filter(pk=dispute.pk).update(conclude_due=date(2020, 1, 1))
    assert due_dates.dispute_due_dates_refresh(years=[2023]) == 0
    assert _stored(dispute).conclude_due == date(2020, 1, 1)
    assert due_dates.dispute_due_dates_refresh(years=[2020]) == 1
    assert _stored(dispute).conclude_due == date(2020, 4, 2)


def test_the_holiday_page_refreshes_the_stored_limits(cast, client):
    dispute = _accepted(cast, date(2020, 3, 2))
    client.force_login(cast.sysadmin)
    response = client.post(
        reverse("deadlines:year", args=[2020]),
        {"date": "2020-04-02", "name": "临时放假", "is_working_day": ""},
    )
    assert response.status_code == 302
    assert _stored(dispute).conclude_due == date(2020, 4, 3)


def test_overdue_and_due_soon_are_filtered_on_the_stored_date(cast):
    late = _accepted(cast, date(2020, 9, 3))  # due 2020-10-09
    on_time = _accepted(cast, date(2020, 9, 20))  # due 2020-10-20
    assert list(Dispute.objects.overdue(today=date(2020, 10, 12))) == [late]
    assert list(Dispute.objects.due_between(date(2020, 10, 10), date(2020, 10, 31))) == [on_time]
    found = list(tracked_deadlines(cast.officer, date(2020, 10, 1), date(2020, 10, 31)))
    assert [(d.record, d.due) for d in found] == [
        (late.number, date(2020, 10, 9)),
        (on_time.number, date(2020, 10, 20)),
    ]


def _queries(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_overdue_runs_the_same_queries_for_one_case_or_many_across_years(cast, client):
    def count():
        return Dispute.objects.for_user(cast.officer).overdue(date(2026, 1, 1)).count()

    def attention():
        return list(attention_for(cast.officer, date(2026, 1, 1)))

    def page():
        assert client.get(reverse("disputes:index"), {"overdue": "true"}).status_code == 200

    client.force_login(cast.officer)
    _accepted(cast, date(2020, 3, 2))
    few = [_queries(count), _queries(attention), _queries(page)]
    for year in (2016, 2017, 2018, 2019, 2021, 2022):
        for month in (2, 5, 10):
            _accepted(cast, date(year, month, 3), summary=f"{year}年{month}月的纠纷")
    assert [_queries(count), _queries(attention), _queries(page)] == few
    assert count() == 19
    assert few[0] == 1


def test_the_data_migration_fills_the_disputes_recorded_before(cast):
    from importlib import import_module

    from django.apps import apps

    fill = import_module("fazhi.disputes.migrations.0008_fill_due_dates").fill
    open_case = _accepted(cast, date(2020, 9, 3))
    concluded = _accepted(cast, date(2020, 6, 2))
    make_party(concluded)
    services.agreement_make(
        dispute=concluded,
        facts="f",
        terms="t",
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    Dispute.objects.update(conclude_due=None, conclude_due_provisional=True, follow_up_due=None)
    fill(apps, None)
    assert _stored(open_case).conclude_due == date(2020, 10, 9)
    assert not _stored(open_case).conclude_due_provisional
    assert _stored(concluded).follow_up_due == date(2020, 7, 10)
    assert _stored(open_case).follow_up_due is None
