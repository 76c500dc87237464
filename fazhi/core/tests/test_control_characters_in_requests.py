"""A control character in a path or a query parameter is refused before any
view or database sees it (on PostgreSQL a NUL there was a server error)."""

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/regions/%00/",
        "/disputes/?q=%00",
        "/publicity/activities/?q=%E6%99%AE%07",
        "/search/?q=%00",
        "/legal/advisors/?q=a%00b",
    ],
)
def test_a_page_answers_400_naming_the_problem(cast, client, url):
    client.force_login(cast.officer)
    response = client.get(url)
    assert response.status_code == 400
    assert "控制字符" in response.content.decode()


@pytest.mark.parametrize("url", ["/api/v1/disputes/?q=%00", "/api/v1/regions/%00/"])
def test_the_api_answers_400_in_json(cast, client, url):
    client.force_login(cast.officer)
    response = client.get(url)
    assert response.status_code == 400
    assert "控制字符" in response.json()["detail"]


def test_ordinary_searches_still_work(cast, client):
    client.force_login(cast.officer)
    assert client.get("/disputes/?q=%E7%BA%A0%E7%BA%B7").status_code == 200
    assert client.get("/regions/500240105000/").status_code == 200


def test_a_nul_naming_a_related_record_in_a_json_body_answers_400(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/cases/reconsiderations/",
        '{"region": "50024010\\u0000", "applicant": "张某"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "U+0000" in response.json()["detail"]


def test_a_nul_in_a_form_body_answers_400(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/publicity/study-sessions/",
        "title=%E5%AD%A6%E6%B3%95&region=%C3%A8%00",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_a_nul_in_a_multipart_text_field_answers_400_but_a_file_may_hold_one(cast, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.officer)
    response = client.post("/api/v1/publicity/activities/", {"region": "\x00", "title": "普法"})
    assert response.status_code == 400
    upload = SimpleUploadedFile("a.bin", b"PK\x00\x00binary")
    response = client.post("/api/v1/publicity/activities/", {"title": "普法", "photos": upload})
    assert response.status_code != 400 or "U+0000" not in response.content.decode()
