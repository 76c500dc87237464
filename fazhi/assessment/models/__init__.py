from fazhi.assessment.models.duty import DutyRecord, DutyRole
from fazhi.assessment.models.sheets import (
    Checkpoint,
    Entry,
    EntryStatus,
    Sheet,
    SheetStatus,
)
from fazhi.assessment.models.systems import (
    AUTOMATIC,
    EXTRA,
    Indicator,
    Level,
    Method,
    Status,
    System,
)

__all__ = [
    "AUTOMATIC",
    "EXTRA",
    "Checkpoint",
    "DutyRecord",
    "DutyRole",
    "Entry",
    "EntryStatus",
    "Indicator",
    "Level",
    "Method",
    "Sheet",
    "SheetStatus",
    "Status",
    "System",
]
