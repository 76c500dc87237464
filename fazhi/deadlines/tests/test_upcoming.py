"""近期期限: the deadlines every capability tracks, on one page, through the scope rule."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.cases.tests.builders import make_lawsuit
from fazhi.core.navigation import deadlines_for
from fazhi.disputes.tests.builders import make_assignment, make_dispute
from fazhi.legal.models import Advisor
from fazhi.legal.tests.builders import make_advisor
from fazhi.legal.tests.test_review_requests import send


def _records(cast, today, n):
    """`n` records of each kind with a deadline within the coming month."""
    advisor = Advisor.objects.filter(user=cast.advisor).first() or make_advisor(
        cast.town, user=cast.advisor
    )
    for index in range(n):
        make_lawsuit(cast, case_number=f"（近期）行初{index}号", complaint_received_on=today)
        send(cast, advisor, title=f"近期审查{index}", sent_on=today)
        dispute = make_dispute(cast, registered_on=today)
        make_assignment(cast, dispute, accepted_on=today)


def test_the_page_gathers_each_capabilitys_deadlines_soonest_first(cast, client):
    today = date.today()
    _records(cast, today, 1)
    found = deadlines_for(cast.officer, start=today, end=today + timedelta(days=90))
    assert {item.kind for item in found} == {"行政诉讼", "合法性审查", "矛盾纠纷"}
    assert [item.due for item in found] == sorted(item.due for item in found)
    client.force_login(cast.officer)
    page = client.get(reverse("deadlines:upcoming") + "?days=90").content.decode()
    assert "提交答辩状和证据" in page and "出具审查意见" in page and "调解结案" in page


def test_each_person_sees_only_the_deadlines_of_records_they_may_see(cast, two_towns):
    today = date.today()
    _records(cast, today, 1)
    window = {"start": today, "end": today + timedelta(days=90)}
    assert deadlines_for(two_towns.officer, **window) == []
    cadre_kinds = {item.kind for item in deadlines_for(cast.cadre, **window)}
    assert cadre_kinds == {"矛盾纠纷"}  # the cadre reaches disputes, not cases or legal work
    assert deadlines_for(cast.other_cadre, **window) == []  # 黄水社区 sees none of 七龙's


def test_the_page_runs_the_same_queries_for_few_and_many_deadlines(cast, client):
    today = date.today()
    client.force_login(cast.officer)
    _records(cast, today, 1)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("deadlines:upcoming"))
    _records(cast, today, 4)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("deadlines:upcoming"))
    assert len(page.context["deadlines"]) > 3
    assert len(many) == len(few)


def test_an_unknown_range_falls_back_to_thirty_days(cast, client):
    client.force_login(cast.officer)
    page = client.get(reverse("deadlines:upcoming") + "?days=99999999&overdue=%3Cb%3E")
    assert page.status_code == 200 and page.context["days"] == 30
    client.force_login(cast.mediator)  # mediators have no 法定期限 pages
    assert client.get(reverse("deadlines:upcoming")).status_code == 403
