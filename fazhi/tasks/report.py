"""Superior notices and their tasks in the yearly report (the opening and
一(一)), a late task as a problem candidate, and the 任务督办台账 ledger
(see fazhi/reports/contrib.py and fazhi/ledgers)."""

from django.core.exceptions import ValidationError
from django.db.models import Q

from fazhi.accounts.models import User
from fazhi.ledgers.base import Column, Ledger, register_ledger
from fazhi.regions.models import Level, Organisation, Region
from fazhi.reports.contrib import candidate, paragraph
from fazhi.tasks import docnumbers
from fazhi.tasks.metrics import NOTICES, ON_TIME, OVERDUE, TASKS
from fazhi.tasks.models import Notice, Status, Task


@paragraph("opening", metrics=[NOTICES, TASKS])
def opening(f, ctx):
    """The report opens with the notice it answers, as towns write it."""
    if not f.has_data(NOTICES):
        return None
    cited = f.parts(NOTICES).get("cited")
    leaders = "县委、县政府" if ctx.is_county else "镇党委、政府"
    if cited:
        source = f"根据《{cited['title']}》（{cited['doc_number']}）"
        if f.value(NOTICES) > 1:
            source += f"等{f.exact(NOTICES)}上级文件"
        source += "的要求"
    else:
        source = f"根据上级{f.exact(NOTICES)}通知的要求"
    text = f"{source}，{leaders}高度重视法治政府建设工作，"
    if f.has_data(TASKS):
        text += f"将各项要求分解为{f.exact(TASKS)}具体任务，逐项明确责任单位、责任人和完成时限，"
    return text + "安排专人督办落实。"


@paragraph("demonstration", metrics=[NOTICES, TASKS, ON_TIME, OVERDUE], order=10)
def breakdown(f, ctx):
    """一(一): the notices broken into tasks, staged targets, checks, results."""
    if not f.has_data(TASKS):
        return None
    text = (
        f"全年{ctx.towns}收到上级关于法治政府建设的通知{f.exact(NOTICES)}，"
        if f.has_data(NOTICES)
        else f"全年{ctx.towns}"
    )
    text += (
        f"分解形成督办任务{f.exact(TASKS)}，每项任务明确责任单位、责任人和完成时限，"
        "跨季度的任务设定阶段目标，每季度对账一次"
    )
    if f.value(ON_TIME) is not None:
        text += f"，到期任务按期完成率{f.exact(ON_TIME)}"
    text += "。"
    if f.has_data(OVERDUE):
        explained = f.parts(OVERDUE).get("explained", 0) == f.value(OVERDUE)
        text += f"逾期任务{f.exact(OVERDUE)}，" + (
            "均已说明逾期原因并落实补救措施。"
            if explained
            else "正督促责任单位说明原因、落实补救措施。"
        )
    return text


@candidate("problem", metrics=[OVERDUE], order=20)
def late_tasks(f, ctx):
    if not f.has_data(OVERDUE):
        return None
    listed = f.parts(OVERDUE).get("tasks", [])
    named = "、".join(f"“{item['title']}”" for item in listed[:2])
    more = "等" if f.value(OVERDUE) > len(listed[:2]) else ""
    return f"部分上级交办任务未能按期完成，{named}{more}{f.exact(OVERDUE)}任务逾期"


@candidate("next_step", metrics=[OVERDUE], order=20)
def late_tasks_next(f, ctx):
    if late_tasks(f, ctx) is None:
        return None
    return "加强任务督办，对照阶段目标每季度对账，逾期任务逐项说明原因、限期补救"


# --- 任务督办台账 -------------------------------------------------------------


