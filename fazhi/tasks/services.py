"""Writes on notices and tasks, each in one transaction.

Only the town officer registers notices, breaks them into tasks, confirms
and sends back; the responsible person (the officer, or a village cadre for
his own village's tasks) reports progress.
"""

from datetime import date
from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.attachments.models import Kind
from fazhi.attachments.services import attach_uploads
from fazhi.core.locking import version_check
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.deadlines import WorkCalendar
from fazhi.notices.services import notice_send
from fazhi.tasks.models import DueKind, Milestone, Notice, Progress, Status, Task

NOTICE_FIELDS = ["region", "issuer", "doc_number", "title", "received_on", "leader", "requirements"]
TASK_FIELDS = ["title", "unit", "person", "due_kind", "working_days", "due_on"]


def can_manage(user) -> bool:
    """Whether `user` registers notices, sets tasks and confirms them."""
    return user is not None and user.is_authenticated and user.role == Role.TOWN_OFFICER


def _ensure_manager(user) -> None:
    if not can_manage(user):
        raise PermissionDenied("只有镇法治专干可以登记通知、分解任务和确认完成。")


def can_report(user, task: Task) -> bool:
    """The officer, the task's responsible person, and the cadres of the task's village."""
    if user is None or not user.is_authenticated:
        return False
    if user.role == Role.TOWN_OFFICER:
        return True
    if task.person_id == user.pk:
        return True
    return user.role == Role.VILLAGE_CADRE and user.region_id == task.region_id


def _number_taken_meanwhile(service):
    """Two people registering the same notice at once: both pass the uniqueness check,
    the database keeps one; the other hears why, as a form error, not a 500."""

    @wraps(service)
    def wrapped(*args, **kwargs):
        try:
            return service(*args, **kwargs)
        except IntegrityError as error:
            text = str(error)
            if "doc_number" not in text and "tasks_notice_unique_number_in_town" not in text:
                raise
            raise ValidationError({"doc_number": "文号：本镇已登记过该文号的通知。"}) from None

    return wrapped


@_number_taken_meanwhile
@transaction.atomic
def notice_save(
    *,
    user,
    notice: Notice | None = None,
    data: dict,
    files=(),
    version: int | None = None,
    submitted: dict | None = None,
) -> Notice:
    """Register a superior notice or change it; `files` are the notice's own documents."""
    _ensure_manager(user)
    notice = notice or Notice(registered_by=user)
    version_check(instance=notice, version=version, submitted=submitted or data)
    for name in NOTICE_FIELDS:
        if name in data:
            setattr(notice, name, data[name])
    if notice.region_id is None and user.region is not None:
        notice.region = user.scope_region
    ensure_region_in_scope(user, notice.region)
    notice.full_clean()
    notice.save()
    attach_uploads(
        files, user=user, owner=notice, region=notice.region, kind=Kind.NOTICE, label="通知文件"
    )
    _recompute_working_day_dues(notice)
    return notice


def _recompute_working_day_dues(notice: Notice) -> None:
    """A changed receipt date moves the due dates counted in working days from it."""
    calendar = WorkCalendar()
    for task in notice.tasks.filter(due_kind=DueKind.WORKING_DAYS).exclude(status=Status.DONE):
        due = calendar.add_working_days(notice.received_on, task.working_days)
        if due != task.due_on:
            task.due_on = due
            task.save(update_fields=["due_on"])


def due_date(*, notice: Notice | None, due_kind: str, working_days, due_on, calendar=None):
    """The task's due date: the date given, or N working days after the receipt."""
    if due_kind != DueKind.WORKING_DAYS:
        return due_on
    if not working_days:
        raise ValidationError({"working_days": "按工作日计算期限时，请填写工作日数。"})
    if working_days > 250:
        raise ValidationError({"working_days": "工作日数不能超过250个（约一年）。"})
    start = notice.received_on if notice is not None else timezone.localdate()
    return (calendar or WorkCalendar()).add_working_days(start, working_days)


