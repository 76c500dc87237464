"""The two statutory time limits of a mediation case, from the deadline engine.

- conclude within one month of acceptance (人民调解工作若干规定 Art. 33);
- apply for judicial confirmation within 30 days of the agreement taking
  effect (人民调解法 Art. 33).

Every call to the engine goes through `deadline_for` so the case code does not
depend on how the engine is reached.
"""

from datetime import date


def deadline_for(rule: str, start: date | None):
    """The engine's `Deadline` for `rule` counted from `start`, or None when there is no start."""
    if start is None:
        return None
    try:
        from fazhi.deadlines import compute_deadline
    except ImportError:  # the engine has not landed on this branch yet
        return None
    return compute_deadline(rule, start)


def conclude_deadline(dispute):
    return deadline_for("mediation.conclude", dispute.accepted_on)


def confirmation_deadline(agreement):
    return deadline_for("mediation.judicial_confirmation", agreement.effective_on)
