"""Bad input from the issue: a Chinese message naming the reason, and nothing saved."""

from datetime import date

from django.urls import reverse

from fazhi.disputes.models import Agreement, Handover, Party, Session, Status
from fazhi.disputes.tests.builders import BAD_ID, GOOD_ID, make_assignment, make_dispute, make_party


def test_a_wrong_id_check_digit_is_refused_and_nothing_saved(cast, client):
    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:party_add", args=[dispute.pk]),
        {"name": "张某", "role": "applicant", "id_number": BAD_ID, "phone": "13902341234"},
    )
    assert response.status_code == 200
    assert "身份证号码：身份证号码校验位不正确" in response.content.decode()
    assert not Party.objects.exists()


def test_a_correct_id_number_is_kept_encrypted(cast, client):
    from django.db import connection

    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    client.post(
        reverse("disputes:party_add", args=[dispute.pk]),
        {"name": "张某", "role": "applicant", "id_number": GOOD_ID.lower()},
    )
    party = Party.objects.get()
    assert party.id_number == GOOD_ID
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM disputes_party")
        stored = cursor.fetchone()[0]
    assert GOOD_ID not in stored


def test_a_session_before_registration_is_refused(cast, client):
    dispute = make_dispute(cast, registered_on=date(2020, 6, 1))
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:session_add", args=[dispute.pk]),
        {"held_on": "2020-05-30", "attendees": "双方", "notes": "调解"},
    )
    assert "调解日期：调解日期不能早于纠纷登记日期（2020年06月01日）" in response.content.decode()
    assert not Session.objects.exists()
    dispute.refresh_from_db()
    assert dispute.status == Status.REGISTERED


def test_a_closed_case_cannot_be_handed_over(cast, client):
    dispute = make_dispute(cast)
    make_assignment(cast, dispute)
    client.force_login(cast.officer)
    client.post(
        reverse("disputes:conclude", args=[dispute.pk]),
        {"outcome": "failed", "concluded_on": "2020-06-20", "note": "分歧大"},
    )
    response = client.post(
        reverse("disputes:handover_add", args=[dispute.pk]),
        {
            "kind": "litigation",
            "receiver": "石柱县人民法院",
            "reason": "调解不成",
            "handed_on": "2020-06-21",
        },
    )
    assert "已结案的纠纷不能移交" in response.content.decode()
    assert not Handover.objects.exists()
    dispute.refresh_from_db()
    assert dispute.status == Status.CONCLUDED


def test_an_agreement_needs_a_mediator(cast, client):
    dispute = make_dispute(cast)
    make_party(dispute)
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:agreement_add", args=[dispute.pk]),
        {
            "facts": "排水沟",
            "terms": "一、改道",
            "signed_on": "2020-06-10",
            "effective_on": "2020-06-10",
            "copies": 3,
        },
    )
    assert "尚未指定调解员，不能制作调解协议" in response.content.decode()
    assert not Agreement.objects.exists()
    dispute.refresh_from_db()
    assert dispute.status == Status.REGISTERED and dispute.outcome == ""


def test_assigning_without_a_mediator_is_refused(cast, client):
    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:assign", args=[dispute.pk]),
        {"organisation": dispute.region.organisations.first().pk, "accepted_on": "2020-06-02"},
    )
    assert "调解员：请至少指定一名调解员" in response.content.decode()
    dispute.refresh_from_db()
    assert dispute.status == Status.REGISTERED and dispute.organisation is None
