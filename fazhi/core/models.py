"""Kernel tables: the numbering counters and the one-time submission claims.

Both exist so that two requests arriving at the same moment cannot collide: a
counter row is locked by the transaction that takes the next number, and a
claim row makes the second POST of one form find the first one's result.

Importing this module (Django does, while loading apps) first installs the
input validators on every field of every fazhi model, these included.
"""

from django.conf import settings
from django.db import models

from fazhi.core import fields

fields.install()  # before any model class below is defined


class Counter(models.Model):
    """The last number handed out for one sequence (key) in one year."""

    key = models.CharField("序列", max_length=60)
    year = models.PositiveSmallIntegerField("年度")
    last_value = models.PositiveBigIntegerField("已用最大序号", default=0)

    class Meta:
        verbose_name = "编号计数器"
        verbose_name_plural = verbose_name
        constraints = [
            models.UniqueConstraint(fields=["key", "year"], name="core_counter_key_year_unique")
        ]

    def __str__(self):
        return f"{self.key} {self.year}: {self.last_value}"


class SubmissionClaim(models.Model):
    """A form's one-time token, taken by the first POST that carries it."""

    token = models.CharField("提交令牌", max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True
    )
    result_url = models.CharField("结果地址", max_length=500, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "表单提交记录"
        verbose_name_plural = verbose_name

    def __str__(self):
        return self.token
