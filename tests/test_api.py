from rest_framework.test import APIClient


def test_a_token_is_obtained_with_username_and_password(cast):
    api = APIClient()
    response = api.post(
        "/api/v1/auth/token/", {"username": "hs_officer", "password": cast.password}
    )
    assert response.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    regions = api.get("/api/v1/regions/").json()
    assert {r["name"] for r in regions["results"]} >= {"黄水镇", "七龙社区"}


def test_a_wrong_password_gets_no_token(cast):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "hs_officer", "password": "nope"}
    )
    assert response.status_code == 400


def test_the_schema_describes_the_region_endpoints(cast, client):
    client.force_login(cast.officer)
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/regions/" in schema and "/api/v1/organisations/" in schema


def test_a_region_code_that_is_not_twelve_digits_is_not_found(cast, client):
    """A NUL byte in the code once reached PostgreSQL and answered 500: now the
    request check refuses it (400) before the router, and any other code that
    is not twelve digits is simply not found."""
    client.force_login(cast.officer)
    assert client.get("/api/v1/regions/%00/").status_code == 400
    assert client.get("/api/v1/regions/5002401050x0/").status_code == 404
    assert client.get("/api/v1/regions/50024010500/").status_code == 404
    assert client.get(f"/api/v1/regions/{cast.qilong.code}/").status_code == 200
