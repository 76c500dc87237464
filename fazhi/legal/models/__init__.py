"""Legal advisors, legality review and major administrative decisions."""

from fazhi.legal.models.advisors import (
    Advisor,
    AdvisorKind,
    Contract,
    Service,
    ServiceKind,
)
from fazhi.legal.models.decisions import (
    STEP_ORDER,
    Catalogue,
    Decision,
    DecisionStep,
    MeetingType,
    RiskLevel,
    Stage,
    StepKind,
)
from fazhi.legal.models.reviews import Opinion, ReviewRequest, SubjectKind

__all__ = [
    "STEP_ORDER",
    "Advisor",
    "AdvisorKind",
    "Catalogue",
    "Contract",
    "Decision",
    "DecisionStep",
    "MeetingType",
    "Opinion",
    "ReviewRequest",
    "RiskLevel",
    "Service",
    "ServiceKind",
    "Stage",
    "StepKind",
    "SubjectKind",
]
