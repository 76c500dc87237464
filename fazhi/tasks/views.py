"""Pages: notices, their tasks, progress, confirmation, the quarterly check."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db.models import F, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.attachments.models import Attachment
from fazhi.core import periods
from fazhi.core.keyword import keyword_filter
from fazhi.core.permissions import capability_required
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.regions.selectors import in_linked_region
from fazhi.tasks import services
from fazhi.tasks.forms import ConfirmForm, NoticeForm, ProgressForm, SendBackForm, TaskForm
from fazhi.tasks.models import Notice, Progress, Status, Task
from fazhi.tasks.selectors import Quarter, completion_rate, notice_latest_year, quarter_of
from fazhi.tasks.selectors import quarterly_check as behind_schedule

NOTICE_SEARCH = ("title", "doc_number", "issuer", "tasks__title")
TASK_SEARCH = ("title", "notice__title", "notice__doc_number", "unit__name", "person__full_name")


def crumbs(*trail):
    return [("任务督办", reverse("tasks:index")), *trail]


def _manager_only(request):
    if not services.can_manage(request.user):
        raise PermissionDenied("只有镇法治专干可以登记通知、分解任务和确认完成。")


def _year(request) -> int:
    year = periods.year_from(request)
    if year is None:
        year = notice_latest_year(user=request.user) or timezone.localdate().year
    return year


@capability_required("tasks")
def index(request):
    """The notices of a year, each with its tasks' completion."""
    year = _year(request)
    notices = in_linked_region(Notice.objects.for_user(request.user), request.GET)
    period = periods.linked_period(request.GET)  # a figure's link names its period
    notices = (
        (notices.received_in(period) if period else notices.filter(received_on__year=year))
        .with_counts()
        .select_related("region", "leader")
        .order_by("-received_on", "-pk")
    )
    notices = keyword_filter(notices, value=request.GET.get("q", ""), fields=NOTICE_SEARCH)
    page = paginate(request, notices)
    for notice in page:
        notice.rate = completion_rate(notice)
    return render(
        request,
        "tasks/index.html",
        {
            "page": page,
            "year": year,
            "can_manage": services.can_manage(request.user),
            "breadcrumbs": crumbs((f"{year}年上级通知", None)),
        },
    )


@capability_required("tasks", edit=True)
def notice_create(request):
    _manager_only(request)
    return _notice_form(request, None)


@capability_required("tasks", edit=True)
def notice_edit(request, pk: int):
    _manager_only(request)
    return _notice_form(request, get_for_user_or_404(Notice, request.user, pk=pk))


