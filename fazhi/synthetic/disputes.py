"""Disputes with their parties, sessions, agreements, hand-overs and follow-up
visits, and the villages' monthly screening reports.

Per village and year: 10–20 disputes (15 on average), 2 parties each mostly
(2.25 on average); 91 % mediated successfully, 5 % not, 4 % handed over;
a case registered in the last weeks of the range may still be open. A village
files its screening report in about 95 % of months.
"""

from datetime import date, timedelta
from decimal import Decimal

from fazhi.core.numbering import number_claim
from fazhi.disputes.models import (
    Agreement,
    Dispute,
    DisputeType,
    FollowUp,
    Handover,
    Party,
    ScreeningReport,
    Session,
)
from fazhi.disputes.seed import seed_dispute_types
from fazhi.disputes.services import DISPUTE_NUMBERS
from fazhi.personal.fields import digest
from fazhi.personal.validators import id_check_character
from fazhi.synthetic.names import person_name

SUMMARIES = {
    "婚姻家庭": ["赡养老人费用分担分歧", "离婚后子女探视安排争执", "分家析产意见不一"],
    "邻里": ["屋后排水沟改道积水入户", "饲养家禽噪声和气味扰邻", "通行道路被堆放杂物阻断"],
    "土地/山林权属": ["承包地调整后地界桩被移动", "林地界址认定不一", "荒坡开垦权属争议"],
    "宅基地/建房": ["新建房屋滴水占用邻居宅基地", "建房挖方影响邻居房屋安全"],
    "劳资": ["采茶季临时用工工资拖欠", "工地务工人员受伤赔偿协商"],
    "合同/债务": ["民宿装修工程款结算纠纷", "商铺租赁押金退还争议", "农资赊销货款未付"],
    "征地拆迁": ["道路拓宽占地青苗补偿有异议", "安置房分配顺序争议"],
    "交通事故": ["电瓶车与行人碰撞医疗费赔偿", "农用车刮擦修车费用协商"],
    "其他": ["山林放牧损毁庄稼", "集体经济分红分配意见"],
}
SOURCES = ["visit"] * 5 + ["screening"] * 2 + ["police", "grid", "grid", "assigned", "other"]
OPEN_DAYS = 45  # cases registered this close to the end of the range may still be open


class Numbers:
    """JF<year>-<n> numbers handed out in order, after those already stored."""

    def __init__(self):
        self.last: dict[int, int] = {}

    def next(self, year: int) -> str:
        if year not in self.last:
            self.last[year] = DISPUTE_NUMBERS.highest(year)
        self.last[year] += 1
        return DISPUTE_NUMBERS.format(year, self.last[year])

    def claim(self) -> None:
        """Move each year's counter past the numbers given here."""
        for year, value in self.last.items():
            number_claim(sequence=DISPUTE_NUMBERS, number=DISPUTE_NUMBERS.format(year, value))


def dispute_types() -> dict[str, DisputeType]:
    seed_dispute_types(DisputeType)
    return {t.name: t for t in DisputeType.objects.all()}


def id_number(rng) -> str:
    birth = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 62))
    first17 = f"500240{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_character(first17)


def phone(rng) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def _day_in(rng, year: int, last_day: date) -> date:
    start = date(year, 1, 1)
    span = (min(date(year, 12, 31), last_day) - start).days
    return start + timedelta(days=rng.randrange(span + 1))


def build(*, writer, rng, town, years, last_day, types, numbers, calendar) -> None:
    type_names = sorted(types)
    disputes = []
    plans = []
    for village in town.villages:
        for year in years:
            for _ in range(rng.randint(10, 20)):
                type_name = rng.choice(type_names)
                registered = _day_in(rng, year, last_day)
                parties = rng.choices([2, 3, 4, 5], weights=[80, 15, 3, 2])[0]
                risk = rng.choices(["low", "medium", "high"], weights=[85, 12, 3])[0]
                dispute = Dispute(
                    number=numbers.next(year),
                    region=village,
                    source=rng.choice(SOURCES),
                    dispute_type=types[type_name],
                    place=f"{village.name}{rng.randint(1, 8)}组",
                    summary=rng.choice(SUMMARIES.get(type_name, SUMMARIES["其他"])),
                    amount=Decimal(rng.randrange(0, 5_000_000)) / 100
                    if rng.random() < 0.4
                    else None,
                    people_involved=parties,
                    risk=risk,
                    may_escalate=risk != "low" and rng.random() < 0.3,
                    registered_on=registered,
                    registered_by=town.officer,
                )
                plan = _plan(rng, dispute, town, last_day)
                disputes.append(dispute)
                plans.append((dispute, parties, plan))
    children, followed_up = _children(rng, town, plans)
    for dispute in disputes:  # the stored due dates, as the services set them
        dispute.set_due_dates(calendar=calendar, followed_up=id(dispute) in followed_up)
    writer.insert(Dispute, disputes)
    for model, records in children:
        for record in records:  # made before their dispute had a key
            record.dispute_id = record.dispute.pk
        writer.insert(model, records)


