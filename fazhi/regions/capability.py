"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import Capability, Nav
from fazhi.core.roles import REFERENCE_DATA

CAPABILITY = Capability(
    code="regions",
    label="区划与组织",
    access=REFERENCE_DATA,
    nav=Nav("区划与组织", "regions:list", order=70, hint="区划、组织机构"),
    contributes=("search", "demo"),
)
