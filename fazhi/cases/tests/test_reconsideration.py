from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.cases.models import Reconsideration
from fazhi.cases.services import reconsideration_extend
from fazhi.cases.tests.builders import make_reconsideration

pytestmark = pytest.mark.django_db


def test_the_answer_is_due_in_10_working_days_across_the_spring_festival(cast):
    case = make_reconsideration(cast, received_on=date(2025, 1, 22))
    assert case.answer_due == date(2025, 2, 11)


def test_the_decision_is_due_60_days_after_acceptance(cast):
    case = make_reconsideration(cast, accepted_on=date(2025, 1, 20))
    assert case.decision_due == date(2025, 3, 21)


def test_one_extension_adds_up_to_30_days_to_the_original_last_day(client, cast):
    case = make_reconsideration(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/reconsiderations/{case.pk}/extension/",
        {"days": 30, "reason": "需要现场勘验", "extended_on": "2025-03-10"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    # 2025-03-21 + 30 = Sunday 04-20, so Monday 04-21
    assert (case.extension_days, case.decision_due) == (30, date(2025, 4, 21))


def test_an_extension_beyond_30_days_is_refused_and_nothing_saved(client, cast):
    case = make_reconsideration(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/reconsiderations/{case.pk}/extension/",
        {"days": 31, "reason": "案情复杂", "extended_on": "2025-03-10"},
    )
    assert "延长天数：延长期限最多不得超过三十日" in response.content.decode()
    case.refresh_from_db()
    assert case.extension_days is None and case.decision_due == date(2025, 3, 21)


def test_the_service_refuses_a_second_extension(cast):
    case = make_reconsideration(cast)
    reconsideration_extend(case=case, days=10, reason="补充材料", extended_on=date(2025, 3, 1))
    with pytest.raises(ValidationError) as error:
        reconsideration_extend(case=case, days=5, reason="再次延长", extended_on=date(2025, 3, 5))
    assert "只能延长一次" in str(error.value)
    case.refresh_from_db()
    assert case.decision_due == date(2025, 3, 31)


def test_a_decision_records_the_outcome_and_counts_as_a_correction(client, cast):
    case = make_reconsideration(cast)
    client.force_login(cast.officer)
    client.post(
        f"/cases/reconsiderations/{case.pk}/decision/",
        {"decision_date": "2025-03-14", "outcome": "revoked"},
    )
    assert Reconsideration.objects.get(pk=case.pk).is_corrected


def test_a_copy_received_before_acceptance_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        make_reconsideration(cast, accepted_on=date(2025, 1, 20), received_on=date(2025, 1, 10))
    assert "received_on" in error.value.message_dict
    assert not Reconsideration.objects.exists()


def test_a_correction_that_breaks_a_date_rule_is_refused(client, cast):
    case = make_reconsideration(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/reconsiderations/{case.pk}/edit/",
        {
            "region": cast.town.pk,
            "case_number": case.case_number,
            "applicant": case.applicant,
            "organ": case.organ,
            "contested_act": case.contested_act,
            "accepted_on": "2025-01-20",
            "received_on": "2025-01-02",
            "handler": cast.officer.pk,
        },
    )
    assert "收到申请书副本的日期不能早于复议机关受理日期" in response.content.decode()
    case.refresh_from_db()
    assert case.received_on == date(2025, 1, 22)
