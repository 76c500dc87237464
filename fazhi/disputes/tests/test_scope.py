"""qilong_cadre cannot see 黄水社区's disputes by any route; mediators see their organisation's."""

from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_party


@pytest.fixture
def two_villages(cast):
    mine = make_dispute(cast, cast.qilong, summary="七龙社区的纠纷")
    theirs = make_dispute(cast, cast.huangshui, summary="黄水社区的纠纷")
    make_party(theirs, name="黄某")
    return mine, theirs


def test_the_list_shows_only_the_cadres_village(cast, client, two_villages):
    client.force_login(cast.cadre)
    page = client.get(reverse("disputes:index")).content.decode()
    assert "七龙社区的纠纷" in page
    assert "黄水社区的纠纷" not in page


def test_the_list_ignores_a_filter_naming_another_village(cast, client, two_villages):
    client.force_login(cast.cadre)
    page = client.get(reverse("disputes:index"), {"region": cast.huangshui.pk}).content.decode()
    assert "黄水社区的纠纷" not in page


def test_another_villages_detail_and_record_pages_answer_404(cast, client, two_villages):
    _, theirs = two_villages
    client.force_login(cast.cadre)
    for name in ["detail", "edit", "party_add", "session_add", "handover_add", "agreement_docx"]:
        assert client.get(reverse(f"disputes:{name}", args=[theirs.pk])).status_code == 404, name


def test_the_api_hides_another_villages_disputes_and_parties(cast, client, two_villages):
    mine, theirs = two_villages
    client.force_login(cast.cadre)
    listed = client.get("/api/v1/disputes/").json()["results"]
    assert [d["id"] for d in listed] == [mine.pk]
    assert client.get(f"/api/v1/disputes/{theirs.pk}/").status_code == 404
    assert client.get("/api/v1/disputes/parties/").json()["results"] == []
    party = theirs.parties.get()
    assert client.get(f"/api/v1/disputes/parties/{party.pk}/").status_code == 404
    response = client.post(
        "/api/v1/disputes/sessions/",
        {"dispute": theirs.pk, "held_on": "2020-06-05", "attendees": "x", "notes": "y"},
    )
    assert response.status_code == 404


def test_the_export_holds_only_the_cadres_village(cast, client, two_villages):
    client.force_login(cast.cadre)
    response = client.get(reverse("disputes:export"), {"region": cast.huangshui.pk})
    sheet = load_workbook(BytesIO(response.content)).active
    summaries = [row[6] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert "黄水社区的纠纷" not in summaries
    response = client.get(reverse("disputes:export"))
    sheet = load_workbook(BytesIO(response.content)).active
    summaries = [row[6] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert summaries == ["七龙社区的纠纷"]


def test_a_cadre_cannot_register_a_dispute_in_another_village(cast, two_villages):
    with pytest.raises(PermissionDenied):
        make_dispute(cast, cast.huangshui, user=cast.cadre)


def test_a_cadre_cannot_post_a_dispute_into_another_village(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        reverse("disputes:create"),
        {
            "registered_on": "2020-06-01",
            "region": cast.huangshui.pk,
            "source": "visit",
            "dispute_type": 1,
            "summary": "越权登记",
            "people_involved": 2,
            "risk": "low",
        },
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()


def test_a_mediator_sees_only_their_organisations_cases(cast, client):
    studio_case = make_dispute(cast, summary="贵和工作室调解的纠纷")
    make_assignment(cast, studio_case)
    committee_case = make_dispute(cast, summary="调委会调解的纠纷")
    make_assignment(cast, committee_case, suffix="人民调解委员会", mediators=[cast.cadre])
    client.force_login(cast.mediator)
    page = client.get(reverse("disputes:index")).content.decode()
    assert "贵和工作室调解的纠纷" in page
    assert "调委会调解的纠纷" not in page
    assert client.get(reverse("disputes:detail", args=[committee_case.pk])).status_code == 404


def test_roles_without_the_capability_get_403(cast, client):
    for user in (cast.advisor, cast.auditor, cast.sysadmin):
        client.force_login(user)
        assert client.get(reverse("disputes:index")).status_code == 403
        assert client.get("/api/v1/disputes/").status_code == 403


def test_the_leader_reads_but_cannot_register(cast, client):
    client.force_login(cast.leader)
    assert client.get(reverse("disputes:index")).status_code == 200
    assert client.get(reverse("disputes:create")).status_code == 403


def test_screening_and_deliberation_pages_keep_to_the_cadres_village(cast, client):
    from datetime import date

    from fazhi.disputes import services

    services.deliberation_record(
        user=cast.officer,
        region=cast.huangshui,
        held_on=date(2020, 6, 5),
        topic="黄水社区停车议事",
        participants="居民代表",
        resolution="划线停车",
    )
    services.screening_file(
        user=cast.officer,
        region=cast.huangshui,
        month=date(2020, 6, 1),
        screened_on=date(2020, 6, 20),
        notes="",
        findings=[],
    )
    client.force_login(cast.cadre)
    assert "黄水社区停车议事" not in client.get(reverse("disputes:deliberations")).content.decode()
    page = client.get(reverse("disputes:screening"), {"month": "2020-06"}).content.decode()
    assert "黄水社区" not in page
    assert '<span class="badge bad">七龙社区</span>' in page  # its own village has not filed
