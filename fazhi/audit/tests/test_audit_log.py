from fazhi.audit.models import Action, AuditEntry
from fazhi.audit.services import PersonalReads, personal_data_viewed
from fazhi.regions.models import Organisation, OrganisationKind


def test_a_change_made_through_a_page_records_who_and_from_where(cast, client):
    client.force_login(cast.sysadmin)
    client.post(
        f"/accounts/users/{cast.cadre.pk}/",
        {
            "username": "qilong_cadre",
            "full_name": "冉七龙（新）",
            "role": "village_cadre",
            "region": cast.qilong.pk,
            "is_active": "on",
        },
        REMOTE_ADDR="10.20.30.40",
    )
    entry = AuditEntry.objects.filter(action=Action.UPDATE, object_id=str(cast.cadre.pk)).latest(
        "at"
    )
    assert entry.username == "sysadmin"
    assert entry.ip_address == "10.20.30.40"
    assert "姓名" in entry.detail
    history = cast.cadre.history.first()
    assert history.history_ip == "10.20.30.40" and history.full_name == "冉七龙（新）"


def test_creating_and_deleting_records_are_logged(cast):
    organisation = Organisation.objects.create(
        name="临时工作组", kind=OrganisationKind.OTHER, region=cast.town
    )
    pk = str(organisation.pk)
    organisation.delete()
    actions = set(
        AuditEntry.objects.filter(object_id=pk, object_type="组织机构").values_list(
            "action", flat=True
        )
    )
    assert actions == {Action.CREATE, Action.DELETE}


def test_viewing_personal_data_is_logged(cast):
    personal_data_viewed(user=cast.officer, obj=cast.cadre, field="phone")
    entry = AuditEntry.objects.get(action=Action.VIEW_PERSONAL)
    assert entry.username == "hs_officer" and entry.detail == "查看完整手机号"


def test_the_auditor_filters_the_log(cast, client):
    personal_data_viewed(user=cast.officer, obj=cast.cadre, field="phone")
    personal_data_viewed(user=cast.leader, obj=cast.cadre, field="phone")
    client.force_login(cast.auditor)
    page = client.get("/audit/", {"username": "hs_leader", "action": Action.VIEW_PERSONAL})
    rows = page.context["page"].object_list
    assert [e.username for e in rows] == ["hs_leader"]


def test_the_audit_page_queries_do_not_grow(cast, client, django_assert_max_num_queries):
    client.force_login(cast.auditor)
    with django_assert_max_num_queries(12) as few:
        client.get("/audit/")
    for _ in range(60):
        personal_data_viewed(user=cast.officer, obj=cast.cadre, field="phone")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/audit/")


def test_several_records_read_at_once_are_one_entry_naming_each(cast):
    reads = PersonalReads(user=cast.officer)
    reads.add(cast.cadre, "phone")
    reads.add(cast.leader, "phone")
    reads.add(cast.cadre, "phone")  # shown twice, named once
    assert len(reads) == 2
    entry = reads.log()
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL).get() == entry
    assert entry.username == "hs_officer" and "共2条" in entry.detail
    assert f"（#{cast.cadre.pk}）：手机号" in entry.detail
    assert f"（#{cast.leader.pk}）：手机号" in entry.detail
    assert reads.log() is None  # nothing new shown, nothing more logged
