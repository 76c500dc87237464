"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import VIEW, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role

CAPABILITY = Capability(
    code="dashboard",
    label="驾驶舱",
    access={**TOWN_BUSINESS, Role.VILLAGE_CADRE: VIEW},
    nav=Nav("首页", "home", order=0, card=False),
)
