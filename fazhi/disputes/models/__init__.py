from fazhi.disputes.models.choices import (
    MANY_PEOPLE,
    MEDIATION_KINDS,
    HandoverKind,
    Outcome,
    PartyRole,
    Performance,
    Risk,
    Source,
    Status,
)
from fazhi.disputes.models.dispute import Dispute, DisputeType, follow_up_days
from fazhi.disputes.models.mediation import Agreement, FollowUp, Handover, Party, Session
from fazhi.disputes.models.screening import (
    Deliberation,
    Finding,
    ScreeningReport,
)

__all__ = [
    "MANY_PEOPLE",
    "MEDIATION_KINDS",
    "Agreement",
    "Deliberation",
    "Dispute",
    "DisputeType",
    "Finding",
    "FollowUp",
    "Handover",
    "HandoverKind",
    "Outcome",
    "Party",
    "PartyRole",
    "Performance",
    "Risk",
    "ScreeningReport",
    "Session",
    "Source",
    "Status",
    "follow_up_days",
]
