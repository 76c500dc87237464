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
