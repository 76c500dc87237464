from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from fazhi.disputes import services
from fazhi.disputes.models import Dispute, Status
from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_party


def test_a_handover_closes_the_case_and_the_receivers_result_is_recorded(cast, client):
    dispute = make_assignment(cast, make_dispute(cast))
    client.force_login(cast.mediator)
    response = client.post(
        reverse("disputes:handover_add", args=[dispute.pk]),
        {
            "kind": "administrative",
            "receiver": "石柱县林业局",
            "reason": "林权确权属行政职权",
            "handed_on": "2020-06-10",
        },
    )
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert dispute.status == Status.HANDED_OVER and dispute.outcome == "failed"
    handover = dispute.handovers.get()
    client.post(
        reverse("disputes:handover_result", args=[dispute.pk, handover.pk]),
        {"result": "林业局已确权并调解结案", "result_on": "2020-07-20"},
    )
    handover.refresh_from_db()
    assert handover.result == "林业局已确权并调解结案"
    page = client.get(dispute.get_absolute_url()).content.decode()
    assert "林业局已确权并调解结案" in page


def test_a_result_dated_before_the_handover_is_refused(cast, client):
    dispute = make_assignment(cast, make_dispute(cast))
    handover = services.dispute_hand_over(
        dispute=dispute,
        user=cast.officer,
        kind="petition",
        receiver="信访办",
        reason="x",
        handed_on=date(2020, 6, 10),
    )
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:handover_result", args=[dispute.pk, handover.pk]),
        {"result": "已答复", "result_on": "2020-06-01"},
    )
    assert "结果日期：结果日期不能早于移交日期" in response.content.decode()
    handover.refresh_from_db()
    assert handover.result == ""


@override_settings(FAZHI_DISPUTE_FOLLOW_UP_DAYS=15)
def test_a_follow_up_falls_due_after_the_configured_days(cast):
    dispute = make_assignment(cast, make_dispute(cast))
    make_party(dispute)
    services.agreement_make(
        dispute=dispute,
        facts="f",
        terms="t",
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    dispute.refresh_from_db()
    assert dispute.follow_up_on() == date(2020, 6, 25)
    assert dispute not in Dispute.objects.follow_up_due(today=date(2020, 6, 24))
    assert dispute in Dispute.objects.follow_up_due(today=date(2020, 6, 25))
    services.follow_up_record(
        dispute=dispute, user=cast.officer, visited_on=date(2020, 6, 26), notes="已履行"
    )
    assert dispute not in Dispute.objects.follow_up_due(today=date(2020, 7, 1))


def test_an_open_case_cannot_be_visited_yet(cast):
    dispute = make_dispute(cast)
    with pytest.raises(ValidationError):
        services.follow_up_record(
            dispute=dispute, user=cast.officer, visited_on=date(2020, 6, 26), notes="x"
        )


def test_the_list_filters_cases_due_for_a_follow_up(cast, client):
    dispute = make_assignment(cast, make_dispute(cast, summary="待回访的纠纷"))
    make_party(dispute)
    services.agreement_make(
        dispute=dispute,
        facts="f",
        terms="t",
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    make_dispute(cast, summary="仍在办理的纠纷")
    client.force_login(cast.officer)
    page = client.get(reverse("disputes:index"), {"follow_up_due": "true"}).content.decode()
    assert "待回访的纠纷" in page and "仍在办理的纠纷" not in page


def test_the_judicial_confirmation_application_is_recorded_and_checked(cast, client):
    dispute = make_assignment(cast, make_dispute(cast))
    make_party(dispute)
    services.agreement_make(
        dispute=dispute,
        facts="f",
        terms="t",
        signed_on=date(2020, 9, 5),
        effective_on=date(2020, 9, 5),
    )
    client.force_login(cast.mediator)
    url = reverse("disputes:performance", args=[dispute.pk])
    early = client.post(url, {"performance": "done", "confirmation_applied_on": "2020-09-01"})
    assert "申请司法确认日期：申请司法确认日期不能早于协议生效日期" in early.content.decode()
    client.post(url, {"performance": "done", "confirmation_applied_on": "2020-10-12"})
    page = client.get(dispute.get_absolute_url()).content.decode()
    assert "2020年10月12日已申请" in page and "已超过期限" in page  # due 2020-10-09
