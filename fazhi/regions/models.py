"""The administrative tree, keyed by the 12-digit 统计用区划代码.

Scope is a code prefix: everything under 黄水镇 (500240105000) is every
region whose code starts with "500240105". The unique index on `code` serves
those prefix queries (PostgreSQL adds a pattern-ops index for LIKE).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import CountLimitValidator
from fazhi.regions import codes


class Level(models.IntegerChoices):
    PROVINCE = 1, "省级"
    CITY = 2, "地级"
    COUNTY = 3, "县级"
    TOWN = 4, "乡级（镇、街道）"
    VILLAGE = 5, "村级（村、社区）"


# How many leading digits of the code name a region at each level.
PREFIX_LENGTH = {
    Level.PROVINCE: 2,
    Level.CITY: 4,
    Level.COUNTY: 6,
    Level.TOWN: 9,
    Level.VILLAGE: 12,
}
CODE_PATTERN = re.compile(r"^\d{12}$")


def level_of_code(code: str) -> Level:
    """The level a 12-digit code stands for, read from its trailing zeros."""
    for level in (Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWN):
        if set(code[PREFIX_LENGTH[level] :]) == {"0"}:
            return level
    return Level.VILLAGE


class RegionQuerySet(ScopedQuerySet):
    scope_region = None
    scope_records = "regions"

    def under(self, prefix: str):
        """Regions at or below the region whose code prefix is `prefix`."""
        return self.in_prefix(prefix)

    def villages(self):
        return self.filter(level=Level.VILLAGE)

    def towns(self):
        return self.filter(level=Level.TOWN)

    def town_of(self, region: "Region"):
        """The town `region` lies in (itself for a town), as a one-row queryset."""
        return self.filter(code=codes.town_code(region.code), level=Level.TOWN)

    def county_of(self, region: "Region"):
        """The county `region` lies in (itself for a county), as a one-row queryset."""
        return self.filter(code=codes.county_code(region.code), level=Level.COUNTY)


class Region(Versioned):
    code = models.CharField("区划代码", max_length=12, unique=True)
    name = models.CharField("名称", max_length=60)
    level = models.PositiveSmallIntegerField("级别", choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    population = models.PositiveIntegerField(
        "常住人口", null=True, blank=True, validators=[CountLimitValidator(100_000_000)]
    )
    distance_km = models.DecimalField(
        "距镇政府（公里）", max_digits=6, decimal_places=1, null=True, blank=True
    )

    history = audited_history()
    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def prefix(self) -> str:
        return self.code[: PREFIX_LENGTH[self.level]]

    @cached_property
    def town(self) -> "Region | None":
        """The town this region lies in (itself for a town; None above a town)."""
        if self.level < Level.TOWN:
            return None
        if self.level == Level.TOWN:
            return self
        if self.parent_id and self.parent.level == Level.TOWN:
            return self.parent
        return Region.objects.town_of(self).first()

    @cached_property
    def county(self) -> "Region | None":
        """The county this region lies in (itself for a county; None above a county)."""
        if self.level < Level.COUNTY:
            return None
        if self.level == Level.COUNTY:
            return self
        return Region.objects.county_of(self).first()

    def contains(self, other: "Region") -> bool:
        return other.code.startswith(self.prefix)

    def clean(self) -> None:
        if not CODE_PATTERN.match(self.code or ""):
            raise ValidationError({"code": "区划代码应为12位数字。"})
        if self.level and level_of_code(self.code) != self.level:
            raise ValidationError(
                {
                    "level": f"区划代码 {self.code} 表示{Level(level_of_code(self.code)).label}，与所选级别不符。"
                }
            )
        if self.parent_id:
            parent = self.parent
            if parent.level >= self.level:
                raise ValidationError({"parent": "上级区划的级别必须高于本级。"})
            if not self.code.startswith(parent.prefix):
                raise ValidationError(
                    {
                        "parent": f"区划代码 {self.code} 不在上级 {parent.name}（{parent.code}）之下。"
                    }
                )
        elif self.level != Level.PROVINCE:
            raise ValidationError({"parent": "除省级外，区划必须有上级。"})

    def ancestors(self) -> list["Region"]:
        """From the top of the tree down to this region's parent, in one query."""
        prefixes = [
            self.code[:n].ljust(12, "0") for n in (2, 4, 6, 9) if n < PREFIX_LENGTH[self.level]
        ]
        return list(Region.objects.filter(code__in=prefixes).order_by("level"))


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", "镇人民政府"
    JUSTICE_OFFICE = "justice_office", "司法所"
    POLICE = "police", "派出所"
    GOVERNANCE_CENTRE = "governance_centre", "综治中心"
    VILLAGE_COMMITTEE = "village_committee", "村(居)民委员会"
    MEDIATION_COMMITTEE = "mediation_committee", "人民调解委员会"
    GUIHE_STUDIO = "guihe_studio", "贵和工作室"
    LAW_FIRM = "law_firm", "律师事务所"
    DEPARTMENT = "department", "政府工作部门"
    OTHER = "other", "其他"


class OrganisationQuerySet(ScopedQuerySet):
    scope_records = "regions"


class Organisation(Versioned):
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类别", max_length=32, choices=OrganisationKind.choices)
    region = models.ForeignKey(
        Region, verbose_name="所属区划", on_delete=models.PROTECT, related_name="organisations"
    )

    history = audited_history()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "组织机构"
        verbose_name_plural = "组织机构"
        ordering = ["region__code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"], name="organisation_unique_name_in_region"
            )
        ]

    def __str__(self) -> str:
        return self.name
