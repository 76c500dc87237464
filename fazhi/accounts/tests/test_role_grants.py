"""三员分立: a role or a scope takes a second person; the administrator cannot
promote himself, demote the last administrator, or log in as a cadre."""

import pytest
from django.core.exceptions import ValidationError

from fazhi.accounts.models import GrantStatus, RoleGrant, User
from fazhi.accounts.services import account_save
from fazhi.audit.models import Action, AuditEntry
from fazhi.core.roles import Role


def _edit(client, account, **changes):
    data = {
        "username": account.username,
        "full_name": account.full_name,
        "role": account.role,
        "region": account.region_id or "",
        "organisation": account.organisation_id or "",
        "is_active": "on" if account.is_active else "",
        "password": "",
    }
    data.update(changes)
    return client.post(f"/accounts/users/{account.pk}/", {k: v for k, v in data.items() if v != ""})


def test_the_sysadmin_cannot_give_himself_an_officers_role(cast, client):
    client.force_login(cast.sysadmin)
    page = client.get(f"/accounts/users/{cast.sysadmin.pk}/").content.decode()
    assert "不能修改自己的角色" in page  # the fields are shown locked
    _edit(client, cast.sysadmin, role=Role.TOWN_OFFICER, region=cast.town.pk)
    cast.sysadmin.refresh_from_db()
    assert cast.sysadmin.role == Role.SYSADMIN
    assert not RoleGrant.objects.exists()
    with pytest.raises(ValidationError, match="不能修改自己的角色"):
        account_save(
            actor=cast.sysadmin,
            account=_with(cast.sysadmin, role=Role.TOWN_OFFICER, region=cast.town),
        )


def test_a_role_given_to_another_account_waits_for_approval(cast, client):
    client.force_login(cast.sysadmin)
    response = _edit(client, cast.other_cadre, role=Role.TOWN_OFFICER, region=cast.town.pk)
    assert response.status_code == 302
    cast.other_cadre.refresh_from_db()
    assert cast.other_cadre.role == Role.VILLAGE_CADRE  # unchanged until approved
    grant = RoleGrant.objects.get(account=cast.other_cadre)
    assert grant.status == GrantStatus.PENDING and grant.requested_by == cast.sysadmin
    client.force_login(cast.other_cadre)
    assert client.get("/disputes/").status_code in (200, 302)
    assert client.get("/reports/").status_code == 403  # not yet an officer


def test_the_county_admin_approves_and_the_role_takes_effect_and_is_audited(cast, client):
    client.force_login(cast.sysadmin)
    _edit(client, cast.other_cadre, role=Role.TOWN_OFFICER, region=cast.town.pk)
    grant = RoleGrant.objects.get()
    client.force_login(cast.county_admin)
    page = client.get("/accounts/grants/").content.decode()
    assert cast.other_cadre.username in page and "批准" in page
    client.post(f"/accounts/grants/{grant.pk}/approve/", {"note": "同意"})
    grant.refresh_from_db()
    cast.other_cadre.refresh_from_db()
    assert grant.status == GrantStatus.APPROVED and grant.decided_by == cast.county_admin
    assert cast.other_cadre.role == Role.TOWN_OFFICER and cast.other_cadre.region == cast.town
    assert AuditEntry.objects.filter(
        object_type="角色授予申请", username="county_admin", action=Action.UPDATE
    ).exists()


def test_a_rejected_grant_changes_nothing(cast, client):
    client.force_login(cast.sysadmin)
    _edit(client, cast.other_cadre, role=Role.TOWN_OFFICER, region=cast.town.pk)
    grant = RoleGrant.objects.get()
    client.force_login(cast.auditor)
    client.post(f"/accounts/grants/{grant.pk}/reject/", {"note": "不同意"})
    grant.refresh_from_db()
    cast.other_cadre.refresh_from_db()
    assert grant.status == GrantStatus.REJECTED and cast.other_cadre.role == Role.VILLAGE_CADRE


