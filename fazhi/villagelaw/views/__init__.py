"""Pages of 公共法律服务与法治乡村: the overview of villages, one page per village,
the registers of each record kind, their forms, and the 村规民约 procedure."""

from fazhi.villagelaw.views.details import (
    compact_detail,
    compact_step,
    compact_text,
    consultation_detail,
    referral_detail,
)
from fazhi.villagelaw.views.edits import (
    assignment_create,
    assignment_edit,
    compact_create,
    consultation_create,
    consultation_edit,
    demonstration_create,
    demonstration_edit,
    referral_create,
    referral_edit,
    visit_create,
    visit_edit,
)
from fazhi.villagelaw.views.registers import (
    assignments,
    compacts,
    consultations,
    demonstrations,
    referrals,
    visits,
)
from fazhi.villagelaw.views.villages import index, village

__all__ = [
    "assignment_create",
    "assignment_edit",
    "assignments",
    "compact_create",
    "compact_detail",
    "compact_step",
    "compact_text",
    "compacts",
    "consultation_create",
    "consultation_detail",
    "consultation_edit",
    "consultations",
    "demonstration_create",
    "demonstration_edit",
    "demonstrations",
    "index",
    "referral_create",
    "referral_detail",
    "referral_edit",
    "referrals",
    "village",
    "visit_create",
    "visit_edit",
    "visits",
]
