"""What this app contributes to the product (see fazhi/core/capabilities.py)."""

from fazhi.core.capabilities import EDIT, Capability, Nav
from fazhi.core.roles import TOWN_BUSINESS, Role

CAPABILITY = Capability(
    code="publicity",
    label="普法宣传",
    access={**TOWN_BUSINESS, Role.VILLAGE_CADRE: EDIT},
    nav=Nav("普法宣传", "publicity:index", order=40, hint="普法活动、受教人次、法律明白人、LED屏"),
    contributes=("metrics", "report", "search", "demo"),
)
