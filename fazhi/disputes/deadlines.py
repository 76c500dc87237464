"""The two statutory time limits of a mediation case, from the deadline engine.

- conclude within one month of acceptance (人民调解工作若干规定 Art. 33);
- apply for judicial confirmation within 30 days of the agreement taking
  effect (人民调解法 Art. 33).

Both are computed by `fazhi.deadlines` on the Chinese holiday calendar; the
case code reaches the engine only through `deadline_for`.
"""

from datetime import date

from fazhi.deadlines import Deadline, compute_deadline

CONCLUDE = "mediation.conclude"
JUDICIAL_CONFIRMATION = "mediation.judicial_confirmation"


def deadline_for(rule: str, start: date | None, *, calendar=None) -> Deadline | None:
    """The engine's deadline for `rule` counted from `start`, or None when nothing started it."""
    if start is None:
        return None
    return compute_deadline(rule, start, calendar=calendar)


def conclude_deadline(dispute) -> Deadline | None:
    return deadline_for(CONCLUDE, dispute.accepted_on)


def confirmation_deadline(agreement) -> Deadline | None:
    return deadline_for(JUDICIAL_CONFIRMATION, agreement.effective_on)
