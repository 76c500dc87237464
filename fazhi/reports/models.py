"""The yearly report of a region, its generated files and a town's template.

A report is a draft until it is finalised. Finalising freezes what the
report says: the figures and paragraphs computed from the records at that
moment (`snapshot`) and the officer's text. Later edits to the records do
not change a final report; a new draft (the next version) can start from it.
"""

from django.conf import settings
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.scope import ScopedQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    FINAL = "final", "定稿"


class ReportQuerySet(ScopedQuerySet):
    scope_region = "region"

    def for_region_year(self, region, year: int):
        return self.filter(region=region, year=year).order_by("-version")


class Report(models.Model):
    region = models.ForeignKey(
        "regions.Region", verbose_name="区划", on_delete=models.PROTECT, related_name="reports"
    )
    year = models.PositiveSmallIntegerField("年度")
    version = models.PositiveSmallIntegerField("版本", default=1)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField("标题", max_length=120, blank=True)
    issuer = models.CharField("落款（发文机关）", max_length=60, blank=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    narratives = models.JSONField("各部分叙述", default=dict, blank=True)
    decisions = models.JSONField("问题与举措的取舍", default=dict, blank=True)
    snapshot = models.JSONField("定稿时的数据与文字", null=True, blank=True, editable=False)
    based_on = models.ForeignKey(
        "self",
        verbose_name="基于",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="drafts",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    finalised_at = models.DateTimeField("定稿时间", null=True, blank=True)
    # The day the final report was made public (政府网站、公开栏), as the officer records it.
    published_on = models.DateField("公开日期", null=True, blank=True)

    history = audited_history()
    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["region__code", "-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "version"], name="report_unique_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region.name}{self.year}年度报告（第{self.version}版，{self.get_status_display()}）"

    @property
    def is_final(self) -> bool:
        return self.status == Status.FINAL

    def default_title(self) -> str:
        return f"{self.region.name}{self.year}年度法治政府建设情况报告"

    def default_issuer(self) -> str:
        return f"{self.region.name}人民政府"


class FileStatus(models.TextChoices):
    PENDING = "pending", "排队中"
    RUNNING = "running", "生成中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class Format(models.TextChoices):
    DOCX = "docx", "Word（.docx）"
    PDF = "pdf", "PDF"


class ReportFileQuerySet(ScopedQuerySet):
    scope_region = "report__region"


class ReportFile(models.Model):
    """A .docx or PDF generated (in the background) from a report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    format = models.CharField("格式", max_length=4, choices=Format.choices)
    appendix = models.BooleanField("附数据来源", default=False)
    status = models.CharField(
        "状态", max_length=10, choices=FileStatus.choices, default=FileStatus.PENDING
    )
    message = models.CharField("说明", max_length=300, blank=True)
    file = models.FileField(upload_to="reports/%Y/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    history = audited_history()
    objects = ReportFileQuerySet.as_manager()

    class Meta:
        verbose_name = "报告文件"
        verbose_name_plural = "报告文件"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.report} · {self.get_format_display()}"

    def filename(self) -> str:
        return f"{self.report.region.name}{self.report.year}年度法治政府建设情况报告-v{self.report.version}.{self.format}"


class TemplateQuerySet(ScopedQuerySet):
    scope_region = "region"

    def active_for(self, region):
        return self.filter(region=region, is_active=True).order_by("-uploaded_at").first()


class ReportTemplate(models.Model):
    """A region's own Word template (placeholders in docs/reports.md)."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("模板名称", max_length=100)
    file = models.FileField("模板文件", upload_to="report-templates/")
    is_active = models.BooleanField("启用", default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    history = audited_history()
    objects = TemplateQuerySet.as_manager()

    class Meta:
        verbose_name = "报告模板"
        verbose_name_plural = "报告模板"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.name