@transaction.atomic
def task_save(
    *,
    user,
    notice: Notice | None,
    task: Task | None = None,
    data: dict,
    milestones=(),
    version: int | None = None,
    submitted: dict | None = None,
) -> Task:
    """Set one task of a notice (逐项落实), or change it; `milestones` are
    new staged targets as dicts with `title` and `due_on`."""
    _ensure_manager(user)
    task = task or Task(notice=notice)
    version_check(instance=task, version=version, submitted=submitted or data)
    person_before = task.person_id
    for name in TASK_FIELDS:
        if name in data:
            setattr(task, name, data[name])
    if task.unit is None and task.yearly == "":
        raise ValidationError({"unit": "请选择责任单位。"})
    if task.unit is not None:
        task.region = task.unit.region
    ensure_region_in_scope(user, task.region)
    if task.due_kind == DueKind.DATE and task.due_on is None:
        raise ValidationError({"due_on": "请填写完成期限，或改为按工作日计算。"})
    task.due_on = due_date(
        notice=task.notice,
        due_kind=task.due_kind,
        working_days=task.working_days,
        due_on=task.due_on,
    )
    if task.due_kind == DueKind.DATE:
        task.working_days = None
    task.full_clean()
    task.save()
    for item in milestones:
        milestone_add(user=user, task=task, **item)
    if task.person_id and task.person_id != person_before and task.person_id != user.pk:
        notice_send(
            recipients=[task.person],
            kind="tasks.assigned",
            title=f"新任务：{task.title}"
            + (f"（{task.due_on:%Y-%m-%d}前）" if task.due_on else ""),
            url=task.get_absolute_url(),
            record=task,
        )
    return task


@transaction.atomic
def milestone_add(*, user, task: Task, title: str, due_on: date) -> Milestone:
    _ensure_manager(user)
    ensure_region_in_scope(user, task.region)
    milestone = Milestone(task=task, title=title, due_on=due_on)
    if due_on and task.due_on and due_on > task.due_on:
        raise ValidationError({"due_on": "阶段期限不能晚于任务的完成期限。"})
    milestone.full_clean()
    milestone.save()
    return milestone


def _late_explained(task: Task, late_reason: str, remedy: str) -> None:
    """Past the due date the reason and the remedy are required (given now or already on the task)."""
    task.late_reason = (late_reason or "").strip() or task.late_reason
    task.remedy = (remedy or "").strip() or task.remedy
    missing = {}
    if not task.late_reason.strip():
        missing["late_reason"] = (
            f"任务已超过完成期限（{task.due_on:%Y年%m月%d日}），请说明逾期原因。"
        )
    if not task.remedy.strip():
        missing["remedy"] = "任务已超过完成期限，请填写补救措施。"
    if missing:
        raise ValidationError(missing)


