"""What needs a person's attention now, for their home page.

Each line counts records through the capability's own queryset methods and the
scope rule, and links to the filtered list that shows exactly those records.
A line appears only for a role that may open the capability, and only when
its count is not zero. The number of queries does not grow with the records.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.roles import Capability, Role, can


@dataclass(frozen=True)
class Attention:
    label: str
    count: int
    url: str
    level: str = "warn"  # warn | bad


def _disputes(user, today):
    from fazhi.disputes.models import Alert, Dispute

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


def _cases(user, today):
    from fazhi.cases.selectors import reminders_for

    reminders = reminders_for(user, today, mine=False)
    overdue = sum(1 for reminder in reminders if reminder.overdue(today))
    url = reverse("cases:reminders") + "?all=1"
    yield Attention("已逾期的诉讼、复议期限", overdue, url, "bad")
    yield Attention("三个工作日内届满的诉讼、复议期限", len(reminders) - overdue, url)


def _legal(user, today):
    from fazhi.legal.models import ReviewRequest

    yield Attention(
        "待出具的合法性审查意见",
        ReviewRequest.objects.for_user(user).pending().count(),
        reverse("legal:reviews"),
    )


PROVIDERS = [
    (Capability.DISPUTES, _disputes),
    (Capability.CASES, _cases),
    (Capability.LEGAL, _legal),
]


def attention_for(user) -> list[Attention]:
    if user.role in (Role.SYSADMIN, Role.AUDITOR):
        return []
    today = timezone.localdate()
    found = []
    for capability, provider in PROVIDERS:
        if can(user, capability):
            found += [item for item in provider(user, today) if item.count]
    return found
