from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.roles import Role
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import CountLimitValidator, DateWindowValidator
from fazhi.disputes.models.choices import MANY_PEOPLE, Outcome, Risk, Source, Status
from fazhi.regions.models import Level

# A computed date lies up to a month or two past the date it is counted from,
# which may itself be late next year: a wider window than typed dates get.
COMPUTED_DUE = DateWindowValidator(years_ahead=2)

# Days after a case is concluded when the follow-up visit (回访) falls due.
FOLLOW_UP_DAYS_DEFAULT = 30


def follow_up_days() -> int:
    return int(getattr(settings, "FAZHI_DISPUTE_FOLLOW_UP_DAYS", FOLLOW_UP_DAYS_DEFAULT))


class DisputeType(Versioned):
    """The dispute categories, kept as data so a town can add its own."""

    name = models.CharField("名称", max_length=30, unique=True)
    order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    history = audited_history()

    class Meta:
        verbose_name = "纠纷类型"
        verbose_name_plural = "纠纷类型"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class DisputeQuerySet(ScopedQuerySet):
    scope_region = "region"
    scope_organisation = "organisation"

    def open(self):
        return self.filter(status__in=[Status.REGISTERED, Status.MEDIATING])

    def registered_in(self, period):
        return self.filter(registered_on__range=(period.start, period.end))

    def overdue(self, today: date | None = None):
        """Open cases past the one-month limit to conclude: the stored due date,
        an indexed comparison (a date the engine cannot compute is stored empty
        and never counted late)."""
        today = today or timezone.localdate()
        return self.open().filter(conclude_due__lt=today)

    def due_between(self, start: date, end: date):
        """Open cases whose limit to conclude falls in [start, end]."""
        return self.open().filter(conclude_due__range=(start, end))

    def follow_up_due(self, today: date | None = None):
        """Concluded cases whose follow-up visit is due and not yet made."""
        today = today or timezone.localdate()
        return self.filter(status=Status.CONCLUDED, follow_up_due__lte=today)

    def with_related(self):
        return self.select_related("region", "dispute_type", "organisation").prefetch_related(
            "mediators"
        )


class Dispute(models.Model):
    number = models.CharField("编号", max_length=30, unique=True, editable=False)
    region = models.ForeignKey(
        "regions.Region", verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField("来源", max_length=20, choices=Source.choices)
    dispute_type = models.ForeignKey(
        DisputeType, verbose_name="纠纷类型", on_delete=models.PROTECT, related_name="disputes"
    )
    place = models.CharField("发生地点", max_length=100, blank=True)
    summary = models.TextField("简要情况")
    amount = models.DecimalField(
        "涉及金额（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    people_involved = models.PositiveIntegerField(
        "涉及人数", default=2, validators=[CountLimitValidator(100_000)]
    )
    risk = models.CharField("风险等级", max_length=10, choices=Risk.choices, default=Risk.LOW)
    may_escalate = models.BooleanField("可能激化", default=False)
    registered_on = models.DateField("登记日期")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name="调解组织",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    mediators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="调解员", blank=True, related_name="+"
    )
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    outcome = models.CharField("调解结果", max_length=20, choices=Outcome.choices, blank=True)
    concluded_on = models.DateField("办结日期", null=True, blank=True)
    outcome_note = models.TextField("结果说明", blank=True)
    # Stored, not recomputed per request (see `set_due_dates`), so "overdue"
    # and "due soon" are indexed comparisons; refreshed when the holiday table
    # changes (`due_dates.dispute_due_dates_refresh`).
    conclude_due = models.DateField(
        "调解期满日", null=True, blank=True, editable=False, validators=[COMPUTED_DUE]
    )
    conclude_due_provisional = models.BooleanField(
        "调解期满日为暂定", default=False, editable=False
    )
    follow_up_due = models.DateField(
        "回访到期日",
        null=True,
        blank=True,
        editable=False,
        help_text="已回访的纠纷为空。",
        validators=[COMPUTED_DUE],
    )
    version = models.PositiveIntegerField("版本", default=1, editable=False)

    history = audited_history(m2m_fields=[mediators])
    objects = DisputeQuerySet.as_manager()

    class Meta:
        verbose_name = "矛盾纠纷"
        verbose_name_plural = "矛盾纠纷"
        ordering = ["-registered_on", "-id"]
        indexes = [
            models.Index(fields=["registered_on", "id"], name="dispute_registered"),
            models.Index(fields=["status", "conclude_due"], name="dispute_conclude_due"),
            models.Index(fields=["follow_up_due"], name="dispute_follow_up_due"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.summary[:20]}"

    def get_absolute_url(self) -> str:
        return reverse("disputes:detail", args=[self.pk])

    def clean(self) -> None:
        if self.region_id and self.region.level != Level.VILLAGE:
            raise ValidationError({"region": "纠纷应登记到具体的村(社区)。"})
        if self.registered_on and self.registered_on > timezone.localdate():
            raise ValidationError({"registered_on": "登记日期不能晚于今天。"})
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": "涉及金额不能为负数。"})
        if self.people_involved is not None and self.people_involved < 1:
            raise ValidationError({"people_involved": "涉及人数至少为1人。"})
        if self.accepted_on and self.registered_on and self.accepted_on < self.registered_on:
            raise ValidationError({"accepted_on": "受理日期不能早于登记日期。"})
        if self.concluded_on and self.accepted_on and self.concluded_on < self.accepted_on:
            raise ValidationError({"concluded_on": "办结日期不能早于受理日期。"})
        if (
            self.organisation_id
            and self.region_id
            and not self.organisation.region.contains(self.region)
        ):
            raise ValidationError({"organisation": "调解组织应属本村(社区)或本镇。"})

    @property
    def needs_alert(self) -> bool:
        """A dispute that may escalate or involves many people: tell the leader at once."""
        return self.may_escalate or self.risk == Risk.HIGH or self.people_involved >= MANY_PEOPLE

    @property
    def is_closed(self) -> bool:
        return self.status in (Status.CONCLUDED, Status.HANDED_OVER)

    def full_id_visible_to(self, user) -> bool:
        """The full ID number is for the case's mediators and the town officer only."""
        if user.role == Role.TOWN_OFFICER:
            return True
        return any(m.pk == user.pk for m in self.mediators.all())

    def follow_up_on(self):
        if self.status != Status.CONCLUDED or not self.concluded_on:
            return None
        return self.concluded_on + timedelta(days=follow_up_days())

    def set_due_dates(self, *, calendar=None, followed_up: bool = False) -> None:
        """Store the one-month limit to conclude, counted by the deadline engine
        from acceptance, and the day the follow-up visit falls due (none once a
        visit is recorded, `followed_up`). Pass one `WorkCalendar` when setting
        many records, so each year's holidays are read once."""
        from fazhi.disputes.deadlines import CONCLUDE, deadline_for

        deadline = deadline_for(CONCLUDE, self.accepted_on, calendar=calendar)
        self.conclude_due = deadline.due if deadline is not None else None
        self.conclude_due_provisional = bool(deadline is not None and deadline.provisional)
        self.follow_up_due = None if followed_up else self.follow_up_on()