@transaction.atomic
def progress_report(
    *,
    user,
    task: Task,
    text: str,
    reported_on: date | None = None,
    finished: bool = False,
    milestones_done=(),
    late_reason: str = "",
    remedy: str = "",
    photos=(),
    evidence=(),
    version: int | None = None,
) -> Progress:
    """Report progress on a task: starts it (未开始 → 进行中); with `finished`
    it asks the officer to confirm (→ 待确认)."""
    version_check(instance=task, version=version, submitted={})
    task = Task.objects.select_for_update().get(pk=task.pk)
    if not can_report(user, task):
        raise PermissionDenied("只有责任人、本村（社区）干部或镇法治专干可以报告这项任务的进展。")
    ensure_region_in_scope(user, task.region)
    today = timezone.localdate()
    reported_on = reported_on or today
    if reported_on > today:
        raise ValidationError({"reported_on": "报告日期不能晚于今天。"})
    if task.status == Status.DONE:
        raise ValidationError({"status": "任务已确认完成，不能再报告进展。"})
    if task.status == Status.AWAITING:
        raise ValidationError(
            {"status": "任务已报告完成，正等待镇法治专干确认，暂不能再报告进展。"}
        )
    if not (text or "").strip():
        raise ValidationError({"text": "请填写进展情况。"})
    for milestone in milestones_done:
        if milestone.task_id != task.pk:
            raise ValidationError({"milestones_done": "所选阶段目标不属于这项任务。"})
        if not milestone.done:
            milestone.done, milestone.done_on = True, reported_on
            milestone.full_clean()
            milestone.save()
    if finished:
        open_targets = [m.title for m in task.milestones.filter(done=False)]
        if open_targets:
            raise ValidationError(
                {
                    "milestones_done": "以下阶段目标尚未完成，不能报告任务完成："
                    + "、".join(open_targets)
                }
            )
    if reported_on > task.due_on:
        _late_explained(task, late_reason, remedy)
    progress = Progress(task=task, reported_on=reported_on, text=text, finished=finished)
    progress.reported_by = user
    progress.full_clean()
    progress.save()
    attach_uploads(
        photos, user=user, owner=progress, region=task.region, kind=Kind.PHOTO, label="现场照片"
    )
    attach_uploads(
        evidence,
        user=user,
        owner=progress,
        region=task.region,
        kind=Kind.EVIDENCE,
        label="佐证材料",
    )
    task.status = Status.AWAITING if finished else Status.IN_PROGRESS
    if finished:
        task.finished_on = reported_on
    task.full_clean()
    task.save()
    return progress


@transaction.atomic
def task_confirm(
    *,
    user,
    task: Task,
    confirmed_on: date | None = None,
    late_reason: str = "",
    remedy: str = "",
    version: int | None = None,
) -> Task:
    """The officer confirms a task reported finished (待确认 → 已完成)."""
    _ensure_manager(user)
    ensure_region_in_scope(user, task.region)
    version_check(instance=task, version=version, submitted={})
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.status != Status.AWAITING:
        raise ValidationError(
            {
                "status": f"任务当前为「{task.get_status_display()}」，"
                "须由责任人报告完成（待确认）后才能确认完成。"
            }
        )
    today = timezone.localdate()
    confirmed_on = confirmed_on or today
    if confirmed_on > today:
        raise ValidationError({"confirmed_on": "确认日期不能晚于今天。"})
    if task.finished_on and confirmed_on < task.finished_on:
        raise ValidationError({"confirmed_on": "确认日期不能早于报告完成的日期。"})
    if task.finished_on and task.finished_on > task.due_on:
        _late_explained(task, late_reason, remedy)
    task.status = Status.DONE
    task.confirmed_on = confirmed_on
    task.confirmed_by = user
    task.returned_reason = ""
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_send_back(*, user, task: Task, reason: str, version: int | None = None) -> Task:
    """The officer returns a task reported finished, saying why (待确认 → 进行中)."""
    _ensure_manager(user)
    ensure_region_in_scope(user, task.region)
    version_check(instance=task, version=version, submitted={})
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.status != Status.AWAITING:
        raise ValidationError(
            {"status": f"任务当前为「{task.get_status_display()}」，只有待确认的任务可以退回。"}
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": "请填写退回原因。"})
    task.status = Status.IN_PROGRESS
    task.finished_on = None
    task.returned_reason = reason.strip()
    task.full_clean()
    task.save()
    if task.person_id:
        notice_send(
            recipients=[task.person],
            kind="tasks.returned",
            title=f"任务被退回：{task.title}（{task.returned_reason[:40]}）",
            url=task.get_absolute_url(),
            record=task,
        )
    return task


@transaction.atomic
def yearly_task_close(*, task: Task, finished_on: date) -> Task:
    """The platform closes one of its own yearly tasks (the report's state shows it done)."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.status == Status.DONE:
        return task
    task.status = Status.DONE
    task.finished_on = finished_on
    task.confirmed_on = timezone.localdate()
    task.confirmed_by = None
    task.full_clean()
    task.save()
    Progress.objects.create(
        task=task,
        reported_on=min(finished_on, timezone.localdate()),
        text="平台据年度报告的定稿和公开情况自动办结。",
        finished=True,
    )
    return task
