"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role
from fazhi.notices.kinds import notice_kind

CAPABILITY = Capability(
    code="disputes",
    label="矛盾纠纷化解",
    access={**TOWN_BUSINESS, Role.VILLAGE_CADRE: EDIT, Role.MEDIATOR: EDIT},
    nav=Nav("矛盾纠纷", "disputes:index", order=30, hint="纠纷登记、调解、移交、排查"),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.disputes.selectors.attention_for",
    deadlines="fazhi.disputes.selectors.tracked_deadlines",
    todo="fazhi.disputes.selectors.todo_for",
    extra={"holidays_changed": "fazhi.disputes.due_dates.holidays_changed"},
)

notice_kind("disputes.alert", "纠纷预警（可能激化、重大风险、涉及人数多）", email=True)
notice_kind("disputes.assigned", "纠纷分派给我调解", email=True)
notice_kind("disputes.handed_over", "纠纷已移交，待跟进处理结果")
