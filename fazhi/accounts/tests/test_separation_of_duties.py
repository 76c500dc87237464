"""三员分立: the administrator manages accounts, the auditor reads the log."""

from fazhi.accounts.models import RoleGrant, User
from fazhi.audit.models import AuditEntry
from fazhi.core.roles import Role
from fazhi.regions.models import Organisation


def test_the_sysadmin_creates_an_account_with_a_scope(cast, client):
    client.force_login(cast.sysadmin)
    response = client.post(
        "/accounts/users/new/",
        {
            "username": "jinhua_cadre",
            "full_name": "金花村干部",
            "role": Role.VILLAGE_CADRE,
            "region": cast.region["金花村"].pk,
            "password": "Jinhua#2020",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="jinhua_cadre")
    assert user.role == "" and user.check_password("Jinhua#2020")  # no role before approval
    grant = RoleGrant.objects.get(account=user)
    client.force_login(cast.county_admin)
    client.post(f"/accounts/grants/{grant.pk}/approve/")
    user.refresh_from_db()
    assert user.role == Role.VILLAGE_CADRE and user.region == cast.region["金花村"]


def test_account_errors_name_the_field_and_save_nothing(cast, client):
    client.force_login(cast.sysadmin)
    response = client.post(
        "/accounts/users/new/",
        {
            "username": "bad",
            "role": Role.VILLAGE_CADRE,
            "region": cast.town.pk,
            "password": "short",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "管辖区划" in page and "村级" in page
    assert "初始密码" in page
    assert not User.objects.filter(username="bad").exists()


def test_a_mediator_needs_an_organisation(cast, client):
    client.force_login(cast.sysadmin)
    response = client.post(
        "/accounts/users/new/",
        {
            "username": "m2",
            "role": Role.MEDIATOR,
            "region": cast.qilong.pk,
            "password": "Mediate#2020",
        },
    )
    assert "调解员必须指定所属调解组织" in response.content.decode()


def test_the_sysadmin_cannot_read_the_audit_log_or_business_records(cast, client):
    client.force_login(cast.sysadmin)
    assert client.get("/audit/").status_code == 403
    assert Organisation.objects.filter(pk__in=[]).for_user(cast.sysadmin).count() == 0
    from fazhi.attachments.models import Attachment

    assert Attachment.objects.for_user(cast.sysadmin).query.is_empty()


def test_the_auditor_reads_the_log_and_nothing_else(cast, client):
    cast.officer.full_name = "谭法治（改）"
    cast.officer.save()
    client.force_login(cast.auditor)
    page = client.get("/audit/").content.decode()
    assert "修改字段：姓名" in page
    for url in ["/regions/", "/accounts/users/", "/api/v1/regions/"]:
        assert client.get(url).status_code == 403


def test_other_roles_cannot_read_the_audit_log(cast, client):
    for user in [cast.officer, cast.leader, cast.county_admin, cast.cadre]:
        client.force_login(user)
        assert client.get("/audit/").status_code == 403
    assert AuditEntry.objects.for_user(cast.officer).count() == 0
