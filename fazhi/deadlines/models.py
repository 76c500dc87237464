"""The holiday table: which dates are not working days, year by year.

A year is *entered* when a `CalendarYear` row exists for it (seeded from
`chinese_calendar` for 2004–2026, or entered by the system administrator from
the State Council's yearly notice). In an entered year a date is a working day
unless it is listed as a holiday, and a weekend date is a rest day unless it is
listed as a make-up working day (调休上班). A year nobody entered falls back to
`statutory.statutory_holidays` plus weekends, and is marked provisional.
"""

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.validators import DateWindowValidator


class Source(models.TextChoices):
    CHINESE_CALENDAR = "chinese_calendar", "历年国务院办公厅放假通知（系统预置）"
    MANUAL = "manual", "系统管理员录入"


class CalendarYear(Versioned):
    year = models.PositiveSmallIntegerField("年份", unique=True)
    source = models.CharField("来源", max_length=20, choices=Source.choices, default=Source.MANUAL)
    notice = models.CharField("依据（国务院办公厅通知）", max_length=200, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    history = audited_history()

    class Meta:
        verbose_name = "节假日年度"
        verbose_name_plural = "节假日年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年"

    def clean(self):
        if self.year is not None and not 1990 <= self.year <= 2100:
            raise ValidationError({"year": "年份应在 1990 至 2100 之间。"})


class Holiday(Versioned):
    calendar = models.ForeignKey(
        CalendarYear, verbose_name="年度", on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField("日期", unique=True, validators=[DateWindowValidator(years_ahead=2)])
    name = models.CharField("名称", max_length=40)
    is_working_day = models.BooleanField(
        "调休上班", default=False, help_text="勾选表示该日（通常是周末）调为工作日。"
    )

    history = audited_history()

    class Meta:
        verbose_name = "节假日与调休"
        verbose_name_plural = "节假日与调休"
        ordering = ["date"]

    def __str__(self) -> str:
        kind = "上班" if self.is_working_day else "放假"
        return f"{self.date:%Y-%m-%d} {self.name}（{kind}）"

    def clean(self):
        if self.date and self.calendar_id and self.date.year != self.calendar.year:
            raise ValidationError({"date": f"日期不在 {self.calendar.year} 年内。"})
