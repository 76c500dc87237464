"""Full ID numbers only for the case's mediators and the town officer, each read logged."""

from django.urls import reverse

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes.tests.builders import GOOD_ID, make_assignment, make_dispute, make_party
from fazhi.personal import mask_id_number, mask_phone


def _case(cast):
    dispute = make_dispute(cast)
    make_assignment(cast, dispute)
    make_party(dispute)
    return dispute


def test_the_town_officer_sees_the_full_number_and_the_read_is_logged(cast, client):
    dispute = _case(cast)
    client.force_login(cast.officer)
    page = client.get(reverse("disputes:detail", args=[dispute.pk])).content.decode()
    assert GOOD_ID in page
    entry = AuditEntry.objects.get(action=Action.VIEW_PERSONAL)
    assert entry.user == cast.officer
    assert entry.detail == "查看完整身份证号码、联系电话"  # one entry for the page, both fields


def test_the_cases_mediator_sees_the_full_number(cast, client):
    dispute = _case(cast)
    client.force_login(cast.mediator)
    assert GOOD_ID in client.get(reverse("disputes:detail", args=[dispute.pk])).content.decode()
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, user=cast.mediator).exists()


def test_the_leader_and_the_village_cadre_see_it_masked(cast, client):
    dispute = _case(cast)
    for user in (cast.leader, cast.cadre):
        client.force_login(user)
        page = client.get(reverse("disputes:detail", args=[dispute.pk])).content.decode()
        assert GOOD_ID not in page
        assert mask_id_number(GOOD_ID) in page
    assert not AuditEntry.objects.filter(action=Action.VIEW_PERSONAL).exists()


def test_the_api_masks_the_number_except_for_the_officer(cast, client):
    dispute = _case(cast)
    client.force_login(cast.leader)
    party = client.get("/api/v1/disputes/parties/", {"dispute": dispute.pk}).json()["results"][0]
    assert party["id_number_display"] == mask_id_number(GOOD_ID)
    assert "id_number" not in party
    assert GOOD_ID not in client.get(f"/api/v1/disputes/{dispute.pk}/").content.decode()
    client.force_login(cast.officer)
    party = client.get("/api/v1/disputes/parties/", {"dispute": dispute.pk}).json()["results"][0]
    assert party["id_number_display"] == GOOD_ID
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, user=cast.officer).count() == 1


PHONE = "13902341234"  # what make_party gives every party


def test_the_cases_mediator_sees_the_full_phone_as_a_link_to_call(cast, client):
    dispute = _case(cast)
    client.force_login(cast.mediator)
    page = client.get(reverse("disputes:detail", args=[dispute.pk])).content.decode()
    assert f'<a href="tel:{PHONE}">{PHONE}</a>' in page
    entry = AuditEntry.objects.get(action=Action.VIEW_PERSONAL)
    assert entry.detail == "查看完整身份证号码、联系电话"
    assert entry.user == cast.mediator and entry.object_id == str(dispute.parties.get().pk)


def test_the_town_officer_sees_the_full_phone_and_the_read_is_logged(cast, client):
    dispute = _case(cast)
    client.force_login(cast.officer)
    page = client.get(reverse("disputes:detail", args=[dispute.pk])).content.decode()
    assert f"tel:{PHONE}" in page
    entry = AuditEntry.objects.get(action=Action.VIEW_PERSONAL, user=cast.officer)
    assert "联系电话" in entry.detail


def test_roles_without_need_see_the_phone_masked_and_nothing_is_logged(cast, client):
    dispute = _case(cast)
    for user in (cast.leader, cast.cadre):
        client.force_login(user)
        page = client.get(reverse("disputes:detail", args=[dispute.pk])).content.decode()
        assert PHONE not in page and "tel:" not in page
        assert mask_phone(PHONE) in page
    assert not AuditEntry.objects.filter(action=Action.VIEW_PERSONAL).exists()


def test_a_cadre_of_another_village_sees_nothing_of_the_case(cast, client):
    dispute = _case(cast)
    client.force_login(cast.other_cadre)
    response = client.get(reverse("disputes:detail", args=[dispute.pk]))
    assert response.status_code == 404
    assert PHONE not in response.content.decode()
    assert not AuditEntry.objects.filter(action=Action.VIEW_PERSONAL).exists()


def _parties(dispute, count):
    for index in range(count):
        make_party(dispute, name=f"当事人{index:02d}", role="respondent" if index else "applicant")


def test_the_parties_api_logs_one_entry_naming_every_party_shown(cast, client):
    dispute = make_dispute(cast)
    make_assignment(cast, dispute)
    _parties(dispute, 20)
    client.force_login(cast.officer)
    shown = client.get("/api/v1/disputes/parties/", {"dispute": dispute.pk})
    assert len(shown.json()["results"]) == 20
    entry = AuditEntry.objects.get(action=Action.VIEW_PERSONAL)
    assert entry.user == cast.officer and "共20条" in entry.detail
    for party in dispute.parties.all():
        assert f"{party.name}（#{party.pk}）：身份证号码" in entry.detail


def test_the_parties_api_runs_the_same_queries_for_more_parties(
    cast, client, django_assert_max_num_queries
):
    dispute = make_dispute(cast)
    make_assignment(cast, dispute)
    _parties(dispute, 2)
    client.force_login(cast.officer)
    url, query = "/api/v1/disputes/parties/", {"dispute": dispute.pk}
    client.get(url, query)
    with django_assert_max_num_queries(50) as few:
        client.get(url, query)
    _parties(dispute, 18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(url, query).json()["results"]) == 20
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL).count() == 3
