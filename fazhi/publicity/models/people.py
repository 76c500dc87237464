"""法律明白人 and their training; cadres' law study and exams."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.personal import EncryptedCharField, mask_phone, validate_phone
from fazhi.regions.codes import town_code

LAW_UNDERSTANDER_TARGET = 3  # per village, unless the page is asked for another
HOURS = [MinValueValidator(Decimal("0.5"), "学时应不少于0.5。"), MaxValueValidator(Decimal("100"))]


class Background(models.TextChoices):
    CADRE = "cadre", "村干部"
    GRID = "grid", "网格员"
    MEDIATOR = "mediator", "调解员"
    PARTY = "party", "党员"
    ELDERS = "elders", "五老"
    OTHER = "other", "其他"


class LawUnderstanderQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class LawUnderstander(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="所在村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("姓名", max_length=40)
    phone = EncryptedCharField("联系电话", blank=True, validators=[validate_phone])
    background = models.CharField("身份", max_length=10, choices=Background.choices)
    since = models.DateField("确定日期", null=True, blank=True)
    active = models.BooleanField("在册", default=True)

    history = audited_history()
    objects = LawUnderstanderQuerySet.as_manager()

    class Meta:
        verbose_name = "法律明白人"
        verbose_name_plural = "法律明白人"
        ordering = ["region__code", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


class TrainingQuerySet(ScopedQuerySet):
    def in_period(self, period):
        return self.filter(date__gte=period.start, date__lte=period.end)


class Training(Versioned):
    """A training for 法律明白人."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField("日期")
    title = models.CharField("培训内容", max_length=100)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1, validators=HOURS)
    attendees = models.ManyToManyField(
        LawUnderstander, verbose_name="参训人员", blank=True, related_name="trainings"
    )

    history = audited_history()
    objects = TrainingQuerySet.as_manager()

    class Meta:
        verbose_name = "法律明白人培训"
        verbose_name_plural = "法律明白人培训"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class CadreQuerySet(ScopedQuerySet):
    pass


class Cadre(Versioned):
    """A cadre (干部) whose law study is recorded."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("姓名", max_length=40)
    position = models.CharField("职务", max_length=60)
    active = models.BooleanField("在职", default=True)

    history = audited_history()
    objects = CadreQuerySet.as_manager()

    class Meta:
        verbose_name = "干部"
        verbose_name_plural = "干部"
        ordering = ["region__code", "name"]

    def __str__(self) -> str:
        return self.name


class StudyKind(models.TextChoices):
    BEFORE_MEETING = "before_meeting", "会前学法"
    CENTRAL_GROUP = "central_group", "中心组学法"
    LECTURE = "lecture", "专题讲座"
    ONLINE = "online", "网上学法"
    OTHER = "other", "其他"


class StudySessionQuerySet(ScopedQuerySet):
    def in_period(self, period):
        return self.filter(date__gte=period.start, date__lte=period.end)


class StudySession(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField("日期")
    kind = models.CharField("形式", max_length=20, choices=StudyKind.choices)
    title = models.CharField("学习内容", max_length=100)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1, validators=HOURS)
    attendees = models.ManyToManyField(
        Cadre, verbose_name="参学干部", blank=True, related_name="study_sessions"
    )

    history = audited_history()
    objects = StudySessionQuerySet.as_manager()

    class Meta:
        verbose_name = "干部学法"
        verbose_name_plural = "干部学法"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class ExamQuerySet(ScopedQuerySet):
    pass


class Exam(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField("日期")
    title = models.CharField("考试名称", max_length=100)
    pass_mark = models.PositiveSmallIntegerField("及格分", default=60)

    history = audited_history()
    objects = ExamQuerySet.as_manager()

    class Meta:
        verbose_name = "学法考试"
        verbose_name_plural = "学法考试"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class ExamScoreQuerySet(ScopedQuerySet):
    scope_region = "exam__region"


class ExamScore(Versioned):
    exam = models.ForeignKey(
        Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="scores"
    )
    cadre = models.ForeignKey(
        Cadre, verbose_name="干部", on_delete=models.PROTECT, related_name="scores"
    )
    score = models.DecimalField(
        "成绩",
        max_digits=5,
        decimal_places=1,
        validators=[
            MinValueValidator(0, "成绩不能为负数。"),
            MaxValueValidator(100, "成绩不能超过100分。"),
        ],
    )

    history = audited_history()
    objects = ExamScoreQuerySet.as_manager()

    class Meta:
        verbose_name = "考试成绩"
        verbose_name_plural = "考试成绩"
        ordering = ["exam", "cadre__name"]
        constraints = [
            models.UniqueConstraint(fields=["exam", "cadre"], name="exam_score_once_per_cadre")
        ]

    def __str__(self) -> str:
        return f"{self.cadre} {self.score}"

    def clean(self):
        if self.exam_id and self.cadre_id and not self.exam.region.contains(self.cadre.region):
            raise ValidationError({"cadre": "该干部不在本次考试的区划范围内。"})

    @property
    def passed(self) -> bool:
        return self.score >= self.exam.pass_mark


class TargetsQuerySet(ScopedQuerySet):
    pass


class Targets(Versioned):
    """A town's thresholds: when a village counts as under-served, how many 法律明白人 it needs."""

    region = models.OneToOneField(
        "regions.Region", verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    underserved_below = models.DecimalField(
        "受教人次/常住人口 低于（每年）",
        max_digits=5,
        decimal_places=3,
        default=Decimal("0.050"),
        validators=[MinValueValidator(Decimal("0"), "阈值不能为负数。")],
        help_text="一年内受教人次与常住人口之比低于此值的村（社区）标为覆盖不足。",
    )
    law_understanders_per_village = models.PositiveSmallIntegerField(
        "每村法律明白人目标数", default=LAW_UNDERSTANDER_TARGET
    )

    history = audited_history()
    objects = TargetsQuerySet.as_manager()

    class Meta:
        verbose_name = "普法工作目标"
        verbose_name_plural = "普法工作目标"

    def __str__(self) -> str:
        return f"{self.region}普法工作目标"

    @classmethod
    def for_region(cls, region) -> "Targets":
        """The targets of the town at or above `region` (defaults when none are set)."""
        town = town_code(region.code)
        found = cls.objects.filter(region__code=town).first()
        return found or cls(region=region)

    @classmethod
    def targets_under(cls, region) -> dict[str, int]:
        """Town code → its 法律明白人 target per village, for the towns at or under
        `region` (and the one above it) that set one; one query."""
        rows = cls.objects.filter(region__code=town_code(region.code)) | cls.objects.in_region(
            region
        )
        return dict(rows.values_list("region__code", "law_understanders_per_village"))
