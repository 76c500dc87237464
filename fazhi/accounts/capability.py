"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import Role

CAPABILITY = Capability(
    code="accounts",
    label="账号管理",
    access={Role.SYSADMIN: EDIT},
    nav=Nav("账号管理", "accounts:users", order=80),
    contributes=("search", "demo"),
)
