"""The catalogue: the county's and the town's categories, and each village's supervisors."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from fazhi.core.locking import version_check
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.disclosure.models import (
    Category,
    Level,
    Supervisor,
)
from fazhi.disclosure.services.common import _ensure_editor

# --- catalogue --------------------------------------------------------------------


@transaction.atomic
def category_save(
    *, user, region, year: int, name: str, frequency: str, level: str = Level.VILLAGE,
    source: str = "county", villages=(), basis: str = "", order: int = 0, active: bool = True,
    category: Category | None = None, version: int | None = None,
) -> Category:  # fmt: skip
    """Create or change one line of a town's catalogue (the town officer's work)."""
    _ensure_editor(user)
    if user.role not in (Role.TOWN_OFFICER,):
        raise PermissionDenied("公开目录由乡镇维护。")
    ensure_region_in_scope(user, region)
    if region.level != 4:
        raise ValidationError({"region": "公开目录按乡镇维护，请选择乡镇。"})
    outside = [v.name for v in villages if not v.code.startswith(region.prefix)]
    if outside:
        raise ValidationError({"villages": f"适用村(社区)：{'、'.join(outside)}不属于本乡镇。"})
    if category is None:
        category = Category(region=region)
    else:
        version_check(instance=category, version=version, submitted={"name": name})
    category.year, category.name, category.frequency = year, name, frequency
    category.level, category.source, category.basis = level, source, basis
    category.order, category.active = order, active
    category.full_clean()
    category.save()
    category.villages.set(villages)
    return category


def category_import_row(values: dict, *, user, region) -> Category:
    """One row of an imported catalogue (the ledger's save): by year and name."""
    existing = Category.objects.filter(
        region=region, year=values["year"], name=values["name"]
    ).first()
    return category_save(
        user=user,
        region=region,
        year=values["year"],
        name=values["name"],
        frequency=values["frequency"],
        level=values.get("level") or Level.VILLAGE,
        source=values.get("source") or "county",
        villages=values.get("villages") or [],
        basis=values.get("basis", ""),
        category=existing,
    )


@transaction.atomic
def supervisor_assign(*, user, region, person, since: date) -> Supervisor:
    """Name the 村务监督委员会 member who reviews `region`'s posts."""
    _ensure_editor(user)
    if user.role != Role.TOWN_OFFICER:
        raise PermissionDenied("村务监督委员会成员由乡镇登记。")
    ensure_region_in_scope(user, region)
    if person.region_id != region.id:
        raise ValidationError({"person": f"审核人：{person}不是{region.name}的账号。"})
    supervisor, _ = Supervisor.objects.get_or_create(
        region=region, user=person, defaults={"since": since}
    )
    return supervisor


def is_supervisor(user, region) -> bool:
    return Supervisor.objects.filter(region=region, user=user).exists()
