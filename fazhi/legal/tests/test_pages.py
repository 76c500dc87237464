"""The legal pages render, filter, export, and run a flat number of queries."""

from datetime import date

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.legal.models import Decision, ReviewRequest, Service, ServiceKind
from fazhi.legal.services import contract_create
from fazhi.legal.tests.builders import make_advisor, make_decision


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(cast, chen, n):
    for i in range(n):
        Service.objects.create(
            advisor=chen,
            region=cast.town,
            date=date(2020, 5, 1),
            kind=ServiceKind.LECTURE,
            subject=f"讲座{i}",
        )
        make_decision(cast, title=f"决策{i}")
        ReviewRequest.objects.create(
            region=cast.town,
            subject_kind="other",
            title=f"审查{i}",
            reviewer=chen,
            sent_on=date(2020, 5, 1),
            due=date(2020, 5, 20),
        )
        advisor = make_advisor(cast.town, name=f"顾问{i}")
        contract_create(
            user=cast.officer, advisor=advisor, start=date(2020, 1, 1), end=date(2030, 1, 1)
        )


@pytest.mark.parametrize(
    "name",
    [
        "legal:services",
        "legal:decisions",
        "legal:reviews",
        "legal:advisors",
        "legal:catalogues",
        "legal:index",
    ],
)
def test_list_pages_run_a_flat_number_of_queries(cast, chen, client, name):
    client.force_login(cast.officer)
    url = reverse(name)
    _grow(cast, chen, 2)
    few = _count(client, url)
    _grow(cast, chen, 12)
    assert _count(client, url) <= few


def test_the_decision_list_filters_and_exports_what_is_filtered(cast, client):
    client.force_login(cast.officer)
    make_decision(cast, title="甲方案")
    other = make_decision(cast, title="乙方案")
    Decision.objects.filter(pk=other.pk).update(year=2021)
    page = client.get(reverse("legal:decisions"), {"year": "2020"}).content.decode()
    assert "甲方案" in page and "乙方案" not in page
    response = client.get(reverse("legal:decisions"), {"year": "2020", "export": "xlsx"})
    sheet = openpyxl.load_workbook(__import__("io").BytesIO(response.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["甲方案"]


def test_the_yearly_summary_counts_services_per_advisor_and_kind(cast, chen, client):
    for kind in (ServiceKind.LECTURE, ServiceKind.LECTURE, ServiceKind.CONSULTATION):
        Service.objects.create(
            advisor=chen, region=cast.town, date=date(2020, 5, 1), kind=kind, subject="x"
        )
    Service.objects.create(
        advisor=chen, region=cast.town, date=date(2019, 5, 1), kind=kind, subject="x"
    )
    client.force_login(cast.officer)
    response = client.get(reverse("legal:service_summary"), {"year": 2020})
    row = response.context["rows"][0]
    assert row["name"] == "陈律师" and row["total"] == 3


def test_the_advisor_list_shows_the_phone_masked(cast, client):
    advisor = make_advisor(cast.town, name="王律师")
    advisor.phone = "13912345678"
    advisor.save()
    client.force_login(cast.officer)
    page = client.get(reverse("legal:advisors")).content.decode()
    assert "139****5678" in page and "13912345678" not in page
    api = client.get(f"/api/v1/legal/advisors/{advisor.pk}/").json()
    assert api["phone_masked"] == "139****5678" and "phone" not in api


def test_the_step_form_shows_a_short_comment_period_error_next_to_the_field(cast, client):
    decision = make_decision(cast)
    client.force_login(cast.officer)
    response = client.post(
        reverse("legal:decision_step", args=[decision.pk]),
        {
            "kind": "participation",
            "date": "2020-03-25",
            "responsible": "谭法治",
            "comment_start": "2020-03-03",
            "comment_end": "2020-03-13",
        },
    )
    assert response.status_code == 400
    assert "期限少于30日的理由：征求意见期限只有 10 日" in response.content.decode()
    assert decision.steps.count() == 1


def test_the_full_phone_is_shown_on_request_and_logged(cast, client):
    from fazhi.audit.models import Action, AuditEntry

    advisor = make_advisor(cast.town, name="王律师")
    advisor.phone = "13912345678"
    advisor.save()
    client.force_login(cast.officer)
    response = client.post(reverse("legal:advisor_phone", args=[advisor.pk]))
    assert response.content.decode() == "13912345678"
    assert AuditEntry.objects.filter(
        action=Action.VIEW_PERSONAL, object_id=str(advisor.pk)
    ).exists()
    client.force_login(cast.leader)
    assert client.post(reverse("legal:advisor_phone", args=[advisor.pk])).status_code == 403


def test_the_overview_lists_a_screenful_of_pending_reviews_and_counts_them_all(cast, chen, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.legal.tests.test_review_requests import send

    client.force_login(cast.officer)
    send(cast, chen, title="第1项")
    with CaptureQueriesContext(connection) as few:
        client.get("/legal/")
    for n in range(2, 14):
        send(cast, chen, title=f"第{n}项")
    with CaptureQueriesContext(connection) as many:
        page = client.get("/legal/")
    assert len(page.context["pending_reviews"]) == 10
    assert page.context["pending_count"] == 13
    assert "全部 13 项待出具的审查意见" in page.content.decode()
    assert len(many) == len(few)
