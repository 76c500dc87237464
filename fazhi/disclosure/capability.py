"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role

CAPABILITY = Capability(
    code="disclosure",
    label="村务公开",
    access={**TOWN_BUSINESS, Role.VILLAGE_CADRE: EDIT},
    nav=Nav(
        "村务公开",
        "disclosure:index",
        order=60,
        hint="公开目录、公开内容审核、群众质询、依申请公开",
    ),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.disclosure.selectors.attention_for",
    todo="fazhi.disclosure.selectors.todo_for",
    extra={"display": "fazhi.disclosure.selectors.display_items"},
)
