"""Reads the task pages, the home page and the quarterly check share."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F, Q
from django.urls import reverse

from fazhi.core.capabilities import Attention, TodoItem
from fazhi.core.periods import Period
from fazhi.core.roles import Role
from fazhi.metrics import rate
from fazhi.tasks.models import Milestone, Notice, Status, Task

# A task or a staged target enters the 待办 this many days before it is due.
TODO_AHEAD_DAYS = 14


def _mine(user, tasks):
    """The tasks that wait for `user`: the officer's whole scope, a cadre's
    village (his scope already) and whatever names him as responsible."""
    if user.role in (Role.TOWN_OFFICER, Role.VILLAGE_CADRE):
        return tasks
    return tasks.filter(person=user)


def todo_for(user, today: date):
    """Tasks and staged targets due soon or overdue, and reports awaiting confirmation."""
    horizon = today + timedelta(days=TODO_AHEAD_DAYS)
    tasks = _mine(user, Task.objects.for_user(user))
    for task in (
        tasks.filter(status__in=[Status.NOT_STARTED, Status.IN_PROGRESS], due_on__lte=horizon)
        .select_related("unit")
        .order_by("due_on", "pk")[:50]
    ):
        yield TodoItem(
            kind="tasks.due",
            title=f"督办任务：{task.title}",
            url=task.get_absolute_url(),
            due=task.due_on,
            for_whom=task.unit.name if task.unit else "",
            level="bad" if task.due_on < today else "warn",
        )
    milestones = Milestone.objects.for_user(user).filter(
        done=False,
        due_on__lte=horizon,
        task__status__in=[Status.NOT_STARTED, Status.IN_PROGRESS],
        task__in=tasks,
    )
    for milestone in milestones.select_related("task").order_by("due_on", "pk")[:50]:
        yield TodoItem(
            kind="tasks.milestone",
            title=f"阶段目标：{milestone.title}（{milestone.task.title}）",
            url=milestone.get_absolute_url(),
            due=milestone.due_on,
            level="bad" if milestone.due_on < today else "warn",
        )
    if user.role == Role.TOWN_OFFICER:
        for task in (
            Task.objects.for_user(user)
            .filter(status=Status.AWAITING)
            .select_related("unit")
            .order_by("finished_on", "pk")[:50]
        ):
            yield TodoItem(
                kind="tasks.confirm",
                title=f"确认任务完成：{task.title}",
                url=task.get_absolute_url(),
                due=task.finished_on,
                for_whom=task.unit.name if task.unit else "",
            )


def attention_for(user, today: date):
    tasks = Task.objects.for_user(user)
    yield Attention(
        "逾期未完成的督办任务",
        tasks.overdue(today).count(),
        reverse("tasks:tasks") + "?overdue=1",
        "bad",
    )
    if user.role == Role.TOWN_OFFICER:
        yield Attention(
            "待确认完成的任务",
            tasks.filter(status=Status.AWAITING).count(),
            reverse("tasks:tasks") + "?status=awaiting",
        )


def completion_rate(notice: Notice):
    """已完成 tasks as a share of the notice's tasks (fazhi.metrics.rate); needs with_counts()."""
    return rate(notice.done_count, notice.task_count)


def notice_latest_year(*, user) -> int | None:
    latest = Notice.objects.for_user(user).order_by("-received_on").first()
    return latest.received_on.year if latest else None


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def period(self) -> Period:
        start = date(self.year, 3 * self.number - 2, 1)
        following = date(self.year + (self.number == 4), (3 * self.number) % 12 + 1, 1)
        return Period(start, following - timedelta(days=1))

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.number - 1]}季度"


def quarter_of(day: date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


@dataclass
class Behind:
    """One line of the quarterly check: a task, or a staged target, behind schedule."""

    task: Task
    milestone: Milestone | None
    due: date
    state: str  # what it stood at, at the quarter's end


def quarterly_check(*, user, quarter: Quarter, today: date) -> list[Behind]:
    """Tasks and staged targets due by the quarter's end (or today, in the current
    quarter) and not finished in time, unless they were settled before it began."""
    period = quarter.period
    cutoff = min(period.end, today)
    tasks = Task.objects.for_user(user).with_related()
    late_tasks = (
        tasks.filter(due_on__lte=cutoff)
        .filter(Q(finished_on__isnull=True) | Q(finished_on__gt=F("due_on")))
        .filter(Q(finished_on__isnull=True) | Q(finished_on__gte=period.start))
        .order_by("due_on", "pk")
    )
    found = []
    for task in late_tasks:
        if task.finished_on and task.finished_on <= cutoff:
            state = f"{task.finished_on:%Y-%m-%d}完成（逾期）"
        else:
            state = "未完成"
        found.append(Behind(task, None, task.due_on, state))
    late_targets = (
        Milestone.objects.for_user(user)
        .filter(due_on__lte=cutoff)
        .filter(Q(done_on__isnull=True) | Q(done_on__gt=F("due_on")))
        .filter(Q(done_on__isnull=True) | Q(done_on__gte=period.start))
        .select_related("task", "task__unit", "task__person", "task__notice", "task__region")
        .order_by("due_on", "pk")
    )
    for milestone in late_targets:
        if milestone.done_on and milestone.done_on <= cutoff:
            state = f"{milestone.done_on:%Y-%m-%d}完成（逾期）"
        else:
            state = "未完成"
        found.append(Behind(milestone.task, milestone, milestone.due_on, state))
    return sorted(found, key=lambda item: (item.due, item.task.pk))
