from django.conf import settings
from django.db import models

from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import DateWindowValidator

# A due date the engine computes from an entered date: it may fall in the
# year after the window of entered dates.
COMPUTED_DUE = DateWindowValidator(years_ahead=2)


class CaseQuerySet(ScopedQuerySet):
    scope_region = "region"

    def in_period(self, period, field: str):
        return self.filter(**{f"{field}__gte": period.start, f"{field}__lte": period.end})

    def of_person(self, user):
        """Cases the user is responsible for: the handler or the leader in charge."""
        return self.filter(models.Q(handler=user) | models.Q(leader=user))


class CaseBase(Versioned):
    """What the three kinds share: where the case belongs and who answers for it.

    The handler (承办人) and the leader in charge (分管领导) are the people the
    daily reminder digest goes to."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    case_number = models.CharField("案号", max_length=80)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        on_delete=models.PROTECT,
        related_name="+",
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="分管领导",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.case_number
