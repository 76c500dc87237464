"""Who sees what: the advisor sees only requests sent to them; a village cadre has no access."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.legal.models import SubjectKind
from fazhi.legal.services import review_request_send
from fazhi.legal.tests.builders import make_decision, make_pdf


def send(cast, reviewer, title):
    return review_request_send(
        user=cast.officer,
        region=cast.town,
        subject_kind=SubjectKind.NORMATIVE,
        title=title,
        reviewer=reviewer,
        sent_on=date(2020, 6, 1),
        materials=[make_pdf(f"{title}.pdf")],
    )


def test_the_advisor_sees_only_requests_sent_to_them(cast, chen, other_advisor, client):
    mine = send(cast, chen, "秸秆禁烧管理办法")
    theirs = send(cast, other_advisor, "集贸市场管理办法")
    client.force_login(cast.advisor)
    page = client.get(reverse("legal:reviews")).content.decode()
    assert "秸秆禁烧管理办法" in page and "集贸市场管理办法" not in page
    assert client.get(reverse("legal:review_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("legal:review_detail", args=[theirs.pk])).status_code == 404
    api = client.get("/api/v1/legal/reviews/").json()
    assert [row["title"] for row in api["results"]] == ["秸秆禁烧管理办法"]


def test_the_advisor_downloads_the_materials_of_their_request_only(
    cast, chen, other_advisor, client
):
    from fazhi.attachments.models import Attachment

    mine = send(cast, chen, "秸秆禁烧管理办法")
    theirs = send(cast, other_advisor, "集贸市场管理办法")
    client.force_login(cast.advisor)
    my_file = Attachment.objects.of(mine).get()
    their_file = Attachment.objects.of(theirs).get()
    assert client.get(reverse("legal:review_file", args=[mine.pk, my_file.pk])).status_code == 200
    assert (
        client.get(reverse("legal:review_file", args=[mine.pk, their_file.pk])).status_code == 404
    )
    assert (
        client.get(reverse("legal:review_file", args=[theirs.pk, their_file.pk])).status_code == 404
    )


def test_the_advisor_is_kept_out_of_the_towns_own_pages(cast, chen, client):
    decision = make_decision(cast)
    client.force_login(cast.advisor)
    assert "送我审查的事项" in client.get(reverse("legal:index")).content.decode()
    for name, args in [
        ("legal:advisors", []),
        ("legal:decisions", []),
        ("legal:decision_detail", [decision.pk]),
        ("legal:decision_archive", [decision.pk]),
        ("legal:review_create", []),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403, name
    assert client.get("/api/v1/legal/decisions/").json()["results"] == []
    assert (
        client.post("/api/v1/legal/advisors/", {"name": "x", "kind": "external"}).status_code == 403
    )


@pytest.mark.parametrize(
    "name", ["legal:index", "legal:reviews", "legal:decisions", "legal:advisors", "legal:services"]
)
def test_a_village_cadre_has_no_access(cast, client, name):
    client.force_login(cast.cadre)
    assert client.get(reverse(name)).status_code == 403


def test_a_village_cadre_has_no_api_access(cast, client):
    client.force_login(cast.cadre)
    assert client.get("/api/v1/legal/decisions/").status_code == 403


def test_the_leader_reads_but_does_not_write(cast, client):
    client.force_login(cast.leader)
    assert client.get(reverse("legal:decisions")).status_code == 200
    assert client.get(reverse("legal:decision_new")).status_code == 403


def test_the_published_catalogue_is_public_and_shows_no_unpublished_one(cast, client):
    from fazhi.legal.models import Catalogue

    catalogue = Catalogue.objects.create(region=cast.town, year=2020, title="2020年目录")
    decision = make_decision(cast)
    decision.catalogue = catalogue
    decision.save()
    url = reverse("legal:public_catalogue", args=[cast.town.code, 2020])
    assert client.get(url).status_code == 404
    catalogue.published_on = date(2020, 3, 1)
    catalogue.save()
    page = client.get(url).content.decode()
    assert decision.title in page and "待公众参与" in page


def test_the_officer_publishes_the_catalogue(cast, client):
    from fazhi.legal.models import Catalogue

    catalogue = Catalogue.objects.create(region=cast.town, year=2020, title="2020年目录")
    client.force_login(cast.leader)
    assert client.post(reverse("legal:catalogue_publish", args=[catalogue.pk])).status_code == 403
    client.force_login(cast.officer)
    client.post(reverse("legal:catalogue_publish", args=[catalogue.pk]))
    catalogue.refresh_from_db()
    assert catalogue.is_published
    assert (
        client.get(reverse("legal:public_catalogue", args=[cast.town.code, 2020])).status_code
        == 200
    )
