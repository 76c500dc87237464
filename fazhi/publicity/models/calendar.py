"""The days that call for publicity: key dates and the town's market days."""

import calendar as _calendar
import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet

DEFAULT_KEY_DATES = [
    # month, day, name, days the observance lasts
    (3, 15, "3·15 国际消费者权益日", 1),
    (4, 15, "4·15 全民国家安全教育日", 1),
    (6, 26, "6·26 国际禁毒日", 1),
    (11, 9, "11·9 全国消防日", 1),
    (12, 4, "12·4 国家宪法日（宪法宣传周）", 7),
]


class KeyDateQuerySet(ScopedQuerySet):
    pass


class KeyDate(Versioned):
    """A yearly date for publicity (12·4 国家宪法日 …), kept per town and editable."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("名称", max_length=60)
    month = models.PositiveSmallIntegerField("月")
    day = models.PositiveSmallIntegerField("日")
    days = models.PositiveSmallIntegerField("持续天数", default=1)
    theme = models.ForeignKey(
        "publicity.Theme",
        verbose_name="主题",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = KeyDateQuerySet.as_manager()

    class Meta:
        verbose_name = "普法时间节点"
        verbose_name_plural = "普法时间节点"
        ordering = ["month", "day"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if not self.month or not 1 <= self.month <= 12:
            raise ValidationError({"month": "月份应在1至12之间。"})
        if not self.day or not 1 <= self.day <= _calendar.monthrange(2020, self.month)[1]:
            raise ValidationError({"day": f"{self.month}月没有{self.day}日。"})
        if not 1 <= (self.days or 0) <= 31:
            raise ValidationError({"days": "持续天数应在1至31之间。"})

    def start_in(self, year: int) -> date:
        if self.month == 2 and self.day == 29 and not _calendar.isleap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)

    def span_in(self, year: int) -> tuple[date, date]:
        start = self.start_in(year)
        return start, start + timedelta(days=self.days - 1)


_DIGITS = re.compile(r"^\d(,\d)*$")


class MarketDayRuleQuerySet(ScopedQuerySet):
    pass


class MarketDayRule(Versioned):
    """赶集日: the days of the month, by last digit, on which the town holds market."""

    region = models.OneToOneField(
        "regions.Region", verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    last_digits = models.CharField(
        "逢几赶集", max_length=20, help_text="日期的末位数字，用逗号分隔，如“1,4,7”。"
    )

    history = audited_history()
    objects = MarketDayRuleQuerySet.as_manager()

    class Meta:
        verbose_name = "赶集日规则"
        verbose_name_plural = "赶集日规则"

    def __str__(self) -> str:
        return f"{self.region} 逢{self.last_digits.replace(',', '、')}赶集"

    def clean(self):
        self.last_digits = (self.last_digits or "").replace("，", ",").replace(" ", "")
        if not _DIGITS.match(self.last_digits):
            raise ValidationError({"last_digits": "请填写0至9的数字，用逗号分隔，如“1,4,7”。"})

    @property
    def digits(self) -> set[int]:
        return {int(d) for d in self.last_digits.split(",") if d}

    def is_market_day(self, day: date) -> bool:
        return day.day % 10 in self.digits

    def days_between(self, start: date, end: date) -> list[date]:
        days, current = [], start
        while current <= end:
            if self.is_market_day(current):
                days.append(current)
            current += timedelta(days=1)
        return days
