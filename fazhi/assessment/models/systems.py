"""Indicator systems (考核指标体系) as versioned data.

A county issues a system for a year and a level (towns or villages); its
indicators form a tree of any depth. A leaf carries its points, the scoring
standard, the evidence it requires and a scoring method. A published system
is fixed: every later change is a new edition, copied to a draft.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.roles import Role
from fazhi.core.scope import ScopedQuerySet
from fazhi.regions import codes
from fazhi.regions.models import Level as RegionLevel

MAX_POINTS = Decimal("1000")


class Level(models.TextChoices):
    TOWN = "town", "镇（街道）"
    VILLAGE = "village", "村（社区）"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"


class Method(models.TextChoices):
    GROUP = "group", "分组（不直接计分）"
    THRESHOLD = "threshold", "自动：达到阈值得满分"
    PROPORTIONAL = "proportional", "自动：按比例得分"
    BANDED = "banded", "自动：分档得分"
    MANUAL = "manual", "人工评分"
    BONUS = "bonus", "加分项"
    PENALTY = "penalty", "减分项"
    VETO = "veto", "一票否决"


AUTOMATIC = {Method.THRESHOLD, Method.PROPORTIONAL, Method.BANDED}
EXTRA = {Method.BONUS, Method.PENALTY, Method.VETO}


class SystemQuerySet(ScopedQuerySet):
    """A system is issued by a county for every town (or village) in it:
    county and town staff read the county's systems, a village cadre the
    village-level ones; other roles none."""

    def for_user(self, user):
        prefix = self._county_prefix_of(user)
        if prefix is None:
            return self.none()
        systems = self.in_prefix(prefix)
        if user.role == Role.VILLAGE_CADRE:
            systems = systems.filter(level=Level.VILLAGE)
        return systems

    @staticmethod
    def _county_prefix_of(user):
        if not user.is_authenticated or not user.is_active:
            return None
        if user.role not in (
            Role.COUNTY_ADMIN,
            Role.TOWN_OFFICER,
            Role.TOWN_LEADER,
            Role.VILLAGE_CADRE,
        ):
            return None
        region = getattr(user, "active_region", None) or user.region
        if region is None:
            return None
        return codes.county_prefix(region.code)

    def published(self):
        return self.filter(status=Status.PUBLISHED)


class System(Versioned):
    name = models.CharField("名称", max_length=200)
    year = models.PositiveSmallIntegerField(
        "年度", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    level = models.CharField("考核对象", max_length=10, choices=Level.choices)
    region = models.ForeignKey(
        "regions.Region", verbose_name="发布单位（县）", on_delete=models.PROTECT, related_name="+"
    )
    edition = models.PositiveSmallIntegerField("版次", default=1)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    bonus_cap = models.DecimalField(
        "加分合计上限",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_POINTS)],
        help_text="留空则只受各加分项自身上限约束",
    )
    penalty_cap = models.DecimalField(
        "减分合计上限",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_POINTS)],
    )
    previous = models.ForeignKey(
        "self",
        verbose_name="上一版",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = SystemQuerySet.as_manager()

    class Meta:
        verbose_name = "考核指标体系"
        verbose_name_plural = "考核指标体系"
        ordering = ["-year", "level", "name", "-edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "level", "name", "edition"], name="system_edition_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}（第{self.edition}版）"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("assessment:system", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def clean(self) -> None:
        if self.region_id and self.region.level != RegionLevel.COUNTY:
            raise ValidationError({"region": "指标体系由县（区）发布。"})

    def save(self, *args, **kwargs):
        # The one guard every path meets (form, service, API, admin, shell):
        # a published system is fixed; publishing itself is the last change.
        if self.pk and System.objects.filter(pk=self.pk, status=Status.PUBLISHED).exists():
            raise ValidationError("已发布的指标体系不能修改，请生成新版本后修改。")
        super().save(*args, **kwargs)

    def leaves(self):
        return self.indicators.filter(children__isnull=True).exclude(method=Method.GROUP)

    def base_points(self) -> Decimal:
        """The points of every scored leaf that is not 加分/减分/一票否决."""
        total = Decimal(0)
        for indicator in self.indicators.all():
            if indicator.is_scored and indicator.method not in EXTRA:
                total += indicator.points
        return total


class IndicatorQuerySet(ScopedQuerySet):
    scope_region = "system__region"

    def for_user(self, user):
        return self.filter(system__in=System.objects.for_user(user))


class Indicator(Versioned):
    system = models.ForeignKey(
        System, verbose_name="指标体系", on_delete=models.CASCADE, related_name="indicators"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级指标",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    order = models.PositiveIntegerField("排序", default=1)
    number = models.CharField("序号", max_length=30, blank=True)
    name = models.CharField("指标名称", max_length=300)
    points = models.DecimalField(
        "分值",
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_POINTS)],
    )
    criteria = models.TextField("评分标准", blank=True)
    evidence_required = models.TextField("佐证材料", blank=True)
    method = models.CharField(
        "计分方式", max_length=15, choices=Method.choices, default=Method.MANUAL
    )
    metric = models.CharField("数据指标代码", max_length=80, blank=True)
    params = models.JSONField("计分参数", default=dict, blank=True)
    min_score = models.DecimalField(
        "最低分",
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_POINTS)],
        help_text="人工评分的下限；上限为分值",
    )

    history = audited_history()
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "考核指标"
        verbose_name_plural = "考核指标"
        ordering = ["system", "order", "id"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()

    @property
    def is_automatic(self) -> bool:
        return self.method in AUTOMATIC

    @property
    def is_scored(self) -> bool:
        return self.method != Method.GROUP

    def clean(self) -> None:
        from fazhi.assessment.scoring import rule_errors

        errors = rule_errors(
            method=self.method,
            metric=self.metric,
            params=self.params,
            points=self.points,
            min_score=self.min_score,
        )
        if self.parent_id and self.system_id and self.parent.system_id != self.system_id:
            errors.setdefault("parent", []).append("上级指标不属于同一指标体系。")
        if errors:
            raise ValidationError(errors)

    def _refuse_if_published(self) -> None:
        if System.objects.filter(pk=self.system_id, status=Status.PUBLISHED).exists():
            raise ValidationError("已发布的指标体系不能修改，请生成新版本后修改。")

    def save(self, *args, **kwargs):
        self._refuse_if_published()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_published()
        return super().delete(*args, **kwargs)
