"""One daily digest per person: in the 消息中心 always, by e-mail as chosen,
nothing when there is nothing, nothing twice on one day."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from fazhi.disputes.tests.builders import make_assignment, make_dispute
from fazhi.legal.services import contract_create
from fazhi.legal.tests.builders import make_advisor
from fazhi.notices.models import DigestRun, Notice
from fazhi.notices.services import preference_save

pytestmark = pytest.mark.django_db

DAY = "2020-06-10"


def _digest(user):
    return Notice.objects.filter(recipient=user, kind="digest")


def test_the_mediator_gets_one_digest_in_the_app_and_by_mail(cast):
    make_assignment(cast, make_dispute(cast))
    call_command("senddigests", "--date", DAY)
    notice = _digest(cast.mediator).get()
    assert "今日待办 1 项" in notice.title and notice.url == "/notices/todo/"
    mails = [m for m in mail.outbox if m.to == [cast.mediator.email]]
    assert len(mails) == 1 and "调解纠纷JF2020-0001" in mails[0].body
    assert cast.mediator.email.endswith("@example.org")


def test_a_second_run_the_same_day_makes_nothing_again(cast):
    make_assignment(cast, make_dispute(cast))
    call_command("senddigests", "--date", DAY)
    sent, made = len(mail.outbox), Notice.objects.filter(kind="digest").count()
    call_command("senddigests", "--date", DAY)
    assert len(mail.outbox) == sent and Notice.objects.filter(kind="digest").count() == made
    assert DigestRun.objects.filter(user=cast.mediator, day=date(2020, 6, 10)).count() == 1
    call_command("senddigests", "--date", "2020-06-11")
    assert _digest(cast.mediator).count() == 2


def test_nobody_gets_an_empty_digest(cast):
    call_command("senddigests", "--date", DAY)
    # the mediator has nothing assigned and nothing unread; the advisor nothing owed
    assert not _digest(cast.mediator).exists() and not _digest(cast.advisor).exists()
    assert not [m for m in mail.outbox if m.to in ([cast.mediator.email], [cast.advisor.email])]
    assert not DigestRun.objects.filter(user__in=[cast.mediator, cast.advisor]).exists()


def test_a_person_who_turned_digest_mail_off_still_finds_it_in_the_app(cast):
    make_assignment(cast, make_dispute(cast))
    preference_save(user=cast.mediator, email_kinds=[])
    call_command("senddigests", "--date", DAY)
    assert _digest(cast.mediator).get().emailed_at is None
    assert not [m for m in mail.outbox if m.to == [cast.mediator.email]]


def test_a_person_without_an_address_gets_it_in_the_app_only(cast):
    cast.mediator.email = ""
    cast.mediator.save()
    make_assignment(cast, make_dispute(cast))
    call_command("senddigests", "--date", DAY)
    assert _digest(cast.mediator).exists()


def test_unread_notices_alone_make_a_digest(cast):
    make_dispute(cast, may_escalate=True)  # alerts the leader
    call_command("senddigests", "--date", DAY)
    assert "未读消息 1 条" in _digest(cast.leader).get().title


def test_contracts_60_30_and_7_days_from_their_end_tell_the_officer_once(cast):
    chen = make_advisor(cast.town, user=cast.advisor, name="陈律师")
    contract_create(user=cast.officer, advisor=chen, start=date(2020, 1, 1), end=date(2020, 12, 31))
    expiring = Notice.objects.filter(recipient=cast.officer, kind="legal.contract_expiring")
    for day, left in (("2020-11-01", 60), ("2020-12-01", 30), ("2020-12-24", 7)):
        call_command("senddigests", "--date", day)
        assert f"还剩 {left} 天" in expiring.order_by("-pk").first().title
    call_command("senddigests", "--date", "2020-12-24")
    call_command("senddigests", "--date", "2020-12-02")
    assert expiring.count() == 3
    assert not Notice.objects.filter(recipient=cast.leader, kind="legal.contract_expiring")
