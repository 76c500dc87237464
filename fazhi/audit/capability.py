"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import VIEW, Capability, Nav
from fazhi.core.roles import Role

CAPABILITY = Capability(
    code="audit",
    label="审计日志",
    access={Role.AUDITOR: VIEW},
    nav=Nav("审计日志", "audit:log", order=90),
)
