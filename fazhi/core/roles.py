"""Roles, and which capabilities each reaches.

Visibility of records (which rows) is decided by `scope.py`. Which
capabilities a role reaches at all, and whether it may change them, each
capability declares in its own `capability.py` (`Capability.access`); `can`
reads those declarations. A role without access answers 403.
"""

from django.db import models

from fazhi.core import capabilities
from fazhi.core.capabilities import EDIT, VIEW


class Role(models.TextChoices):
    SYSADMIN = "sysadmin", "系统管理员"
    COUNTY_ADMIN = "county_admin", "县级管理员"
    TOWN_OFFICER = "town_officer", "镇法治专干"
    TOWN_LEADER = "town_leader", "镇领导"
    VILLAGE_CADRE = "village_cadre", "村(社区)干部"
    MEDIATOR = "mediator", "调解员"
    LEGAL_ADVISOR = "legal_advisor", "法律顾问"
    AUDITOR = "auditor", "审计员"


# The usual reach of a town's business capability; an app may start from it.
TOWN_BUSINESS = {
    Role.COUNTY_ADMIN: VIEW,
    Role.TOWN_OFFICER: EDIT,
    Role.TOWN_LEADER: VIEW,
}


# Reference data the system administrator keeps and every staff role reads
# (the region tree, the working-day calendar).
REFERENCE_DATA = {
    Role.SYSADMIN: EDIT,
    Role.COUNTY_ADMIN: VIEW,
    Role.TOWN_OFFICER: VIEW,
    Role.TOWN_LEADER: VIEW,
    Role.VILLAGE_CADRE: VIEW,
}


def can(user, capability: str, *, edit: bool = False) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    level = capabilities.get(capability).level_for(user.role)
    if level is None:
        return False
    return level == EDIT if edit else True
