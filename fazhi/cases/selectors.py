"""Reads the case pages share: which year and month a page opens on, and the
statutory deadlines (the daily digest, the in-app list, the calendar and the
home page's 需要关注 panel all read them here).

A first visit should show the work there is, not an empty current year: the
overview opens on the latest year with a case in the user's scope, the
calendar on the current month while deadlines or hearings lie ahead, else on
the month of the latest one. Both stay switchable on the page.

A deadline is open while its step is not done: the answer not yet filed, an
appeal not yet decided, a reconsideration answer or decision still awaited.
The digest lists the open ones due within `WINDOW` working days and the
overdue ones.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Q
from django.urls import reverse

from fazhi.cases.models import (
    Adjudication,
    AppealChoice,
    Hearing,
    Instance,
    Lawsuit,
    Reconsideration,
)
from fazhi.core.capabilities import Attention, TodoItem, TrackedDeadline
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


WINDOW = 3  # working days


@dataclass(frozen=True)
class Reminder:
    label: str
    due: date
    provisional: bool
    case: object
    kind: str  # 行政诉讼 / 行政复议
    done: bool = False

    def overdue(self, today: date) -> bool:
        return not self.done and self.due < today


def _between(queryset, field: str, since: date | None, until: date | None):
    queryset = queryset.filter(**{f"{field}__isnull": False})
    if since:
        queryset = queryset.filter(**{f"{field}__gte": since})
    if until:
        queryset = queryset.filter(**{f"{field}__lte": until})
    return queryset


def all_deadlines(lawsuits, reconsiderations, *, since=None, until=None) -> list[Reminder]:
    """Every deadline of the given cases (querysets) due in [since, until],
    open or done, earliest first."""
    found = []
    for case in _between(lawsuits, "answer_due", since, until):
        label = "提交答辩状和证据" if case.stage == Instance.FIRST else "提交二审答辩状"
        done = case.answer_submitted_on is not None
        found.append(
            Reminder(label, case.answer_due, case.answer_due_provisional, case, "行政诉讼", done)
        )
    for case in _between(lawsuits, "appeal_due", since, until):
        done = case.appeal != AppealChoice.UNDECIDED
        found.append(
            Reminder(
                "决定是否上诉", case.appeal_due, case.appeal_due_provisional, case, "行政诉讼", done
            )
        )
    for case in _between(reconsiderations, "answer_due", since, until):
        done = case.answer_submitted_on is not None
        found.append(
            Reminder(
                "提出书面答复", case.answer_due, case.answer_due_provisional, case, "行政复议", done
            )
        )
    for case in _between(reconsiderations, "decision_due", since, until):
        done = case.decision_date is not None
        found.append(
            Reminder(
                "复议决定期满",
                case.decision_due,
                case.decision_due_provisional,
                case,
                "行政复议",
                done,
            )
        )
    return sorted(found, key=lambda r: (r.due, r.kind, r.case.pk))


def open_deadlines(lawsuits, reconsiderations, *, since=None, until=None) -> list[Reminder]:
    """The deadlines still open, due in [since, until]."""
    lawsuits = lawsuits.filter(
        Q(answer_submitted_on__isnull=True)
        | Q(appeal_due__isnull=False, appeal=AppealChoice.UNDECIDED)
    )
    reconsiderations = reconsiderations.filter(
        Q(answer_submitted_on__isnull=True) | Q(decision_date__isnull=True)
    )
    found = all_deadlines(lawsuits, reconsiderations, since=since, until=until)
    return [r for r in found if not r.done]


def reminders_for(user, today: date, *, mine: bool = True) -> list[Reminder]:
    """Open deadlines due within WINDOW working days, or overdue, on the cases in
    the user's scope (with `mine`, only those the user handles or leads)."""
    lawsuits = Lawsuit.objects.for_user(user)
    reconsiderations = Reconsideration.objects.for_user(user)
    if mine:
        lawsuits, reconsiderations = lawsuits.of_person(user), reconsiderations.of_person(user)
    return open_deadlines(lawsuits, reconsiderations, until=add_working_days(today, WINDOW))


def attention_for(user, today: date):
    """The home page's 需要关注 lines for cases: deadlines passed and close at hand."""
    reminders = reminders_for(user, today, mine=False)
    overdue = sum(1 for reminder in reminders if reminder.overdue(today))
    url = reverse("cases:reminders") + "?all=1"
    yield Attention("已逾期的诉讼、复议期限", overdue, url, "bad")
    yield Attention("三个工作日内届满的诉讼、复议期限", len(reminders) - overdue, url)


def tracked_deadlines(user, start: date, end: date):
    """The open statutory deadlines of cases in the user's scope due in [start, end]."""
    lawsuits = Lawsuit.objects.for_user(user)
    reconsiderations = Reconsideration.objects.for_user(user)
    for reminder in open_deadlines(lawsuits, reconsiderations, since=start, until=end):
        yield TrackedDeadline(
            kind=reminder.kind,
            label=reminder.label,
            due=reminder.due,
            record=reminder.case.case_number,
            url=reminder.case.get_absolute_url(),
            provisional=reminder.provisional,
        )


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
