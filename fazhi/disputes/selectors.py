"""Reads several dispute pages share."""

from datetime import date, timedelta

from django.urls import reverse

from fazhi.core.capabilities import Attention, TrackedDeadline
from fazhi.deadlines import WorkCalendar
from fazhi.disputes.deadlines import CONCLUDE, deadline_for
from fazhi.disputes.models import Alert, Dispute


def attention_for(user, today: date):
    """The home page's 需要关注 lines for disputes, each linking to its filtered list."""
    disputes = Dispute.objects.for_user(user)
    yield Attention(
        "未读的纠纷预警",
        Alert.objects.for_user(user).unread().count(),
        reverse("disputes:alerts"),
        "bad",
    )
    yield Attention(
        "超过调解期限的纠纷",
        disputes.overdue(today).count(),
        reverse("disputes:index") + "?overdue=true",
        "bad",
    )
    yield Attention(
        "待回访的纠纷",
        disputes.follow_up_due().count(),
        reverse("disputes:index") + "?follow_up_due=true",
    )


def tracked_deadlines(user, start: date, end: date):
    """Open mediation cases whose one-month limit to conclude falls in [start, end]."""
    calendar = WorkCalendar()  # each year's holidays read once, whatever the rows
    # A case accepted more than two months before `start` ran out before it.
    disputes = (
        Dispute.objects.for_user(user)
        .open()
        .filter(accepted_on__gte=start - timedelta(days=62), accepted_on__lte=end)
        .order_by("accepted_on", "pk")
    )
    for dispute in disputes:
        deadline = deadline_for(CONCLUDE, dispute.accepted_on, calendar=calendar)
        if deadline is not None and deadline.due is not None and start <= deadline.due <= end:
            yield TrackedDeadline(
                kind="矛盾纠纷",
                label="调解结案",
                due=deadline.due,
                record=dispute.number,
                url=dispute.get_absolute_url(),
                provisional=deadline.provisional,
            )
