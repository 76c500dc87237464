"""一村（社区）一法律顾问, 法律咨询, 法律援助转介, 村规民约 and 民主法治示范村.

Every record belongs to a village (`region`). A legal advisor sees the
records of the villages assigned to them (`VillageQuerySet.for_user`); every
other role follows the one scope rule of `fazhi/core/scope.py`.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.roles import Role
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import DateWindowValidator
from fazhi.deadlines import compute_deadline
from fazhi.personal import EncryptedCharField, mask_id_number, mask_phone, validate_phone
from fazhi.personal.validators import validate_id_number
from fazhi.regions.models import Level

# Deadline rules (fazhi/deadlines/rules.py).
AID_DECIDE = "legal_aid.decide"
AID_ASSIGN = "legal_aid.assign"
COMPACT_FILE = "village_compact.file"
# 法律援助法 Art. 44: urgent handling when the limitation period is about to run out.
URGENT_DAYS = 7
# The county's usual yearly targets for a village's advisor.
DEFAULT_HOURS_TARGET = Decimal("24")
DEFAULT_VISITS_TARGET = 12  # one a month


class VillageQuerySet(ScopedQuerySet):
    """Records of a village: the scope rule, and for a legal advisor the villages assigned to them."""

    scope_region = "region"

    def for_user(self, user):
        if getattr(user, "role", None) != Role.LEGAL_ADVISOR:
            return super().for_user(user)
        from fazhi.core.scope import region_prefix_for

        prefix = region_prefix_for(user)
        if prefix is None:
            return self.none()
        assigned = Assignment.objects.filter(advisor__user=user).values("region")
        return self.in_prefix(prefix).filter(**{f"{self.scope_region}__in": assigned})

    def in_year(self, year: int, field: str = "date"):
        return self.filter(**{f"{field}__year": year})

    def in_period(self, period, field: str = "date"):
        return self.filter(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _village_check(region) -> None:
    if region is not None and region.level != Level.VILLAGE:
        raise ValidationError({"region": "请选择村（社区），不能选择镇或县。"})


# --- 一村（社区）一法律顾问 -------------------------------------------------------


class Assignment(Versioned):
    """An advisor engaged for a village for a term, with the county's yearly targets."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    advisor = models.ForeignKey(
        "legal.Advisor",
        verbose_name="法律顾问",
        on_delete=models.PROTECT,
        related_name="village_assignments",
    )
    start = models.DateField("任期开始")
    end = models.DateField("任期结束", validators=[DateWindowValidator(years_ahead=6)])
    duty_schedule = models.CharField(
        "值班安排",
        max_length=200,
        blank=True,
        help_text="例如：每月第一个星期三上午在村便民服务中心。",
    )
    hours_target = models.DecimalField(
        "年度服务时长目标（小时）",
        max_digits=6,
        decimal_places=1,
        default=DEFAULT_HOURS_TARGET,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("2000"))],
    )
    visits_target = models.PositiveSmallIntegerField(
        "年度走访次数目标",
        default=DEFAULT_VISITS_TARGET,
        validators=[MaxValueValidator(366)],
    )

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "村（社区）法律顾问"
        verbose_name_plural = "村（社区）法律顾问"
        ordering = ["region__code", "-start"]

    def __str__(self) -> str:
        return (
            f"{self.region.name} {self.advisor.name}（{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}）"
        )

    def get_absolute_url(self) -> str:
        return reverse("villagelaw:assignment_edit", args=[self.pk])

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "任期结束日期早于开始日期，请检查。"})
        if self.region_id and self.start and self.end:
            overlapping = Assignment.objects.filter(
                region_id=self.region_id, start__lte=self.end, end__gte=self.start
            ).exclude(pk=self.pk)
            other = overlapping.select_related("advisor").first()
            if other is not None:
                raise ValidationError(
                    {
                        "start": (
                            f"任期与{other.advisor.name}在该村（社区）的任期"
                            f"（{other.start:%Y-%m-%d}至{other.end:%Y-%m-%d}）重叠："
                            "同一时间一个村（社区）只聘一名法律顾问。"
                        )
                    }
                )

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