@register_ledger
class TaskLedger(Ledger):
    """One row per task with its notice. Rows match on 文号 and 任务内容: a task
    already recorded is updated (status, dates, reasons); a new 文号 registers
    the notice. 责任单位 names an organisation of the town or its villages,
    责任人 a platform user of the town."""

    key = "tasks.tasks"
    title = "任务督办台账"
    capability = "tasks"
    model = Task
    natural_key = ("doc_number", "title")
    region_field = "unit"  # the unit places the row; no village column
    columns = [
        Column("文号", "doc_number", required=False, aliases=("发文字号", "通知文号")),
        Column("通知标题", "notice_title", required=False, aliases=("上级通知", "文件标题")),
        Column("发文机关", "issuer", required=False, aliases=("来文单位",)),
        Column("收文日期", "received_on", kind="date", required=False, aliases=("收文时间",)),
        Column("任务内容", "title", aliases=("任务", "工作任务", "具体任务"), width=40),
        Column("责任单位", "unit", aliases=("牵头单位", "责任科室")),
        Column("责任人", "person", required=False, aliases=("具体责任人", "经办人")),
        Column("完成期限", "due_on", kind="date", aliases=("完成时限", "完成时间", "期限")),
        Column("状态", "status", kind="choice", choices=tuple(Status.choices), required=False),
        Column("报告完成日期", "finished_on", kind="date", required=False, aliases=("完成日期",)),
        Column("逾期原因", "late_reason", required=False, width=30),
        Column("补救措施", "remedy", required=False, width=30),
    ]

    def queryset(self, region, period):
        return (
            Task.objects.in_region(region)
            .due_in(period)
            .select_related("notice", "unit", "person")
            .order_by("due_on", "pk")
        )

    def row(self, task) -> list:
        notice = task.notice
        values = {
            "doc_number": notice.doc_number if notice else "",
            "notice_title": notice.title if notice else task.get_yearly_display(),
            "issuer": notice.issuer if notice else "",
            "received_on": notice.received_on if notice else None,
            "title": task.title,
            "unit": task.unit.name if task.unit else "",
            "person": (task.person.full_name or task.person.username) if task.person else "",
            "due_on": task.due_on,
            "status": task.status,
            "finished_on": task.finished_on,
            "late_reason": task.late_reason,
            "remedy": task.remedy,
        }
        return [column.to_cell(values[column.field]) for column in self.columns]

    def _town(self, region):
        if region.level == Level.TOWN:
            return region
        town = Region.objects.town_of(region).first()
        if town is None:
            raise ValidationError({"unit": "请在镇或村（社区）导入任务督办台账。"})
        return town

    def _unit(self, name, town):
        found = list(
            Organisation.objects.filter(
                Q(region=town) | Q(region__parent=town), name=name
            ).select_related("region")[:2]
        )
        if len(found) != 1:
            reason = "不是本镇或所辖村（社区）的组织机构" if not found else "在本镇有重名"
            raise ValidationError({"unit": f"「{name}」{reason}"})
        return found[0]

    def _person(self, name, town):
        if not name:
            return None
        found = list(
            User.objects.filter(region__code__startswith=town.prefix, is_active=True)
            .filter(Q(full_name=name) | Q(username=name))
            .select_related("region")
            .order_by("pk")[:2]
        )
        if len(found) != 1:
            reason = "不是本镇的平台用户" if not found else "在本镇有重名"
            raise ValidationError({"person": f"「{name}」{reason}"})
        return found[0]

    def _notice(self, values, town):
        if not values["doc_number"]:
            return None
        number = docnumbers.normalise(values["doc_number"])
        try:
            docnumbers.validate_doc_number(number)
        except ValidationError as error:
            raise ValidationError({"doc_number": error.messages}) from None
        notice = Notice.objects.filter(region=town, doc_number=number).first()
        if notice is not None:
            return notice
        missing = [
            label
            for label, field in (
                ("通知标题", "notice_title"),
                ("发文机关", "issuer"),
                ("收文日期", "received_on"),
            )
            if not values[field]
        ]
        if missing:
            raise ValidationError(
                {"doc_number": f"文号{number}尚未登记，请同时填写" + "、".join(missing)}
            )
        notice = Notice(
            region=town,
            doc_number=number,
            title=values["notice_title"],
            issuer=values["issuer"],
            received_on=values["received_on"],
        )
        notice.full_clean()
        notice.save()
        return notice

    def save(self, values, *, user, region):
        town = self._town(region)
        notice = self._notice(values, town)
        unit = self._unit(values["unit"], town)
        fields = {
            "unit": unit,
            "region": unit.region,
            "person": self._person(values["person"], town),
            "due_on": values["due_on"],
            "status": values["status"] or Status.NOT_STARTED,
            "finished_on": values["finished_on"],
            "late_reason": values["late_reason"] or "",
            "remedy": values["remedy"] or "",
        }
        if fields["status"] in (Status.AWAITING, Status.DONE) and not fields["finished_on"]:
            raise ValidationError({"finished_on": "已完成或待确认的任务请填写报告完成日期"})
        task = Task.objects.filter(
            region__in=Region.objects.under(town.prefix), notice=notice, title=values["title"]
        ).first()
        action = "updated"
        if task is None:
            task, action = Task(notice=notice, title=values["title"]), "created"
        elif all(getattr(task, name) == value for name, value in fields.items()):
            return "unchanged"
        for name, value in fields.items():
            setattr(task, name, value)
        if task.status == Status.DONE and task.confirmed_on is None:
            task.confirmed_on = task.finished_on
        task.full_clean()
        task.save()
        return action
