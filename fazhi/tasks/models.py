"""Superior notices (上级通知), the tasks they are broken into (逐项落实),
staged targets (阶段目标) and progress reports.

A task moves 未开始 → 进行中 → 待确认 → 已完成: a progress report starts it,
a report that says the work is finished asks for confirmation, and the town
officer confirms it or sends it back with a reason (back to 进行中). A task
reported or confirmed after its due date carries the reason and the remedy.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.core.validators import DateWindowValidator
from fazhi.regions.models import Level
from fazhi.tasks import docnumbers


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "未开始"
    IN_PROGRESS = "in_progress", "进行中"
    AWAITING = "awaiting", "待确认"
    DONE = "done", "已完成"


OPEN = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.AWAITING)


class DueKind(models.TextChoices):
    DATE = "date", "指定日期"
    WORKING_DAYS = "working_days", "收文后若干个工作日"


class Yearly(models.TextChoices):
    """Tasks the platform sets each year itself (法治政府建设与责任落实督察工作规定)."""

    REPORT = "report_superior", "向上级报告上一年度法治政府建设情况"
    PUBLISH = "publish_report", "公开上一年度法治政府建设情况报告"


class NoticeQuerySet(ScopedQuerySet):
    scope_region = "region"

    def received_in(self, period):
        return self.filter(received_on__range=(period.start, period.end))

    def with_counts(self):
        """Each notice with its number of tasks and of completed tasks (one query)."""
        return self.annotate(
            task_count=Count("tasks", distinct=True),
            done_count=Count("tasks", filter=Q(tasks__status=Status.DONE), distinct=True),
        )


class Notice(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="所属镇", on_delete=models.PROTECT, related_name="+"
    )
    issuer = models.CharField("发文机关", max_length=60)
    doc_number = models.CharField(
        "文号",
        max_length=40,
        help_text=f"如 {docnumbers.EXAMPLE}；括号可输入 [ ] 或 ( )，保存时统一为〔〕。",
    )
    title = models.CharField("通知标题", max_length=150)
    received_on = models.DateField("收文日期")
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="分管领导",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requirements = models.TextField("主要要求", blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = "上级通知"
        verbose_name_plural = "上级通知"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "doc_number"], name="tasks_notice_unique_number_in_town"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.doc_number}）"

    def get_absolute_url(self) -> str:
        return reverse("tasks:notice_detail", args=[self.pk])

    def clean(self) -> None:
        self.doc_number = docnumbers.normalise(self.doc_number)
        errors = {}
        try:
            docnumbers.validate_doc_number(self.doc_number)
        except ValidationError as error:
            errors["doc_number"] = error.messages
        if self.region_id and self.region.level != Level.TOWN:
            errors["region"] = ["上级通知应登记到镇（街道）。"]
        if self.leader_id and self.region_id:
            leader_region = self.leader.region
            if (
                self.leader.role != "town_leader"
                or leader_region is None
                or (not leader_region.contains(self.region))
            ):
                errors["leader"] = ["分管领导应为本镇的镇领导账号。"]
        if errors:
            raise ValidationError(errors)


class TaskQuerySet(ScopedQuerySet):
    scope_region = "region"

    def open(self):
        return self.filter(status__in=OPEN)

    def due_in(self, period):
        return self.filter(due_on__range=(period.start, period.end))

    def overdue(self, today: date):
        return self.open().filter(due_on__lt=today)

    def finished_on_time(self):
        return self.filter(status=Status.DONE, finished_on__isnull=False).filter(
            finished_on__lte=models.F("due_on")
        )

    def finished_late(self):
        return self.filter(status=Status.DONE, finished_on__gt=models.F("due_on"))

    def with_related(self):
        return self.select_related("notice", "region", "unit", "person")


class Task(Versioned):
    notice = models.ForeignKey(
        Notice,
        verbose_name="上级通知",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="所属区划",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="责任单位所在的镇或村（社区），由责任单位确定。",
    )
    title = models.CharField("任务内容", max_length=200)
    unit = models.ForeignKey(
        "regions.Organisation",
        verbose_name="责任单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="责任人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_kind = models.CharField(
        "期限方式", max_length=20, choices=DueKind.choices, default=DueKind.DATE
    )
    working_days = models.PositiveSmallIntegerField("工作日数", null=True, blank=True)
    due_on = models.DateField("完成期限", validators=[DateWindowValidator(years_ahead=5)])
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    finished_on = models.DateField("报告完成日期", null=True, blank=True)
    confirmed_on = models.DateField("确认完成日期", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_reason = models.TextField("退回原因", blank=True)
    late_reason = models.TextField("逾期原因", blank=True)
    remedy = models.TextField("补救措施", blank=True)
    yearly = models.CharField(
        "平台年度任务", max_length=20, choices=Yearly.choices, blank=True, editable=False
    )
    year = models.PositiveSmallIntegerField("年度任务所属年份", null=True, blank=True)

    history = audited_history()
    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = "督办任务"
        verbose_name_plural = "督办任务"
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "yearly", "year"],
                condition=~Q(yearly=""),
                name="tasks_one_yearly_task_per_town_and_year",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("tasks:task_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def is_late(self, today: date) -> bool:
        """Past its due date: still open after it, or finished after it."""
        if self.status == Status.DONE:
            return bool(self.finished_on and self.finished_on > self.due_on)
        return today > self.due_on

    def clean(self) -> None:
        errors = {}
        if self.unit_id and self.region_id and self.unit.region_id != self.region_id:
            errors["unit"] = ["责任单位应属于任务所在的镇或村（社区）。"]
        if self.notice_id and self.region_id and not self.notice.region.contains(self.region):
            errors["unit"] = ["责任单位应在通知所属的镇范围内。"]
        if self.person_id and self.region_id:
            scope = self.person.region
            if scope is None or not scope.contains(self.region):
                errors["person"] = [
                    f"{self.person}的管辖范围不包括{self.region.name}，看不到这项任务；"
                    "请选择该单位所在镇或村（社区）的人员。"
                ]
        if self.due_kind == DueKind.WORKING_DAYS and not self.working_days:
            errors["working_days"] = ["按工作日计算期限时，请填写工作日数。"]
        if self.notice_id and self.due_on and self.due_on < self.notice.received_on:
            errors["due_on"] = ["完成期限不能早于收文日期。"]
        if errors:
            raise ValidationError(errors)


class MilestoneQuerySet(ScopedQuerySet):
    scope_region = "task__region"


class Milestone(Versioned):
    task = models.ForeignKey(
        Task, verbose_name="任务", on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField("阶段目标", max_length=150)
    due_on = models.DateField("阶段期限", validators=[DateWindowValidator(years_ahead=5)])
    done = models.BooleanField("已完成", default=False)
    done_on = models.DateField("完成日期", null=True, blank=True)

    history = audited_history()
    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = "阶段目标"
        verbose_name_plural = "阶段目标"
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.title}（{self.due_on:%Y-%m-%d}前）"

    def get_absolute_url(self) -> str:
        return reverse("tasks:task_detail", args=[self.task_id])


class ProgressQuerySet(ScopedQuerySet):
    scope_region = "task__region"


class Progress(Versioned):
    """One progress report on a task, with its evidence files and photos."""

    task = models.ForeignKey(
        Task, verbose_name="任务", on_delete=models.CASCADE, related_name="progress"
    )
    reported_on = models.DateField("报告日期")
    text = models.TextField("进展情况")
    finished = models.BooleanField("已全部完成，申请确认", default=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="报告人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = audited_history()
    objects = ProgressQuerySet.as_manager()

    class Meta:
        verbose_name = "进展报告"
        verbose_name_plural = "进展报告"
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.reported_on:%Y-%m-%d} {self.text[:20]}"

    def get_absolute_url(self) -> str:
        return reverse("tasks:task_detail", args=[self.task_id])
