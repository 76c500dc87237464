"""Pages for a signed-in person may show decrypted personal data (full ID numbers):
no browser or proxy cache may keep them."""

from rest_framework.test import APIClient

from fazhi.accounts.services import api_token_create


def test_signed_in_pages_are_private_and_not_stored(cast, client):
    client.force_login(cast.mediator)
    for url in ["/", "/disputes/"]:
        cache = client.get(url)["Cache-Control"]
        assert "no-store" in cache and "private" in cache


def test_api_answers_to_a_token_are_not_stored(cast):
    _, key = api_token_create(user=cast.officer, name="t")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert "no-store" in api.get("/api/v1/regions/")["Cache-Control"]
