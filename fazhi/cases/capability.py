"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS

CAPABILITY = Capability(
    code="cases",
    label="行政诉讼与复议",
    access=TOWN_BUSINESS,
    nav=Nav("诉讼复议", "cases:index", order=30, hint="行政诉讼、行政复议、行政裁决与期限"),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.cases.selectors.attention_for",
    deadlines="fazhi.cases.selectors.tracked_deadlines",
    todo="fazhi.cases.selectors.todo_for",
    extra={"daily": "fazhi.cases.services.daily"},
)
