from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from fazhi.cases.services import lawsuit_record_answer
from fazhi.cases.tests.builders import make_lawsuit, make_other_town, make_reconsideration

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails(cast):
    for user in (cast.officer, cast.leader, cast.county_admin, cast.cadre):
        user.email = f"{user.username}@example.test"
        user.save()
    return cast


def _digests(day: str) -> dict[str, str]:
    """Run the daily command; the e-mailed digests that name a case deadline, by address."""
    call_command("senddigests", "--date", day)
    return {m.to[0]: m.body for m in mail.outbox if "答辩" in m.body or "复议" in m.body}


def test_each_responsible_person_gets_one_digest_of_near_and_overdue_deadlines(emails):
    cast = emails
    make_lawsuit(cast, complaint_received_on=date(2020, 9, 20))  # answer due 10-09
    make_reconsideration(
        cast, case_number="复1", accepted_on=date(2020, 9, 1), received_on=date(2020, 9, 2)
    )
    digests = _digests("2020-10-09")
    assert sorted(digests) == ["hs_leader@example.test", "hs_officer@example.test"]
    body = digests["hs_officer@example.test"]
    assert "提交答辩状和证据" in body and "2020年10月9日" in body
    assert "提出书面答复" in body and "已逾期" in body  # due 09-16
    assert len([m for m in mail.outbox if m.to == ["hs_officer@example.test"]]) == 1


def test_the_window_is_3_working_days_so_it_reaches_across_national_day(emails):
    make_lawsuit(emails, complaint_received_on=date(2020, 9, 20))  # due 10-09
    assert _digests("2020-09-27") == {}  # window: 09-28, 09-29, 09-30
    assert len(_digests("2020-09-28")) == 2  # window: 09-29, 09-30, 10-09


def test_nothing_is_sent_when_nothing_is_due(emails):
    case = make_lawsuit(emails, complaint_received_on=date(2020, 9, 20))
    lawsuit_record_answer(lawsuit=case, submitted_on=date(2020, 9, 28))
    assert _digests("2020-10-09") == {}


def test_a_second_run_the_same_day_sends_nothing_again(emails):
    make_lawsuit(emails, complaint_received_on=date(2020, 9, 20))
    call_command("senddigests", "--date", "2020-10-09")
    sent = len(mail.outbox)
    call_command("senddigests", "--date", "2020-10-09")
    assert len(mail.outbox) == sent and sent >= 2


def test_a_named_person_who_cannot_see_the_case_gets_nothing(emails):
    cast = emails
    make_lawsuit(
        cast,
        region=make_other_town(),
        user=cast.county_admin,
        handler=cast.officer,  # named, but 黄水镇's officer cannot see 西沱镇's case
        leader=cast.county_admin,  # the county supervisor sees the whole county
    )
    assert list(_digests("2020-10-09")) == ["county_admin@example.test"]


def test_the_in_app_list_shows_the_same_as_the_digest(client, emails, settings):
    make_lawsuit(emails, complaint_received_on=date(2020, 9, 20))
    from fazhi.cases.selectors import reminders_for

    reminders = reminders_for(emails.officer, date(2020, 10, 9))
    assert [r.label for r in reminders] == ["提交答辩状和证据"]
    client.force_login(emails.officer)
    page = client.get("/cases/reminders/").content.decode()
    assert "期限提醒" in page
