"""Roles and what each may do with each capability.

Visibility of records (which rows) is decided by `scope.py`; this table
decides which capabilities a role reaches at all and whether it may change
them. A role without access answers 403.
"""

from django.db import models


class Role(models.TextChoices):
    SYSADMIN = "sysadmin", "系统管理员"
    COUNTY_ADMIN = "county_admin", "县级管理员"
    TOWN_OFFICER = "town_officer", "镇法治专干"
    TOWN_LEADER = "town_leader", "镇领导"
    VILLAGE_CADRE = "village_cadre", "村(社区)干部"
    MEDIATOR = "mediator", "调解员"
    LEGAL_ADVISOR = "legal_advisor", "法律顾问"
    AUDITOR = "auditor", "审计员"


class Capability(models.TextChoices):
    ACCOUNTS = "accounts", "账号管理"
    REGIONS = "regions", "区划与组织"
    AUDIT = "audit", "审计日志"
    DASHBOARD = "dashboard", "驾驶舱"
    TASKS = "tasks", "任务督办"
    LEGAL = "legal", "法律顾问与重大决策"
    CASES = "cases", "行政诉讼与复议"
    DISPUTES = "disputes", "矛盾纠纷化解"
    PUBLICITY = "publicity", "普法宣传"
    DISCLOSURE = "disclosure", "村务公开"
    ASSESSMENT = "assessment", "考核评估"
    REPORTS = "reports", "年度报告与台账"


VIEW = "view"
EDIT = "edit"

_BUSINESS = [
    Capability.DASHBOARD,
    Capability.TASKS,
    Capability.LEGAL,
    Capability.CASES,
    Capability.DISPUTES,
    Capability.PUBLICITY,
    Capability.DISCLOSURE,
    Capability.ASSESSMENT,
    Capability.REPORTS,
]

ACCESS: dict[str, dict[str, str]] = {
    Role.SYSADMIN: {Capability.ACCOUNTS: EDIT, Capability.REGIONS: EDIT},
    Role.COUNTY_ADMIN: {
        **dict.fromkeys(_BUSINESS, VIEW),
        Capability.REGIONS: VIEW,
        Capability.ASSESSMENT: EDIT,
        Capability.REPORTS: EDIT,
    },
    Role.TOWN_OFFICER: {**dict.fromkeys(_BUSINESS, EDIT), Capability.REGIONS: VIEW},
    Role.TOWN_LEADER: {**dict.fromkeys(_BUSINESS, VIEW), Capability.REGIONS: VIEW},
    Role.VILLAGE_CADRE: {
        Capability.DASHBOARD: VIEW,
        Capability.TASKS: VIEW,
        Capability.PUBLICITY: EDIT,
        Capability.DISPUTES: EDIT,
        Capability.DISCLOSURE: EDIT,
        Capability.ASSESSMENT: VIEW,
        Capability.REGIONS: VIEW,
    },
    Role.MEDIATOR: {Capability.DISPUTES: EDIT},
    Role.LEGAL_ADVISOR: {Capability.LEGAL: EDIT},
    Role.AUDITOR: {Capability.AUDIT: VIEW},
}


def can(user, capability: str, *, edit: bool = False) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    level = ACCESS.get(user.role, {}).get(capability)
    if level is None:
        return False
    return level == EDIT if edit else True
