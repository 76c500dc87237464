"""法律援助转介: a referral to the county's legal-aid centre and its clocks."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.validators import DateWindowValidator
from fazhi.deadlines import compute_deadline
from fazhi.personal import EncryptedCharField, mask_id_number, mask_phone, validate_phone
from fazhi.personal.validators import validate_id_number
from fazhi.villagelaw.models.base import (
    AID_ASSIGN,
    AID_DECIDE,
    URGENT_DAYS,
    VillageQuerySet,
    _village_check,
)
from fazhi.villagelaw.models.consultations import Consultation

# --- 法律援助转介 -------------------------------------------------------------


class AidMatter(models.TextChoices):
    """法律援助法 Art. 31: the civil and administrative matters legal aid covers."""

    STATE_COMPENSATION = "state_compensation", "依法请求国家赔偿"
    SOCIAL_INSURANCE = "social_insurance", "请求给予社会保险待遇或者社会救助"
    PENSION = "pension", "请求发给抚恤金"
    MAINTENANCE = "maintenance", "请求给付赡养费、抚养费、扶养费"
    LABOUR = "labour", "请求确认劳动关系或者支付劳动报酬"
    CAPACITY = "capacity", "请求认定公民无民事行为能力或者限制民事行为能力"
    INJURY = "injury", "请求工伤、交通、食品药品安全、医疗事故人身损害赔偿"
    ENVIRONMENT = "environment", "请求环境污染、生态破坏损害赔偿"
    OTHER = "other", "法律、法规、规章规定的其他情形"


class AidBasis(models.TextChoices):
    """Why the applicant qualifies: hardship, or no hardship check (Art. 32, 42)."""

    HARDSHIP = "hardship", "经济困难（经核查）"
    MARTYR_KIN = "art32_martyr", "英雄烈士近亲属维护英烈权益（第三十二条，不受经济困难条件限制）"
    GOOD_SAMARITAN = "art32_samaritan", "见义勇为主张民事权益（第三十二条）"
    ACQUITTED = "art32_acquitted", "再审改判无罪请求国家赔偿（第三十二条）"
    ABUSE = "art32_abuse", "遭受虐待、遗弃或者家庭暴力（第三十二条）"
    VULNERABLE = (
        "art42_vulnerable",
        "无固定生活来源的未成年人、老年人、残疾人（第四十二条，免予核查）",
    )
    RELIEF = "art42_relief", "社会救助、司法救助或者优抚对象（第四十二条，免予核查）"
    MIGRANT = "art42_migrant", "进城务工人员请求劳动报酬或工伤赔偿（第四十二条，免予核查）"


class AidDecision(models.TextChoices):
    PENDING = "", "尚未决定"
    GRANTED = "granted", "给予法律援助"
    REFUSED = "refused", "不予法律援助"


class AidOutcome(models.TextChoices):
    OPEN = "", "办理中"
    WON = "won", "胜诉或主张得到支持"
    SETTLED = "settled", "调解、和解结案"
    LOST = "lost", "败诉或未获支持"
    WITHDRAWN = "withdrawn", "申请人撤回或终止援助"


class ReferralQuerySet(VillageQuerySet):
    def awaiting_decision(self):
        return self.filter(forwarded_on__isnull=False, decided_on__isnull=True)

    def awaiting_lawyer(self):
        return self.filter(decision=AidDecision.GRANTED, lawyer_assigned_on__isnull=True)


class Referral(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    consultation = models.ForeignKey(
        Consultation,
        verbose_name="来源咨询",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    received_on = models.DateField("受理转介日期")
    applicant = models.CharField("申请人", max_length=40)
    id_number = EncryptedCharField(
        "身份证号码", blank=True, plain_max_length=18, validators=[validate_id_number]
    )
    phone = EncryptedCharField("联系电话", blank=True, validators=[validate_phone])
    matter = models.CharField(
        "援助事项（法律援助法第三十一条）", max_length=30, choices=AidMatter.choices
    )
    basis = models.CharField("援助条件", max_length=30, choices=AidBasis.choices)
    summary = models.TextField("案情摘要", max_length=2000)
    limitation_ends_on = models.DateField(
        "诉讼时效或申请期限届满日",
        null=True,
        blank=True,
        validators=[DateWindowValidator(years_ahead=30)],
        help_text="期限不足7日的，法律援助机构应当先行提供法律援助（法律援助法第四十四条）。",
    )
    centre = models.CharField("转送的法律援助机构", max_length=60, default="石柱县法律援助中心")
    forwarded_on = models.DateField("转送法律援助中心日期", null=True, blank=True)
    decided_on = models.DateField("法律援助中心决定日期", null=True, blank=True)
    decision = models.CharField(
        "决定", max_length=20, choices=AidDecision.choices, blank=True, default=AidDecision.PENDING
    )
    lawyer_assigned_on = models.DateField("指派律师日期", null=True, blank=True)
    lawyer = models.CharField("承办律师", max_length=40, blank=True)
    outcome = models.CharField(
        "办理结果", max_length=20, choices=AidOutcome.choices, blank=True, default=AidOutcome.OPEN
    )
    outcome_note = models.TextField("结果说明", max_length=2000, blank=True)

    history = audited_history()
    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = "法律援助转介"
        verbose_name_plural = "法律援助转介"
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.received_on:%Y-%m-%d} {self.region.name} {self.applicant}"

    def get_absolute_url(self) -> str:
        return reverse("villagelaw:referral_detail", args=[self.pk])

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def id_number_masked(self) -> str:
        return mask_id_number(self.id_number)

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)
        self.id_number = (self.id_number or "").strip().upper()
        errors = {}
        order = [
            ("received_on", "受理转介日期"),
            ("forwarded_on", "转送法律援助中心日期"),
            ("decided_on", "法律援助中心决定日期"),
            ("lawyer_assigned_on", "指派律师日期"),
        ]
        previous = None
        for name, label in order:
            value = getattr(self, name)
            if value is None:
                continue
            if previous is not None and value < previous[1]:
                errors[name] = f"{label}早于{previous[0]}，请检查。"
            previous = (label, value)
        if self.decided_on and not self.forwarded_on:
            errors["forwarded_on"] = "已填写决定日期的，须先填写转送法律援助中心日期。"
        if self.decided_on and not self.decision:
            errors["decision"] = "请选择法律援助中心的决定。"
        if self.decision and not self.decided_on:
            errors["decided_on"] = "请填写法律援助中心作出决定的日期。"
        if self.lawyer_assigned_on and self.decision != AidDecision.GRANTED:
            errors["lawyer_assigned_on"] = "只有决定给予法律援助的，才指派承办律师。"
        if self.lawyer_assigned_on and not self.lawyer.strip():
            errors["lawyer"] = "请填写承办律师。"
        if self.outcome and self.decision != AidDecision.GRANTED:
            errors["outcome"] = "只有给予法律援助的事项才记录办理结果。"
        if errors:
            raise ValidationError(errors)

    # The clocks of 法律援助法 Art. 43.
    def decision_deadline(self, calendar=None):
        if self.forwarded_on is None:
            return None
        return compute_deadline(AID_DECIDE, self.forwarded_on, calendar=calendar)

    def assignment_deadline(self, calendar=None):
        if self.decided_on is None or self.decision != AidDecision.GRANTED:
            return None
        return compute_deadline(AID_ASSIGN, self.decided_on, calendar=calendar)

    @property
    def decision_late(self) -> bool:
        deadline = self.decision_deadline()
        return bool(
            deadline and deadline.due and self.decided_on and self.decided_on > deadline.due
        )

    @property
    def assignment_late(self) -> bool:
        deadline = self.assignment_deadline()
        return bool(
            deadline
            and deadline.due
            and self.lawyer_assigned_on
            and self.lawyer_assigned_on > deadline.due
        )

    def is_urgent(self, today: date) -> bool:
        """Art. 44: under seven days left of a limitation period, while no lawyer acts yet."""
        if self.limitation_ends_on is None or self.lawyer_assigned_on is not None:
            return False
        return (self.limitation_ends_on - today).days < URGENT_DAYS
