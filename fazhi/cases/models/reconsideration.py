"""Administrative reconsideration with the town as respondent (被申请人)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from fazhi.cases.models.common import COMPUTED_DUE, CaseBase
from fazhi.core.history import audited_history
from fazhi.core.validators import CountLimitValidator

MAX_EXTENSION_DAYS = 30  # 行政复议法第六十二条：延长期限最多不得超过三十日


class ReconsiderationOutcome(models.TextChoices):
    UPHELD = "upheld", "维持"
    REJECTED = "rejected", "驳回复议请求"
    REVOKED = "revoked", "撤销"
    ALTERED = "altered", "变更"
    ILLEGAL = "illegal", "确认违法或无效"
    PERFORM = "perform", "责令履行"
    MEDIATED = "mediated", "调解或和解"
    TERMINATED = "terminated", "终止"


CORRECTIONS = [
    ReconsiderationOutcome.REVOKED,
    ReconsiderationOutcome.ALTERED,
    ReconsiderationOutcome.ILLEGAL,
    ReconsiderationOutcome.PERFORM,
]


class Reconsideration(CaseBase):
    applicant = models.CharField("申请人", max_length=200)
    organ = models.CharField("复议机关", max_length=80)
    contested_act = models.TextField("被申请复议的行政行为")
    received_on = models.DateField("收到申请书副本日期")
    answer_due = models.DateField("答复期满日", validators=[COMPUTED_DUE])
    answer_due_provisional = models.BooleanField("答复期满日为暂定", default=False)
    answer_submitted_on = models.DateField("提交书面答复日期", null=True, blank=True)
    accepted_on = models.DateField("复议机关受理日期")
    decision_due = models.DateField("复议决定期满日", validators=[COMPUTED_DUE])
    decision_due_provisional = models.BooleanField("决定期满日为暂定", default=False)
    extension_days = models.PositiveSmallIntegerField(
        "延长天数", null=True, blank=True, validators=[CountLimitValidator(30)]
    )
    extension_reason = models.CharField("延长理由", max_length=200, blank=True)
    extended_on = models.DateField("延长决定日期", null=True, blank=True)
    decision_date = models.DateField("复议决定日期", null=True, blank=True)
    outcome = models.CharField(
        "复议结果", max_length=20, choices=ReconsiderationOutcome.choices, blank=True
    )

    history = audited_history()

    class Meta:
        verbose_name = "行政复议案件"
        verbose_name_plural = "行政复议案件"
        ordering = ["-received_on", "-pk"]

    def get_absolute_url(self) -> str:
        return reverse("cases:reconsideration", args=[self.pk])

    @property
    def is_corrected(self) -> bool:
        return self.outcome in CORRECTIONS

    @property
    def status(self) -> str:
        return "已决定" if self.decision_date else "审理中"

    def clean(self):
        errors = {}
        if self.accepted_on and self.received_on and self.received_on < self.accepted_on:
            errors["received_on"] = "收到申请书副本的日期不能早于复议机关受理日期。"
        if self.extension_days is not None:
            if not 1 <= self.extension_days <= MAX_EXTENSION_DAYS:
                errors["extension_days"] = "延长期限最多不得超过三十日（行政复议法第六十二条）。"
            if not self.extension_reason.strip():
                errors["extension_reason"] = "延长复议期限须说明理由。"
        if self.decision_date and self.accepted_on and self.decision_date < self.accepted_on:
            errors["decision_date"] = "复议决定日期不能早于受理日期。"
        if self.decision_date and not self.outcome:
            errors["outcome"] = "请填写复议结果。"
        if errors:
            raise ValidationError(errors)
