"""Assessment sheets (考核表): one per town (or village) for a published system.

Automatic scores are live (computed from the metrics each time) until the
sheet is frozen; freezing stores every figure and score on its entry, so a
later change to a record no longer moves a frozen sheet.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.assessment.models.systems import MAX_POINTS, Indicator, Level, System
from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.regions.models import Level as RegionLevel


class SheetStatus(models.TextChoices):
    SELF = "self", "自评中"
    SUBMITTED = "submitted", "已提交，审核中"
    FINAL = "final", "已定稿"


class SheetQuerySet(ScopedQuerySet):
    scope_region = "region"

    def with_related(self):
        return self.select_related("system", "region")


class Sheet(Versioned):
    system = models.ForeignKey(
        System, verbose_name="指标体系", on_delete=models.PROTECT, related_name="sheets"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name="被考核单位", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        "状态", max_length=10, choices=SheetStatus.choices, default=SheetStatus.SELF
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    frozen_at = models.DateTimeField("冻结时间", null=True, blank=True)
    total = models.DecimalField(
        "总分（冻结时）", max_digits=8, decimal_places=2, null=True, blank=True
    )
    vetoed = models.BooleanField("一票否决（冻结时）", default=False)

    history = audited_history()
    objects = SheetQuerySet.as_manager()

    class Meta:
        verbose_name = "考核表"
        verbose_name_plural = "考核表"
        ordering = ["system", "region__code"]
        constraints = [
            models.UniqueConstraint(fields=["system", "region"], name="sheet_once_per_region")
        ]

    def __str__(self) -> str:
        return f"{self.region.name}{self.system.year}年度考核表"

    def get_absolute_url(self) -> str:
        return reverse("assessment:sheet", args=[self.pk])

    @property
    def year(self) -> int:
        return self.system.year

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    def clean(self) -> None:
        if not (self.system_id and self.region_id):
            return
        wanted = RegionLevel.TOWN if self.system.level == Level.TOWN else RegionLevel.VILLAGE
        if self.region.level != wanted:
            raise ValidationError(
                {"region": f"该指标体系考核的是{self.system.get_level_display()}。"}
            )
        if not self.region.code.startswith(self.system.region.prefix):
            raise ValidationError({"region": "被考核单位不在发布该指标体系的县（区）内。"})


class EntryStatus(models.TextChoices):
    PENDING = "pending", "待自评"
    SELF = "self", "已自评"
    RETURNED = "returned", "退回补充"
    RESUBMITTED = "resubmitted", "已补充"
    REVIEWED = "reviewed", "已审核"


class EntryQuerySet(ScopedQuerySet):
    scope_region = "sheet__region"

    def returned(self):
        return self.filter(status=EntryStatus.RETURNED)


def _score_field(label: str, **kwargs):
    return models.DecimalField(
        label,
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_POINTS)],
        **kwargs,
    )


class Entry(Versioned):
    """One scored indicator of a sheet: its figure, 自评, 审核 and evidence."""

    sheet = models.ForeignKey(
        Sheet, verbose_name="考核表", on_delete=models.CASCADE, related_name="entries"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="entries"
    )
    status = models.CharField(
        "状态", max_length=12, choices=EntryStatus.choices, default=EntryStatus.PENDING
    )
    # Stored when the sheet is frozen; live sheets compute them from the metric.
    frozen_value = models.DecimalField(
        "数据值（冻结时）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    frozen_auto = _score_field("自动得分（冻结时）")
    self_score = _score_field("自评得分")
    self_note = models.TextField("自评说明", blank=True)
    links = models.JSONField("关联记录", default=list, blank=True)
    triggered = models.BooleanField("触发（加减分、否决项）", default=False)
    review_score = _score_field("审核得分")
    review_reason = models.TextField("审核意见", blank=True)
    return_note = models.TextField("退回补充要求", blank=True)
    return_due = models.DateField("补充期限", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = "考核得分"
        verbose_name_plural = "考核得分"
        ordering = ["sheet", "indicator__order", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "indicator"], name="entry_once_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.sheet} · {self.indicator}"

    def get_absolute_url(self) -> str:
        return reverse("assessment:entry", args=[self.pk])


class CheckpointQuerySet(ScopedQuerySet):
    scope_region = "sheet__region"


class Checkpoint(Versioned):
    """A snapshot of a sheet at one moment: the 中期评估, or any other."""

    sheet = models.ForeignKey(
        Sheet, verbose_name="考核表", on_delete=models.CASCADE, related_name="checkpoints"
    )
    label = models.CharField("名称", max_length=100, default="中期评估")
    taken_at = models.DateTimeField("时间")
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    total = models.DecimalField("总分", max_digits=8, decimal_places=2, null=True)
    data = models.JSONField("各项得分", default=list)

    history = audited_history()
    objects = CheckpointQuerySet.as_manager()

    class Meta:
        verbose_name = "考核快照"
        verbose_name_plural = "考核快照"
        ordering = ["sheet", "-taken_at"]

    def __str__(self) -> str:
        return f"{self.sheet} {self.label}"
