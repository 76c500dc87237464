"""民主法治示范村（社区）: a village's standing and self-assessment."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.villagelaw.models.base import VillageQuerySet, _village_check

# --- 民主法治示范村（社区） -------------------------------------------------------


class DemoLevel(models.TextChoices):
    NATIONAL = "national", "全国民主法治示范村（社区）"
    CITY = "city", "市级民主法治示范村（社区）"
    COUNTY = "county", "县级民主法治示范村（社区）"


class Demonstration(Versioned):
    region = models.OneToOneField(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField("命名级别", max_length=20, choices=DemoLevel.choices)
    year_named = models.PositiveSmallIntegerField("命名年度")
    next_review_year = models.PositiveSmallIntegerField("下次复核年度", null=True, blank=True)
    self_score = models.DecimalField(
        "自评得分",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    self_assessment = models.TextField("自评情况", max_length=4000, blank=True)

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "民主法治示范村（社区）"
        verbose_name_plural = "民主法治示范村（社区）"
        ordering = ["region__code"]

    def __str__(self) -> str:
        return f"{self.region.name} {self.get_level_display()}（{self.year_named}年）"

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)
        if self.year_named and self.next_review_year and self.next_review_year < self.year_named:
            raise ValidationError({"next_review_year": "下次复核年度早于命名年度，请检查。"})
