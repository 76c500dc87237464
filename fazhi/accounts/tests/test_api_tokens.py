"""API tokens: several named tokens per person, stored as a hash, with a fixed
lifetime, revoked on logout, password change, reset and deactivation."""

from datetime import timedelta

from django.utils import timezone
from rest_framework.test import APIClient

from fazhi.accounts.models import ApiToken
from fazhi.accounts.services import api_token_create, token_hash


def _obtain(cast, username="hs_officer", **extra):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": username, "password": cast.password, **extra}
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _api(key):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def test_only_a_hash_of_the_token_is_stored(cast):
    key = _obtain(cast, name="县平台对接")
    token = ApiToken.objects.get()
    assert token.key_hash == token_hash(key) and key not in token.key_hash
    assert token.name == "县平台对接" and key.startswith(token.prefix)


def test_a_token_expires_after_the_configured_lifetime(cast, settings):
    settings.FAZHI_TOKEN_LIFETIME_HOURS = 2
    key = _obtain(cast)
    token = ApiToken.objects.get()
    assert timedelta(hours=1, minutes=59) < token.expires_at - timezone.now() <= timedelta(hours=2)
    assert _api(key).get("/api/v1/regions/").status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _api(key).get("/api/v1/regions/")
    assert response.status_code == 401 and "过期" in response.json()["detail"]


def test_use_does_not_extend_the_lifetime(cast):
    key = _obtain(cast)
    expires = ApiToken.objects.get().expires_at
    _api(key).get("/api/v1/regions/")
    token = ApiToken.objects.get()
    assert token.expires_at == expires and token.last_used_at is not None


def test_a_person_holds_several_tokens_and_lists_only_his_own(cast):
    first = _obtain(cast, name="甲")
    _obtain(cast, name="乙")
    _obtain(cast, username="hs_leader", name="领导的")
    listed = _api(first).get("/api/v1/auth/tokens/").json()["results"]
    assert sorted(t["name"] for t in listed) == ["乙", "甲"]
    assert all("key_hash" not in t for t in listed)


def test_a_person_revokes_his_own_token_but_not_another_persons(cast):
    key = _obtain(cast, name="甲")
    other = _obtain(cast, username="hs_leader")
    other_id = ApiToken.objects.get(user=cast.leader).pk
    assert _api(key).delete(f"/api/v1/auth/tokens/{other_id}/").status_code == 404
    assert _api(other).get("/api/v1/regions/").status_code == 200
    own_id = ApiToken.objects.get(user=cast.officer).pk
    assert _api(key).delete(f"/api/v1/auth/tokens/{own_id}/").status_code == 204
    assert _api(key).get("/api/v1/regions/").status_code == 401


def test_logout_revokes_the_token_used(cast):
    key = _obtain(cast)
    assert _api(key).post("/api/v1/auth/logout/").status_code == 204
    assert _api(key).get("/api/v1/regions/").status_code == 401


def test_a_password_change_revokes_every_token(cast, client):
    key = _obtain(cast)
    cast.officer.refresh_from_db()  # the login rehashed the test password
    client.force_login(cast.officer)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": cast.password,
            "new_password1": "Changed#2020x",
            "new_password2": "Changed#2020x",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == "/", response["Location"]
    assert _api(key).get("/api/v1/regions/").status_code == 401


def test_deactivating_an_account_revokes_its_tokens(cast, client):
    key = _obtain(cast, username="huangshui_cadre")
    client.force_login(cast.sysadmin)
    account = cast.other_cadre
    response = client.post(
        f"/accounts/users/{account.pk}/",
        {"username": account.username, "role": account.role, "region": account.region_id},
    )
    assert response.status_code == 302
    assert ApiToken.objects.get().revoked_at is not None
    assert _api(key).get("/api/v1/regions/").status_code == 401


def test_the_sysadmin_lists_and_revokes_anyones_tokens(cast, client):
    api_token_create(user=cast.officer, name="专干的")
    token = ApiToken.objects.get()
    client.force_login(cast.sysadmin)
    assert "专干的" in client.get("/accounts/tokens/").content.decode()
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_person_creates_and_revokes_a_token_on_the_account_page(cast, client):
    client.force_login(cast.officer)
    page = client.post("/accounts/tokens/", {"name": "数据对接"}).content.decode()
    token = ApiToken.objects.get()
    assert "数据对接" in page and token.prefix in page
    client.force_login(cast.leader)
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(cast.officer)
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_an_unauthenticated_api_request_answers_401_with_a_challenge(cast):
    response = APIClient().get("/api/v1/regions/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    response = _api("not-a-token").get("/api/v1/regions/")
    assert response.status_code == 401
