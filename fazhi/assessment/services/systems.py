"""Building indicator systems: create, edit the tree, publish, new edition."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from fazhi.assessment.models import Indicator, Method, Status, System
from fazhi.core.roles import Role, can
from fazhi.regions.models import Region

SYSTEM_FIELDS = ("name", "year", "level", "bonus_cap", "penalty_cap")
INDICATOR_FIELDS = (
    "name",
    "points",
    "criteria",
    "evidence_required",
    "method",
    "metric",
    "params",
    "min_score",
    "order",
)


def ensure_builder(user, system: System | None = None) -> Region:
    """Only a county administrator builds systems, and only their own county's."""
    if user.role != Role.COUNTY_ADMIN or not can(user, "assessment", edit=True):
        raise PermissionDenied("只有县级管理员可以编制指标体系。")
    county = user.region.county if user.region else None
    if county is None:
        raise PermissionDenied("您的账号未设定所属县（区）。")
    if system is not None and system.region_id != county.pk:
        raise PermissionDenied("该指标体系不属于您所在的县（区）。")
    return county


def _editable(system: System) -> None:
    if system.is_published:
        raise ValidationError("已发布的指标体系不能修改，请生成新版本后修改。")


@transaction.atomic
def system_create(*, user, name: str, year: int, level: str, bonus_cap=None, penalty_cap=None):
    county = ensure_builder(user)
    system = System(
        name=name,
        year=year,
        level=level,
        region=county,
        bonus_cap=bonus_cap,
        penalty_cap=penalty_cap,
        created_by=user,
    )
    system.full_clean()
    system.save()
    return system


@transaction.atomic
def system_update(*, user, system: System, **fields) -> System:
    ensure_builder(user, system)
    _editable(system)
    for name in SYSTEM_FIELDS:
        if name in fields:
            setattr(system, name, fields[name])
    system.full_clean()
    system.save()
    return system


@transaction.atomic
def system_delete(*, user, system: System) -> None:
    ensure_builder(user, system)
    _editable(system)
    system.delete()


def renumber(system: System) -> None:
    """Numbers from the tree's order: 1, 1.1, 1.1.1 …"""
    indicators = list(system.indicators.order_by("order", "id"))
    children: dict[int | None, list[Indicator]] = {}
    for indicator in indicators:
        children.setdefault(indicator.parent_id, []).append(indicator)

    def walk(parent_id, prefix):
        for position, indicator in enumerate(children.get(parent_id, []), start=1):
            number = f"{prefix}{position}"
            if indicator.number != number:
                indicator.number = number
                indicator.save(update_fields=["number"])
            walk(indicator.pk, number + ".")

    walk(None, "")


@transaction.atomic
def indicator_save(
    *, user, system: System, indicator: Indicator | None = None, parent=None, **fields
) -> Indicator:
    """Add an indicator (under `parent`, or at the top) or change one."""
    ensure_builder(user, system)
    _editable(system)
    if indicator is None:
        if parent is not None and parent.system_id != system.pk:
            raise ValidationError({"parent": "上级指标不属于该指标体系。"})
        last = system.indicators.filter(parent=parent).aggregate(n=Max("order"))["n"] or 0
        indicator = Indicator(system=system, parent=parent, order=last + 1)
        if parent is not None and parent.method != Method.GROUP:
            parent.method, parent.metric, parent.params = Method.GROUP, "", {}
            parent.save()
    elif indicator.system_id != system.pk:
        raise ValidationError("该指标不属于此指标体系。")
    for name in INDICATOR_FIELDS:
        if name in fields and fields[name] is not None:
            setattr(indicator, name, fields[name])
    if indicator.pk and indicator.children.exists() and indicator.method != Method.GROUP:
        raise ValidationError({"method": "有下级指标的指标只能是分组，分值由下级指标计分。"})
    indicator.full_clean()
    indicator.save()
    renumber(system)
    indicator.refresh_from_db(fields=["number", "version"])
    return indicator


@transaction.atomic
def indicator_delete(*, user, indicator: Indicator) -> None:
    system = indicator.system
    ensure_builder(user, system)
    _editable(system)
    indicator.delete()
    renumber(system)


@transaction.atomic
def system_publish(*, user, system: System) -> System:
    ensure_builder(user, system)
    _editable(system)
    indicators = list(system.indicators.all())
    if not any(i.is_scored for i in indicators):
        raise ValidationError("指标体系中还没有计分的指标，不能发布。")
    parents = {i.parent_id for i in indicators}
    problems = []
    for indicator in indicators:
        if indicator.method == Method.GROUP and indicator.pk not in parents:
            problems.append(f"{indicator.number} {indicator.name}：分组下没有指标")
        try:
            indicator.full_clean()
        except ValidationError as error:
            problems += [f"{indicator.number} {indicator.name}：{m}" for m in error.messages]
    if problems:
        raise ValidationError(problems)
    system.status = Status.PUBLISHED
    system.published_at = timezone.now()
    system.full_clean()
    system.save()
    return system


@transaction.atomic
def system_new_version(*, user, system: System) -> System:
    """A draft copy of `system` (its whole tree) as the next edition."""
    ensure_builder(user, system)
    last = (
        System.objects.filter(
            region=system.region, year=system.year, level=system.level, name=system.name
        ).aggregate(n=Max("edition"))["n"]
        or 0
    )
    draft = System(
        name=system.name,
        year=system.year,
        level=system.level,
        region=system.region,
        edition=last + 1,
        bonus_cap=system.bonus_cap,
        penalty_cap=system.penalty_cap,
        previous=system,
        created_by=user,
    )
    draft.full_clean()
    draft.save()
    copies: dict[int, Indicator] = {}
    # Parents before children: walk the tree from the top.
    pending = list(system.indicators.order_by("order", "id"))
    while pending:
        rest = []
        for indicator in pending:
            if indicator.parent_id is not None and indicator.parent_id not in copies:
                rest.append(indicator)
                continue
            copy = Indicator(
                system=draft,
                parent=copies.get(indicator.parent_id),
                **{name: getattr(indicator, name) for name in INDICATOR_FIELDS},
                number=indicator.number,
            )
            copy.save()
            copies[indicator.pk] = copy
        if len(rest) == len(pending):
            raise ValidationError("指标树结构有误，无法复制。")
        pending = rest
    return draft
