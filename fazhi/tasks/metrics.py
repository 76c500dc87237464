"""Task figures, defined once, each with the records behind it.

A task counts in the period its due date falls in; a notice in the period it
was received in. "On time" means reported finished (and confirmed) no later
than the due date.
"""

from django.db.models import Count, F, Q
from django.utils import timezone

from fazhi.metrics import Result, metric, rate, records_url
from fazhi.tasks.models import Notice, Status, Task

NOTICES = "tasks.notices"
TASKS = "tasks.tasks"
ON_TIME = "tasks.on_time_rate"
OVERDUE = "tasks.overdue"


def _tasks(region, period):
    return Task.objects.in_region(region).due_in(period)


@metric(NOTICES, "收到上级通知", unit="件", capability="tasks")
def notices(region, period):
    records = Notice.objects.in_region(region).received_in(period).order_by("received_on", "pk")
    cited = records.filter(title__contains="法治政府").first() or records.first()
    parts = {}
    if cited is not None:
        parts = {"cited": {"title": cited.title, "doc_number": cited.doc_number}}
    return Result(
        records.count(), records, records_url("tasks:index", region=region, period=period), parts
    )


@metric(TASKS, "分解督办任务", unit="项", capability="tasks")
def tasks(region, period):
    records = _tasks(region, period)
    labels = dict(Status.choices)
    by_status = {
        labels[row["status"]]: row["n"]
        for row in records.order_by().values("status").annotate(n=Count("id"))
    }
    return Result(
        records.count(),
        records,
        records_url("tasks:tasks", region=region, period=period),
        {"by_status": by_status},
    )


@metric(ON_TIME, "督办任务按期完成率", unit="%", capability="tasks")
def on_time_rate(region, period):
    """Tasks finished by their due date, of the tasks whose due date has come."""
    today = timezone.localdate()
    due = _tasks(region, period).filter(due_on__lte=min(period.end, today))
    on_time = due.finished_on_time()
    return Result(
        rate(on_time.count(), due.count()),
        due,
        records_url("tasks:tasks", region=region, period=period),
        {"due": due.count(), "on_time": on_time.count()},
    )


@metric(OVERDUE, "逾期督办任务", unit="项", capability="tasks")
def overdue(region, period):
    """Tasks past their due date: still open, or finished after it; with their reasons."""
    today = timezone.localdate()
    records = (
        _tasks(region, period)
        .filter(due_on__lt=today)
        .filter(
            Q(status__in=[Status.NOT_STARTED, Status.IN_PROGRESS, Status.AWAITING])
            | Q(finished_on__gt=F("due_on"))
        )
        .select_related("unit")
    )
    rows = list(records.order_by("due_on", "pk"))
    parts = {
        "explained": sum(1 for task in rows if task.late_reason.strip()),
        "tasks": [
            {
                "title": task.title,
                "unit": task.unit.name if task.unit else "",
                "reason": task.late_reason,
                "remedy": task.remedy,
            }
            for task in rows[:20]
        ],
    }
    return Result(
        len(rows), records, records_url("tasks:tasks", region=region, period=period, late=1), parts
    )
