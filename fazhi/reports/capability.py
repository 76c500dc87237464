"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, VIEW, Capability, Nav
from fazhi.core.roles import Role

CAPABILITY = Capability(
    code="reports",
    label="年度报告与台账",
    access={Role.COUNTY_ADMIN: EDIT, Role.TOWN_OFFICER: EDIT, Role.TOWN_LEADER: VIEW},
    nav=Nav("年度报告", "reports:index", order=90, hint="年度报告、台账导入导出"),
    contributes=("metrics", "demo"),
)
