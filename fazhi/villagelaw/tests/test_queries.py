"""Pages cost the same number of queries whatever the number of records."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.villagelaw.tests.builders import (
    make_compact,
    make_consultation,
    make_referral,
    make_visit,
)

pytestmark = pytest.mark.django_db


def _records(cast, term, n, start):
    for i in range(n):
        make_visit(cast, term, day=date(2020, 1 + (start + i) % 12, 1 + i))
        make_consultation(cast.officer, cast.qilong, person_name=f"咨询人{start + i}")
        make_referral(
            cast.officer, cast.qilong, applicant=f"申请人{start + i}", forwarded_on=date(2020, 3, 6)
        )
        make_compact(cast.officer, cast.qilong, title=f"居民公约{start + i}")


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


URLS = [
    "/villagelaw/village/{qilong}/?year=2020",
    "/villagelaw/?year=2020",
    "/villagelaw/visits/?year=2020",
    "/villagelaw/consultations/?year=2020",
    "/villagelaw/referrals/?year=2020",
    "/villagelaw/compacts/",
]


def test_the_pages_query_count_does_not_grow_with_the_villages_records(cast, qilong_term, client):
    client.force_login(cast.officer)
    urls = [url.format(qilong=cast.qilong.pk) for url in URLS]
    _records(cast, qilong_term, 1, 0)
    few = [_count(client, url) for url in urls]
    _records(cast, qilong_term, 6, 1)
    many = [_count(client, url) for url in urls]
    assert many == few


def test_the_todo_costs_the_same_for_many_referrals(cast, qilong_term):
    from fazhi.villagelaw.selectors import todo_for

    make_referral(cast.officer, cast.qilong, forwarded_on=date(2020, 3, 6))
    with CaptureQueriesContext(connection) as one:
        list(todo_for(cast.officer, date(2020, 3, 8)))
    for i in range(5):
        make_referral(
            cast.officer, cast.qilong, applicant=f"申请人{i}", forwarded_on=date(2020, 3, 6)
        )
    with CaptureQueriesContext(connection) as many:
        list(todo_for(cast.officer, date(2020, 3, 8)))
    assert len(many) == len(one)
