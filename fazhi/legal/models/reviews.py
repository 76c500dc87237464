"""Legality review requests (合法性审查) and the advisor's opinion."""

from datetime import date

from django.conf import settings
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import DateWindowValidator
from fazhi.deadlines import Deadline, compute_deadline

# 《重大行政决策程序暂行条例》第二十六条: the reviewer gets at least 7 working days.
REVIEW_RULE = "decision.legality_review_min"


def review_minimum_due(start: date) -> Deadline:
    """The earliest due date of a legality review sent on `start` (7 working days)."""
    return compute_deadline(REVIEW_RULE, start)


class SubjectKind(models.TextChoices):
    DECISION = "decision", "重大行政决策"
    NORMATIVE = "normative", "行政规范性文件"
    CONTRACT = "contract", "合同"
    OTHER = "other", "其他事项"


class Opinion(models.TextChoices):
    LAWFUL = "lawful", "合法"
    LAWFUL_AFTER_CHANGES = "lawful_after_changes", "修改后合法"
    UNLAWFUL = "unlawful", "不合法"


class ReviewRequestQuerySet(ScopedQuerySet):
    scope_region = "region"
    scope_person = "reviewer__user"

    def pending(self):
        return self.filter(opinion="")

    def answered(self):
        return self.exclude(opinion="")

    def sent_in(self, period):
        return self.filter(sent_on__gte=period.start, sent_on__lte=period.end)


class ReviewRequest(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    subject_kind = models.CharField("审查对象", max_length=20, choices=SubjectKind.choices)
    title = models.CharField("审查事项", max_length=200)
    decision = models.ForeignKey(
        "legal.Decision",
        verbose_name="重大行政决策",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_requests",
    )
    reviewer = models.ForeignKey(
        "legal.Advisor", verbose_name="审查人", on_delete=models.PROTECT, related_name="reviews"
    )
    questions = models.TextField("需审查的问题", blank=True)
    sent_on = models.DateField("送审日期")
    due = models.DateField("审查期限", validators=[DateWindowValidator(years_ahead=2)])
    due_basis = models.CharField("期限依据", max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="送审人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opinion = models.CharField(
        "审查意见", max_length=24, choices=Opinion.choices, blank=True, default=""
    )
    reasons = models.TextField("意见理由", blank=True)
    answered_on = models.DateField("出具日期", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="出具人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "合法性审查请求"
        verbose_name_plural = "合法性审查请求"
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_answered(self) -> bool:
        return bool(self.opinion)

    @property
    def allows_proceeding(self) -> bool:
        return self.opinion in (Opinion.LAWFUL, Opinion.LAWFUL_AFTER_CHANGES)

    def is_overdue(self, today: date) -> bool:
        return not self.is_answered and today > self.due
