"""一村（社区）一法律顾问: the advisor's term in a village and the visit log."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.validators import DateWindowValidator
from fazhi.villagelaw.models.base import (
    DEFAULT_HOURS_TARGET,
    DEFAULT_VISITS_TARGET,
    VillageQuerySet,
    _village_check,
)

# --- 一村（社区）一法律顾问 -------------------------------------------------------


class Assignment(Versioned):
    """An advisor engaged for a village for a term, with the county's yearly targets."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    advisor = models.ForeignKey(
        "legal.Advisor",
        verbose_name="法律顾问",
        on_delete=models.PROTECT,
        related_name="village_assignments",
    )
    start = models.DateField("任期开始")
    end = models.DateField("任期结束", validators=[DateWindowValidator(years_ahead=6)])
    duty_schedule = models.CharField(
        "值班安排",
        max_length=200,
        blank=True,
        help_text="例如：每月第一个星期三上午在村便民服务中心。",
    )
    hours_target = models.DecimalField(
        "年度服务时长目标（小时）",
        max_digits=6,
        decimal_places=1,
        default=DEFAULT_HOURS_TARGET,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("2000"))],
    )
    visits_target = models.PositiveSmallIntegerField(
        "年度走访次数目标",
        default=DEFAULT_VISITS_TARGET,
        validators=[MaxValueValidator(366)],
    )

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "村（社区）法律顾问"
        verbose_name_plural = "村（社区）法律顾问"
        ordering = ["region__code", "-start"]

    def __str__(self) -> str:
        return (
            f"{self.region.name} {self.advisor.name}（{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}）"
        )

    def get_absolute_url(self) -> str:
        return reverse("villagelaw:assignment_edit", args=[self.pk])

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "任期结束日期早于开始日期，请检查。"})
        if self.region_id and self.start and self.end:
            overlapping = Assignment.objects.filter(
                region_id=self.region_id, start__lte=self.end, end__gte=self.start
            ).exclude(pk=self.pk)
            other = overlapping.select_related("advisor").first()
            if other is not None:
                raise ValidationError(
                    {
                        "start": (
                            f"任期与{other.advisor.name}在该村（社区）的任期"
                            f"（{other.start:%Y-%m-%d}至{other.end:%Y-%m-%d}）重叠："
                            "同一时间一个村（社区）只聘一名法律顾问。"
                        )
                    }
                )

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


class Visit(Versioned):
    """A day the advisor served the village: the 走访/值班 log."""

    assignment = models.ForeignKey(
        Assignment, verbose_name="驻村法律顾问", on_delete=models.PROTECT, related_name="visits"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField("日期")
    hours = models.DecimalField(
        "服务时长（小时）",
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("24"))],
    )
    work = models.TextField("服务内容", max_length=2000)

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "法律顾问驻村服务"
        verbose_name_plural = "法律顾问驻村服务"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.region.name}"

    def clean(self) -> None:
        if self.assignment_id and self.date and not self.assignment.covers(self.date):
            raise ValidationError(
                {
                    "date": (
                        f"日期不在该法律顾问的任期内（{self.assignment.start:%Y-%m-%d}"
                        f"至{self.assignment.end:%Y-%m-%d}）。"
                    )
                }
            )
