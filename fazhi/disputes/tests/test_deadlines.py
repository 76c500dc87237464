"""The mediation limits around Spring Festival and National Day, by the deadline engine."""

from datetime import date

from django.urls import reverse

from fazhi.disputes import services
from fazhi.disputes.deadlines import conclude_deadline, confirmation_deadline
from fazhi.disputes.models import Dispute
from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_party


def _accepted(cast, accepted_on):
    dispute = make_dispute(cast, registered_on=accepted_on)
    return make_assignment(cast, dispute, accepted_on=accepted_on)


def _agreed(cast, effective_on):
    dispute = _accepted(cast, effective_on)
    make_party(dispute)
    return services.agreement_make(
        dispute=dispute, facts="f", terms="t", signed_on=effective_on, effective_on=effective_on
    )


def test_one_month_ending_in_the_2021_spring_festival_moves_to_the_first_working_day(cast):
    # 2021-02-12 is 正月初一; the holiday runs to 02-17.
    deadline = conclude_deadline(_accepted(cast, date(2021, 1, 12)))
    assert deadline.due == date(2021, 2, 18)
    assert deadline.basis == "《人民调解工作若干规定》第三十三条"
    assert not deadline.provisional


def test_one_month_from_the_eve_of_the_2020_spring_festival_ending_on_a_sunday_moves_to_monday(
    cast,
):
    # Accepted on the last day before the (extended) 2020 holiday: the month ends on a Monday.
    assert conclude_deadline(_accepted(cast, date(2020, 1, 23))).due == date(2020, 2, 24)


def test_one_month_ending_in_the_2020_national_day_holiday_moves_past_it(cast):
    # 2020-10-01 to 10-08 (National Day with Mid-Autumn); 10-03 is inside it.
    assert conclude_deadline(_accepted(cast, date(2020, 9, 3))).due == date(2020, 10, 9)


def test_judicial_confirmation_30_days_ending_in_spring_festival(cast):
    deadline = confirmation_deadline(_agreed(cast, date(2021, 1, 15)))  # +30 = 2021-02-14
    assert deadline.due == date(2021, 2, 18)
    assert deadline.basis == "《中华人民共和国人民调解法》第三十三条"


def test_judicial_confirmation_30_days_ending_in_national_day(cast):
    assert confirmation_deadline(_agreed(cast, date(2020, 9, 5))).due == date(2020, 10, 9)


def test_a_year_nobody_entered_gives_a_provisional_date(cast):
    assert conclude_deadline(Dispute(accepted_on=date(2027, 9, 3))).provisional


def test_the_case_page_shows_both_limits_with_their_legal_basis(cast, client):
    agreement = _agreed(cast, date(2020, 9, 5))
    client.force_login(cast.officer)
    page = client.get(reverse("disputes:detail", args=[agreement.dispute_id])).content.decode()
    assert "2020年10月9日" in page
    assert "依据：《人民调解工作若干规定》第三十三条" in page
    assert "依据：《中华人民共和国人民调解法》第三十三条" in page


def test_an_open_case_past_its_month_is_overdue(cast):
    late = _accepted(cast, date(2020, 9, 3))
    on_time = _accepted(cast, date(2020, 9, 20))
    overdue = Dispute.objects.overdue(today=date(2020, 10, 12))
    assert list(overdue) == [late]
    assert on_time not in Dispute.objects.overdue(today=date(2020, 10, 9))
    assert late not in Dispute.objects.overdue(today=date(2020, 10, 9))
