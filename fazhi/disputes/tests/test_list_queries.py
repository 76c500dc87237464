"""The number of SQL queries a list runs does not grow with its rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.disputes import services
from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_party


def _cases(cast, count):
    for n in range(count):
        dispute = make_dispute(cast, summary=f"纠纷{n}")
        make_party(dispute)
        make_assignment(cast, dispute, mediators=[cast.mediator, cast.cadre])
        if n % 2:
            services.dispute_hand_over(
                dispute=dispute,
                user=cast.officer,
                kind="petition",
                receiver="信访办",
                reason="x",
                handed_on=dispute.accepted_on,
            )


def _count(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_pages_and_exports_run_the_same_queries_for_2_or_12_cases(cast, client):
    # The leader sees masked ID numbers; the officer's reads add one audit line per
    # full number shown, which is the point of logging them.
    client.force_login(cast.leader)
    urls = [
        reverse("disputes:index"),
        reverse("disputes:export"),
        "/api/v1/disputes/",
        "/api/v1/disputes/parties/",
        "/api/v1/disputes/handovers/",
    ]
    _cases(cast, 2)
    few = [_count(client, url) for url in urls]
    _cases(cast, 10)
    many = [_count(client, url) for url in urls]
    assert few == many


def test_the_mediators_list_is_flat_too(cast, client):
    client.force_login(cast.mediator)
    _cases(cast, 2)
    few = _count(client, reverse("disputes:index"))
    _cases(cast, 10)
    assert _count(client, reverse("disputes:index")) == few
