"""Posts: draft, submit, approve (publish and file), return, withdraw, push to the screens."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.attachments.models import Attachment
from fazhi.attachments.services import attachment_create
from fazhi.core.locking import version_check
from fazhi.core.scope import ensure_region_in_scope
from fazhi.core.uploads import DOCX, XLSX
from fazhi.disclosure import deadlines
from fazhi.disclosure.models import (
    Category,
    Frequency,
    Post,
    Status,
)
from fazhi.disclosure.services.catalogue import is_supervisor
from fazhi.disclosure.services.common import _ensure_editor, _portal_changed, _today
from fazhi.disclosure.text import office_text, personal_data_in

# --- posts ------------------------------------------------------------------------


def _check_period(category: Category, period: int, event_on) -> None:
    if category.frequency == Frequency.ONE_OFF:
        if event_on is None:
            raise ValidationError({"event_on": "事项发生日：一事一公开的事项须填写发生日期。"})
    elif period not in category.periods:
        kind = "季度（1–4）" if category.frequency == Frequency.QUARTERLY else "月份（1–12）"
        raise ValidationError({"period": f"期次：{category.name}按{kind}公开。"})


@transaction.atomic
def post_save(
    *, user, region, category, year: int, period: int = 0, title: str, body: str,
    event_on: date | None = None, uploads=(), post: Post | None = None, version: int | None = None,
) -> Post:  # fmt: skip
    """Draft a post, or change a draft or a returned one."""
    _ensure_editor(user)
    ensure_region_in_scope(user, region)
    if not Category.objects.applying_to(region).filter(pk=category.pk).exists():
        raise ValidationError({"category": f"公开事项：{category.name}不适用于{region.name}。"})
    if category.year != year:
        raise ValidationError({"year": f"年度：{category.name}属于{category.year}年目录。"})
    period = 0 if category.frequency == Frequency.ONE_OFF else period
    _check_period(category, period, event_on)
    if post is None:
        post = Post(region=region, created_by=user)
    else:
        if post.status not in (Status.DRAFT, Status.RETURNED):
            raise ValidationError(
                f"「{post.title}」已{post.get_status_display()}，只有草稿或退回的内容可以修改。"
            )
        version_check(instance=post, version=version, submitted={"title": title, "body": body})
    post.region, post.category, post.year, post.period = region, category, year, period
    post.event_on = event_on if category.frequency == Frequency.ONE_OFF else None
    post.title, post.body = title, body
    due = deadlines.post_due(category.frequency, year, period, post.event_on)
    post.due_on = due.due if due else None
    post.due_provisional = bool(due and due.provisional)
    post.full_clean()
    post.save()
    for upload in uploads:
        attachment_create(
            upload=upload, user=user, region=region, owner=post, field_label="附件/照片"
        )
    return post


@transaction.atomic
def post_submit(*, user, post: Post) -> Post:
    _ensure_editor(user)
    ensure_region_in_scope(user, post.region)
    if post.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError(f"「{post.title}」已{post.get_status_display()}，不能再次提交审核。")
    post.status, post.submitted_at = Status.SUBMITTED, timezone.now()
    post.full_clean()
    post.save()
    return post


def _ensure_reviewer(user, post: Post) -> None:
    if not is_supervisor(user, post.region):
        raise PermissionDenied(f"只有{post.region.name}的村务监督委员会成员可以审核。")
    if post.created_by_id == user.id:
        raise PermissionDenied("起草人不能审核自己起草的内容。")


def attachments_of(post: Post):
    return Attachment.objects.filter(
        owner_type=ContentType.objects.get_for_model(Post), owner_id=post.pk
    )


def served_publicly(attachment: Attachment) -> bool:
    """Whether the portal may hand out an attachment of a published post: a photo, or a
    Word or Excel file whose text publishing checked. Publishing cannot read a PDF's
    text, so a PDF is listed by name only."""
    return attachment.is_image or attachment.content_type in (DOCX, XLSX)


def personal_data_problems(post: Post) -> list[str]:
    """Where an unmasked ID-card or mobile number appears: title, text or an attachment."""
    problems = []
    for where, text in (("标题", post.title), ("正文", post.body)):
        problems += [f"{where}含未遮蔽的{f.kind}（{f.masked}）" for f in personal_data_in(text)]
    for attachment in attachments_of(post):
        with attachment.file.open("rb") as handle:
            text = office_text(handle, attachment.content_type)
        problems += [
            f"附件「{attachment.original_name}」含未遮蔽的{f.kind}（{f.masked}）"
            for f in personal_data_in(text)
        ]
    return problems


@transaction.atomic
def post_approve(*, user, post: Post, today: date | None = None) -> Post:
    """The supervisor approves: the post is published and filed with the township."""
    if post.status != Status.SUBMITTED:
        missing = "请先提交审核" if post.status in (Status.DRAFT, Status.RETURNED) else ""
        raise ValidationError(
            f"「{post.title}」{post.get_status_display()}，不能审核发布"
            + (f"：{missing}。" if missing else "。")
        )
    _ensure_reviewer(user, post)
    problems = personal_data_problems(post)
    if problems:
        raise ValidationError(
            "不能公开："
            + "；".join(problems)
            + "。请遮蔽后（如 5002**********1234、138****5678）再提交。"
        )
    day = _today(today)
    post.status, post.reviewed_by, post.return_reason = Status.PUBLISHED, user, ""
    post.published_on, post.display_until = day, deadlines.display_until(day)
    post.filed_at = timezone.now()
    post.full_clean()
    post.save()
    _portal_changed()
    return post


@transaction.atomic
def post_return(*, user, post: Post, reason: str) -> Post:
    if post.status != Status.SUBMITTED:
        raise ValidationError(f"「{post.title}」{post.get_status_display()}，不在待审核状态。")
    _ensure_reviewer(user, post)
    if not (reason or "").strip():
        raise ValidationError({"reason": "退回理由：请写明退回的理由。"})
    post.status, post.return_reason, post.reviewed_by = Status.RETURNED, reason.strip(), user
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def post_withdraw(*, user, post: Post, reason: str, today: date | None = None) -> Post:
    """Take a published post off the portal; it is kept with the reason."""
    _ensure_editor(user)
    ensure_region_in_scope(user, post.region)
    if post.status != Status.PUBLISHED:
        raise ValidationError(
            f"「{post.title}」{post.get_status_display()}，只有已公开的内容可以撤回。"
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": "撤回理由：请写明撤回的理由。"})
    post.status, post.withdraw_reason = Status.WITHDRAWN, reason.strip()
    post.withdrawn_on = _today(today)
    post.full_clean()
    post.save()
    _portal_changed()
    return post


@transaction.atomic
def post_push_to_screen(*, user, post: Post, today: date | None = None) -> Post:
    """Show a published post's title on the LED screens of its village (a town's post:
    of the town's villages) for the statutory 10 days from today."""
    _ensure_editor(user)
    ensure_region_in_scope(user, post.region)
    if post.status != Status.PUBLISHED:
        raise ValidationError(
            f"「{post.title}」{post.get_status_display()}，只有已公开的内容可以推送到LED屏。"
        )
    post.screen_until = deadlines.display_until(_today(today))
    post.full_clean()
    post.save()
    return post
