"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role

CAPABILITY = Capability(
    code="villagelaw",
    label="公共法律服务与法治乡村",
    # A legal advisor reaches only the villages assigned to them (models.VillageQuerySet).
    access={**TOWN_BUSINESS, Role.VILLAGE_CADRE: EDIT, Role.LEGAL_ADVISOR: EDIT},
    nav=Nav(
        "法治乡村",
        "villagelaw:index",
        order=36,
        hint="村法律顾问、法律咨询、法律援助转介、村规民约、民主法治示范村、本村法治概况",
    ),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.villagelaw.selectors.attention_for",
    deadlines="fazhi.villagelaw.selectors.tracked_deadlines",
    todo="fazhi.villagelaw.selectors.todo_for",
)
