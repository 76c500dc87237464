"""Who reaches what: every role against the foundation's pages and API."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from fazhi.attachments.services import attachment_create
from fazhi.regions.models import Organisation, Region

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

ROLES = ["sysadmin", "county_admin", "officer", "leader", "cadre", "mediator", "advisor", "auditor"]

# URL → the roles that get 200; everyone else gets 403 (logged in).
PAGES = {
    "/regions/": {"sysadmin", "county_admin", "officer", "leader", "cadre"},
    "/audit/": {"auditor"},
    "/accounts/users/": {"sysadmin"},
    "/api/v1/regions/": {"sysadmin", "county_admin", "officer", "leader", "cadre"},
    "/api/v1/organisations/": {"sysadmin", "county_admin", "officer", "leader", "cadre"},
}


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_only_its_capabilities(cast, client, role, url):
    client.force_login(getattr(cast, role))
    response = client.get(url)
    assert response.status_code == (200 if role in PAGES[url] else 403)


@pytest.mark.parametrize("url", [*PAGES, "/"])
def test_anonymous_visitors_are_sent_to_login_or_refused(client, cast, url):
    response = client.get(url)
    if url.startswith("/api/"):
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_a_village_cadre_sees_only_their_village(cast, client):
    client.force_login(cast.cadre)
    names = [r["name"] for r in client.get("/api/v1/regions/").json()["results"]]
    assert names == ["七龙社区"]
    organisations = client.get("/api/v1/organisations/").json()["results"]
    assert organisations and all(o["region"] == cast.qilong.code for o in organisations)


def test_qilong_cadre_cannot_read_huangshui_by_url_api_or_export(cast, client):
    client.force_login(cast.cadre)
    assert client.get(f"/regions/{cast.huangshui.code}/").status_code == 404
    assert client.get(f"/api/v1/regions/{cast.huangshui.code}/").status_code == 404
    other_org = Organisation.objects.filter(region=cast.huangshui).first()
    assert client.get(f"/api/v1/organisations/{other_org.pk}/").status_code == 404
    export = client.get("/regions/?format=xlsx")
    sheet = load_workbook(BytesIO(export.content)).active
    exported = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert exported == ["七龙社区"]


def test_qilong_cadre_cannot_download_huangshui_attachments(cast, client):
    photo = attachment_create(
        upload=SimpleUploadedFile("p.png", PNG), user=cast.other_cadre, region=cast.huangshui
    )
    client.force_login(cast.cadre)
    assert client.get(f"/attachments/{photo.pk}/").status_code == 404
    client.force_login(cast.other_cadre)
    assert client.get(f"/attachments/{photo.pk}/").status_code == 200


def test_the_town_officer_sees_the_whole_town_and_nothing_beyond(cast, client):
    client.force_login(cast.officer)
    codes = {r["code"] for r in client.get("/api/v1/regions/?page_size=100").json()["results"]}
    assert codes == set(Region.objects.under("500240105").values_list("code", flat=True))


def test_a_county_user_can_narrow_the_view_to_one_town(cast, client):
    client.force_login(cast.county_admin)
    everything = client.get("/api/v1/regions/").json()["count"]
    client.post("/accounts/switch-region/", {"region": cast.town.code})
    narrowed = client.get("/api/v1/regions/").json()["count"]
    assert narrowed == 9 < everything
    client.post("/accounts/switch-region/", {"region": ""})
    assert client.get("/api/v1/regions/").json()["count"] == everything


def test_a_county_user_cannot_switch_outside_the_county(cast, client):
    elsewhere = Region.objects.create(code="510000000000", name="四川省", level=1)
    client.force_login(cast.county_admin)
    client.post("/accounts/switch-region/", {"region": elsewhere.code})
    assert client.get(f"/api/v1/regions/{elsewhere.code}/").status_code == 404


def test_region_list_queries_do_not_grow_with_rows(cast, client, django_assert_max_num_queries):
    client.force_login(cast.officer)
    with django_assert_max_num_queries(12) as few:
        client.get("/regions/")
    for n in range(40):
        Region.objects.create(
            code=f"500240105{100 + n}", name=f"测试村{n}", level=5, parent=cast.town
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/regions/")