def _notice_form(request, notice):
    form = NoticeForm(
        request.POST or None, request.FILES or None, instance=notice, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            saved = services.notice_save(
                user=request.user,
                notice=form.instance if notice else None,
                data=data,
                files=data.pop("files", []),
                version=form.read_version,
                submitted=form.submitted_values(),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"已保存上级通知：{saved.title}")
            return redirect(saved)
    title = "修改上级通知" if notice else "登记上级通知"
    return render(
        request,
        "tasks/form.html",
        {
            "form": form,
            "title": title,
            "back": reverse("tasks:index"),
            "multipart": True,
            "breadcrumbs": crumbs((title, None)),
        },
    )


@capability_required("tasks")
def notice_detail(request, pk: int):
    notice = get_for_user_or_404(
        Notice.objects.with_counts().select_related("region", "leader", "registered_by"),
        request.user,
        pk=pk,
    )
    tasks = (
        Task.objects.for_user(request.user)
        .filter(notice=notice)
        .with_related()
        .prefetch_related("milestones")
        .order_by("due_on", "pk")
    )
    return render(
        request,
        "tasks/notice_detail.html",
        {
            "notice": notice,
            "rate": completion_rate(notice),
            "tasks": tasks,
            "today": timezone.localdate(),
            "files": Attachment.objects.for_user(request.user).of(notice),
            "can_manage": services.can_manage(request.user),
            "breadcrumbs": crumbs((notice.doc_number, None)),
        },
    )


@capability_required("tasks")
def task_list(request):
    """Every task in scope: by status, overdue, keyword, year due."""
    today = timezone.localdate()
    tasks = Task.objects.for_user(request.user).with_related().order_by("due_on", "pk")
    status = request.GET.get("status", "")
    if status:
        if status not in Status.values:
            raise BadRequest("状态：没有这个选项。")
        tasks = tasks.filter(status=status)
    tasks = in_linked_region(tasks, request.GET)
    period = periods.linked_period(request.GET)  # a figure's link: tasks due in its period
    if period is not None:
        tasks = tasks.due_in(period)
    year = periods.year_from(request)
    if year is not None:
        tasks = tasks.filter(due_on__year=year)
    if request.GET.get("overdue"):
        tasks = tasks.overdue(today)
    if request.GET.get("late"):  # past the due date: still open, or finished after it
        tasks = tasks.filter(due_on__lt=today).filter(
            Q(status__in=[Status.NOT_STARTED, Status.IN_PROGRESS, Status.AWAITING])
            | Q(finished_on__gt=F("due_on"))
        )
    if request.GET.get("mine"):
        tasks = tasks.filter(Q(person=request.user) | Q(region=request.user.region))
    tasks = keyword_filter(tasks, value=request.GET.get("q", ""), fields=TASK_SEARCH)
    page = paginate(request, tasks)
    return render(
        request,
        "tasks/task_list.html",
        {
            "page": page,
            "today": today,
            "statuses": Status.choices,
            "breadcrumbs": crumbs(("全部任务", None)),
        },
    )


@capability_required("tasks", edit=True)
def task_create(request, pk: int):
    _manager_only(request)
    notice = get_for_user_or_404(Notice, request.user, pk=pk)
    return _task_form(request, notice, None)


@capability_required("tasks", edit=True)
def task_edit(request, pk: int):
    _manager_only(request)
    task = get_for_user_or_404(Task.objects.select_related("notice"), request.user, pk=pk)
    return _task_form(request, task.notice, task)


def _task_form(request, notice, task):
    form = TaskForm(request.POST or None, instance=task, user=request.user, notice=notice)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            saved = services.task_save(
                user=request.user,
                notice=notice,
                task=form.instance if task else None,
                data=data,
                milestones=data.pop("new_milestones", []),
                version=form.read_version,
                submitted=form.submitted_values(),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"已保存任务：{saved.title}")
            if "another" in request.POST and notice is not None:
                return redirect("tasks:task_create", pk=notice.pk)
            return redirect(notice or saved)
    title = "修改任务" if task else "分解任务"
    back = notice.get_absolute_url() if notice else reverse("tasks:tasks")
    return render(
        request,
        "tasks/form.html",
        {
            "form": form,
            "title": title,
            "notice": notice,
            "back": back,
            "another": task is None and notice is not None,
            "breadcrumbs": crumbs(*([(notice.doc_number, back)] if notice else []), (title, None)),
        },
    )


@capability_required("tasks")
def task_detail(request, pk: int, *, progress_form=None, confirm_form=None, send_back_form=None):
    task = get_for_user_or_404(
        Task.objects.with_related().select_related("confirmed_by"), request.user, pk=pk
    )
    reports = list(task.progress.select_related("reported_by"))
    files = Attachment.objects.for_user(request.user).filter(
        owner_type=ContentType.objects.get_for_model(Progress),
        owner_id__in=[report.pk for report in reports],
    )
    by_report = {}
    for attachment in files:
        by_report.setdefault(attachment.owner_id, []).append(attachment)
    for report in reports:
        report.files = by_report.get(report.pk, [])
    can_report = services.can_report(request.user, task) and task.status in (
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
    )
    manage = services.can_manage(request.user)
    # a village cadre sees his village's task, not the town's notice page
    notice_url = None
    if task.notice and Notice.objects.for_user(request.user).filter(pk=task.notice_id).exists():
        notice_url = task.notice.get_absolute_url()
    return render(
        request,
        "tasks/task_detail.html",
        {
            "task": task,
            "today": timezone.localdate(),
            "late": task.is_late(timezone.localdate()),
            "milestones": task.milestones.all(),
            "notice_url": notice_url,
            "reports": reports,
            "can_manage": manage,
            "progress_form": (progress_form or ProgressForm(task=task)) if can_report else None,
            "confirm_form": confirm_form or ConfirmForm(task=task),
            "send_back_form": send_back_form or SendBackForm(),
            "breadcrumbs": crumbs(
                *([(task.notice.doc_number, notice_url)] if task.notice else []),
                (task.title[:30], None),
            ),
        },
    )


@require_POST
@capability_required("tasks", edit=True)
def progress_add(request, pk: int):
    task = get_for_user_or_404(Task, request.user, pk=pk)
    if not services.can_report(request.user, task):
        raise PermissionDenied("只有责任人、本村（社区）干部或镇法治专干可以报告这项任务的进展。")
    form = ProgressForm(request.POST, request.FILES, task=task)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_report(
                user=request.user,
                task=task,
                text=data["text"],
                reported_on=data["reported_on"],
                finished=data["finished"],
                milestones_done=data.get("milestones_done") or [],
                late_reason=data["late_reason"],
                remedy=data["remedy"],
                photos=data["photos"],
                evidence=data["evidence"],
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request, "已报告完成，等待镇法治专干确认。" if data["finished"] else "已报告进展。"
            )
            return redirect(task)
    return task_detail(request, pk, progress_form=form)


@require_POST
@capability_required("tasks", edit=True)
def task_confirm(request, pk: int):
    _manager_only(request)
    task = get_for_user_or_404(Task, request.user, pk=pk)
    form = ConfirmForm(request.POST, task=task)
    if form.is_valid():
        try:
            services.task_confirm(user=request.user, task=task, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "已确认任务完成。")
            return redirect(task)
    return task_detail(request, pk, confirm_form=form)


@require_POST
@capability_required("tasks", edit=True)
def task_send_back(request, pk: int):
    _manager_only(request)
    task = get_for_user_or_404(Task, request.user, pk=pk)
    form = SendBackForm(request.POST)
    if form.is_valid():
        try:
            services.task_send_back(user=request.user, task=task, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "已退回，任务回到“进行中”。")
            return redirect(task)
    return task_detail(request, pk, send_back_form=form)


@capability_required("tasks")
def quarterly_check(request):
    """每季度对账: the tasks and staged targets behind schedule in a quarter, printable."""
    today = timezone.localdate()
    year = _year(request)
    raw = request.GET.get("quarter", "")
    if raw:
        if raw not in ("1", "2", "3", "4"):
            raise BadRequest("季度：应为1至4。")
        quarter = Quarter(year, int(raw))
    elif year == today.year:
        quarter = quarter_of(today)
    else:
        quarter = Quarter(year, 4)
    rows = behind_schedule(user=request.user, quarter=quarter, today=today)
    return render(
        request,
        "tasks/quarter.html",
        {
            "quarter": quarter,
            "rows": rows,
            "quarters": [Quarter(year, n) for n in range(1, 5)],
            "unexplained": sum(1 for row in rows if not row.task.late_reason),
            "breadcrumbs": crumbs((f"{quarter.label}对账", None)),
        },
    )
