"""A date out of range is refused at the door, and one already stored (in
2150 or 1800, saved straight into the database) never takes a page down: the
deadline engine marks what it cannot compute and every page answers 200."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.cases.models import Lawsuit, Reconsideration
from fazhi.cases.services import deadlines_refresh
from fazhi.cases.tests import builders
from fazhi.deadlines import compute_deadline
from fazhi.disputes.models import Agreement, Dispute
from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_organisation
from fazhi.legal.models import ReviewRequest, SubjectKind
from fazhi.legal.services import review_request_send
from fazhi.legal.tests.builders import make_advisor

FAR_FUTURE = date(2150, 1, 1)
FAR_PAST = date(1800, 1, 1)


@pytest.mark.parametrize("start", [FAR_FUTURE, FAR_PAST, date(9999, 12, 20)])
def test_the_engine_marks_a_start_it_cannot_compute_instead_of_raising(db, start):
    deadline = compute_deadline("mediation.conclude", start)
    assert not deadline.computable
    assert deadline.due is None
    assert "无法计算" in deadline.problem and f"{start:%Y-%m-%d}" in deadline.problem


def test_the_engine_still_computes_inside_the_calendar(db):
    deadline = compute_deadline("mediation.conclude", date(2020, 6, 2))
    assert deadline.computable and deadline.due == date(2020, 7, 2)


@pytest.fixture
def stored_out_of_range(cast):
    """Records of every kind that shows deadlines, their dates written past validation."""
    future = make_dispute(cast, summary="远未来纠纷")
    make_assignment(cast, future)
    Dispute.objects.filter(pk=future.pk).update(accepted_on=FAR_FUTURE)
    past = make_dispute(cast, summary="远过去纠纷")
    make_assignment(cast, past)
    Dispute.objects.filter(pk=past.pk).update(accepted_on=FAR_PAST)
    Agreement.objects.create(
        dispute=past, facts="事实", terms="条款", signed_on=FAR_PAST, effective_on=FAR_PAST
    )
    lawsuit = builders.make_lawsuit(cast)
    Lawsuit.objects.filter(pk=lawsuit.pk).update(
        complaint_received_on=FAR_PAST, answer_due=FAR_PAST, answer_due_provisional=True
    )
    case = builders.make_reconsideration(cast)
    Reconsideration.objects.filter(pk=case.pk).update(
        received_on=FAR_FUTURE,
        answer_due=FAR_FUTURE,
        answer_due_provisional=True,
        accepted_on=FAR_FUTURE,
        decision_due=FAR_FUTURE,
        decision_due_provisional=True,
    )
    advisor = make_advisor(cast.town, user=cast.advisor)
    review = review_request_send(
        user=cast.officer,
        region=cast.town,
        subject_kind=SubjectKind.CONTRACT,
        title="远未来合同审查",
        reviewer=advisor,
        sent_on=date(2020, 9, 28),
    )
    ReviewRequest.objects.filter(pk=review.pk).update(sent_on=FAR_FUTURE, due=FAR_FUTURE)
    return {"future": future, "past": past, "lawsuit": lawsuit, "case": case, "review": review}


def test_every_page_that_shows_deadlines_answers_200(cast, client, stored_out_of_range):
    records = stored_out_of_range
    pages = [
        "/",
        reverse("disputes:index"),
        reverse("disputes:index") + "?overdue=true",
        reverse("disputes:export"),
        reverse("notices:todo"),
        reverse("disputes:detail", args=[records["future"].pk]),
        reverse("disputes:detail", args=[records["past"].pk]),
        reverse("cases:index"),
        reverse("cases:reminders") + "?all=1",
        reverse("cases:calendar"),
        reverse("cases:lawsuits"),
        reverse("cases:lawsuit", args=[records["lawsuit"].pk]),
        reverse("cases:reconsiderations"),
        reverse("legal:index"),
        reverse("legal:reviews"),
        reverse("legal:review_detail", args=[records["review"].pk]),
    ]
    for user in (cast.officer, cast.leader):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == 200, (user.username, url)


def test_the_detail_page_says_the_deadline_cannot_be_computed(cast, client, stored_out_of_range):
    client.force_login(cast.officer)
    page = client.get(reverse("disputes:detail", args=[stored_out_of_range["future"].pk]))
    text = page.content.decode()
    assert "无法计算" in text and "2150-01-01" in text


def test_the_daily_refresh_skips_what_it_cannot_compute(cast, stored_out_of_range):
    deadlines_refresh()
    lawsuit = Lawsuit.objects.get(pk=stored_out_of_range["lawsuit"].pk)
    assert lawsuit.answer_due == FAR_PAST


def test_accepting_a_dispute_in_2150_is_refused_on_the_form(cast, client):
    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:assign", args=[dispute.pk]),
        {
            "organisation": make_organisation(dispute.region, "贵和工作室").pk,
            "mediators": [cast.mediator.pk],
            "accepted_on": "2150-01-01",
        },
    )
    assert response.status_code == 200
    assert "2150-01-01 不在此范围内" in response.content.decode()
    dispute.refresh_from_db()
    assert dispute.accepted_on is None


def test_the_assignment_service_refuses_2150_naming_the_field(cast):
    dispute = make_dispute(cast)
    with pytest.raises(ValidationError) as error:
        make_assignment(cast, dispute, accepted_on=FAR_FUTURE)
    assert "「受理日期」应在 1990-01-01 至" in error.value.message_dict["accepted_on"][0]
    dispute.refresh_from_db()
    assert dispute.accepted_on is None


def test_a_legality_review_sent_in_2100_is_refused_through_the_api(cast, client):
    advisor = make_advisor(cast.town, user=cast.advisor)
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/legal/reviews/",
        {
            "subject_kind": "contract",
            "title": "场镇道路保洁服务合同",
            "reviewer": advisor.pk,
            "sent_on": "2100-01-04",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "2100-01-04 不在此范围内" in str(response.json()["sent_on"])
    assert not ReviewRequest.objects.exists()


def test_a_reconsideration_received_in_2100_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        builders.make_reconsideration(
            cast, received_on=date(2100, 1, 4), accepted_on=date(2100, 1, 4)
        )
    assert "「收到申请书副本日期」应在" in str(error.value.message_dict["received_on"])
    assert not Reconsideration.objects.exists()


def test_a_lawsuit_received_in_1800_is_refused_on_the_form(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        reverse("cases:lawsuit_new"),
        {
            "region": cast.town.pk,
            "case_number": "（2020）渝0240行初9号",
            "court": "石柱土家族自治县人民法院",
            "plaintiffs": "原告甲",
            "cause": "行政强制",
            "contested_act": "限期拆除决定",
            "complaint_received_on": "1800-01-01",
            "handler": cast.officer.pk,
            "leader": cast.leader.pk,
        },
    )
    assert response.status_code == 200
    assert "1800-01-01 不在此范围内" in response.content.decode()
    assert not Lawsuit.objects.exists()
