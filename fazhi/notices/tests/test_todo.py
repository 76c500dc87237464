"""Each person's 待办 through /api/v1/todo/: what is assigned to them appears at
once, a village's unfiled screening appears for its cadre, and nothing outside
the person's scope appears."""

from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from conftest import build_second_town
from fazhi.disputes import services as disputes
from fazhi.disputes.tests.builders import make_dispute, make_organisation

pytestmark = pytest.mark.django_db


def _todo(user):
    api = APIClient()
    api.force_authenticate(user)
    response = api.get("/api/v1/todo/")
    assert response.status_code == 200
    return response.json()


def test_the_mediators_todo_lists_a_dispute_the_moment_it_is_assigned_to_him(cast, client):
    dispute = make_dispute(cast)
    assert dispute.get_absolute_url() not in [item["url"] for item in _todo(cast.mediator)]
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:assign", args=[dispute.pk]),
        {
            "organisation": make_organisation(cast.qilong, "贵和工作室").pk,
            "mediators": [cast.mediator.pk],
            "accepted_on": "2020-06-02",
        },
    )
    assert response.status_code == 302
    items = [item for item in _todo(cast.mediator) if item["url"] == dispute.get_absolute_url()]
    assert len(items) == 1
    item = items[0]
    assert item["kind"] == "disputes.assigned" and dispute.number in item["title"]
    assert item["due"] == "2020-07-02" and item["days_left"] < 0  # the one-month limit
    # and he was told: a notice, unread, linking to the dispute
    notices = APIClient()
    notices.force_authenticate(cast.mediator)
    listed = notices.get("/api/v1/notices/?unread=1").json()["results"]
    assert [n["url"] for n in listed] == [dispute.get_absolute_url()]


def test_the_officer_sees_disputes_awaiting_assignment_until_assigned(cast):
    dispute = make_dispute(cast)
    assert dispute.number in " ".join(i["title"] for i in _todo(cast.officer))
    disputes.dispute_assign(
        dispute=dispute,
        user=cast.officer,
        organisation=make_organisation(cast.qilong, "贵和工作室"),
        mediators=[cast.mediator],
        accepted_on=date(2020, 6, 2),
    )
    assert dispute.number not in " ".join(i["title"] for i in _todo(cast.officer))


def test_the_qilong_cadres_todo_lists_the_screening_he_has_not_filed(cast):
    items = [item for item in _todo(cast.cadre) if item["kind"] == "disputes.screening"]
    assert items and all("七龙社区" in item["title"] for item in items)
    assert all(item["url"].startswith("/disputes/screening/new/?month=") for item in items)
    today = date.today()
    disputes.screening_file(
        user=cast.cadre,
        region=cast.qilong,
        month=today,
        screened_on=today,
        notes="",
        findings=[],
    )
    left = [item for item in _todo(cast.cadre) if item["kind"] == "disputes.screening"]
    assert len(left) == len(items) - 1
    assert f"{today:%Y年%m月}" not in " ".join(item["title"] for item in left)


def test_nothing_outside_a_users_scope_appears_in_the_todo(cast):
    second = build_second_town()
    xt_dispute = make_dispute(
        cast, second.village, user=second.officer, registered_on=date(2020, 6, 1)
    )
    disputes.dispute_assign(
        dispute=xt_dispute,
        user=second.officer,
        organisation=make_organisation(second.village),
        mediators=[second.mediator],
        accepted_on=date(2020, 6, 2),
    )
    hs_dispute = make_dispute(cast)
    for person in (cast.mediator, cast.cadre, cast.officer, cast.other_cadre):
        text = " ".join(i["title"] + i["url"] for i in _todo(person))
        assert xt_dispute.number not in text and "西沱" not in text
    for person in (second.mediator, second.cadre, second.officer):
        text = " ".join(i["title"] + i["url"] for i in _todo(person))
        assert hs_dispute.number not in text and "七龙" not in text and "黄水" not in text
    assert xt_dispute.number in " ".join(i["title"] for i in _todo(second.mediator))
    assert "西沱社区" in " ".join(i["title"] for i in _todo(second.cadre))
    # 黄水社区's cadre is told of his own village's screening, never 七龙社区's
    assert "七龙" not in " ".join(i["title"] for i in _todo(cast.other_cadre))


def test_the_home_page_shows_the_todo_at_the_top_capped_at_ten(cast, client):
    for n in range(12):
        make_dispute(cast, summary=f"第{n}号排水沟争执")
    client.force_login(cast.officer)
    page = client.get("/").content.decode()
    assert page.index("我的待办") < page.index("需要关注") if "需要关注" in page else True
    assert page.count("分派纠纷JF") == 10
    assert "查看全部 12 项待办" in page
    assert client.get("/notices/todo/").content.decode().count("分派纠纷JF") == 12


def test_an_overdue_item_is_highlighted_with_negative_days(cast, client):
    dispute = make_dispute(cast)
    disputes.dispute_assign(
        dispute=dispute,
        user=cast.officer,
        organisation=make_organisation(cast.qilong, "贵和工作室"),
        mediators=[cast.mediator],
        accepted_on=date(2020, 6, 2),
    )
    client.force_login(cast.mediator)
    page = client.get("/").content.decode()
    assert 'class="overdue"' in page and "已逾期" in page
