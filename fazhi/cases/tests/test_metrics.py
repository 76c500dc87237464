from datetime import date

import pytest

from fazhi.cases import services
from fazhi.cases.tests.builders import make_lawsuit, make_reconsideration
from fazhi.metrics import Period, compute

pytestmark = pytest.mark.django_db
YEAR = Period.year(2020)


def _hearing(case, appearance, **extra):
    services.hearing_record(
        lawsuit=case, date=date(2020, 11, 5), court="第一法庭", appearance=appearance, **extra
    )


def test_the_head_in_court_rate_counts_head_deputy_and_official_in_charge(cast):
    case = make_lawsuit(cast)
    _hearing(case, "head", head_name="镇长")
    _hearing(case, "in_charge", head_name="分管副镇长")
    _hearing(case, "absent", substitute="工作人员", absence_reason="出差")
    _hearing(case, "deputy", head_name="副镇长")
    result = compute("cases.head_in_court_rate", cast.town, YEAR)
    assert str(result.value) == "75.0"
    assert result.records.count() == 4


def test_the_loss_rate_is_lost_over_decided_cases(cast):
    for number, outcome in [
        ("1", "revoked"),
        ("2", "dismissed_claim"),
        ("3", "withdrawn"),
        ("4", "illegal"),
    ]:
        services.lawsuit_decide(
            lawsuit=make_lawsuit(cast, case_number=number),
            decision_kind="judgment",
            decision_date=date(2020, 11, 2),
            served_on=date(2020, 11, 3),
            outcome=outcome,
        )
    make_lawsuit(cast, case_number="pending")
    result = compute("cases.loss_rate", cast.town, YEAR)
    assert (str(result.value), result.parts) == ("50.0", {"decided": 4, "lost": 2})


def test_the_correction_rate_and_no_cases_means_no_figure(cast):
    assert compute("cases.correction_rate", cast.town, YEAR).value is None
    case = make_reconsideration(cast, accepted_on=date(2020, 3, 2), received_on=date(2020, 3, 5))
    services.reconsideration_decide(case=case, decision_date=date(2020, 4, 20), outcome="altered")
    assert str(compute("cases.correction_rate", cast.town, YEAR).value) == "100.0"


def test_a_village_scope_does_not_count_the_town_cases(cast):
    make_lawsuit(cast)
    assert compute("cases.lawsuits", cast.qilong, YEAR).value == 0
    assert compute("cases.lawsuits", cast.town, YEAR).value == 1


def test_the_loss_rate_links_to_exactly_the_decided_cases(client, cast):
    services.lawsuit_decide(
        lawsuit=make_lawsuit(cast, case_number="已判", complaint_received_on=date(2019, 12, 2)),
        decision_kind="judgment",
        decision_date=date(2020, 3, 2),
        served_on=date(2020, 3, 3),
        outcome="revoked",
    )
    make_lawsuit(cast, case_number="未判")
    result = compute("cases.loss_rate", cast.town, YEAR)
    client.force_login(cast.officer)
    page = client.get(result.list_url)
    assert [case.case_number for case in page.context["page"]] == ["已判"]


def test_the_head_in_court_rate_links_to_the_cases_heard(client, cast):
    case = make_lawsuit(cast, case_number="开过庭")
    _hearing(case, "head", head_name="镇长")
    _hearing(case, "deputy", head_name="副镇长")
    make_lawsuit(cast, case_number="未开庭")
    result = compute("cases.head_in_court_rate", cast.town, YEAR)
    client.force_login(cast.officer)
    page = client.get(result.list_url)
    assert [case.case_number for case in page.context["page"]] == ["开过庭"]
