"""Demo: 黄水镇's 2020 disputes, mediated by the 贵和工作室 and village committees."""

from datetime import date, timedelta

from fazhi.accounts.models import User
from fazhi.core.demo import demo_step
from fazhi.disputes import services
from fazhi.disputes.models import Dispute, DisputeType, ScreeningReport
from fazhi.disputes.seed import seed_dispute_types
from fazhi.personal.validators import id_check_character
from fazhi.regions.models import Organisation, Region


def demo_id_number(birth: str, sequence: int) -> str:
    """A well-formed demo ID number (石柱县 area code 500240) for someone born on `birth`."""
    first17 = f"500240{birth}{sequence:03d}"
    return first17 + id_check_character(first17)


# village, organisation suffix, type, source, summary, people, risk, escalate,
# registered, outcome ("success", "failed", "handover", None = still open)
CASES = [
    (
        "七龙社区",
        "贵和工作室",
        "邻里",
        "visit",
        "两户因屋后排水沟改道积水入户发生争执",
        2,
        "low",
        False,
        date(2020, 3, 9),
        "success",
    ),
    (
        "七龙社区",
        "贵和工作室",
        "土地/山林权属",
        "screening",
        "两组村民对一片林地界址认定不一，多次上山阻工",
        6,
        "medium",
        True,
        date(2020, 5, 18),
        "success",
    ),
    (
        "七龙社区",
        "贵和工作室",
        "合同/债务",
        "police",
        "民宿装修工程款结算纠纷，派出所出警后转来",
        2,
        "low",
        False,
        date(2020, 8, 3),
        "handover",
    ),
    (
        "七龙社区",
        "贵和工作室",
        "婚姻家庭",
        "grid",
        "赡养老人费用分担分歧，兄弟三人互不相让",
        4,
        "low",
        False,
        date(2020, 11, 12),
        "success",
    ),
    (
        "万胜坝社区",
        "贵和工作室",
        "宅基地/建房",
        "visit",
        "新建房屋滴水占用邻居宅基地边界",
        2,
        "low",
        False,
        date(2020, 4, 21),
        "success",
    ),
    (
        "万胜坝社区",
        "贵和工作室",
        "劳资",
        "assigned",
        "采茶季临时用工十余人工资拖欠",
        12,
        "high",
        True,
        date(2020, 9, 7),
        "success",
    ),
    (
        "黄水社区",
        "人民调解委员会",
        "交通事故",
        "police",
        "电瓶车与行人碰撞后医疗费赔偿协商",
        2,
        "low",
        False,
        date(2020, 6, 2),
        "success",
    ),
    (
        "黄水社区",
        "人民调解委员会",
        "合同/债务",
        "visit",
        "商铺租赁提前解约押金退还争议",
        2,
        "low",
        False,
        date(2020, 10, 15),
        "failed",
    ),
    (
        "黄连社区",
        "人民调解委员会",
        "邻里",
        "grid",
        "饲养家禽噪声和气味影响邻居休息",
        2,
        "low",
        False,
        date(2020, 7, 6),
        "success",
    ),
    (
        "大风堡村",
        "人民调解委员会",
        "土地/山林权属",
        "screening",
        "承包地调整后地界桩被移动",
        3,
        "low",
        False,
        date(2020, 4, 8),
        "success",
    ),
    (
        "金花村",
        "人民调解委员会",
        "婚姻家庭",
        "visit",
        "离婚后子女探视时间安排争执",
        2,
        "low",
        False,
        date(2020, 12, 1),
        None,
    ),
    (
        "清河村",
        "人民调解委员会",
        "征地拆迁",
        "assigned",
        "道路拓宽占地青苗补偿标准有异议",
        5,
        "medium",
        False,
        date(2020, 12, 10),
        None,
    ),
]

NAMES = [("谭", "冉"), ("马", "秦"), ("向", "陈"), ("刘", "黄"), ("杨", "周"), ("王", "李")]
# Months a village did not file its screening report in 2020 (shown as flagged).
MISSED = {("洋洞村", 11), ("洋洞村", 12), ("金花村", 12)}


def _mediators_for(village: Region, organisation: Organisation, officer: User) -> list[User]:
    people = list(User.objects.filter(organisation=organisation, is_active=True))
    return people or [officer]


