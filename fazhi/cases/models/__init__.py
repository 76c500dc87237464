from fazhi.cases.models.adjudication import Adjudication, AdjudicationType
from fazhi.cases.models.common import CaseQuerySet
from fazhi.cases.models.litigation import (
    HEAD_APPEARED,
    LOSSES,
    AppealChoice,
    Appearance,
    DecisionKind,
    Hearing,
    Instance,
    Lawsuit,
    Outcome,
)
from fazhi.cases.models.reconsideration import (
    CORRECTIONS,
    MAX_EXTENSION_DAYS,
    Reconsideration,
    ReconsiderationOutcome,
)

__all__ = [
    "CORRECTIONS",
    "HEAD_APPEARED",
    "LOSSES",
    "MAX_EXTENSION_DAYS",
    "Adjudication",
    "AdjudicationType",
    "AppealChoice",
    "Appearance",
    "CaseQuerySet",
    "DecisionKind",
    "Hearing",
    "Instance",
    "Lawsuit",
    "Outcome",
    "Reconsideration",
    "ReconsiderationOutcome",
]
