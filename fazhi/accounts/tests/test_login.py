from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.audit.models import Action, AuditEntry


def _login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_the_login_page_is_in_chinese(client, cast):
    response = client.get("/accounts/login/")
    assert "登录法治政府建设平台" in response.content.decode()


def test_a_right_password_logs_in_and_is_audited(client, cast):
    response = _login(client, "hs_officer", cast.password)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEntry.objects.filter(action=Action.LOGIN, username="hs_officer").exists()


def test_a_wrong_password_is_explained_in_chinese_and_audited(client, cast):
    response = _login(client, "hs_officer", "wrong-Password1")
    assert "用户名或密码不正确" in response.content.decode()
    assert AuditEntry.objects.filter(action=Action.LOGIN_FAILED, username="hs_officer").exists()


def test_five_failures_lock_the_account_even_with_the_right_password(client, cast):
    for _ in range(5):
        _login(client, "hs_officer", "wrong-Password1")
    response = _login(client, "hs_officer", cast.password)
    assert response.status_code == 429
    assert "账号已锁定" in response.content.decode()
    assert client.get("/").status_code == 302  # not logged in


def test_four_failures_do_not_lock(client, cast):
    for _ in range(4):
        _login(client, "hs_officer", "wrong-Password1")
    assert _login(client, "hs_officer", cast.password).status_code == 302


def test_the_lockout_is_per_account(client, cast):
    for _ in range(5):
        _login(client, "hs_officer", "wrong-Password1")
    assert _login(client, "hs_leader", cast.password).status_code == 302


def test_a_session_expires_after_thirty_idle_minutes(client, cast):
    client.force_login(cast.officer)
    assert client.get("/").status_code == 200
    session = Session.objects.get()
    remaining = session.expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_each_request_pushes_the_idle_expiry_on(client, cast):
    client.force_login(cast.officer)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    client.get("/")
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)


@pytest.mark.parametrize(
    "password, reason",
    [("Ab1!", "太短"), ("abcdefgh12", "三类"), ("ABCDEFGH!!", "三类")],
)
def test_weak_passwords_are_refused(password, reason):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert reason in " ".join(error.value.messages)


def test_a_strong_password_passes():
    validate_password("Qilong#2020x")
