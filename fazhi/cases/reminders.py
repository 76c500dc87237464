"""Open statutory deadlines, for the daily digest, the in-app list and the calendar.

A reminder is a deadline still open on a case: the answer not yet filed, an
appeal not yet decided, a reconsideration answer or decision still awaited.
The digest lists those due within `WINDOW` working days and those overdue.
"""

from dataclasses import dataclass
from datetime import date

from fazhi.cases.models import AppealChoice, Instance, Lawsuit, Reconsideration
from fazhi.deadlines import add_working_days

WINDOW = 3  # working days


@dataclass(frozen=True)
class Reminder:
    label: str
    due: date
    provisional: bool
    case: object
    kind: str  # 行政诉讼 / 行政复议

    def overdue(self, today: date) -> bool:
        return self.due < today


def _between(queryset, field: str, since: date | None, until: date | None):
    if since:
        queryset = queryset.filter(**{f"{field}__gte": since})
    if until:
        queryset = queryset.filter(**{f"{field}__lte": until})
    return queryset


def open_deadlines(lawsuits, reconsiderations, *, since=None, until=None) -> list[Reminder]:
    """The open deadlines of the given cases (querysets) due in [since, until], earliest first."""
    found = []
    answers = _between(
        lawsuits.filter(answer_submitted_on__isnull=True), "answer_due", since, until
    )
    for case in answers:
        label = "提交答辩状和证据" if case.stage == Instance.FIRST else "提交二审答辩状"
        found.append(
            Reminder(label, case.answer_due, case.answer_due_provisional, case, "行政诉讼")
        )
    appeals = _between(lawsuits.filter(appeal=AppealChoice.UNDECIDED), "appeal_due", since, until)
    for case in appeals.filter(appeal_due__isnull=False):
        found.append(
            Reminder("决定是否上诉", case.appeal_due, case.appeal_due_provisional, case, "行政诉讼")
        )
    replies = reconsiderations.filter(answer_submitted_on__isnull=True)
    for case in _between(replies, "answer_due", since, until):
        found.append(
            Reminder("提出书面答复", case.answer_due, case.answer_due_provisional, case, "行政复议")
        )
    pending = reconsiderations.filter(decision_date__isnull=True)
    for case in _between(pending, "decision_due", since, until):
        found.append(
            Reminder(
                "复议决定期满", case.decision_due, case.decision_due_provisional, case, "行政复议"
            )
        )
    return sorted(found, key=lambda r: (r.due, r.kind, r.case.pk))


def reminders_for(user, today: date, *, mine: bool = True) -> list[Reminder]:
    """Deadlines due within WINDOW working days, or overdue, on the cases in the
    user's scope (with `mine`, only those the user handles or leads)."""
    lawsuits = Lawsuit.objects.for_user(user)
    reconsiderations = Reconsideration.objects.for_user(user)
    if mine:
        lawsuits, reconsiderations = lawsuits.of_person(user), reconsiderations.of_person(user)
    return open_deadlines(lawsuits, reconsiderations, until=add_working_days(today, WINDOW))
