"""Notices: one message to one person, and what each person wants by e-mail.

A notice is read only by its recipient (`Notice.objects.for_user(user)`):
it is the person's own mail box, not a business record of a region, so it
keeps no history of its own (the record it points to keeps that).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class NoticeQuerySet(models.QuerySet):
    def for_user(self, user):
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def of_kind(self, prefix: str):
        """Notices of a kind ("disputes.assigned") or of a capability ("disputes")."""
        if not prefix:
            return self
        if "." in prefix:
            return self.filter(kind=prefix)
        return self.filter(kind__startswith=f"{prefix}.")


class Notice(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="接收人",
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField("类别", max_length=60)
    title = models.CharField("内容", max_length=300)
    url = models.CharField("链接", max_length=300, blank=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name="记录类型", null=True, blank=True, on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField("记录编号", null=True, blank=True)
    day = models.DateField("日期")
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    emailed_at = models.DateTimeField("邮件发送时间", null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = "消息"
        verbose_name_plural = "消息"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notice_recipient_read"),
            models.Index(fields=["recipient", "kind", "day"], name="notice_dedup"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def kind_label(self) -> str:
        from fazhi.notices.kinds import label_of

        return label_of(self.kind)


class NoticePreference(models.Model):
    """Which kinds of notice reach a person's e-mail; without a row, each kind's default."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="notice_preference",
    )
    email_kinds = models.JSONField("发送邮件的消息类别", default=list, blank=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "消息设置"
        verbose_name_plural = "消息设置"

    def __str__(self) -> str:
        return str(self.user)


class DigestRun(models.Model):
    """One daily digest per person per day: the row that makes a second run do nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField("日期")
    items = models.PositiveIntegerField("待办数")
    unread = models.PositiveIntegerField("未读消息数")
    emailed = models.BooleanField("已发邮件", default=False)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "每日汇总"
        verbose_name_plural = "每日汇总"
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_person_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day}"
