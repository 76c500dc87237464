"""Reads the case pages share: which year and month a page opens on.

A first visit should show the work there is, not an empty current year: the
overview opens on the latest year with a case in the user's scope, the
calendar on the current month while deadlines or hearings lie ahead, else on
the month of the latest one. Both stay switchable on the page.
"""

from datetime import date

from django.db.models import Max
from django.urls import reverse

from fazhi.cases.models import Adjudication, Hearing, Lawsuit, Reconsideration
from fazhi.cases.reminders import WINDOW, open_deadlines, reminders_for
from fazhi.core.capabilities import Attention, TodoItem
from fazhi.core.roles import Role
from fazhi.deadlines import add_working_days


def _latest(*values) -> date | None:
    found = [value for value in values if value]
    return max(found) if found else None


def case_latest_year(*, user) -> int | None:
    """The latest year in which a case in the user's scope was received or applied for."""
    latest = _latest(
        Lawsuit.objects.for_user(user).aggregate(d=Max("complaint_received_on"))["d"],
        Reconsideration.objects.for_user(user).aggregate(d=Max("received_on"))["d"],
        Adjudication.objects.for_user(user).aggregate(d=Max("applied_on"))["d"],
    )
    return latest.year if latest else None


def case_calendar_month(*, user, today: date) -> date:
    """The first day of the month the calendar opens on."""
    this_month = today.replace(day=1)
    lawsuits = Lawsuit.objects.for_user(user).aggregate(
        answer=Max("answer_due"), appeal=Max("appeal_due")
    )
    reconsiderations = Reconsideration.objects.for_user(user).aggregate(
        answer=Max("answer_due"), decision=Max("decision_due")
    )
    latest = _latest(
        *lawsuits.values(),
        *reconsiderations.values(),
        Hearing.objects.for_user(user).aggregate(d=Max("date"))["d"],
        Adjudication.objects.for_user(user).aggregate(d=Max("hearing_on"))["d"],
    )
    if latest is None or latest >= this_month:
        return this_month
    return latest.replace(day=1)


def attention_for(user, today: date):
    """The home page's 需要关注 lines for cases: deadlines passed and close at hand."""
    reminders = reminders_for(user, today, mine=False)
    overdue = sum(1 for reminder in reminders if reminder.overdue(today))
    url = reverse("cases:reminders") + "?all=1"
    yield Attention("已逾期的诉讼、复议期限", overdue, url, "bad")
    yield Attention("三个工作日内届满的诉讼、复议期限", len(reminders) - overdue, url)


def todo_for(user, today: date):
    """Open statutory deadlines due within `reminders.WINDOW` working days, or
    overdue: the handler's and the leader's own cases, and for the town officer
    every case in scope (naming its handler). A constant number of queries."""
    lawsuits = Lawsuit.objects.for_user(user).select_related("handler")
    reconsiderations = Reconsideration.objects.for_user(user).select_related("handler")
    if user.role != Role.TOWN_OFFICER:
        lawsuits, reconsiderations = lawsuits.of_person(user), reconsiderations.of_person(user)
    until = add_working_days(today, WINDOW)
    for reminder in open_deadlines(lawsuits, reconsiderations, until=until):
        case = reminder.case
        handler = case.handler
        yield TodoItem(
            kind="cases.deadline",
            title=f"{reminder.label}：{reminder.kind} {case}"
            + ("（期限暂定）" if reminder.provisional else ""),
            url=case.get_absolute_url(),
            due=reminder.due,
            for_whom="" if handler is None or handler.pk == user.pk else str(handler),
            level="bad" if reminder.overdue(today) else "warn",
        )
