"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role

CAPABILITY = Capability(
    code="legal",
    label="法律顾问与重大决策",
    access={**TOWN_BUSINESS, Role.LEGAL_ADVISOR: EDIT},
    nav=Nav("法律顾问与决策", "legal:index", order=30, hint="法律顾问、合法性审查、重大行政决策"),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.legal.selectors.attention_for",
    deadlines="fazhi.legal.selectors.tracked_deadlines",
)
