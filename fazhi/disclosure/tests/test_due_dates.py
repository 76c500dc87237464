"""Due dates of each category kind, and of an information request, through the engine."""

from datetime import date
from types import SimpleNamespace

import pytest

from fazhi.deadlines import compute_deadline
from fazhi.deadlines.rules import RULES
from fazhi.disclosure.deadlines import display_until, post_due, query_due, request_answer_due
from fazhi.disclosure.fees import fee_by_count, fee_by_pages
from fazhi.disclosure.models import Frequency

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("frequency", "year", "period", "due"),
    [
        (Frequency.MONTHLY, 2020, 3, date(2020, 4, 15)),  # a Wednesday
        (Frequency.MONTHLY, 2020, 7, date(2020, 8, 17)),  # the 15th is a Saturday
        (Frequency.MONTHLY, 2020, 12, date(2021, 1, 15)),  # across the year end
        (Frequency.MONTHLY, 2021, 1, date(2021, 2, 18)),  # the 15th falls in 春节 (11–17 Feb)
        (Frequency.QUARTERLY, 2020, 1, date(2020, 4, 15)),
        (Frequency.QUARTERLY, 2020, 3, date(2020, 10, 15)),  # after 国庆 (1–8 Oct)
        (Frequency.QUARTERLY, 2020, 4, date(2021, 1, 15)),  # across the year end
        (Frequency.QUARTERLY, 2023, 2, date(2023, 7, 17)),  # the 15th is a Saturday
    ],
)
def test_periodic_items_are_due_by_the_15th_of_the_next_month_or_quarter(
    frequency, year, period, due
):
    assert post_due(frequency, year, period, None).due == due


def test_a_one_off_item_is_due_ten_days_after_the_event_moved_past_the_holiday():
    # 2020-09-28 + 10 = 10-08, still 国庆; 10-09 is a working day
    assert post_due(Frequency.ONE_OFF, 2020, 0, date(2020, 9, 28)).due == date(2020, 10, 9)
    assert post_due(Frequency.ONE_OFF, 2020, 0, None) is None


def test_a_post_stays_up_at_least_ten_days():
    assert display_until(date(2020, 6, 1)) == date(2020, 6, 11)
    assert display_until(date(2020, 4, 22)) == date(2020, 5, 6)  # 劳动节 1–5 May


def test_queries_are_answered_within_three_days_by_the_village_and_ten_by_the_town():
    assert query_due("village", date(2020, 9, 17)).due == date(2020, 9, 21)  # 20th a Sunday
    assert query_due("town", date(2020, 8, 5)).due == date(2020, 8, 17)  # 15th a Saturday


def test_the_new_rule_kind_is_listed_with_its_law_and_label():
    rule = RULES["disclosure.quarterly"]
    assert rule.length_label == "次月15日前"
    assert rule.basis.startswith("《重庆市实施")


def test_a_year_nobody_entered_gives_a_provisional_date():
    assert post_due(Frequency.MONTHLY, 2027, 12, None).provisional
    assert compute_deadline("disclosure.monthly", date(2027, 12, 31)).due == date(2028, 1, 17)


def _request(**fields):
    base = {
        "received_on": date(2020, 9, 21), "correction_sent_on": None, "correction_received_on": None,
        "consultation_sent_on": None, "consultation_ended_on": None, "extension_days": 0,
    }  # fmt: skip
    base.update(fields)
    request = SimpleNamespace(**base)
    request.clock_start = (
        request.correction_received_on if request.correction_sent_on else request.received_on
    )
    return request


def test_a_request_is_answered_within_twenty_working_days():
    assert request_answer_due(_request()) == date(2020, 10, 23)  # 国庆 not counted


def test_a_correction_notice_stops_the_clock_and_receipt_restarts_it():
    waiting = _request(correction_sent_on=date(2020, 9, 24))
    assert request_answer_due(waiting) is None
    restarted = _request(
        correction_sent_on=date(2020, 9, 24), correction_received_on=date(2020, 10, 12)
    )
    assert request_answer_due(restarted) == date(2020, 11, 9)


def test_the_third_partys_working_days_are_not_counted():
    consulted = _request(
        correction_sent_on=date(2020, 9, 24),
        correction_received_on=date(2020, 10, 12),
        consultation_sent_on=date(2020, 10, 14),
        consultation_ended_on=date(2020, 10, 21),  # 5 working days
    )
    assert request_answer_due(consulted) == date(2020, 11, 16)


def test_an_approved_extension_adds_its_working_days():
    assert request_answer_due(_request(extension_days=20)) == date(2020, 11, 20)


@pytest.mark.parametrize(
    ("nth", "fee"), [(10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300)]
)
def test_the_fee_by_count_applies_only_past_ten_requests_a_month(nth, fee):
    assert fee_by_count(nth) == fee


@pytest.mark.parametrize(
    ("pages", "fee"), [(30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740)]
)
def test_the_fee_by_pages_applies_only_past_thirty_pages(pages, fee):
    assert fee_by_pages(pages) == fee
