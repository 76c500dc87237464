"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, VIEW, Capability, Nav
from fazhi.core.roles import Role
from fazhi.notices.kinds import notice_kind

CAPABILITY = Capability(
    code="tasks",
    label="上级通知与任务督办",
    # The village cadre reads his village's tasks and reports progress on them
    # (a write); only the town officer registers notices, sets and confirms tasks
    # (services.can_manage). Mediators and advisors have no access.
    access={
        Role.COUNTY_ADMIN: VIEW,
        Role.TOWN_OFFICER: EDIT,
        Role.TOWN_LEADER: VIEW,
        Role.VILLAGE_CADRE: EDIT,
    },
    nav=Nav("任务督办", "tasks:index", order=20, hint="上级通知、任务分解、进展与季度对账"),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.tasks.selectors.attention_for",
    todo="fazhi.tasks.selectors.todo_for",
)

notice_kind("tasks.assigned", "任务交给我落实", email=True)
notice_kind("tasks.returned", "我报完成的任务被退回", email=True)
