"""The stored limits of disputes, kept in step with the holiday table.

A dispute stores its limit to conclude and its follow-up due date (set by the
services when it changes); when the holiday table or the follow-up days
change, these are recomputed here, one computation per date, not per case.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q

from fazhi.deadlines import WorkCalendar
from fazhi.disputes.deadlines import CONCLUDE, deadline_for
from fazhi.disputes.models import Dispute, follow_up_days

# A change to year Y's holidays moves the limit of cases accepted from the
# autumn before (a one-month period that ends on a non-working day moves into
# January) to the end of Y.
_REACH_BACK = (10, 1)


@transaction.atomic
def dispute_due_dates_refresh(*, years: Iterable[int] | None = None) -> int:
    """Recompute the stored limits to conclude from the holiday table, for the
    cases the holidays of `years` can move (all cases when None), and the
    follow-up due dates; return how many disputes changed.

    One computation per acceptance date, one UPDATE per date whose stored
    limit differs: the holiday table's year is a few hundred dates, whatever
    the number of disputes.
    """
    calendar = WorkCalendar()
    accepted = Dispute.objects.filter(accepted_on__isnull=False)
    if years is not None:
        window = Q(pk__in=[])
        for year in sorted(set(years)):
            window |= Q(accepted_on__range=(date(year - 1, *_REACH_BACK), date(year, 12, 31)))
        accepted = accepted.filter(window)
    stored = accepted.order_by().values_list(
        "accepted_on", "conclude_due", "conclude_due_provisional"
    )
    changed = 0
    for accepted_on, due, provisional in stored.distinct():
        deadline = deadline_for(CONCLUDE, accepted_on, calendar=calendar)
        assert deadline is not None  # accepted_on is set
        if (deadline.due, deadline.provisional) != (due, provisional):
            changed += accepted.filter(
                accepted_on=accepted_on, conclude_due=due, conclude_due_provisional=provisional
            ).update(conclude_due=deadline.due, conclude_due_provisional=deadline.provisional)
    return changed + _follow_up_due_refresh()


def _follow_up_due_refresh() -> int:
    """Move the waiting follow-ups' due dates if the number of days was changed."""
    days = timedelta(days=follow_up_days())
    waiting = Dispute.objects.filter(follow_up_due__isnull=False).order_by()
    changed = 0
    for concluded_on, due in waiting.values_list("concluded_on", "follow_up_due").distinct():
        if concluded_on is not None and concluded_on + days != due:
            changed += waiting.filter(concluded_on=concluded_on, follow_up_due=due).update(
                follow_up_due=concluded_on + days
            )
    return changed


def holidays_changed(years: Iterable[int]) -> int:
    """The capability's hook the holiday table calls after it changed (see
    fazhi/deadlines/services.py)."""
    return dispute_due_dates_refresh(years=years)
