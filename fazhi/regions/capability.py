"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, VIEW, Capability, Nav
from fazhi.core.roles import Role

CAPABILITY = Capability(
    code="regions",
    label="区划与组织",
    access={
        Role.SYSADMIN: EDIT,
        Role.COUNTY_ADMIN: VIEW,
        Role.TOWN_OFFICER: VIEW,
        Role.TOWN_LEADER: VIEW,
        Role.VILLAGE_CADRE: VIEW,
    },
    nav=Nav("区划与组织", "regions:list", order=70, hint="区划、组织机构"),
    contributes=("search", "demo"),
)
