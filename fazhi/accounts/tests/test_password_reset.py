"""A password the administrator sets is a reset: audited as one, and the owner
must choose his own before doing anything else (so nobody logs in as him unseen)."""

from fazhi.audit.models import Action, AuditEntry


def _reset(client, cast, account, password="Reset#Pass2020"):
    client.force_login(cast.sysadmin)
    return client.post(
        f"/accounts/users/{account.pk}/",
        {
            "username": account.username,
            "full_name": account.full_name,
            "role": account.role,
            "region": account.region_id or "",
            "is_active": "on",
            "password": password,
        },
    )


def test_a_reset_is_audited_as_a_reset_not_as_an_empty_edit(cast, client):
    assert _reset(client, cast, cast.other_cadre).status_code == 302
    entries = AuditEntry.objects.filter(object_id=str(cast.other_cadre.pk), object_type="用户")
    assert entries.filter(action=Action.PASSWORD_RESET, username="sysadmin").exists()
    assert not entries.filter(action=Action.UPDATE).exists()


def test_after_a_reset_the_owner_must_change_the_password_first(cast, client):
    _reset(client, cast, cast.other_cadre)
    client.logout()
    response = client.post(
        "/accounts/login/", {"username": "huangshui_cadre", "password": "Reset#Pass2020"}
    )
    assert response.status_code == 302
    response = client.get("/disputes/")
    assert response.status_code == 302 and response["Location"] == "/accounts/password/"
    assert client.get("/api/v1/regions/").status_code == 403
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "Reset#Pass2020",
            "new_password1": "Mine#Own2020x",
            "new_password2": "Mine#Own2020x",
        },
    )
    assert response.status_code == 302
    assert client.get("/disputes/").status_code == 200
    assert AuditEntry.objects.filter(
        action=Action.PASSWORD_CHANGE, username="huangshui_cadre"
    ).exists()


def test_the_sysadmin_cannot_reset_his_own_password_through_the_account_form(cast, client):
    response = _reset(client, cast, cast.sysadmin)
    assert "改密码" in response.content.decode()
    cast.sysadmin.refresh_from_db()
    assert not cast.sysadmin.must_change_password


def test_a_login_is_audited_as_a_login_and_not_as_an_edit(cast, client):
    before = AuditEntry.objects.filter(action=Action.UPDATE).count()
    client.post("/accounts/login/", {"username": "hs_officer", "password": cast.password})
    assert AuditEntry.objects.filter(action=Action.LOGIN, username="hs_officer").count() == 1
    assert AuditEntry.objects.filter(action=Action.UPDATE).count() == before
    cast.officer.refresh_from_db()
    assert cast.officer.last_login is not None
    assert cast.officer.history.count() == cast.officer.history.filter(history_type="+").count()
