"""Writes of the notice pipeline: send, mark read, choose what reaches e-mail.

`notice_send` is the one function capability apps call to tell someone
something now (a dispute assigned to them, a case handed over to them, an
answer to their review request). Its signature is stable:

    notice_send(recipients=[user, …], kind="disputes.assigned",
                title="纠纷JF2020-0001已分派给您调解", url="/disputes/12/",
                record=dispute)

- `recipients`: users (None and repeats are ignored; inactive users skipped);
- `kind`: "<capability code>.<what>", declared with `fazhi.notices.kinds.notice_kind`;
- `url`: a same-site path ("/disputes/12/"), where the notice is acted on;
- `record`: the model instance the notice is about, optional.

All recipients in one transaction (the caller's, when there is one); the same
kind about the same record (or, without a record, the same url) reaches the
same person at most once a day. Those who chose this kind for e-mail and have
an address get an e-mail once the transaction commits.
"""

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from fazhi.notices.kinds import all_kinds, email_by_default
from fazhi.notices.models import Notice, NoticePreference


def is_local_url(url: str) -> bool:
    """A path on this site: "/disputes/12/", never "//evil.example" or "https://…"."""
    return (
        isinstance(url, str)
        and url.startswith("/")
        and not url.startswith("//")
        and not url.startswith("/\\")
        and not any(ord(char) < 32 for char in url)
    )


def email_wanted(users, kind: str) -> set[int]:
    """Ids of `users` (with an address) who want `kind` by e-mail: one query."""
    users = [user for user in users if user.email]
    if not users:
        return set()
    chosen = dict(
        NoticePreference.objects.filter(user__in=users).values_list("user_id", "email_kinds")
    )
    default = kind in email_by_default()
    return {
        user.pk for user in users if (kind in chosen[user.pk] if user.pk in chosen else default)
    }


def _send_emails(notices: list[Notice], users: dict[int, object]) -> None:
    sent = []
    for notice in notices:
        user = users[notice.recipient_id]
        body = notice.title
        if notice.url:
            body += f"\n\n{getattr(settings, 'FAZHI_SITE_URL', '').rstrip('/')}{notice.url}"
        if send_mail(f"【法治】{notice.title[:60]}", body, None, [user.email], fail_silently=True):
            sent.append(notice.pk)
    if sent:
        Notice.objects.filter(pk__in=sent).update(emailed_at=timezone.now())


@transaction.atomic
def notice_send(
    *, recipients, kind: str, title: str, url: str, record=None, today: date | None = None
) -> list[Notice]:
    """Tell each of `recipients` one thing now; returns the notices created."""
    if not kind or len(kind) > 60:
        raise ValueError(f"notice kind {kind!r}")
    if url and not is_local_url(url):
        raise ValueError(f"a notice links only to a page of this site, not {url!r}")
    today = today or timezone.localdate()
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    if not users:
        return []
    same = Notice.objects.filter(recipient__in=users, kind=kind, day=today)
    content_type = object_id = None
    if record is not None:
        content_type = ContentType.objects.get_for_model(record)
        object_id = record.pk
        same = same.filter(content_type=content_type, object_id=object_id)
    else:
        same = same.filter(content_type=None, url=url)
    already = set(same.values_list("recipient_id", flat=True))
    notices = [
        Notice(
            recipient_id=pk,
            kind=kind,
            title=title[:300],
            url=url,
            content_type=content_type,
            object_id=object_id,
            day=today,
        )
        for pk in users
        if pk not in already
    ]
    created = Notice.objects.bulk_create(notices)
    wanted = email_wanted([users[notice.recipient_id] for notice in created], kind)
    to_mail = [notice for notice in created if notice.recipient_id in wanted]
    if to_mail:
        transaction.on_commit(lambda: _send_emails(to_mail, users))
    return created


def notice_read(*, notice: Notice) -> Notice:
    """Mark one notice read (the caller fetched it with `for_user`)."""
    if notice.read_at is None:
        notice.read_at = timezone.now()
        Notice.objects.filter(pk=notice.pk, read_at=None).update(read_at=notice.read_at)
    return notice


def notices_read_about(*, user, record) -> int:
    """Opening a record reads the person's notices about it (one UPDATE)."""
    content_type = ContentType.objects.get_for_model(record)
    return (
        Notice.objects.for_user(user)
        .unread()
        .filter(content_type=content_type, object_id=record.pk)
        .update(read_at=timezone.now())
    )


def notices_read_all(*, user, kind: str = "") -> int:
    """Mark every unread notice of `user` (of one kind or capability, if given) read."""
    return Notice.objects.for_user(user).unread().of_kind(kind).update(read_at=timezone.now())


@transaction.atomic
def preference_save(*, user, email_kinds) -> NoticePreference:
    """Which kinds reach `user`'s e-mail; only kinds that exist are kept."""
    known = {kind.code for kind in all_kinds()}
    chosen = list(dict.fromkeys(email_kinds))
    unknown = [code for code in chosen if code not in known]
    if unknown:
        raise ValidationError({"email_kinds": f"发送邮件的消息类别：没有「{unknown[0]}」这一类。"})
    preference, _ = NoticePreference.objects.get_or_create(user=user)
    preference.email_kinds = sorted(chosen)
    preference.full_clean()
    preference.save()
    return preference
