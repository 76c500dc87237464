"""LED screens in the villages, what they show, and whether they are alive."""

import secrets
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import DateWindowValidator
from fazhi.regions.codes import county_town_codes

from .activities import _check_dates

DARK_AFTER = timedelta(minutes=10)  # no heartbeat for this long: the screen has gone dark


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ScreenStatus(models.TextChoices):
    WORKING = "working", "正常"
    FAULTY = "faulty", "故障"
    RETIRED = "retired", "停用"


class ScreenQuerySet(ScopedQuerySet):
    def working(self):
        return self.filter(status=ScreenStatus.WORKING)

    def installed_by(self, day):
        return self.filter(Q(installed_on__isnull=True) | Q(installed_on__lte=day))


class Screen(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="所在村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("名称", max_length=60)
    location = models.CharField("安装位置", max_length=100)
    status = models.CharField(
        "状态", max_length=10, choices=ScreenStatus.choices, default=ScreenStatus.WORKING
    )
    installed_on = models.DateField("安装日期", null=True, blank=True)
    refresh_seconds = models.PositiveSmallIntegerField("内容刷新间隔（秒）", default=60)
    token = models.CharField(
        "播放地址令牌", max_length=64, unique=True, default=new_token, editable=False
    )
    last_seen_at = models.DateTimeField("最近心跳", null=True, blank=True)

    history = audited_history(excluded_fields=["last_seen_at"])
    objects = ScreenQuerySet.as_manager()

    class Meta:
        verbose_name = "LED屏"
        verbose_name_plural = "LED屏"
        ordering = ["region__code", "name"]

    def __str__(self) -> str:
        return f"{self.region} {self.name}"

    def is_dark(self, now=None) -> bool:
        """A working screen that has not reported within DARK_AFTER (or never)."""
        if self.status != ScreenStatus.WORKING:
            return False
        now = now or timezone.now()
        return self.last_seen_at is None or now - self.last_seen_at > DARK_AFTER

    def current_items(self, today=None):
        return ScreenContent.objects.showing_on(self, today or timezone.localdate())


class ScreenContentQuerySet(ScopedQuerySet):
    def current(self, today):
        return self.filter(start_date__lte=today).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )

    def showing_on(self, screen, today):
        """Items of the screen's village and of the town (or county) above it."""
        regions = county_town_codes(screen.region.code)
        return (
            self.current(today)
            .filter(region__code__in=regions)
            .select_related("theme")
            .order_by("-priority", "start_date", "id")
        )


class ScreenContent(Versioned):
    """A slogan or notice scrolled on every screen at or under its region."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="播放范围", on_delete=models.PROTECT, related_name="+"
    )
    text = models.CharField("内容", max_length=200)
    theme = models.ForeignKey(
        "publicity.Theme",
        verbose_name="主题",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField("开始日期")
    end_date = models.DateField(
        "结束日期", null=True, blank=True, validators=[DateWindowValidator(years_ahead=2)]
    )
    priority = models.PositiveSmallIntegerField("优先级", default=5, help_text="数字越大越靠前。")

    history = audited_history()
    objects = ScreenContentQuerySet.as_manager()

    class Meta:
        verbose_name = "LED播放内容"
        verbose_name_plural = "LED播放内容"
        ordering = ["-start_date", "-priority"]

    def __str__(self) -> str:
        return self.text[:30]

    def clean(self):
        _check_dates(self.start_date, self.end_date)
