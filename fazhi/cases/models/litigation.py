"""Administrative litigation with the town as defendant."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from fazhi.cases.models.common import COMPUTED_DUE, CaseBase
from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import DateWindowValidator


class Instance(models.TextChoices):
    FIRST = "first", "一审"
    SECOND = "second", "二审"


class DecisionKind(models.TextChoices):
    JUDGMENT = "judgment", "判决"
    RULING = "ruling", "裁定"


class Outcome(models.TextChoices):
    DISMISSED_CLAIM = "dismissed_claim", "驳回原告诉讼请求"
    DISMISSED_SUIT = "dismissed_suit", "驳回起诉"
    WITHDRAWN = "withdrawn", "原告撤诉"
    UPHELD_ON_APPEAL = "upheld", "驳回上诉、维持原判"
    REVOKED = "revoked", "撤销被诉行为"
    ILLEGAL = "illegal", "确认违法或无效"
    PERFORM = "perform", "责令履行职责"
    ALTERED = "altered", "变更"
    COMPENSATION = "compensation", "判决赔偿或补偿"
    REVERSED_ON_APPEAL = "reversed", "二审改判或发回重审"


LOSSES = [
    Outcome.REVOKED,
    Outcome.ILLEGAL,
    Outcome.PERFORM,
    Outcome.ALTERED,
    Outcome.COMPENSATION,
]


class AppealChoice(models.TextChoices):
    UNDECIDED = "", "未决定"
    APPEAL = "appeal", "提起上诉"
    NO_APPEAL = "no_appeal", "不上诉"


class Lawsuit(CaseBase):
    stage = models.CharField("审级", max_length=10, choices=Instance.choices, default="first")
    first_instance = models.ForeignKey(
        "self",
        verbose_name="一审案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    court = models.CharField("审理法院", max_length=80)
    plaintiffs = models.CharField("原告", max_length=200)
    cause = models.CharField("案由", max_length=120)
    contested_act = models.TextField("被诉行政行为")
    complaint_received_on = models.DateField("收到起诉状副本日期")
    answer_due = models.DateField("答辩举证期满日", validators=[COMPUTED_DUE])
    answer_due_provisional = models.BooleanField("答辩期满日为暂定", default=False)
    answer_submitted_on = models.DateField("提交答辩状日期", null=True, blank=True)
    decision_kind = models.CharField(
        "裁判类型", max_length=10, choices=DecisionKind.choices, blank=True
    )
    decision_date = models.DateField("裁判日期", null=True, blank=True)
    decision_served_on = models.DateField("裁判文书送达日期", null=True, blank=True)
    outcome = models.CharField("裁判结果", max_length=20, choices=Outcome.choices, blank=True)
    appeal_due = models.DateField("上诉期满日", null=True, blank=True, validators=[COMPUTED_DUE])
    appeal_due_provisional = models.BooleanField("上诉期满日为暂定", default=False)
    appeal = models.CharField(
        "是否上诉", max_length=10, choices=AppealChoice.choices, blank=True, default=""
    )

    history = audited_history()

    class Meta:
        verbose_name = "行政诉讼案件"
        verbose_name_plural = "行政诉讼案件"
        ordering = ["-complaint_received_on", "-pk"]

    def get_absolute_url(self) -> str:
        return reverse("cases:lawsuit", args=[self.pk])

    @property
    def is_decided(self) -> bool:
        return bool(self.decision_date)

    @property
    def is_loss(self) -> bool:
        return self.outcome in LOSSES

    @property
    def status(self) -> str:
        if not self.is_decided:
            return "审理中"
        if self.appeal == AppealChoice.APPEAL:
            return "已上诉"
        return "已裁判"

    def clean(self):
        errors = {}
        received = self.complaint_received_on
        if self.decision_date and received and self.decision_date < received:
            errors["decision_date"] = "裁判日期不能早于收到起诉状副本的日期。"
        served, decided = self.decision_served_on, self.decision_date
        if served and decided and served < decided:
            errors["decision_served_on"] = "送达日期不能早于裁判日期。"
        if self.answer_submitted_on and received and self.answer_submitted_on < received:
            errors["answer_submitted_on"] = "提交答辩状日期不能早于收到起诉状副本的日期。"
        if self.decision_date and not self.outcome:
            errors["outcome"] = "请填写裁判结果。"
        if errors:
            raise ValidationError(errors)


class Appearance(models.TextChoices):
    HEAD = "head", "正职负责人出庭"
    DEPUTY = "deputy", "副职负责人出庭"
    IN_CHARGE = "in_charge", "分管被诉行为的负责人出庭"
    ABSENT = "absent", "负责人未出庭"


HEAD_APPEARED = [Appearance.HEAD, Appearance.DEPUTY, Appearance.IN_CHARGE]


class HearingQuerySet(ScopedQuerySet):
    scope_region = "lawsuit__region"

    def head_appeared(self):
        return self.filter(appearance__in=HEAD_APPEARED)


class Hearing(Versioned):
    """A court session and who answered for the town (《最高人民法院关于行政机关
    负责人出庭应诉若干问题的规定》(2020) 第二条: the head, a deputy head, or the
    leader in charge of the contested act)."""

    lawsuit = models.ForeignKey(
        Lawsuit, verbose_name="案件", on_delete=models.CASCADE, related_name="hearings"
    )
    date = models.DateField("开庭日期", validators=[DateWindowValidator(years_ahead=2)])
    court = models.CharField("法庭", max_length=80)
    appearance = models.CharField("负责人出庭情况", max_length=12, choices=Appearance.choices)
    head_name = models.CharField("出庭负责人（姓名、职务）", max_length=80, blank=True)
    substitute = models.CharField("委托出庭人员", max_length=80, blank=True)
    absence_reason = models.CharField("负责人未出庭理由", max_length=200, blank=True)

    history = audited_history()
    objects = HearingQuerySet.as_manager()

    class Meta:
        verbose_name = "庭审"
        verbose_name_plural = "庭审"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.lawsuit} {self.date:%Y-%m-%d} 开庭"

    @property
    def head_appeared(self) -> bool:
        return self.appearance in HEAD_APPEARED

    def clean(self):
        errors = {}
        if self.appearance in HEAD_APPEARED and not self.head_name.strip():
            errors["head_name"] = "负责人出庭的，请填写出庭负责人的姓名和职务。"
        if self.appearance == Appearance.ABSENT:
            if not self.absence_reason.strip():
                errors["absence_reason"] = "负责人未出庭的，必须说明理由。"
            if not self.substitute.strip():
                errors["substitute"] = "负责人未出庭的，请填写委托出庭的工作人员。"
        received = self.lawsuit.complaint_received_on if self.lawsuit_id else None
        if self.date and received and self.date < received:
            errors["date"] = "开庭日期不能早于收到起诉状副本的日期。"
        if errors:
            raise ValidationError(errors)
