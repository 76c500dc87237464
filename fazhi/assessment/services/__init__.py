from fazhi.assessment.services.sheets import (
    checkpoint_take,
    entry_return,
    entry_review,
    entry_self_assess,
    may_review,
    may_self_assess,
    sheet_finalise,
    sheet_submit,
    sheets_create,
)
from fazhi.assessment.services.systems import (
    indicator_delete,
    indicator_save,
    system_create,
    system_delete,
    system_new_version,
    system_publish,
    system_update,
)

__all__ = [
    "checkpoint_take",
    "entry_return",
    "entry_review",
    "entry_self_assess",
    "indicator_delete",
    "indicator_save",
    "may_review",
    "may_self_assess",
    "sheet_finalise",
    "sheet_submit",
    "sheets_create",
    "system_create",
    "system_delete",
    "system_new_version",
    "system_publish",
    "system_update",
]
