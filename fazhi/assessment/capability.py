"""What this app contributes to the product (see fazhi/core/capabilities.py).

County administrators build indicator systems and review sheets; the town
officer self-assesses the town's own sheet (and enters the town's scores of
its villages, 镇对村); leaders and village cadres read.
"""

from fazhi.core.capabilities import EDIT, VIEW, Capability, Nav
from fazhi.core.roles import Role

CAPABILITY = Capability(
    code="assessment",
    label="法治建设考核",
    access={
        Role.COUNTY_ADMIN: EDIT,
        Role.TOWN_OFFICER: EDIT,
        Role.TOWN_LEADER: VIEW,
        Role.VILLAGE_CADRE: VIEW,
    },
    nav=Nav("考核", "assessment:index", order=70, hint="指标体系、自评、审核、排名与佐证材料"),
    contributes=("metrics", "report", "demo"),
    todo="fazhi.assessment.selectors.todo_for",
    attention="fazhi.assessment.selectors.attention_for",
)
