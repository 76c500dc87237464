"""Publicity activities, the themes and campaigns they belong to, and the
谁执法谁普法 responsibility lists of the units that hold them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import CountLimitValidator, DateWindowValidator
from fazhi.regions.codes import county_town_codes

# More people than a township has cannot attend one activity: a bound that
# keeps typing slips (and sums over a year) within reach.
PEOPLE_LIMIT = 1_000_000


class Form(models.TextChoices):
    MARKET_DAY = "market_day", "赶集日集中宣传"
    HOUSEHOLD = "household", "入户走访"
    LECTURE = "lecture", "专题讲座/培训"
    ARTS = "arts", "法治文艺"
    ONLINE = "online", "新媒体/线上"
    LED = "led", "LED/广播"
    THEME_DAY = "theme_day", "主题日活动"
    OTHER = "other", "其他"


class CombinedWork(models.TextChoices):
    HOUSEHOLD_VISITS = "household_visits", "入户走访"
    POVERTY = "poverty", "脱贫攻坚"
    CRIME = "crime", "扫黑除恶"
    DISPUTE_SCREENING = "dispute_screening", "矛盾纠纷排查"
    KEY_PERSONS = "key_persons", "重点人员走访"


class Status(models.TextChoices):
    PLANNED = "planned", "计划"
    HELD = "held", "已开展"


class ThemeQuerySet(models.QuerySet):
    def offered(self, *, keeping=()):
        """Themes a form offers: the active ones, plus `keeping` (a record's own, even if retired)."""
        return self.filter(Q(active=True) | Q(pk__in=[t.pk for t in keeping]))


class Theme(Versioned):
    """A publicity theme (宪法, 民法典, 禁毒 …): configuration shared by all towns.

    A retired theme (`active=False`) is no longer offered on forms but stays on
    the records that carry it.
    """

    name = models.CharField("名称", max_length=30, unique=True)
    order = models.PositiveSmallIntegerField("排序", default=100)
    active = models.BooleanField("启用", default=True)

    history = audited_history()
    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = "普法主题"
        verbose_name_plural = "普法主题"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


def _check_dates(start, end, *, end_field="end_date"):
    if start and end and end < start:
        raise ValidationError({end_field: "结束日期不能早于开始日期。"})


class CampaignQuerySet(ScopedQuerySet):
    def visible_from(self, region):
        """Campaigns of `region` and of the regions above it (a village joins the town's)."""
        codes = county_town_codes(region.code)
        return self.filter(region__code__in=codes)

    def choosable_by(self, user):
        """What a user may pick (or filter by): their scope's campaigns and those above it."""
        region = getattr(user, "active_region", None) or getattr(user, "region", None)
        above = self.visible_from(region) if region is not None else self.none()
        return self.for_user(user) | above


class Campaign(Versioned):
    """A special campaign such as “防控疫情，法治同行”."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("专项名称", max_length=60)
    start_date = models.DateField("开始日期")
    end_date = models.DateField(
        "结束日期", null=True, blank=True, validators=[DateWindowValidator(years_ahead=2)]
    )
    description = models.TextField("说明", blank=True)

    history = audited_history()
    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = "专项宣传"
        verbose_name_plural = "专项宣传"
        ordering = ["-start_date", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        _check_dates(self.start_date, self.end_date)


class ActivityQuerySet(ScopedQuerySet):
    def held(self):
        return self.filter(status=Status.HELD)

    def in_period(self, period):
        return self.filter(date__gte=period.start, date__lte=period.end)

    def reaching(self, village):
        return self.filter(villages=village)

    def with_related(self):
        return self.select_related("region", "organiser", "campaign").prefetch_related(
            "villages", "themes"
        )

    def totals(self) -> dict[str, int]:
        """活动次数, 受教人次 and 资料份数 of these activities in one query (the metrics' sums)."""
        return self.order_by().aggregate(
            activities=Count("id"),
            person_times=Coalesce(Sum("person_times"), 0),
            materials=Coalesce(Sum("materials"), 0),
        )


class Activity(Versioned):
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="所属区划",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="记录归属的镇或村（社区）。",
    )
    title = models.CharField("活动名称", max_length=100)
    date = models.DateField("日期", db_index=True)
    place = models.CharField("地点", max_length=100)
    villages = models.ManyToManyField(
        "regions.Region", verbose_name="覆盖村（社区）", related_name="publicity_activities"
    )
    form = models.CharField("形式", max_length=20, choices=Form.choices)
    concentrated = models.BooleanField("集中开展", default=False)
    themes = models.ManyToManyField(Theme, verbose_name="主题", blank=True, related_name="+")
    combined_with = models.JSONField("结合开展的工作", default=list, blank=True)
    organiser = models.ForeignKey(
        "regions.Organisation",
        verbose_name="组织单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person_times = models.PositiveIntegerField(
        "受教人次", default=0, validators=[CountLimitValidator(PEOPLE_LIMIT)]
    )
    materials = models.PositiveIntegerField(
        "发放资料（份）", default=0, validators=[CountLimitValidator(PEOPLE_LIMIT)]
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name="所属专项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.HELD)
    notes = models.TextField("备注", blank=True)

    history = audited_history()
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = "普法活动"
        verbose_name_plural = "普法活动"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"

    def clean(self):
        unknown = set(self.combined_with or []) - set(CombinedWork.values)
        if unknown:
            raise ValidationError(
                {"combined_with": f"未知的结合工作：{'、'.join(sorted(unknown))}。"}
            )
        if self.status == Status.HELD and self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "尚未到来的活动请登记为“计划”，开展后再确认。"})

    @property
    def combined_with_labels(self) -> list[str]:
        return [CombinedWork(code).label for code in self.combined_with or []]

    def reach_per_village(self) -> float:
        """Person-times attributed to each reached village (shared evenly)."""
        villages = list(self.villages.all())
        return self.person_times / len(villages) if villages else 0.0


RESPONSIBLE_KINDS = [
    "government",
    "justice_office",
    "police",
    "governance_centre",
    "village_committee",
    "department",
]


class ResponsibilityListQuerySet(ScopedQuerySet):
    pass


class ResponsibilityList(Versioned):
    """谁执法谁普法: what one unit must publicise in one year."""

    region = models.ForeignKey(
        "regions.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "regions.Organisation", verbose_name="责任单位", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    laws = models.TextField("普法内容（法律法规）")
    audience = models.CharField("普法对象", max_length=200)
    methods = models.CharField("普法方式", max_length=200)
    frequency = models.CharField("频次", max_length=60)

    history = audited_history()
    objects = ResponsibilityListQuerySet.as_manager()

    class Meta:
        verbose_name = "普法责任清单"
        verbose_name_plural = "普法责任清单"
        ordering = ["-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="responsibility_list_one_per_unit_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}年普法责任清单"

    def clean(self):
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": "年度应在2000至2100之间。"})
        if (
            self.organisation_id
            and self.region_id
            and self.organisation.region_id != self.region_id
        ):
            raise ValidationError({"organisation": "责任单位不属于所选区划。"})


def units_without_list(organisations, year: int):
    """Units (of `organisations`) that must keep a list but have none for `year`."""
    return organisations.filter(kind__in=RESPONSIBLE_KINDS).exclude(
        Q(pk__in=ResponsibilityList.objects.filter(year=year).values("organisation"))
    )