def _plan(rng, dispute, town, last_day) -> str:
    """Decide the case's course and set the dispute's own fields to match it."""
    registered = dispute.registered_on
    if (last_day - registered).days < OPEN_DAYS and rng.random() < 0.5:
        course = rng.choice(["registered", "mediating"])
    else:
        course = rng.choices(["success", "failed", "handover"], weights=[91, 5, 4])[0]
    if course == "registered":
        return course
    dispute.organisation = town.mediation[dispute.region_id]
    dispute.accepted_on = registered + timedelta(days=rng.randint(0, 3))
    dispute.status = "mediating"
    if course == "success":
        dispute.status, dispute.outcome = "concluded", "success"
        dispute.concluded_on = dispute.accepted_on + timedelta(days=rng.randint(3, 25))
    elif course == "failed":
        dispute.status, dispute.outcome = "concluded", "failed"
        dispute.concluded_on = dispute.accepted_on + timedelta(days=rng.randint(10, 28))
        dispute.outcome_note = "双方分歧较大，告知可依法向人民法院起诉。"
    elif course == "handover":
        dispute.status, dispute.outcome = "handed_over", "failed"
        dispute.concluded_on = dispute.accepted_on + timedelta(days=rng.randint(7, 25))
    return course


def _children(rng, town, plans):
    """Each case's parties and the records its course leaves, and the cases
    visited after they concluded (inserted once the disputes are)."""
    parties, sessions, agreements, handovers, follow_ups = [], [], [], [], []
    followed_up = set()
    for dispute, count, course in plans:
        for n in range(count):
            number = id_number(rng) if rng.random() < 0.8 else ""
            parties.append(
                Party(
                    dispute=dispute,
                    name=person_name(rng),
                    role="applicant" if n == 0 else ("respondent" if n == 1 else "third"),
                    phone=phone(rng) if rng.random() < 0.9 else "",
                    id_number=number,
                    id_digest=digest(number) if number else "",
                    address=f"石柱县{town.region.name}{dispute.region.name}",
                )
            )
        if course == "registered":
            continue
        sessions.append(
            Session(
                dispute=dispute,
                held_on=dispute.accepted_on + timedelta(days=rng.randint(0, 2)),
                attendees="双方当事人、调解员、网格员",
                notes="分别听取双方陈述，现场查看，讲解相关法律规定。",
                recorded_by=town.officer,
            )
        )
        if course == "success":
            agreements.append(
                Agreement(
                    dispute=dispute,
                    facts=dispute.summary + "。",
                    terms="一、双方确认争议事项按现场勘查结果处理；\n二、相关费用由双方协商分担。",
                    performance_method="协议签订之日起十五日内当面履行。",
                    signed_on=dispute.concluded_on,
                    effective_on=dispute.concluded_on,
                    performance=rng.choices(["done", "partial", "pending"], weights=[90, 6, 4])[0],
                )
            )
            visited = dispute.concluded_on + timedelta(days=rng.randint(25, 40))
            if rng.random() < 0.9:
                followed_up.add(id(dispute))  # unsaved: not hashable
                follow_ups.append(
                    FollowUp(
                        dispute=dispute,
                        visited_on=visited,
                        notes="回访双方，协议已履行，关系缓和。",
                        visited_by=town.officer,
                    )
                )
        elif course == "handover":
            handovers.append(
                Handover(
                    dispute=dispute,
                    kind=rng.choice(["pre_litigation", "administrative", "petition"]),
                    receiver="石柱县人民法院（诉前调解）",
                    reason="经两次调解未达成一致，需专业鉴定。",
                    handed_on=dispute.concluded_on,
                    handed_by=town.officer,
                )
            )
    children = [
        (Party, parties),
        (Session, sessions),
        (Agreement, agreements),
        (Handover, handovers),
        (FollowUp, follow_ups),
    ]
    return children, followed_up


def screening(*, writer, rng, town, years, last_day) -> None:
    """Monthly reports; a month already filed (the demo's 2020) is left as it is."""
    filed = set(
        ScreeningReport.objects.filter(region__in=town.villages).values_list("region_id", "month")
    )
    reports = []
    for village in town.villages:
        for year in years:
            for month in range(1, 13):
                first = date(year, month, 1)
                screened = first + timedelta(days=rng.randint(19, 27))
                if rng.random() >= 0.945 or screened > last_day:
                    continue
                if (village.pk, first) in filed:
                    continue
                reports.append(
                    ScreeningReport(
                        region=village,
                        month=first,
                        screened_on=screened,
                        notes="结合入户走访开展排查。",
                        filed_by=town.officer,
                    )
                )
    writer.insert(ScreeningReport, reports)