class Visit(Versioned):
    """A day the advisor served the village: the 走访/值班 log."""

    assignment = models.ForeignKey(
        Assignment, verbose_name="驻村法律顾问", on_delete=models.PROTECT, related_name="visits"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField("日期")
    hours = models.DecimalField(
        "服务时长（小时）",
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("24"))],
    )
    work = models.TextField("服务内容", max_length=2000)

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "法律顾问驻村服务"
        verbose_name_plural = "法律顾问驻村服务"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.region.name}"

    def clean(self) -> None:
        if self.assignment_id and self.date and not self.assignment.covers(self.date):
            raise ValidationError(
                {
                    "date": (
                        f"日期不在该法律顾问的任期内（{self.assignment.start:%Y-%m-%d}"
                        f"至{self.assignment.end:%Y-%m-%d}）。"
                    )
                }
            )


# --- 法律咨询台账 -------------------------------------------------------------


class ConsultationCategory(models.TextChoices):
    FAMILY = "family", "婚姻家庭、继承"
    LAND = "land", "土地承包、宅基地"
    LABOUR = "labour", "劳动报酬、工伤"
    NEIGHBOUR = "neighbour", "邻里、相邻关系"
    CONTRACT = "contract", "合同、债务"
    TORT = "tort", "人身、财产损害赔偿"
    ADMINISTRATIVE = "administrative", "行政事务（征收、补偿、救助等）"
    OTHER = "other", "其他"


class ReferredTo(models.TextChoices):
    NONE = "none", "当场解答，未转介"
    MEDIATION = "mediation", "转人民调解"
    LEGAL_AID = "legal_aid", "转法律援助"
    LITIGATION = "litigation", "引导诉讼"
    HOTLINE = "hotline", "转12348公共法律服务热线"


class Consultation(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    advisor = models.ForeignKey(
        "legal.Advisor",
        verbose_name="解答的法律顾问",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    date = models.DateField("咨询日期")
    person_name = models.CharField("咨询人", max_length=40)
    phone = EncryptedCharField("联系电话", blank=True, validators=[validate_phone])
    category = models.CharField("咨询类别", max_length=20, choices=ConsultationCategory.choices)
    question = models.TextField("咨询问题", max_length=2000)
    answer = models.TextField("解答意见", max_length=4000, blank=True)
    referred_to = models.CharField(
        "转介去向", max_length=20, choices=ReferredTo.choices, default=ReferredTo.NONE
    )

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "法律咨询"
        verbose_name_plural = "法律咨询"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.region.name} {self.person_name}"

    def get_absolute_url(self) -> str:
        return reverse("villagelaw:consultation_detail", args=[self.pk])

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)


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


# --- 村规民约 ---------------------------------------------------------------


class CompactKind(models.TextChoices):
    VILLAGE = "village", "村规民约"
    RESIDENTS = "residents", "居民公约"


class Stage(models.TextChoices):
    DRAFT = "draft", "起草"
    REVIEWED = "reviewed", "法律顾问已审核"
    OPINION = "opinion", "镇合法性审查已出具意见"
    VOTED = "voted", "村（居）民会议已表决通过"
    FILED = "filed", "已报镇备案"
    ADOPTED = "adopted", "已施行"


class StepKind(models.TextChoices):
    REVIEW = "review", "法律顾问审核"
    OPINION = "opinion", "镇合法性审查意见"
    VOTE = "vote", "村（居）民会议表决"
    FILING = "filing", "报镇备案"
    ADOPTION = "adoption", "公布施行"
    CORRECTION = "correction", "责令改正"


