from datetime import date, timedelta

import chinese_calendar
import pytest
from lunardate import LunarDate

from fazhi.deadlines import (
    RULES,
    Deadline,
    UnknownRule,
    add_months,
    add_working_days,
    compute_deadline,
    is_working_day,
)
from fazhi.deadlines.services import calendar_year_create
from fazhi.deadlines.statutory import statutory_holidays

pytestmark = pytest.mark.django_db

REQUIRED = [
    "litigation.answer",
    "litigation.appeal_judgment",
    "litigation.appeal_ruling",
    "reconsideration.accept_review",
    "reconsideration.answer",
    "reconsideration.decision",
    "disclosure_request.reply",
    "mediation.conclude",
    "mediation.judicial_confirmation",
    "decision.legality_review_min",
]


def test_every_rule_the_issue_names_exists_with_its_law_and_article():
    for code in REQUIRED:
        rule = RULES[code]
        assert rule.law and rule.article.startswith("第") and rule.start_event
        assert rule.basis.startswith("《")


def test_reconsideration_short_periods_are_working_days_and_decision_is_calendar_days():
    assert RULES["reconsideration.accept_review"].working_days
    assert RULES["reconsideration.answer"].working_days
    assert not RULES["reconsideration.decision"].working_days
    assert RULES["disclosure_request.reply"].working_days
    assert RULES["decision.legality_review_min"].working_days


def test_it_returns_a_frozen_deadline_with_the_basis():
    deadline = compute_deadline("litigation.answer", date(2020, 11, 2))
    assert deadline == Deadline(
        rule="litigation.answer",
        start=date(2020, 11, 2),
        due=date(2020, 11, 17),
        basis="《中华人民共和国行政诉讼法》第六十七条",
        working_days=False,
        provisional=False,
    )
    with pytest.raises(AttributeError):
        deadline.due = date(2020, 11, 18)


def test_an_unknown_rule_raises_a_key_error():
    with pytest.raises(UnknownRule):
        compute_deadline("litigation.nonsense", date(2020, 1, 1))
    with pytest.raises(KeyError):
        compute_deadline("litigation.nonsense", date(2020, 1, 1))


def test_a_period_ending_in_the_national_day_holiday_moves_to_the_next_working_day():
    # 2020-09-20 + 15 days = 10-05, inside 10-01..10-08
    assert compute_deadline("litigation.answer", date(2020, 9, 20)).due == date(2020, 10, 9)
    # 2020-08-03 + 60 days = 10-02
    assert compute_deadline("reconsideration.decision", date(2020, 8, 3)).due == date(2020, 10, 9)


def test_a_period_ending_on_a_make_up_working_saturday_ends_that_saturday():
    # 2020-10-10 was a Saturday made a working day
    assert compute_deadline("litigation.answer", date(2020, 9, 25)).due == date(2020, 10, 10)


def test_a_period_ending_on_an_ordinary_weekend_moves_to_monday():
    # 2020-11-06 + 15 days = Saturday 11-21
    assert compute_deadline("litigation.appeal_judgment", date(2020, 11, 6)).due == date(
        2020, 11, 23
    )


def test_a_period_ending_in_the_spring_festival_moves_past_it():
    # 2025-01-20 + 10 days = 01-30, holiday 01-28..02-04
    assert compute_deadline("litigation.appeal_ruling", date(2025, 1, 20)).due == date(2025, 2, 5)


def test_working_days_skip_the_spring_festival_and_count_make_up_days():
    # 2025: 01-26 (Sun) and 02-08 (Sat) were working days; 01-28..02-04 off
    deadline = compute_deadline("reconsideration.answer", date(2025, 1, 22))
    assert deadline.due == date(2025, 2, 11)
    assert deadline.working_days is True


def test_twenty_working_days_across_national_day_2020():
    assert compute_deadline("disclosure_request.reply", date(2020, 9, 21)).due == date(2020, 10, 23)


def test_a_month_period_ends_on_the_same_date_of_the_next_month():
    assert compute_deadline("mediation.conclude", date(2020, 6, 15)).due == date(2020, 7, 15)


def test_a_month_period_ends_on_the_last_day_of_a_shorter_month():
    assert compute_deadline("mediation.conclude", date(2024, 1, 31)).due == date(2024, 2, 29)
    assert compute_deadline("mediation.conclude", date(2025, 3, 31)).due == date(2025, 4, 30)
    assert add_months(date(2023, 12, 31), 2) == date(2024, 2, 29)


def test_a_month_period_ending_on_a_sunday_moves_to_monday():
    # 2021-02-28 is a Sunday
    assert compute_deadline("mediation.conclude", date(2021, 1, 31)).due == date(2021, 3, 1)


def test_is_working_day_reads_the_holiday_table():
    assert is_working_day(date(2020, 10, 9))
    assert not is_working_day(date(2020, 10, 8))
    assert is_working_day(date(2020, 10, 10))  # make-up Saturday
    assert not is_working_day(date(2020, 10, 17))  # ordinary Saturday


