from django.conf import settings
from django.db import models


class ReminderDigest(models.Model):
    """One deadline digest sent to one person on one day (so a second run of
    `fazhi sendreminders` the same day sends nothing twice)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField("日期")
    items = models.PositiveSmallIntegerField("事项数")
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        verbose_name = "期限提醒记录"
        verbose_name_plural = "期限提醒记录"
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_a_day")]

    def __str__(self) -> str:
        return f"{self.user} {self.day:%Y-%m-%d}"
