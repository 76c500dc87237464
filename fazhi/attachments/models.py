import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.scope import ScopedQuerySet


class Kind(models.TextChoices):
    PHOTO = "photo", "照片"
    SIGN_IN = "sign_in", "签到表"
    CONTRACT = "contract", "合同"
    OPINION = "opinion", "法律意见书"
    MINUTES = "minutes", "会议纪要"
    NOTICE = "notice", "通知文件"
    EVIDENCE = "evidence", "佐证材料"
    OTHER = "other", "其他"


def _upload_to(instance, filename):
    return f"attachments/{instance.uploaded_at:%Y/%m}/{uuid.uuid4().hex}{instance.extension}"


class AttachmentQuerySet(ScopedQuerySet):
    def of(self, obj: models.Model):
        return self.filter(owner_type=ContentType.objects.get_for_model(obj), owner_id=obj.pk)


class Attachment(models.Model):
    """A file kept for any record: photos, sign-in sheets, contracts, opinions …

    Stored through Django's storage API (local disk by default, S3-compatible
    storage through django-storages), served only through the scoped view.
    """

    file = models.FileField("文件", upload_to=_upload_to, max_length=200)
    original_name = models.CharField("原文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=120)
    size = models.PositiveIntegerField("大小（字节）")
    kind = models.CharField("类别", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.CharField("说明", max_length=200, blank=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    owner_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    owner_id = models.PositiveBigIntegerField(null=True, blank=True)
    owner = GenericForeignKey("owner_type", "owner_id")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间")

    history = audited_history()
    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["owner_type", "owner_id"])]

    def __str__(self) -> str:
        return self.original_name

    @property
    def extension(self) -> str:
        from fazhi.attachments.validation import EXTENSIONS

        return EXTENSIONS.get(self.content_type, "")

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
