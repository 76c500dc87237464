from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import CountLimitValidator
from fazhi.disputes.models.choices import HandoverKind, PartyRole, Performance
from fazhi.personal import EncryptedCharField, mask_id_number, mask_phone, validate_phone
from fazhi.personal.fields import digest
from fazhi.personal.validators import validate_id_number


class CaseRecordQuerySet(ScopedQuerySet):
    """Records of one dispute: seen by whoever may see the dispute."""

    scope_region = "dispute__region"
    scope_organisation = "dispute__organisation"


class Party(Versioned):
    dispute = models.ForeignKey(
        "disputes.Dispute", verbose_name="纠纷", on_delete=models.CASCADE, related_name="parties"
    )
    name = models.CharField("姓名", max_length=40)
    role = models.CharField("当事人类别", max_length=20, choices=PartyRole.choices)
    phone = EncryptedCharField("联系电话", blank=True, validators=[validate_phone])
    id_number = EncryptedCharField(
        "身份证号码", blank=True, plain_max_length=18, validators=[validate_id_number]
    )
    id_digest = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    address = models.CharField("住址", max_length=100, blank=True)

    history = audited_history()
    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        ordering = ["dispute", "role", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.id_number = (self.id_number or "").strip().upper()
        self.id_digest = digest(self.id_number) if self.id_number else ""

    @property
    def id_number_masked(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)


class Session(Versioned):
    dispute = models.ForeignKey(
        "disputes.Dispute", verbose_name="纠纷", on_delete=models.CASCADE, related_name="sessions"
    )
    held_on = models.DateField("调解日期")
    attendees = models.CharField("参加人员", max_length=200)
    notes = models.TextField("调解情况")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = audited_history()
    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "调解记录"
        verbose_name_plural = "调解记录"
        ordering = ["dispute", "held_on", "id"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} 调解"

    def clean(self) -> None:
        if self.held_on and self.dispute_id and self.held_on < self.dispute.registered_on:
            raise ValidationError(
                {
                    "held_on": f"调解日期不能早于纠纷登记日期（{self.dispute.registered_on:%Y年%m月%d日}）。"
                }
            )


class Agreement(Versioned):
    """人民调解协议 reached when mediation succeeds."""

    dispute = models.OneToOneField(
        "disputes.Dispute", verbose_name="纠纷", on_delete=models.CASCADE, related_name="agreement"
    )
    facts = models.TextField("纠纷主要事实及争议事项")
    terms = models.TextField("协议内容")
    performance_method = models.CharField("履行方式及期限", max_length=200, blank=True)
    signed_on = models.DateField("签订日期")
    effective_on = models.DateField("生效日期")
    performance = models.CharField(
        "履行情况", max_length=20, choices=Performance.choices, default=Performance.PENDING
    )
    performance_note = models.CharField("履行说明", max_length=200, blank=True)
    copies = models.PositiveSmallIntegerField(
        "协议份数", default=3, validators=[CountLimitValidator(100)]
    )
    confirmation_applied_on = models.DateField("申请司法确认日期", null=True, blank=True)

    history = audited_history()
    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "调解协议"
        verbose_name_plural = "调解协议"

    def __str__(self) -> str:
        return f"{self.dispute.number} 调解协议"

    def clean(self) -> None:
        if self.signed_on and self.effective_on and self.effective_on < self.signed_on:
            raise ValidationError({"effective_on": "生效日期不能早于签订日期。"})
        applied = self.confirmation_applied_on
        if applied and self.effective_on and applied < self.effective_on:
            raise ValidationError(
                {"confirmation_applied_on": "申请司法确认日期不能早于协议生效日期。"}
            )


class Handover(Versioned):
    """A case handed over to another channel, and what the receiving side did."""

    dispute = models.ForeignKey(
        "disputes.Dispute", verbose_name="纠纷", on_delete=models.CASCADE, related_name="handovers"
    )
    kind = models.CharField("移交方式", max_length=20, choices=HandoverKind.choices)
    receiver = models.CharField("接收单位", max_length=100)
    reason = models.TextField("移交理由")
    handed_on = models.DateField("移交日期")
    result = models.TextField("接收方处理结果", blank=True)
    result_on = models.DateField("结果日期", null=True, blank=True)
    handed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = audited_history()
    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "移交记录"
        verbose_name_plural = "移交记录"
        ordering = ["dispute", "handed_on", "id"]

    def __str__(self) -> str:
        return f"移交{self.receiver}"

    def clean(self) -> None:
        if self.handed_on and self.dispute_id and self.handed_on < self.dispute.registered_on:
            raise ValidationError({"handed_on": "移交日期不能早于纠纷登记日期。"})
        if self.result_on and self.handed_on and self.result_on < self.handed_on:
            raise ValidationError({"result_on": "结果日期不能早于移交日期。"})


class FollowUp(Versioned):
    """回访: a visit to the parties after the case is concluded."""

    dispute = models.ForeignKey(
        "disputes.Dispute", verbose_name="纠纷", on_delete=models.CASCADE, related_name="follow_ups"
    )
    visited_on = models.DateField("回访日期")
    notes = models.TextField("回访情况")
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = audited_history()
    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "回访记录"
        verbose_name_plural = "回访记录"
        ordering = ["dispute", "visited_on"]

    def __str__(self) -> str:
        return f"{self.visited_on:%Y-%m-%d} 回访"

    def clean(self) -> None:
        concluded_on = self.dispute.concluded_on if self.dispute_id else None
        if self.visited_on and concluded_on and self.visited_on < concluded_on:
            raise ValidationError({"visited_on": "回访日期不能早于办结日期。"})
