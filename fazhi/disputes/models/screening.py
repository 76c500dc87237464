from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import CountLimitValidator
from fazhi.disputes.models.choices import Risk
from fazhi.regions.models import Level


class ScreeningReportQuerySet(ScopedQuerySet):
    scope_region = "region"

    def for_month(self, month):
        return self.filter(month=month.replace(day=1))


class ScreeningReport(Versioned):
    """A village's monthly 矛盾纠纷排查 report; one with no findings is a 零报告."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField("排查月份", help_text="该月的第一天")
    screened_on = models.DateField("排查日期")
    notes = models.TextField("排查情况", blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="填报人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = ScreeningReportQuerySet.as_manager()

    class Meta:
        verbose_name = "排查报告"
        verbose_name_plural = "排查报告"
        ordering = ["-month", "region__code"]
        constraints = [
            models.UniqueConstraint(fields=["region", "month"], name="screening_once_a_month")
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.month:%Y年%m月}排查"

    def clean(self) -> None:
        if self.month:
            self.month = self.month.replace(day=1)
        if self.region_id and self.region.level != Level.VILLAGE:
            raise ValidationError({"region": "排查报告由各村(社区)填报。"})
        if (
            self.screened_on
            and self.month
            and (
                (self.screened_on.year, self.screened_on.month)
                < (self.month.year, self.month.month)
            )
        ):
            raise ValidationError({"screened_on": "排查日期不能早于排查月份。"})

    @property
    def is_zero(self) -> bool:
        return not self.findings.all()


class FindingQuerySet(ScopedQuerySet):
    scope_region = "report__region"


class Finding(Versioned):
    report = models.ForeignKey(
        ScreeningReport, verbose_name="排查报告", on_delete=models.CASCADE, related_name="findings"
    )
    summary = models.TextField("发现的矛盾纠纷")
    people_involved = models.PositiveIntegerField(
        "涉及人数", default=2, validators=[CountLimitValidator(100_000)]
    )
    risk = models.CharField("风险等级", max_length=10, choices=Risk.choices, default=Risk.LOW)
    dispute = models.OneToOneField(
        "disputes.Dispute",
        verbose_name="已登记纠纷",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="finding",
    )

    history = audited_history()
    objects = FindingQuerySet.as_manager()

    class Meta:
        verbose_name = "排查发现"
        verbose_name_plural = "排查发现"
        ordering = ["report", "id"]

    def __str__(self) -> str:
        return self.summary[:30]


class DeliberationQuerySet(ScopedQuerySet):
    scope_region = "region"


class Deliberation(Versioned):
    """议事: a community deliberation meeting, on a dispute or on its own."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField("议事日期")
    topic = models.CharField("议题", max_length=200)
    participants = models.TextField("参加人员")
    resolution = models.TextField("议事结果")
    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name="关联纠纷",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliberations",
    )

    history = audited_history()
    objects = DeliberationQuerySet.as_manager()

    class Meta:
        verbose_name = "议事记录"
        verbose_name_plural = "议事记录"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.topic

    def clean(self) -> None:
        if self.dispute_id and self.region_id and self.dispute.region_id != self.region_id:
            raise ValidationError({"dispute": "关联纠纷不属于该村(社区)。"})
