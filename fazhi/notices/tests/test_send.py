from datetime import date

import pytest
from django.core import mail

from fazhi.notices.models import Notice, NoticePreference
from fazhi.notices.services import notice_send, preference_save

pytestmark = pytest.mark.django_db


def test_a_notice_reaches_each_recipient_once_a_day_for_the_same_record(cast):
    record = cast.qilong
    for _ in range(2):
        notice_send(
            recipients=[cast.mediator, cast.officer, cast.mediator],
            kind="disputes.assigned",
            title="纠纷已分派给您",
            url="/disputes/",
            record=record,
        )
    assert Notice.objects.filter(kind="disputes.assigned").count() == 2
    later = notice_send(
        recipients=[cast.mediator],
        kind="disputes.assigned",
        title="纠纷已分派给您",
        url="/disputes/",
        record=record,
        today=date(2099, 1, 1),
    )
    assert len(later) == 1


def test_a_notice_refuses_a_link_off_the_site(cast):
    for url in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        with pytest.raises(ValueError):
            notice_send(recipients=[cast.officer], kind="x.y", title="t", url=url)


def test_a_notice_is_mailed_after_commit_to_those_who_chose_its_kind(
    cast, django_capture_on_commit_callbacks
):
    from fazhi.notices.kinds import notice_kind

    notice_kind("tests.mailed", "测试", email=False)
    cast.officer.email = "officer@example.org"
    cast.officer.save()
    preference_save(user=cast.officer, email_kinds=["tests.mailed"])
    with django_capture_on_commit_callbacks(execute=True):
        notice_send(
            recipients=[cast.officer, cast.leader], kind="tests.mailed", title="请处理", url="/x/"
        )
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]
    assert Notice.objects.get(recipient=cast.officer).emailed_at is not None
    assert NoticePreference.objects.get(user=cast.officer).email_kinds == ["tests.mailed"]
