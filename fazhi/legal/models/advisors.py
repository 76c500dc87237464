"""Legal advisors and public lawyers, their engagement contracts and service log."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import DateWindowValidator
from fazhi.personal import EncryptedCharField, mask_phone, validate_phone

# Days before a contract ends at which the office is warned.
EXPIRY_ALERT_DAYS = (60, 30, 7)


class AdvisorKind(models.TextChoices):
    EXTERNAL = "external", "外聘法律顾问"
    PUBLIC_LAWYER = "public_lawyer", "公职律师"


class AdvisorQuerySet(ScopedQuerySet):
    scope_region = "region"
    scope_person = "user"


class Advisor(Versioned):
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="聘请单位所在区划",
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField("类别", max_length=20, choices=AdvisorKind.choices)
    name = models.CharField("姓名", max_length=40)
    firm = models.CharField("执业机构", max_length=100, blank=True)
    licence_number = models.CharField("执业证号", max_length=40, blank=True)
    phone = EncryptedCharField("联系电话", blank=True, validators=[validate_phone])
    speciality = models.CharField("专业特长", max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advisor_profiles",
        help_text="法律顾问用此账号登录，查看发给本人的审查请求并出具意见。",
    )

    history = audited_history()
    objects = AdvisorQuerySet.as_manager()

    class Meta:
        verbose_name = "法律顾问"
        verbose_name_plural = "法律顾问"
        ordering = ["region__code", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @staticmethod
    def linkable_accounts(user):
        """Login accounts an office user may link to an advisor record: active legal
        advisors inside his own scope, never another town's. Forms and the API both
        take their choices from here."""
        from fazhi.accounts.models import User
        from fazhi.core.roles import Role
        from fazhi.core.scope import region_prefix_for

        prefix = region_prefix_for(user)
        if prefix is None:
            return User.objects.none()
        return User.objects.filter(
            role=Role.LEGAL_ADVISOR, is_active=True, region__code__startswith=prefix
        )

    def clean(self) -> None:
        from fazhi.core.roles import Role

        if self.user_id and self.user.role != Role.LEGAL_ADVISOR:
            raise ValidationError({"user": "登录账号的角色必须是“法律顾问”。"})


class ContractQuerySet(ScopedQuerySet):
    scope_region = "region"
    scope_person = "advisor__user"

    def valid_on(self, day: date):
        return self.filter(start__lte=day, end__gte=day)

    def overlapping(self, period):
        return self.filter(start__lte=period.end, end__gte=period.start)

    def reaching_alert_on(self, day: date):
        """Contracts that are exactly 60, 30 or 7 days from their end on `day`."""
        return self.filter(end__in=[day + timedelta(days=n) for n in EXPIRY_ALERT_DAYS])


class Contract(Versioned):
    """An engagement contract (聘请合同); the signed copy is an attachment of kind 合同."""

    advisor = models.ForeignKey(
        Advisor, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="contracts"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField("合同编号", max_length=60, blank=True)
    start = models.DateField("聘期开始")
    end = models.DateField("聘期结束", validators=[DateWindowValidator(years_ahead=6)])
    fee = models.DecimalField("顾问费（元）", max_digits=10, decimal_places=2, default=0)
    scope = models.TextField("服务范围", blank=True)

    history = audited_history()
    objects = ContractQuerySet.as_manager()

    class Meta:
        verbose_name = "聘请合同"
        verbose_name_plural = "聘请合同"
        ordering = ["-end", "id"]

    def __str__(self) -> str:
        return f"{self.advisor.name} {self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "聘期结束日期早于开始日期，请检查。"})
        if self.advisor_id and self.region_id and self.advisor.region_id != self.region_id:
            raise ValidationError({"advisor": "合同所属区划与法律顾问的聘请单位不一致。"})

    def is_valid_on(self, day: date) -> bool:
        return self.start <= day <= self.end

    def days_left(self, today: date) -> int:
        return (self.end - today).days

    def alert(self, today: date) -> int | None:
        """The tightest alert threshold (60, 30 or 7 days) the contract has reached, if any."""
        if not self.is_valid_on(today):
            return None
        left = self.days_left(today)
        reached = [days for days in EXPIRY_ALERT_DAYS if left <= days]
        return min(reached) if reached else None


class ServiceKind(models.TextChoices):
    CONSULTATION = "consultation", "法律咨询"
    CONTRACT_REVIEW = "contract_review", "合同审查"
    NORMATIVE_REVIEW = "normative_review", "规范性文件审查"
    DECISION_REVIEW = "decision_review", "重大决策审查"
    MEDIATION = "mediation", "参与调解"
    PETITION = "petition", "参与信访"
    LITIGATION = "litigation", "参与诉讼"
    LECTURE = "lecture", "法治讲座"
    OTHER = "other", "其他"


class ServiceQuerySet(ScopedQuerySet):
    scope_region = "region"
    scope_person = "advisor__user"

    def in_period(self, period):
        return self.filter(date__gte=period.start, date__lte=period.end)


class Service(Versioned):
    """One entry of an advisor's service log (服务台账)."""

    advisor = models.ForeignKey(
        Advisor, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="services"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField("服务日期")
    kind = models.CharField("服务类别", max_length=20, choices=ServiceKind.choices)
    subject = models.CharField("事项", max_length=200)
    detail = models.TextField("服务内容", blank=True)
    hours = models.DecimalField(
        "用时（小时）", max_digits=5, decimal_places=1, null=True, blank=True
    )

    history = audited_history()
    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = "法律顾问服务记录"
        verbose_name_plural = "法律顾问服务记录"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["region", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}：{self.subject}"

    def clean(self) -> None:
        if self.advisor_id and self.region_id and self.advisor.region_id != self.region_id:
            raise ValidationError({"advisor": "服务记录所属区划与法律顾问的聘请单位不一致。"})


def valid_contract_q(day: date) -> Q:
    return Q(contracts__start__lte=day, contracts__end__gte=day)
