"""Demo: 黄水镇's 2020 superior notices, broken into tasks in every state,
some finished late with their reasons and remedies, and the year's two
platform tasks (report on 2019 and publish the report)."""

from datetime import date

from django.db import transaction

from fazhi.accounts.models import User
from fazhi.core.demo import demo_step
from fazhi.regions.models import Organisation
from fazhi.tasks import services
from fazhi.tasks.models import DueKind, Notice, Task
from fazhi.tasks.yearly import yearly_tasks_create

# issuer, number, title, received, requirements
NOTICES = [
    (
        "石柱土家族自治县人民政府办公室",
        "工作通知〔2020〕113号",
        "石柱土家族自治县人民政府办公室关于做好2020年全县法治政府建设工作的通知",
        date(2020, 3, 16),
        "对照法治政府建设示范创建指标逐项落实，明确责任单位和完成时限，每季度报送进展。",
    ),
    (
        "石柱土家族自治县司法局",
        "石司发〔2020〕21号",
        "关于开展“防控疫情，法治同行”专项法治宣传活动的通知",
        date(2020, 2, 20),
        "结合疫情防控排查入户开展法治宣传，做好宣传记录和照片留存。",
    ),
    (
        "中共石柱土家族自治县委全面依法治县委员会办公室",
        "石柱法治办〔2020〕5号",
        "关于开展2020年“12·4”国家宪法日集中宣传活动的通知",
        date(2020, 11, 16),
        "12月4日前后集中开展宪法宣传，12月10日前报送活动总结。",
    ),
]

# notice number, task, unit, person, due (a date or working days), milestones,
# progress [(date, text, finished)], outcome: None | "confirm" | "return", late (reason, remedy)
TASKS = [
    (
        "工作通知〔2020〕113号",
        "对照示范创建指标体系逐项梳理我镇短板，制定整改清单",
        "黄水镇人民政府",
        "hs_officer",
        date(2020, 12, 15),
        [("完成指标对照和短板梳理", date(2020, 6, 30)), ("整改清单过半完成", date(2020, 9, 30))],
        [
            (date(2020, 6, 28), "已对照指标体系逐项梳理，形成短板清单12项。", False, [0]),
            (date(2020, 9, 25), "整改清单完成7项，其余5项排定完成时间。", False, [1]),
            (date(2020, 12, 10), "整改清单12项全部完成，资料已归档。", True, []),
        ],
        "confirm",
        None,
    ),
    (
        "工作通知〔2020〕113号",
        "聘请镇政府法律顾问并签订聘请合同",
        "黄水镇司法所",
        "hs_officer",
        20,
        [],
        [(date(2020, 4, 10), "已与律师事务所签订法律顾问聘请合同。", True, [])],
        "confirm",
        None,
    ),
    (
        "工作通知〔2020〕113号",
        "在七龙社区建成“贵和工作室”，实现警务室与综治中心联动",
        "七龙社区居民委员会",
        "qilong_cadre",
        date(2020, 9, 30),
        [("选定场地并完成布置", date(2020, 6, 30))],
        [
            (date(2020, 6, 20), "场地选在社区服务中心二楼，已完成布置。", False, [0]),
            (date(2020, 10, 20), "工作室挂牌运行，已调处纠纷3件。", True, []),
        ],
        "confirm",
        (
            "调解员培训因汛期抢险推迟，挂牌时间相应推后。",
            "汛后集中两天完成调解员培训，10月中旬挂牌运行。",
        ),
    ),
    (
        "工作通知〔2020〕113号",
        "黄水社区各村民小组配齐“法律明白人”",
        "黄水社区居民委员会",
        "huangshui_cadre",
        date(2020, 11, 30),
        [("每个村民小组确定人选", date(2020, 9, 30))],
        [(date(2020, 9, 28), "已确定8个小组的人选，2个小组待定。", False, [0])],
        None,
        (
            "两个村民小组外出务工人员多，合适人选难以确定。",
            "由社区两委逐户走访推荐，12月底前配齐并组织培训。",
        ),
    ),
    (
        "工作通知〔2020〕113号",
        "万胜坝社区LED屏滚动播放法治政府建设宣传标语",
        "万胜坝社区居民委员会",
        None,
        date(2021, 1, 15),
        [],
        [(date(2020, 12, 20), "LED屏已每日滚动播放法治宣传标语。", True, [])],
        None,
        None,
    ),
    (
        "石司发〔2020〕21号",
        "结合疫情排查入户开展防疫法治宣传",
        "黄水镇综治中心",
        "hs_officer",
        date(2020, 4, 30),
        [],
        [(date(2020, 4, 25), "结合入户排查宣传防疫法律知识，覆盖全镇各村（社区）。", True, [])],
        "confirm",
        None,
    ),
    (
        "石司发〔2020〕21号",
        "通过广播和微信群推送防疫法律知识",
        "七龙社区居民委员会",
        "qilong_cadre",
        date(2020, 3, 31),
        [],
        [(date(2020, 3, 30), "社区广播每日播放，微信群推送防疫法律知识10条。", True, [])],
        "return",
        None,
    ),
    (
        "石柱法治办〔2020〕5号",
        "“12·4”国家宪法日赶集日集中宣传",
        "黄水镇司法所",
        "hs_officer",
        date(2020, 12, 4),
        [],
        [],
        None,
        None,
    ),
    (
        "石柱法治办〔2020〕5号",
        "报送宪法日宣传活动总结",
        "黄水镇人民政府",
        "hs_officer",
        date(2021, 1, 10),
        [],
        [],
        None,
        None,
    ),
]


