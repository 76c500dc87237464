"""Reads of the notice pipeline: a person's 待办 as rows a page or the API shows."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from fazhi.core.navigation import todo_for

HOME_LIMIT = 10  # the home page shows this many; /notices/todo/ shows them all


@dataclass(frozen=True)
class TodoRow:
    kind: str
    title: str
    url: str
    due: date | None
    days_left: int | None
    for_whom: str
    overdue: bool
    level: str  # warn | bad

    @property
    def overdue_days(self) -> int:
        return -self.days_left if self.overdue else 0


def todo_rows(user, today: date | None = None) -> list[TodoRow]:
    """Everything that waits for `user`, soonest first, with the days left
    (negative: overdue by that many days)."""
    today = today or timezone.localdate()
    rows = []
    for item in todo_for(user, today):
        left = item.days_left(today)
        overdue = left is not None and left < 0
        rows.append(
            TodoRow(
                kind=item.kind,
                title=item.title,
                url=item.url,
                due=item.due,
                days_left=left,
                for_whom=item.for_whom,
                overdue=overdue,
                level="bad" if overdue else item.level,
            )
        )
    return rows
