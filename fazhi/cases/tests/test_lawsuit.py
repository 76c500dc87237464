from datetime import date

import pytest

from fazhi.cases.models import Hearing, Lawsuit
from fazhi.cases.tests.builders import make_lawsuit

pytestmark = pytest.mark.django_db


def test_the_answer_is_due_15_days_after_receipt_moved_past_national_day(cast):
    case = make_lawsuit(cast, complaint_received_on=date(2020, 9, 20))
    assert case.answer_due == date(2020, 10, 9)
    assert case.answer_due_provisional is False


def test_a_complaint_received_in_an_unentered_year_has_a_provisional_answer_date(cast):
    case = make_lawsuit(cast, complaint_received_on=date(2027, 1, 21))
    assert (case.answer_due, case.answer_due_provisional) == (date(2027, 2, 9), True)


def test_the_officer_registers_a_lawsuit_on_the_page(client, cast):
    client.force_login(cast.officer)
    response = client.post(
        "/cases/lawsuits/new/",
        {
            "region": cast.town.pk,
            "case_number": "（2020）渝0240行初5号",
            "court": "石柱县人民法院",
            "plaintiffs": "张某",
            "cause": "行政处罚",
            "contested_act": "罚款决定",
            "complaint_received_on": "2020-09-25",
            "handler": cast.officer.pk,
            "leader": cast.leader.pk,
        },
    )
    case = Lawsuit.objects.get(case_number="（2020）渝0240行初5号")
    assert response.status_code == 302
    assert case.answer_due == date(2020, 10, 10)  # a make-up working Saturday


def test_a_judgment_dated_before_receipt_is_refused_and_nothing_saved(client, cast):
    case = make_lawsuit(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/lawsuits/{case.pk}/decision/",
        {
            "decision_kind": "judgment",
            "decision_date": "2020-09-01",
            "served_on": "2020-09-02",
            "outcome": "dismissed_claim",
        },
    )
    assert "裁判日期：裁判日期不能早于收到起诉状副本的日期" in response.content.decode()
    case.refresh_from_db()
    assert case.decision_date is None and case.appeal_due is None


def test_a_judgment_sets_the_15_day_appeal_date_from_service(client, cast):
    case = make_lawsuit(cast)
    client.force_login(cast.officer)
    client.post(
        f"/cases/lawsuits/{case.pk}/decision/",
        {
            "decision_kind": "judgment",
            "decision_date": "2021-01-25",
            "served_on": "2021-01-29",
            "outcome": "revoked",
        },
    )
    case.refresh_from_db()
    # 2021-01-29 + 15 = 02-13, inside the Spring Festival (02-11..02-17)
    assert case.appeal_due == date(2021, 2, 18)
    assert case.is_loss


def test_a_ruling_has_a_10_day_appeal_period(cast):
    from fazhi.cases.services import lawsuit_decide

    case = lawsuit_decide(
        lawsuit=make_lawsuit(cast),
        decision_kind="ruling",
        decision_date=date(2020, 11, 2),
        served_on=date(2020, 11, 3),
        outcome="dismissed_suit",
    )
    assert case.appeal_due == date(2020, 11, 13)


def test_a_hearing_with_neither_a_head_nor_a_reason_is_refused(client, cast):
    case = make_lawsuit(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/lawsuits/{case.pk}/hearings/",
        {"date": "2020-11-10", "court": "第一法庭", "appearance": "absent"},
    )
    page = response.content.decode()
    assert "负责人未出庭的，必须说明理由" in page
    assert "负责人未出庭的，请填写委托出庭的工作人员" in page
    assert not Hearing.objects.exists()


def test_a_head_appearing_must_be_named(client, cast):
    case = make_lawsuit(cast)
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/lawsuits/{case.pk}/hearings/",
        {"date": "2020-11-10", "court": "第一法庭", "appearance": "deputy"},
    )
    assert "请填写出庭负责人的姓名和职务" in response.content.decode()
    assert not Hearing.objects.exists()


def test_an_absence_with_a_substitute_and_reason_is_recorded(client, cast):
    case = make_lawsuit(cast)
    client.force_login(cast.officer)
    client.post(
        f"/cases/lawsuits/{case.pk}/hearings/",
        {
            "date": "2020-11-10",
            "court": "第一法庭",
            "appearance": "absent",
            "substitute": "谭法治（司法所）",
            "absence_reason": "参加县防汛紧急会议",
        },
    )
    hearing = Hearing.objects.get()
    assert not hearing.head_appeared


def test_a_second_instance_runs_a_new_answer_period(client, cast):
    from fazhi.cases.services import lawsuit_decide

    first = lawsuit_decide(
        lawsuit=make_lawsuit(cast),
        decision_kind="judgment",
        decision_date=date(2020, 11, 2),
        served_on=date(2020, 11, 3),
        outcome="dismissed_claim",
    )
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/lawsuits/{first.pk}/second-instance/",
        {
            "case_number": "（2021）渝04行终3号",
            "court": "重庆市第四中级人民法院",
            "received_on": "2020-12-01",
        },
    )
    second = Lawsuit.objects.get(first_instance=first)
    assert response.status_code == 302
    assert second.stage == "second" and second.answer_due == date(2020, 12, 16)
    first.refresh_from_db()
    assert first.appeal == "appeal"


def test_a_case_of_another_town_answers_404(client, cast):
    from fazhi.cases.tests.builders import make_other_town

    case = make_lawsuit(
        cast, region=make_other_town(), case_number="西沱案", user=cast.county_admin
    )
    client.force_login(cast.officer)
    assert client.get(f"/cases/lawsuits/{case.pk}/").status_code == 404
    assert (
        client.post(
            f"/cases/lawsuits/{case.pk}/answer/", {"submitted_on": "2020-10-01"}
        ).status_code
        == 404
    )


def test_correcting_the_receipt_date_moves_the_answer_due_date(client, cast):
    case = make_lawsuit(cast, complaint_received_on=date(2020, 9, 20))
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/lawsuits/{case.pk}/edit/",
        {
            "region": cast.town.pk,
            "case_number": case.case_number,
            "court": case.court,
            "plaintiffs": case.plaintiffs,
            "cause": case.cause,
            "contested_act": case.contested_act,
            "complaint_received_on": "2020-11-02",
            "handler": cast.officer.pk,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.answer_due, case.leader) == (date(2020, 11, 17), None)
