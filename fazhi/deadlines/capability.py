"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import Capability, Nav
from fazhi.core.roles import REFERENCE_DATA

CAPABILITY = Capability(
    code="deadlines",
    label="法定期限",
    access=REFERENCE_DATA,
    nav=Nav("法定期限", "deadlines:index", order=75, hint="法定期限规则与节假日表"),
)