def test_the_sysadmin_cannot_approve_grants(cast, client):
    client.force_login(cast.sysadmin)
    _edit(client, cast.other_cadre, role=Role.TOWN_OFFICER, region=cast.town.pk)
    grant = RoleGrant.objects.get()
    response = client.post(f"/accounts/grants/{grant.pk}/approve/")
    assert response.status_code == 403
    grant.refresh_from_db()
    assert grant.status == GrantStatus.PENDING


def test_an_approver_cannot_approve_a_grant_for_himself(cast, client):
    grant = RoleGrant.objects.create(
        account=cast.county_admin,
        role=Role.TOWN_OFFICER,
        region=cast.town,
        requested_by=cast.sysadmin,
    )
    client.force_login(cast.county_admin)
    assert client.post(f"/accounts/grants/{grant.pk}/approve/").status_code == 403
    cast.county_admin.refresh_from_db()
    assert cast.county_admin.role == Role.COUNTY_ADMIN


def test_other_roles_cannot_reach_the_approval_page(cast, client):
    for user in [cast.officer, cast.leader, cast.cadre]:
        client.force_login(user)
        assert client.get("/accounts/grants/").status_code == 403


def test_the_last_sysadmin_cannot_be_demoted_or_deactivated(cast, client):
    second = User.objects.create_user(
        username="sysadmin2", password="Second#Admin1", role=Role.SYSADMIN
    )
    client.force_login(second)
    response = _edit(client, cast.sysadmin, is_active="")
    assert response.status_code == 302  # another administrator remains
    cast.sysadmin.refresh_from_db()
    assert not cast.sysadmin.is_active
    # Now `second` is the last one: nobody may deactivate him, not even a grant.
    with pytest.raises(ValidationError, match="最后一个"):
        account_save(actor=cast.sysadmin, account=_with(second, is_active=False))
    grant = RoleGrant.objects.create(account=second, role=Role.AUDITOR, requested_by=cast.sysadmin)
    client.force_login(cast.county_admin)
    client.post(f"/accounts/grants/{grant.pk}/approve/")
    second.refresh_from_db()
    assert second.role == Role.SYSADMIN and second.is_active


def _with(user, **changes):
    copy = User.objects.get(pk=user.pk)
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


def test_the_sysadmin_cannot_deactivate_himself(cast, client):
    client.force_login(cast.sysadmin)
    _edit(client, cast.sysadmin, is_active="")
    cast.sysadmin.refresh_from_db()
    assert cast.sysadmin.is_active
    with pytest.raises(ValidationError, match="不能停用自己的账号"):
        account_save(actor=cast.sysadmin, account=_with(cast.sysadmin, is_active=False))


def test_a_new_account_has_no_role_until_approved_and_reaches_nothing(cast, client):
    client.force_login(cast.sysadmin)
    client.post(
        "/accounts/users/new/",
        {
            "username": "new_officer",
            "role": Role.TOWN_OFFICER,
            "region": cast.town.pk,
            "password": "Officer#2020x",
            "is_active": "on",
        },
    )
    account = User.objects.get(username="new_officer")
    assert account.role == "" and account.region is None
    client.force_login(account)
    assert client.get("/").status_code == 200
    assert client.get("/disputes/").status_code == 403


def test_a_new_request_supersedes_a_pending_one(cast, client):
    client.force_login(cast.sysadmin)
    _edit(client, cast.other_cadre, role=Role.TOWN_OFFICER, region=cast.town.pk)
    _edit(client, cast.other_cadre, role=Role.TOWN_LEADER, region=cast.town.pk)
    grants = RoleGrant.objects.filter(account=cast.other_cadre)
    assert grants.pending().get().role == Role.TOWN_LEADER
    assert grants.get(role=Role.TOWN_OFFICER).status == GrantStatus.REJECTED


def test_the_account_list_shows_a_pending_grant(cast, client):
    client.force_login(cast.sysadmin)
    _edit(client, cast.other_cadre, role=Role.TOWN_OFFICER, region=cast.town.pk)
    assert "角色待审批" in client.get("/accounts/users/").content.decode()
