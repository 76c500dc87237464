"""One daily digest per person: what waits for them and what they have not read.

`fazhi senddigests` (cron, once a day) first runs each capability's "daily"
hook (`Capability.extra["daily"]`, `(today) -> …`: cases recompute
provisional due dates, legal tells officers of contracts 60, 30 or 7 days
from their end), then gives each active person with a 待办 or an unread
notice one digest: always a notice of kind "digest" in the 消息中心, and an
e-mail when they have an address and keep "digest" among their e-mail kinds.
Nobody gets an empty one; a `DigestRun` row per person and day makes a
second run the same day do nothing.
"""

from dataclasses import dataclass
from datetime import date

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.models import User
from fazhi.core import capabilities
from fazhi.core.roles import Role
from fazhi.notices.kinds import DIGEST
from fazhi.notices.models import DigestRun, Notice
from fazhi.notices.selectors import todo_rows
from fazhi.notices.services import email_wanted

UNREAD_SHOWN = 10  # unread notices listed in a digest; the rest are counted


@dataclass
class DigestResult:
    made: int = 0
    emailed: int = 0


def daily_hooks(today: date) -> None:
    for capability in capabilities.all_capabilities():
        hook = capability.hook("daily")
        if hook is not None:
            hook(today)


def recipients(today: date):
    """Active people who may have work, without a digest for `today` yet."""
    done = DigestRun.objects.filter(day=today).values("user")
    return (
        User.objects.filter(is_active=True)
        .exclude(role__in=[Role.SYSADMIN, Role.AUDITOR])
        .exclude(pk__in=done)
        .select_related("region", "organisation")
        .order_by("pk")
    )


def digest_send(*, user, today: date) -> DigestRun | None:
    """`user`'s digest for `today`, or None when there is nothing to say or it
    was already made."""
    items = todo_rows(user, today)
    unread = Notice.objects.for_user(user).unread().exclude(kind=DIGEST)
    unread_count = unread.count()
    if not items and not unread_count:
        return None
    overdue = sum(item.overdue for item in items)
    title = f"今日待办 {len(items)} 项" + (f"（{overdue} 项已逾期）" if overdue else "")
    if unread_count:
        title += f"，未读消息 {unread_count} 条"
    try:
        with transaction.atomic():
            run = DigestRun.objects.create(
                user=user, day=today, items=len(items), unread=unread_count
            )
            notice = Notice.objects.create(
                recipient=user, kind=DIGEST, title=title, url=reverse("notices:todo"), day=today
            )
    except IntegrityError:  # another run made it meanwhile
        return None
    if email_wanted([user], DIGEST):
        body = render_to_string(
            "notices/digest_email.txt",
            {
                "user": user,
                "today": today,
                "items": items,
                "unread": list(unread[:UNREAD_SHOWN]),
                "unread_count": unread_count,
            },
        )
        if send_mail(f"【法治】{title}", body, None, [user.email], fail_silently=True):
            now = timezone.now()
            Notice.objects.filter(pk=notice.pk).update(emailed_at=now)
            DigestRun.objects.filter(pk=run.pk).update(emailed=True)
            run.emailed = True
    return run


def digests_send(*, today: date | None = None) -> DigestResult:
    today = today or timezone.localdate()
    daily_hooks(today)
    result = DigestResult()
    for user in recipients(today):
        run = digest_send(user=user, today=today)
        if run is not None:
            result.made += 1
            result.emailed += run.emailed
    return result