# Which step moves a compact from one stage to the next, in order.
STEP_ORDER = [StepKind.REVIEW, StepKind.OPINION, StepKind.VOTE, StepKind.FILING, StepKind.ADOPTION]
STAGE_BEFORE = {
    StepKind.REVIEW: Stage.DRAFT,
    StepKind.OPINION: Stage.REVIEWED,
    StepKind.VOTE: Stage.OPINION,
    StepKind.FILING: Stage.VOTED,
    StepKind.ADOPTION: Stage.FILED,
}
STAGE_AFTER = {
    StepKind.REVIEW: Stage.REVIEWED,
    StepKind.OPINION: Stage.OPINION,
    StepKind.VOTE: Stage.VOTED,
    StepKind.FILING: Stage.FILED,
    StepKind.ADOPTION: Stage.ADOPTED,
}


class Compact(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=20, choices=CompactKind.choices)
    title = models.CharField("名称", max_length=100)
    text = models.TextField("条文", max_length=20000)
    stage = models.CharField(
        "办理阶段", max_length=20, choices=Stage.choices, default=Stage.DRAFT, editable=False
    )
    revision = models.PositiveSmallIntegerField("修订稿次", default=1, editable=False)

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "村规民约"
        verbose_name_plural = "村规民约"
        ordering = ["region__code", "-id"]

    def __str__(self) -> str:
        return f"{self.region.name}{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("villagelaw:compact_detail", args=[self.pk])

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)

    @property
    def reviewed(self) -> bool:
        """Past the advisor's review and the town's legality opinion in this round."""
        return self.stage in (Stage.OPINION, Stage.VOTED, Stage.FILED, Stage.ADOPTED)


class VoteResult(models.TextChoices):
    PASSED = "passed", "通过"
    FAILED = "failed", "未通过"


class CompactStepQuerySet(VillageQuerySet):
    scope_region = "compact__region"


class CompactStep(Versioned):
    """One step of a compact's procedure; a correction order starts a new round."""

    compact = models.ForeignKey(
        Compact, verbose_name="村规民约", on_delete=models.CASCADE, related_name="steps"
    )
    revision = models.PositiveSmallIntegerField("修订稿次", editable=False)
    kind = models.CharField("环节", max_length=20, choices=StepKind.choices)
    date = models.DateField("日期")
    note = models.TextField("意见或说明", max_length=4000, blank=True)
    lawful = models.BooleanField("经审查合法", null=True, blank=True)
    attendance = models.PositiveIntegerField(
        "到会人数", null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    eligible = models.PositiveIntegerField(
        "应到人数", null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    votes_for = models.PositiveIntegerField(
        "赞成票数", null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    result = models.CharField("表决结果", max_length=20, choices=VoteResult.choices, blank=True)

    history = audited_history()
    objects = CompactStepQuerySet.as_manager()

    class Meta:
        verbose_name = "村规民约办理环节"
        verbose_name_plural = "村规民约办理环节"
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"


# --- 民主法治示范村（社区） -------------------------------------------------------


class DemoLevel(models.TextChoices):
    NATIONAL = "national", "全国民主法治示范村（社区）"
    CITY = "city", "市级民主法治示范村（社区）"
    COUNTY = "county", "县级民主法治示范村（社区）"


class Demonstration(Versioned):
    region = models.OneToOneField(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField("命名级别", max_length=20, choices=DemoLevel.choices)
    year_named = models.PositiveSmallIntegerField("命名年度")
    next_review_year = models.PositiveSmallIntegerField("下次复核年度", null=True, blank=True)
    self_score = models.DecimalField(
        "自评得分",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    self_assessment = models.TextField("自评情况", max_length=4000, blank=True)

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "民主法治示范村（社区）"
        verbose_name_plural = "民主法治示范村（社区）"
        ordering = ["region__code"]

    def __str__(self) -> str:
        return f"{self.region.name} {self.get_level_display()}（{self.year_named}年）"

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)
        if self.year_named and self.next_review_year and self.next_review_year < self.year_named:
            raise ValidationError({"next_review_year": "下次复核年度早于命名年度，请检查。"})
