"""The notice and 待办 pages run as many queries for many items as for few."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from fazhi.disputes import services as disputes
from fazhi.disputes.tests.builders import make_dispute, make_organisation
from fazhi.notices.services import notice_send

pytestmark = pytest.mark.django_db

URLS = ["/", "/notices/", "/notices/todo/", "/notices/?unread=1"]


def _more(cast, count: int, start: int):
    for n in range(start, start + count):
        dispute = make_dispute(
            cast, summary=f"第{n}号排水沟争执", registered_on=date(2020, 6, 1 + n % 20)
        )
        disputes.dispute_assign(
            dispute=dispute,
            user=cast.officer,
            organisation=make_organisation(cast.qilong, "贵和工作室"),
            mediators=[cast.mediator],
            accepted_on=date(2020, 6, 2 + n % 20),
        )
        make_dispute(cast, summary=f"待分派{n}")
        notice_send(recipients=[cast.mediator, cast.officer], kind="tests.q", title=f"{n}", url="/")


def _counts(client, api):
    counts = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    for url in ("/api/v1/todo/", "/api/v1/notices/"):
        with CaptureQueriesContext(connection) as queries:
            assert api.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


@pytest.mark.parametrize("who", ["mediator", "officer"])
def test_the_pages_run_as_many_queries_for_many_items_as_for_few(cast, client, who):
    user = getattr(cast, who)
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    _more(cast, 2, 0)
    few = _counts(client, api)
    _more(cast, 12, 2)
    many = _counts(client, api)
    assert many == few
