"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, VIEW, Capability, Nav
from fazhi.core.roles import Role

CAPABILITY = Capability(
    code="deadlines",
    label="法定期限",
    access={
        Role.SYSADMIN: EDIT,
        Role.COUNTY_ADMIN: VIEW,
        Role.TOWN_OFFICER: VIEW,
        Role.TOWN_LEADER: VIEW,
        Role.VILLAGE_CADRE: VIEW,
    },
    nav=Nav("法定期限", "deadlines:index", order=75, hint="法定期限规则与节假日表"),
)
