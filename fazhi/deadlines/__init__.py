"""Statutory time limits, shared by every capability.

    from fazhi.deadlines import compute_deadline, add_working_days, is_working_day

    deadline = compute_deadline("mediation.conclude", start_date)
    deadline.due, deadline.basis, deadline.provisional

See docs/deadlines.md.
"""

from fazhi.deadlines.engine import (
    Deadline,
    WorkCalendar,
    add_months,
    add_working_days,
    compute_deadline,
    is_provisional,
    is_working_day,
)
from fazhi.deadlines.rules import RULES, Rule, Unit, UnknownRule, get_rule

__all__ = [
    "RULES",
    "Deadline",
    "Rule",
    "Unit",
    "UnknownRule",
    "WorkCalendar",
    "add_months",
    "add_working_days",
    "compute_deadline",
    "get_rule",
    "is_provisional",
    "is_working_day",
]
