"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role
from fazhi.notices.kinds import notice_kind

CAPABILITY = Capability(
    code="legal",
    label="法律顾问与重大决策",
    access={**TOWN_BUSINESS, Role.LEGAL_ADVISOR: EDIT},
    nav=Nav("法律顾问与决策", "legal:index", order=30, hint="法律顾问、合法性审查、重大行政决策"),
    contributes=("metrics", "report", "search", "demo"),
    attention="fazhi.legal.selectors.attention_for",
    deadlines="fazhi.legal.selectors.tracked_deadlines",
    todo="fazhi.legal.selectors.todo_for",
    extra={"daily": "fazhi.legal.selectors.daily"},
)

notice_kind("legal.review_requested", "合法性审查请求送达我", email=True)
notice_kind("legal.review_answered", "我送审的事项已出具审查意见", email=True)
notice_kind("legal.contract_expiring", "法律顾问聘请合同到期前60、30、7天", email=True)
