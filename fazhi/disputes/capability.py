"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role

CAPABILITY = Capability(
    code="disputes",
    label="矛盾纠纷化解",
    access={**TOWN_BUSINESS, Role.VILLAGE_CADRE: EDIT, Role.MEDIATOR: EDIT},
    nav=Nav("矛盾纠纷", "disputes:index", order=30, hint="纠纷登记、调解、移交、排查"),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.disputes.selectors.attention_for",
    deadlines="fazhi.disputes.selectors.tracked_deadlines",
)