def _run_case(row, index, officer, types):
    (
        village_name,
        org_suffix,
        type_name,
        source,
        summary,
        people,
        risk,
        escalate,
        registered,
        outcome,
    ) = row
    village = Region.objects.get(parent=officer.region, name=village_name)
    organisation = Organisation.objects.get(region=village, name=village_name + org_suffix)
    dispute = services.dispute_register(
        user=officer,
        region=village,
        source=source,
        dispute_type=types[type_name],
        place=f"{village_name}{index % 6 + 1}组",
        summary=summary,
        people_involved=people,
        risk=risk,
        may_escalate=escalate,
        registered_on=registered,
    )
    surnames = NAMES[index % len(NAMES)]
    for number, (surname, role) in enumerate(
        zip(surnames, ["applicant", "respondent"], strict=True)
    ):
        services.party_add(
            dispute=dispute,
            name=surname + ("某华" if number == 0 else "某军"),
            role=role,
            id_number=demo_id_number(
                f"19{60 + index * 2}0{number + 3}1{index % 9}", index * 10 + number + 1
            ),
            phone=f"1390234{index:02d}{number:02d}",
            address=f"石柱县黄水镇{village_name}",
        )
    accepted = registered + timedelta(days=1)
    services.dispute_assign(
        dispute=dispute,
        user=officer,
        organisation=organisation,
        mediators=_mediators_for(village, organisation, officer),
        accepted_on=accepted,
    )
    services.session_record(
        dispute=dispute,
        user=officer,
        held_on=accepted + timedelta(days=3),
        attendees="双方当事人、调解员、网格员",
        notes="分别听取双方陈述，现场查看，讲解相关法律规定。",
    )
    if outcome == "success":
        signed = accepted + timedelta(days=7 + index)
        services.agreement_make(
            dispute=dispute,
            facts=summary + "。",
            terms="一、双方确认争议事项按现场勘查结果处理；\n二、相关费用由双方协商分担并于十五日内付清；\n三、双方今后互谅互让，不再就此事发生争执。",
            performance_method="协议签订之日起十五日内当面履行。",
            signed_on=signed,
            effective_on=signed,
        )
        agreement = dispute.agreement
        services.agreement_update_performance(
            agreement=agreement, performance="done", note="已按约履行"
        )
        services.follow_up_record(
            dispute=dispute,
            user=officer,
            visited_on=signed + timedelta(days=30),
            notes="回访双方，协议已履行，关系缓和。",
        )
    elif outcome == "failed":
        services.dispute_conclude(
            dispute=dispute,
            outcome="failed",
            concluded_on=accepted + timedelta(days=20),
            note="双方分歧较大，告知可依法向人民法院起诉。",
        )
    elif outcome == "handover":
        handover = services.dispute_hand_over(
            dispute=dispute,
            user=officer,
            kind="pre_litigation",
            receiver="石柱县人民法院（诉前调解）",
            reason="工程量与单价争议需鉴定，经两次调解未达成一致。",
            handed_on=accepted + timedelta(days=18),
        )
        services.handover_record_result(
            handover=handover,
            result="经法院诉前调解达成协议，已申请司法确认。",
            result_on=handover.handed_on + timedelta(days=25),
        )
    return dispute


def _screening(officer, villages):
    findings_by = {("七龙社区", 5): "林地界址争议", ("大风堡村", 4): "承包地界桩被移动"}
    for village in villages:
        for month in range(1, 13):
            if (village.name, month) in MISSED:
                continue
            if ScreeningReport.objects.filter(region=village, month=date(2020, month, 1)).exists():
                continue
            finding = findings_by.get((village.name, month))
            report = services.screening_file(
                user=officer,
                region=village,
                month=date(2020, month, 1),
                screened_on=date(2020, month, 25),
                notes="结合入户走访开展排查。",
                findings=[{"summary": finding}] if finding else [],
            )
            if finding:  # the case registered from this finding
                registered = Dispute.objects.filter(
                    region=village, source="screening", registered_on__month=month
                ).first()
                report.findings.update(dispute=registered)


@demo_step(order=50)
def disputes(context):
    officer = User.objects.get(username="hs_officer")
    town = officer.region
    if not Dispute.objects.in_region(town).filter(registered_on__year=2020).exists():
        seed_dispute_types(DisputeType)
        types = {t.name: t for t in DisputeType.objects.all()}
        for index, row in enumerate(CASES):
            _run_case(row, index, officer, types)
    villages = list(Region.objects.filter(parent=town).order_by("code"))
    _screening(officer, villages)
    context.say(
        f"矛盾纠纷：{len(CASES)} 件（2020年），月度排查报告 {ScreeningReport.objects.in_region(town).count()} 份"
    )
