"""Major administrative decisions (重大行政决策) and their statutory procedure.

The procedure of 《重大行政决策程序暂行条例》 (2019), which townships apply by
reference (Art. 42), is a state machine that cannot be skipped: each step is
recorded in order, with its date, the person responsible and its documents.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import CountLimitValidator, DateWindowValidator

MIN_COMMENT_DAYS = 30  # 条例第十五条


class StepKind(models.TextChoices):
    LAUNCH = "launch", "决策启动"
    PARTICIPATION = "participation", "公众参与"
    EXPERT = "expert", "专家论证"
    RISK = "risk", "风险评估"
    LEGALITY = "legality", "合法性审查"
    DISCUSSION = "discussion", "集体讨论决定"
    PUBLICATION = "publication", "决策公布"
    EVALUATION = "evaluation", "执行与后评估"


STEP_ORDER = list(StepKind.values)


class Stage(models.TextChoices):
    """The step a decision waits for; `done` once evaluated."""

    PARTICIPATION = "participation", "待公众参与"
    EXPERT = "expert", "待专家论证"
    RISK = "risk", "待风险评估"
    LEGALITY = "legality", "待合法性审查"
    DISCUSSION = "discussion", "待集体讨论决定"
    PUBLICATION = "publication", "待公布"
    EVALUATION = "evaluation", "执行与后评估中"
    DONE = "done", "已完成"


class MeetingType(models.TextChoices):
    EXECUTIVE = "executive", "镇政府常务会议"
    PLENARY = "plenary", "镇政府全体会议"
    PARTY_COMMITTEE = "party_committee", "镇党委会议"


class RiskLevel(models.TextChoices):
    LOW = "low", "低风险"
    MEDIUM = "medium", "中风险"
    HIGH = "high", "高风险"


class CatalogueQuerySet(ScopedQuerySet):
    scope_region = "region"

    def published(self):
        return self.filter(published_on__isnull=False)


class Catalogue(Versioned):
    """The yearly catalogue of major decision items (决策事项目录), published to the public."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("目录名称", max_length=200)
    published_on = models.DateField("公布日期", null=True, blank=True)

    history = audited_history()
    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = "重大行政决策事项目录"
        verbose_name_plural = "重大行政决策事项目录"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="legal_catalogue_one_per_year")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_on is not None


class DecisionQuerySet(ScopedQuerySet):
    """Advisors see no decision file: only the review requests sent to them."""

    scope_region = "region"

    def in_year(self, year: int):
        return self.filter(year=year)


class Decision(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    catalogue = models.ForeignKey(
        Catalogue,
        verbose_name="所属事项目录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("决策事项", max_length=200)
    summary = models.TextField("决策内容摘要", blank=True)
    sponsor = models.CharField("承办单位", max_length=100)
    stage = models.CharField(
        "当前环节", max_length=20, choices=Stage.choices, default=Stage.PARTICIPATION
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "重大行政决策"
        verbose_name_plural = "重大行政决策"
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.catalogue_id and self.catalogue.year != self.year:
            raise ValidationError({"catalogue": "所选事项目录的年度与决策年度不一致。"})
        if self.catalogue_id and self.catalogue.region_id != self.region_id:
            raise ValidationError({"catalogue": "所选事项目录不属于本镇。"})

    @property
    def is_done(self) -> bool:
        return self.stage == Stage.DONE

    def next_step(self) -> str | None:
        return None if self.is_done else self.stage

    def stage_after(self, kind: str) -> str:
        position = STEP_ORDER.index(kind)
        return STEP_ORDER[position + 1] if position + 1 < len(STEP_ORDER) else Stage.DONE


class DecisionStepQuerySet(ScopedQuerySet):
    scope_region = "decision__region"


class DecisionStep(Versioned):
    """One recorded step of a decision's procedure; fields beyond the first few belong to one kind."""

    # The fields that belong to one kind of step, in the order forms and files show them.
    DETAIL_FIELDS = (
        "comment_start",
        "comment_end",
        "short_period_reason",
        "comments_received",
        "expert_required",
        "experts",
        "no_expert_reason",
        "risk_level",
        "review_request",
        "meeting_type",
        "attendance",
        "chief_decision",
        "channel",
    )

    decision = models.ForeignKey(
        Decision, verbose_name="重大行政决策", on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField("环节", max_length=20, choices=StepKind.choices)
    date = models.DateField("日期")
    responsible = models.CharField("负责人", max_length=60)
    note = models.TextField("情况说明", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # 公众参与
    comment_start = models.DateField("征求意见开始", null=True, blank=True)
    comment_end = models.DateField(
        "征求意见截止", null=True, blank=True, validators=[DateWindowValidator(years_ahead=2)]
    )
    short_period_reason = models.CharField("期限少于30日的理由", max_length=300, blank=True)
    comments_received = models.PositiveIntegerField(
        "收到意见（条）", null=True, blank=True, validators=[CountLimitValidator(1_000_000)]
    )
    # 专家论证
    expert_required = models.BooleanField("需要专家论证", null=True, blank=True)
    experts = models.CharField("论证专家", max_length=300, blank=True)
    no_expert_reason = models.CharField("不需论证的理由", max_length=300, blank=True)
    # 风险评估
    risk_level = models.CharField("风险等级", max_length=10, choices=RiskLevel.choices, blank=True)
    # 合法性审查
    review_request = models.ForeignKey(
        "legal.ReviewRequest",
        verbose_name="合法性审查意见",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # 集体讨论决定
    meeting_type = models.CharField(
        "会议类型", max_length=20, choices=MeetingType.choices, blank=True
    )
    attendance = models.CharField("出席人员", max_length=300, blank=True)
    chief_decision = models.TextField("行政首长决定", blank=True)
    # 公布
    channel = models.CharField("公布渠道", max_length=200, blank=True)

    history = audited_history()
    objects = DecisionStepQuerySet.as_manager()

    class Meta:
        verbose_name = "决策程序环节"
        verbose_name_plural = "决策程序环节"
        ordering = ["decision", "date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "kind"], name="legal_step_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.decision} · {self.get_kind_display()}"

    @property
    def position(self) -> int:
        return STEP_ORDER.index(self.kind)

    @property
    def comment_days(self) -> int | None:
        if self.comment_start and self.comment_end:
            return (self.comment_end - self.comment_start).days
        return None

    def clean(self) -> None:
        from fazhi.legal.procedure import step_errors

        errors = step_errors(self)
        if errors:
            raise ValidationError(errors)
