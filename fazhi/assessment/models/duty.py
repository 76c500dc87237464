"""第一责任人: the yearly record of how the town's party secretary and town head
carried out their duty to advance the rule of law, the 述法 report drafted from
it, and the evaluation panel's scores (评议)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.regions.models import Level as RegionLevel

MAX_PANEL = 30


class DutyRole(models.TextChoices):
    SECRETARY = "secretary", "党委书记"
    HEAD = "head", "镇长"


class DutyRecordQuerySet(ScopedQuerySet):
    scope_region = "region"


class DutyRecord(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="镇（街道）", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(
        "年度", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    role = models.CharField("职务", max_length=10, choices=DutyRole.choices)
    person = models.CharField("姓名", max_length=50)
    duties = models.TextField(
        "履职情况", blank=True, help_text="每行一项，如：主持党委会专题研究法治建设3次"
    )
    statement = models.TextField("述法报告正文", blank=True, help_text="留空则按履职情况和数据起草")
    panel = models.JSONField("评议得分", default=list, blank=True)

    history = audited_history()
    objects = DutyRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "第一责任人履职记录"
        verbose_name_plural = "第一责任人履职记录"
        ordering = ["-year", "region__code", "role"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "role"], name="duty_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.person}（{self.get_role_display()}）{self.year}年度履职记录"

    def get_absolute_url(self) -> str:
        return reverse("assessment:duty", args=[self.pk])

    def clean(self) -> None:
        if self.region_id and self.region.level != RegionLevel.TOWN:
            raise ValidationError({"region": "第一责任人履职记录按镇（街道）填写。"})

    @property
    def panel_average(self) -> Decimal | None:
        scores = [Decimal(str(row["score"])) for row in self.panel if "score" in row]
        if not scores:
            return None
        return (sum(scores) / len(scores)).quantize(Decimal("0.1"))

    def duty_lines(self) -> list[str]:
        return [line.strip() for line in self.duties.splitlines() if line.strip()]
