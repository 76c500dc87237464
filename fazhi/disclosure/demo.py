"""Demo: 黄水镇's 2020 村务公开 — the catalogue, the eight villages' posts (some
late, one month missing), queries from the public and two information
requests, one of them after a 补正 notice. Written through the services."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.models import User
from fazhi.core.demo import demo_step
from fazhi.core.roles import Role
from fazhi.disclosure import services
from fazhi.disclosure.models import Category, Frequency, Level, Post, Source
from fazhi.regions.models import Region

YEAR = 2020

# name, frequency, level, source, villages (None: all), basis
CATALOGUE = [
    ("村级财务收支情况", Frequency.MONTHLY, Level.VILLAGE, Source.COUNTY, None, "重庆市实施办法第二十八条"),
    ("惠农补贴资金发放情况", Frequency.QUARTERLY, Level.VILLAGE, Source.COUNTY, None, "村民委员会组织法第三十条"),
    ("集体资产资源发包租赁情况", Frequency.QUARTERLY, Level.VILLAGE, Source.COUNTY, None, "重庆市实施办法第二十八条"),
    ("村级工程项目建设情况", Frequency.ONE_OFF, Level.VILLAGE, Source.COUNTY, None, "重庆市实施办法第二十八条"),
    ("民主评议村干部结果", Frequency.ONE_OFF, Level.VILLAGE, Source.COUNTY,
     ("大风堡村", "金花村", "洋洞村", "清河村"), "重庆市实施办法第二十八条"),
    ("惠农政策及资金发放", Frequency.ONE_OFF, Level.TOWN, Source.TOWN, None, "政府信息公开条例第二十一条"),
    ("财政预算、决算信息", Frequency.ONE_OFF, Level.TOWN, Source.TOWN, None, "政府信息公开条例第二十一条"),
]  # fmt: skip

# Each village's 村务监督委员会 member (a village cadre account flagged as supervisor).
SUPERVISORS = [
    ("500240105001", "hs_jiandu", "秦监督"),
    ("500240105002", "ql_jiandu", "冉监督"),
    ("500240105003", "hl_jiandu", "黄监督"),
    ("500240105004", "wsb_jiandu", "万监督"),
    ("500240105005", "dfb_jiandu", "风监督"),
    ("500240105006", "jh_jiandu", "金监督"),
    ("500240105007", "yd_jiandu", "洋监督"),
    ("500240105008", "qh_jiandu", "清监督"),
]

# (village, category, period) published late on the given day; MISSING never published.
LATE = {
    ("金花村", "村级财务收支情况", 3): date(2020, 4, 22),
    ("清河村", "惠农补贴资金发放情况", 2): date(2020, 7, 28),
    ("洋洞村", "集体资产资源发包租赁情况", 3): date(2020, 10, 30),
}
MISSING = {("洋洞村", "村级财务收支情况", 10), ("大风堡村", "村级财务收支情况", 11)}

FINANCE = (
    "# {month}月村级财务收支\n\n"
    "项目 | 收入（元） | 支出（元）\n"
    "上月结余 | {carry} | \n"
    "集体资产租赁收入 | {rent} | \n"
    "村务办公经费 | | {office}\n"
    "道路维护 | | {road}\n\n"
    "经办人：村报账员；审核：村务监督委员会。如有疑问，请于公开之日起10日内提出。"
)
SUBSIDY = (
    "# 第{q}季度惠农补贴发放情况\n\n"
    "户主 | 身份证号码 | 补贴项目 | 金额（元）\n"
    "谭某华 | 5002**********{tail} | 耕地地力保护补贴 | {amount}\n"
    "冉某军 | 5002**********2317 | 生态公益林补偿 | 186.40\n\n"
    "- 补贴资金已通过“一卡通”直接发放到户\n"
    "- 对发放金额有异议的，可向村务监督委员会反映"
)
ASSETS = (
    "# 第{q}季度集体资产资源发包租赁情况\n\n"
    "本季度集体林地、鱼塘租赁合同继续履行，租金按合同约定收取，无新增发包事项。"
)


def _supervisors(context, town):
    people = {}
    for code, username, full_name in SUPERVISORS:
        village = Region.objects.get(code=code)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, role=Role.VILLAGE_CADRE, region=village,
                        full_name=full_name)  # fmt: skip
            user.set_password(context.password)
            user.full_clean()
            user.save()
            context.created_users.append(username)
        people[village.name] = user
    return people


def _publish(post, drafter, supervisor, day):
    services.post_submit(user=drafter, post=post)
    services.post_approve(user=supervisor, post=post, today=day)


def _on_time_day(due: date) -> date:
    return due.replace(day=max(1, due.day - 7))


@demo_step(order=70)
@transaction.atomic
def disclosure(context):
    town = context.town
    officer = User.objects.get(username="hs_officer")
    if Category.objects.filter(region=town, year=YEAR).exists():
        return
    villages = list(Region.objects.villages().filter(parent=town).order_by("code"))
    by_name = {v.name: v for v in villages}
    categories = {}
    for order, (name, frequency, level, source, named, basis) in enumerate(CATALOGUE):
        categories[name] = services.category_save(
            user=officer, region=town, year=YEAR, name=name, frequency=frequency, level=level,
            source=source, villages=[by_name[n] for n in named or ()], basis=basis, order=order,
        )  # fmt: skip
    supervisors = _supervisors(context, town)
    for village in villages:
        services.supervisor_assign(
            user=officer, region=village, person=supervisors[village.name], since=date(2018, 1, 1)
        )
    cadres = {u.region.name: u for u in User.objects.filter(
        role=Role.VILLAGE_CADRE, username__in=("qilong_cadre", "huangshui_cadre")
    ).select_related("region")}  # fmt: skip
    count = 0
    for i, village in enumerate(villages):
        drafter = cadres.get(village.name, officer)
        for name, template, periods in (
            ("村级财务收支情况", FINANCE, range(1, 13)),
            ("惠农补贴资金发放情况", SUBSIDY, range(1, 5)),
            ("集体资产资源发包租赁情况", ASSETS, range(1, 5)),
        ):
            category = categories[name]
            for period in periods:
                if (village.name, name, period) in MISSING:
                    continue
                body = template.format(
                    month=period, q="一二三四"[period - 1] if period <= 4 else "", carry=
                    12000 + 350 * period + i * 40, rent=1800 + i * 100, office=420 + period * 10,
                    road=900 + i * 30, tail=f"{1000 + i * 37 + period:04d}"[-4:],
                    amount=f"{520 + i * 11}.00",
                )  # fmt: skip
                post = services.post_save(
                    user=drafter, region=village, category=category, year=YEAR, period=period,
                    title=f"{village.name}{category.name}（{Post(category=category, year=YEAR, period=period).period_label}）",
                    body=body,
                )  # fmt: skip
                day = LATE.get((village.name, name, period)) or _on_time_day(post.due_on)
                _publish(post, drafter, supervisors[village.name], day)
                count += 1
    works = services.post_save(
        user=cadres["七龙社区"], region=by_name["七龙社区"], category=categories["村级工程项目建设情况"],
        year=YEAR, event_on=date(2020, 9, 8), title="七龙社区便民桥修缮工程竣工公示",
        body="# 工程概况\n\n项目名称 | 施工单位 | 合同金额（元） | 竣工日期\n"
        "七龙社区便民桥修缮 | 石柱县某建筑公司 | 186000 | 2020-09-08\n\n"
        "工程已经村务监督委员会现场查看，群众对工程质量有意见的可提出质询。",
    )  # fmt: skip
    _publish(works, cadres["七龙社区"], supervisors["七龙社区"], date(2020, 9, 15))
    budget = services.post_save(
        user=officer, region=town, category=categories["财政预算、决算信息"], year=YEAR,
        event_on=date(2020, 3, 2), title="黄水镇2020年财政预算公开",
        body="黄水镇2020年一般公共预算收支安排已经镇人民代表大会审议通过，现予公开。",
    )  # fmt: skip
    services.post_submit(user=officer, post=budget)  # awaiting the town's reviewer
    draft = services.post_save(
        user=cadres["黄水社区"], region=by_name["黄水社区"], category=categories["村级工程项目建设情况"],
        year=YEAR, event_on=date(2020, 12, 20), title="黄水社区路灯安装项目公示",
        body="项目正在验收，验收后公开结算金额。",
    )  # fmt: skip
    services.post_submit(user=cadres["黄水社区"], post=draft)
    services.post_return(
        user=supervisors["黄水社区"], post=draft, reason="请补充施工单位和合同金额后再提交。"
    )
    _queries(works, by_name, cadres, officer)
    _requests(officer, town)
    context.say(
        f"村务公开：{YEAR}年公开目录{len(CATALOGUE)}项，已公开{count + 1}期，群众质询4件，依申请公开2件"
    )


def _at(day: date, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _queries(works, by_name, cadres, officer):
    qilong = by_name["七龙社区"]
    answered = services.query_submit(
        region=qilong, post=works, name="谭某", phone="13812345678",
        content="便民桥修缮的合同金额是否包含护栏？", now=_at(date(2020, 9, 17)),
    )  # fmt: skip
    services.query_moderate(user=cadres["七龙社区"], query=answered, accept=True)
    services.query_answer(
        user=cadres["七龙社区"], query=answered, public=True, today=date(2020, 9, 19),
        answer="合同金额186000元含桥面护栏更换，护栏已于9月完工，欢迎现场查看。",
    )  # fmt: skip
    late = services.query_submit(
        region=by_name["清河村"], name="冉某", phone="",
        content="第二季度惠农补贴为什么公开得这么晚？", now=_at(date(2020, 7, 29)),
    )  # fmt: skip
    services.query_moderate(user=officer, query=late, accept=True)
    services.query_escalate(user=officer, query=late, today=date(2020, 8, 5))
    services.query_answer(
        user=officer, query=late, public=True, today=date(2020, 8, 20),
        answer="经镇政府核查，清河村报账员变动导致延迟公开，已督促整改并按季度按时公开。",
    )  # fmt: skip
    pending = services.query_submit(
        region=by_name["黄水社区"], name="秦某", phone="13987654321",
        content="社区路灯项目什么时候公开结算？", now=_at(date(2020, 12, 28)),
    )  # fmt: skip
    services.query_moderate(user=officer, query=pending, accept=True)
    spam = services.query_submit(
        region=by_name["金花村"], name="匿名", phone="",
        content="广告：低价出售建材，联系微信。", now=_at(date(2020, 11, 3)),
    )  # fmt: skip
    services.query_moderate(user=officer, query=spam, accept=False, reason="与村务公开无关的广告")


def _requests(officer, town):
    first = services.request_register(
        user=officer, region=town, applicant="冉某某", contact="13512345678",
        channel="counter", description="黄水镇2019年度农村危房改造补助名单", received_on=date(2020, 6, 1),
    )  # fmt: skip
    services.request_answer(
        user=officer, request=first, answer_type="published", answered_on=date(2020, 6, 10),
        answer_text="该信息已在黄水镇政务公开栏和村务公开网页主动公开，可直接查阅。",
    )  # fmt: skip
    second = services.request_register(
        user=officer, region=town, applicant="谭某某", contact="023-73331234",
        channel="online", description="某村土地流转有关文件", received_on=date(2020, 9, 21),
    )  # fmt: skip
    services.request_correction(
        user=officer, request=second, sent_on=date(2020, 9, 24),
        what="请写明所指的村及土地流转的大致时间。",
    )  # fmt: skip
    services.request_correction_received(
        user=officer, request=second, received_on=date(2020, 10, 12)
    )
    services.request_answer(
        user=officer, request=second, answer_type="partly", answered_on=date(2020, 11, 2),
        answer_text="提供金花村2019年土地流转合同备案表；合同中涉及个人隐私的部分不予公开。",
        pages=12,
    )  # fmt: skip
