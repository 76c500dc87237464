"""The tasks the platform sets every year itself.

法治政府建设与责任落实督察工作规定: each year a town reports the previous
year's work on building a law-based government to the level above by 3月1日
and makes the report public by 4月1日. `yearly_tasks_run(today)` (the daily
`fazhi yearlytasks` command) gives every town the two tasks of the year,
once, and closes them when the year's report is frozen and marked published.

The report's state is read through the metrics registry (the reports app's
`reports.published` figure), so this app does not import the reports app.
"""

from datetime import date

from django.db import IntegrityError, transaction

from fazhi import metrics
from fazhi.metrics import Period
from fazhi.regions.models import Organisation, OrganisationKind, Region
from fazhi.tasks.models import Status, Task, Yearly
from fazhi.tasks.services import yearly_task_close

DUE = {Yearly.REPORT: (3, 1), Yearly.PUBLISH: (4, 1)}
REPORT_STATE = "reports.published"


def title_for(kind: str, year: int) -> str:
    if kind == Yearly.REPORT:
        return f"向上级报告{year - 1}年度法治政府建设情况"
    return f"公开{year - 1}年度法治政府建设情况报告"


def _unit_of(town):
    return (
        Organisation.objects.filter(region=town, kind=OrganisationKind.GOVERNMENT)
        .order_by("pk")
        .first()
    )


def yearly_tasks_create(*, town, year: int) -> int:
    """The town's two yearly tasks for `year` (on year - 1's report); how many were new."""
    created = 0
    unit = _unit_of(town)
    for kind, (month, day) in DUE.items():
        if Task.objects.filter(region=town, yearly=kind, year=year).exists():
            continue
        task = Task(
            region=town,
            title=title_for(kind, year),
            unit=unit,
            due_on=date(year, month, day),
            yearly=kind,
            year=year,
        )
        task.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                task.save()
        except IntegrityError:  # another run created it in the meantime
            continue
        created += 1
    return created


def report_state(town, year: int) -> dict:
    """Whether `town`'s report on `year` is frozen and published, from the metrics registry."""
    try:
        figure = metrics.get(REPORT_STATE)
    except KeyError:
        return {}
    result = figure(town, Period.year(year))
    return dict(result.parts or {}) if result.value else {}


def yearly_tasks_close(*, town, year: int) -> int:
    """Close the open yearly tasks of `year` whose report is frozen and published."""
    state = report_state(town, year - 1)
    if not state.get("published_on"):
        return 0
    closed = 0
    done_on = {
        Yearly.REPORT: state.get("finalised_on") or state["published_on"],
        Yearly.PUBLISH: state["published_on"],
    }
    for task in Task.objects.filter(
        region=town, year=year, status__in=[Status.NOT_STARTED, Status.IN_PROGRESS, Status.AWAITING]
    ).exclude(yearly=""):
        finished = done_on[task.yearly]
        yearly_task_close(task=task, finished_on=date.fromisoformat(str(finished)))
        closed += 1
    return closed


def yearly_tasks_run(*, today: date, year: int | None = None) -> tuple[int, int]:
    """Every town: create the year's tasks (from 1 January) and close what the report shows done."""
    year = year or today.year
    created = closed = 0
    for town in Region.objects.towns().order_by("code"):
        created += yearly_tasks_create(town=town, year=year)
        closed += yearly_tasks_close(town=town, year=year)
    return created, closed
