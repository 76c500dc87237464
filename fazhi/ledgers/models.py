"""A ledger import run in the background: the uploaded file, its progress, its result.

An import of more than a few thousand rows takes minutes; the page queues it
(django-tasks) and polls this record. Only the first rows of the preview and
the first errors are kept; the uploaded file is deleted when the run ends (a
ledger may hold personal data).
"""

from django.conf import settings
from django.db import models

from fazhi.core.scope import ScopedQuerySet

PREVIEW_ROWS = 200
KEPT_ERRORS = 500


class ImportStatus(models.TextChoices):
    PENDING = "pending", "排队中"
    RUNNING = "running", "进行中"
    DONE = "done", "已完成"
    FAILED = "failed", "有错误"


class LedgerImportQuerySet(ScopedQuerySet):
    scope_region = "region"


class LedgerImport(models.Model):
    ledger = models.CharField("台账", max_length=64)
    region = models.ForeignKey(
        "regions.Region", verbose_name="导入到", on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField("台账文件", upload_to="ledger-imports/%Y/", blank=True)
    dry_run = models.BooleanField("仅预览", default=True)
    status = models.CharField(
        "状态", max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    rows_total = models.PositiveIntegerField("数据行数", default=0)
    rows_checked = models.PositiveIntegerField("已检查", default=0)
    rows_written = models.PositiveIntegerField("已写入", default=0)
    summary = models.CharField("结果", max_length=300, blank=True)
    errors = models.JSONField("错误", default=list, blank=True)
    error_count = models.PositiveIntegerField("错误数", default=0)
    headers = models.JSONField("列", default=list, blank=True)
    preview = models.JSONField("预览", default=list, blank=True)
    ignored_headers = models.JSONField("忽略的列", default=list, blank=True)
    mapping = models.JSONField("列对应", default=list, blank=True)  # [{sheet, column, how}]
    notes = models.JSONField("说明", default=list, blank=True)
    header_row = models.PositiveIntegerField("表头所在行", default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    requested_at = models.DateTimeField("提交时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    objects = LedgerImportQuerySet.as_manager()

    class Meta:
        verbose_name = "台账导入"
        verbose_name_plural = "台账导入"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.ledger} → {self.region_id}"

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        done = self.rows_checked + (0 if self.dry_run else self.rows_written)
        return min(100, done * 100 // (self.rows_total * (1 if self.dry_run else 2)))