def _notice(officer, leader, town, row):
    issuer, number, title, received, requirements = row
    found = Notice.objects.filter(region=town, doc_number=number).first()
    if found:
        return found, False
    notice = services.notice_save(
        user=officer,
        data={
            "region": town,
            "issuer": issuer,
            "doc_number": number,
            "title": title,
            "received_on": received,
            "leader": leader,
            "requirements": requirements,
        },
    )
    return notice, True


def _task(officer, town, notice, row):
    _, title, unit_name, person, due, targets, reports, outcome, late = row
    unit = Organisation.objects.get(region__code__startswith=town.prefix, name=unit_name)
    data = {"title": title, "unit": unit, "person": None}
    if person:
        data["person"] = User.objects.get(username=person)
    if isinstance(due, int):
        data.update(due_kind=DueKind.WORKING_DAYS, working_days=due, due_on=None)
    else:
        data.update(due_kind=DueKind.DATE, due_on=due)
    task = services.task_save(
        user=officer,
        notice=notice,
        data=data,
        milestones=[{"title": t, "due_on": d} for t, d in targets],
    )
    milestones = list(task.milestones.order_by("due_on", "pk"))
    reason, remedy = late or ("", "")
    reporter = data["person"] if data["person"] is not None else officer
    if reporter.role not in ("town_officer", "village_cadre"):
        reporter = officer
    for day, text, finished, done in reports:
        task.refresh_from_db()
        services.progress_report(
            user=reporter,
            task=task,
            text=text,
            reported_on=day,
            finished=finished,
            milestones_done=[milestones[i] for i in done],
            late_reason=reason if day > task.due_on else "",
            remedy=remedy if day > task.due_on else "",
        )
    task.refresh_from_db()
    if outcome == "confirm":
        services.task_confirm(
            user=officer,
            task=task,
            confirmed_on=task.finished_on,
            late_reason=reason,
            remedy=remedy,
        )
    elif outcome == "return":
        services.task_send_back(
            user=officer, task=task, reason="请补充广播播放记录和微信群推送截图作为佐证材料。"
        )
    elif late and not task.late_reason:
        Task.objects.filter(pk=task.pk).update(late_reason=reason, remedy=remedy)


def _yearly(officer, town):
    """2020's platform tasks (on 2019's report), done by the officer in time."""
    yearly_tasks_create(town=town, year=2020)
    for task, day in zip(
        Task.objects.filter(region=town, year=2020).exclude(yearly="").order_by("due_on"),
        (date(2020, 2, 26), date(2020, 3, 27)),
        strict=False,
    ):
        if task.status != "not_started":
            continue
        services.progress_report(
            user=officer,
            task=task,
            text="已按要求完成并留存报送材料。",
            reported_on=day,
            finished=True,
        )
        task.refresh_from_db()
        services.task_confirm(user=officer, task=task, confirmed_on=day)


@demo_step(order=55)
def tasks(context):
    officer = User.objects.get(username="hs_officer")
    leader = User.objects.filter(username="hs_leader").first()
    town = officer.region
    with transaction.atomic():
        notices = {}
        new = set()
        for row in NOTICES:
            notice, created = _notice(officer, leader, town, row)
            notices[row[1]] = notice
            if created:
                new.add(row[1])
        for row in TASKS:
            if row[0] in new:
                _task(officer, town, notices[row[0]], row)
        _yearly(officer, town)
    context.say(
        f"任务督办：上级通知 {Notice.objects.in_region(town).count()} 件，"
        f"任务 {Task.objects.in_region(town).count()} 项（2020年）"
    )