def test_add_working_days_does_not_count_the_start_day():
    assert add_working_days(date(2020, 11, 2), 1) == date(2020, 11, 3)
    assert add_working_days(date(2020, 11, 6), 1) == date(2020, 11, 9)
    # 09-29, 09-30, 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14
    assert compute_deadline("decision.legality_review_min", date(2020, 9, 28)).due == date(
        2020, 10, 14
    )


def test_a_year_nobody_entered_is_provisional_and_uses_statutory_holidays():
    # 2027: 除夕 02-05 (Fri) .. 初三 02-08 (Mon); 2027-01-21 + 15 = 02-05
    deadline = compute_deadline("litigation.answer", date(2027, 1, 21))
    assert deadline.due == date(2027, 2, 9)
    assert deadline.provisional is True
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 2, 9))


def test_a_provisional_national_day_moves_the_due_date():
    # 2027-10-01..03 is Friday to Sunday
    deadline = compute_deadline("litigation.answer", date(2027, 9, 16))
    assert (deadline.due, deadline.provisional) == (date(2027, 10, 4), True)


def test_a_period_crossing_into_an_unentered_year_is_provisional():
    deadline = compute_deadline("litigation.answer", date(2026, 12, 20))
    assert (deadline.due, deadline.provisional) == (date(2027, 1, 4), True)
    assert compute_deadline("litigation.answer", date(2026, 11, 2)).provisional is False


def test_entering_the_year_makes_its_dates_final():
    calendar = calendar_year_create(year=2027, notice="国办发明电〔2026〕X号")
    calendar.days.create(date=date(2027, 2, 9), name="春节")
    deadline = compute_deadline("litigation.answer", date(2027, 1, 21))
    assert (deadline.due, deadline.provisional) == (date(2027, 2, 10), False)


def test_the_provisional_lunar_and_solar_term_dates_agree_with_chinese_calendar():
    # 清明, 端午 and 中秋 became holidays in 2008; 除夕 in 2025
    computed = {"春节", "清明节", "端午节", "中秋节"}
    for year in range(2008, 2027):
        for day, name in statutory_holidays(year).items():
            eve = LunarDate(day.year, 1, 1).to_solar_date() - timedelta(days=1)
            if name not in computed or (day == eve and year < 2025):
                continue
            assert chinese_calendar.is_holiday(day), (day, name)
    assert list(statutory_holidays(2025))[:5] == [
        date(2025, 1, 1),
        date(2025, 1, 28),
        date(2025, 1, 29),
        date(2025, 1, 30),
        date(2025, 1, 31),
    ]


def test_a_datetime_start_counts_as_its_date():
    from datetime import datetime

    assert compute_deadline("litigation.answer", datetime(2020, 9, 20, 16, 30)).due == date(
        2020, 10, 9
    )


def test_the_acceptance_review_counts_5_working_days_across_national_day():
    # 09-29, 09-30, 10-09, 10-10 (make-up Saturday), 10-12
    deadline = compute_deadline("reconsideration.accept_review", date(2020, 9, 28))
    assert (deadline.due, deadline.working_days) == (date(2020, 10, 12), True)


def test_judicial_confirmation_ending_in_the_spring_festival_moves_past_it():
    # 2021-01-15 + 30 days = 02-14, holiday 02-11..02-17
    deadline = compute_deadline("mediation.judicial_confirmation", date(2021, 1, 15))
    assert deadline.due == date(2021, 2, 18)
    assert deadline.basis == "《中华人民共和国人民调解法》第三十三条"


def test_a_provisional_working_day_period_skips_the_statutory_spring_festival():
    # 2027: 02-05 (除夕, Fri) .. 02-08 (初三, Mon) off, no make-up days known
    deadline = compute_deadline("reconsideration.answer", date(2027, 2, 1))
    # 02-02, 03, 04, 09, 10, 11, 12, 15, 16, 17
    assert (deadline.due, deadline.provisional) == (date(2027, 2, 17), True)


def test_a_shared_calendar_reads_each_year_once(django_assert_max_num_queries):
    from fazhi.deadlines import WorkCalendar

    calendar = WorkCalendar()
    compute_deadline("mediation.conclude", date(2020, 3, 2), calendar=calendar)
    with django_assert_max_num_queries(0):
        for day in range(3, 28):
            compute_deadline("mediation.conclude", date(2020, 3, day), calendar=calendar)


def test_a_shared_calendar_flags_only_the_provisional_computation(db):
    from fazhi.deadlines import WorkCalendar

    calendar = WorkCalendar()
    assert compute_deadline("litigation.answer", date(2027, 3, 1), calendar=calendar).provisional
    assert not compute_deadline(
        "litigation.answer", date(2020, 3, 2), calendar=calendar
    ).provisional
