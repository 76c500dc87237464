"""The records of 公共法律服务与法治乡村."""

from fazhi.villagelaw.models.advisors import Assignment, Visit
from fazhi.villagelaw.models.base import (
    AID_ASSIGN,
    AID_DECIDE,
    COMPACT_FILE,
    DEFAULT_HOURS_TARGET,
    DEFAULT_VISITS_TARGET,
    URGENT_DAYS,
    VillageQuerySet,
    _village_check,
)
from fazhi.villagelaw.models.compacts import (
    STAGE_AFTER,
    STAGE_BEFORE,
    STEP_ORDER,
    Compact,
    CompactKind,
    CompactStep,
    CompactStepQuerySet,
    Stage,
    StepKind,
    VoteResult,
)
from fazhi.villagelaw.models.consultations import Consultation, ConsultationCategory, ReferredTo
from fazhi.villagelaw.models.demonstrations import DemoLevel, Demonstration
from fazhi.villagelaw.models.referrals import (
    AidBasis,
    AidDecision,
    AidMatter,
    AidOutcome,
    Referral,
    ReferralQuerySet,
)

__all__ = [
    "AID_ASSIGN",
    "AID_DECIDE",
    "AidBasis",
    "AidDecision",
    "AidMatter",
    "AidOutcome",
    "Assignment",
    "COMPACT_FILE",
    "Compact",
    "CompactKind",
    "CompactStep",
    "CompactStepQuerySet",
    "Consultation",
    "ConsultationCategory",
    "DEFAULT_HOURS_TARGET",
    "DEFAULT_VISITS_TARGET",
    "DemoLevel",
    "Demonstration",
    "Referral",
    "ReferralQuerySet",
    "ReferredTo",
    "STAGE_AFTER",
    "STAGE_BEFORE",
    "STEP_ORDER",
    "Stage",
    "StepKind",
    "URGENT_DAYS",
    "VillageQuerySet",
    "Visit",
    "VoteResult",
    "_village_check",
]
