"""Reads several dispute pages share: 需要关注 and each person's 待办."""

from calendar import monthrange
from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse

from fazhi.core.capabilities import Attention, TodoItem, TrackedDeadline
from fazhi.core.roles import Role
from fazhi.disputes.models import Dispute, ScreeningReport, Status
from fazhi.notices.models import Notice
from fazhi.regions.models import Region


def attention_for(user, today: date):
    """The home page's 需要关注 lines for disputes, each linking to its filtered list."""
    disputes = Dispute.objects.for_user(user)
    yield Attention(
        "未读的纠纷预警",
        Notice.objects.for_user(user).unread().of_kind("disputes").count(),
        reverse("notices:index") + "?kind=disputes&unread=1",
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
    """Open mediation cases whose one-month limit to conclude falls in [start, end]:
    the stored due dates, one indexed query."""
    disputes = Dispute.objects.for_user(user).due_between(start, end).order_by("conclude_due", "pk")
    for dispute in disputes.only("pk", "number", "conclude_due", "conclude_due_provisional"):
        yield TrackedDeadline(
            kind="矛盾纠纷",
            label="调解结案",
            due=dispute.conclude_due,
            record=dispute.number,
            url=dispute.get_absolute_url(),
            provisional=dispute.conclude_due_provisional,
        )


def _month_end(month: date) -> date:
    return month.replace(day=monthrange(month.year, month.month)[1])


def _screening_months(today: date) -> list[date]:
    """The months a village still owes: last month (late once it ended) and this month."""
    this_month = today.replace(day=1)
    return [(this_month - timedelta(days=1)).replace(day=1), this_month]


def _mine(user, today: date):
    disputes = (
        Dispute.objects.for_user(user)
        .open()
        .filter(mediators=user)
        .select_related("region")
        .order_by("accepted_on", "pk")
    )
    for dispute in disputes:
        due = dispute.conclude_due
        yield TodoItem(
            kind="disputes.assigned",
            title=f"调解纠纷{dispute.number}（{dispute.region.name}）：{dispute.summary[:30]}",
            url=dispute.get_absolute_url(),
            due=due,
            level="bad" if due is not None and due < today else "warn",
        )


def _screenings(user, today: date):
    villages = list(Region.objects.for_user(user).villages().order_by("code"))
    months = _screening_months(today)
    filed = set(
        ScreeningReport.objects.filter(region__in=villages, month__in=months).values_list(
            "region_id", "month"
        )
    )
    create = reverse("disputes:screening_create")
    for village in villages:
        for month in months:
            if (village.pk, month) in filed:
                continue
            due = _month_end(month)
            yield TodoItem(
                kind="disputes.screening",
                title=f"填报{village.name}{month:%Y年%m月}矛盾纠纷排查",
                url=f"{create}?month={month:%Y-%m}",
                due=due,
                for_whom=village.name,
                level="bad" if due < today else "warn",
            )


def _awaiting_assignment(user, today: date):
    """Registered disputes that no organisation or mediator has taken on yet."""
    unassigned = (
        Dispute.objects.for_user(user)
        .filter(status=Status.REGISTERED, organisation__isnull=True)
        .exclude(Exists(Dispute.mediators.through.objects.filter(dispute=OuterRef("pk"))))
        .select_related("region")
        .order_by("registered_on", "pk")
    )
    for dispute in unassigned:
        yield TodoItem(
            kind="disputes.unassigned",
            title=f"分派纠纷{dispute.number}（{dispute.region.name}）：{dispute.summary[:30]}",
            url=dispute.get_absolute_url(),
            for_whom="待指定调解组织",
        )


def todo_for(user, today: date):
    """What waits for this person in disputes: cases assigned to them to mediate
    (with the one-month limit), a village's monthly screening not yet filed,
    and for the town officer the cases awaiting assignment. A constant number
    of queries, whatever the number of items."""
    yield from _mine(user, today)
    if user.role == Role.VILLAGE_CADRE:
        yield from _screenings(user, today)
    if user.role == Role.TOWN_OFFICER:
        yield from _awaiting_assignment(user, today)
