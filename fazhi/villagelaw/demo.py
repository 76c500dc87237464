"""Demo: 黄水镇's village legal advisor in 2020: the terms, monthly visits,
consultations, two legal-aid referrals, each village's 村规民约 (one sent back
for correction) and one demonstration village. Written through the services,
as the officer, the village cadres and the advisor would."""

from datetime import date, timedelta
from decimal import Decimal

from fazhi.accounts.models import User
from fazhi.core.demo import demo_step
from fazhi.regions.models import Region
from fazhi.villagelaw import services
from fazhi.villagelaw.models import (
    AidBasis,
    AidDecision,
    AidMatter,
    AidOutcome,
    Assignment,
    Compact,
    CompactKind,
    Consultation,
    ConsultationCategory,
    DemoLevel,
    Demonstration,
    Referral,
    ReferredTo,
    StepKind,
    VoteResult,
)

# How many months of 2020 the advisor came to each village (七龙社区 every month).
VISIT_MONTHS = {
    "七龙社区": 12,
    "黄水社区": 12,
    "黄连社区": 11,
    "万胜坝社区": 12,
    "大风堡村": 9,
    "金花村": 12,
    "洋洞村": 8,
    "清河村": 12,
}

CONSULTATIONS = [
    # village, day, person, category, question, answer, referred to
    (
        "七龙社区",
        date(2020, 3, 4),
        "谭某英",
        ConsultationCategory.LABOUR,
        "在外地工地务工半年，包工头拖欠工资一万二千元，怎么讨要？",
        "保留考勤、转账和聊天记录，先向用工地劳动监察投诉；符合条件的可申请法律援助。",
        ReferredTo.LEGAL_AID,
    ),
    (
        "七龙社区",
        date(2020, 6, 17),
        "冉某",
        ConsultationCategory.NEIGHBOUR,
        "邻居修房把排水沟改到我家屋后，下雨就积水，能不能要求恢复？",
        "相邻关系应当有利生产、方便生活，可先请社区调委会调解。",
        ReferredTo.MEDIATION,
    ),
    (
        "黄水社区",
        date(2020, 5, 12),
        "秦某华",
        ConsultationCategory.FAMILY,
        "父亲去世没有遗嘱，兄妹几人对老房子怎么分意见不一。",
        "没有遗嘱按法定继承，第一顺序继承人原则上均等分配，可协商或申请调解。",
        ReferredTo.NONE,
    ),
    (
        "万胜坝社区",
        date(2020, 7, 8),
        "马某",
        ConsultationCategory.CONTRACT,
        "民宿装修完工后老板一直不结尾款，合同只有口头约定。",
        "口头合同同样有效，收集微信记录、证人证言和转账凭证后可向法院起诉。",
        ReferredTo.LITIGATION,
    ),
    (
        "金花村",
        date(2020, 9, 22),
        "向某兰",
        ConsultationCategory.FAMILY,
        "儿子在外打工不回家，也不给赡养费，老人能不能起诉？",
        "子女有赡养义务，可先请村调委会调解，调解不成可起诉；符合条件的可申请法律援助。",
        ReferredTo.LEGAL_AID,
    ),
    (
        "清河村",
        date(2020, 10, 14),
        "刘某",
        ConsultationCategory.LAND,
        "承包地被组里调整给别人，我没有签字同意。",
        "承包期内发包方不得调整承包地，特殊情形须经村民会议三分之二以上成员同意并报批。",
        ReferredTo.HOTLINE,
    ),
]

COMPACT_TEXT = (
    "第一条 为推进依法治村，促进本村（社区）和谐稳定，经村（居）民会议讨论通过，制定本约。\n"
    "第二条 村（居）民应当遵守宪法、法律和法规，依法行使权利、履行义务。\n"
    "第三条 倡导移风易俗，红白喜事从简办理，不攀比，不大操大办。\n"
    "第四条 爱护公共设施和生态环境，不乱倒垃圾，不乱砍滥伐。\n"
    "第五条 邻里之间发生纠纷，先行协商，协商不成的，可请调委会调解。"
)
# A clause the town found unlawful: a compact may not impose fines or cut benefits.
UNLAWFUL_CLAUSE = "\n第六条 不参加集体义务劳动的，每次罚款二百元，并停发当年集体分红。"


def _cadre(village):
    return User.objects.filter(role="village_cadre", region=village).order_by("pk").first()


@demo_step(order=75)
def villagelaw(context):
    town = context.town
    villages = {v.name: v for v in Region.objects.in_region(town).villages()}
    if Assignment.objects.filter(region__in=villages.values()).exists():
        context.say("法治乡村：已存在，跳过")
        return
    advisor_model = Assignment._meta.get_field("advisor").related_model
    advisor = advisor_model.objects.filter(region=town, name="陈律师").first()
    officer = User.objects.get(username="hs_officer")
    if advisor is None:
        context.say("法治乡村：没有法律顾问，跳过")
        return
    assignments = {}
    for name, village in villages.items():
        assignments[name] = services.record_save(
            user=officer,
            record=Assignment(
                region=village,
                advisor=advisor,
                start=date(2020, 1, 1),
                end=date(2020, 12, 31),
                duty_schedule="每月第二个星期三上午在村（社区）便民服务中心坐班",
            ),
        )
    _visits(officer, assignments)
    _consultations(officer, villages, advisor)
    _referrals(officer, villages)
    _compacts(officer, villages)
    services.record_save(
        user=officer,
        record=Demonstration(
            region=villages["七龙社区"],
            level=DemoLevel.COUNTY,
            year_named=2019,
            next_review_year=2021,
            self_score=Decimal("88.5"),
            self_assessment="村务公开栏按月更新，法律明白人3名，村规民约经审查后表决通过。",
        ),
    )
    services.record_save(
        user=officer,
        record=Demonstration(
            region=villages["金花村"],
            level=DemoLevel.COUNTY,
            year_named=2020,
            next_review_year=2022,
            self_assessment="村规民约修订后经表决通过，矛盾纠纷排查按月报送。",
        ),
    )
    context.say(
        "法治乡村：8个村（社区）法律顾问、驻村服务、法律咨询6件、法律援助转介2件、村规民约8份"
    )


def _visits(officer, assignments):
    for name, assignment in assignments.items():
        for month in range(1, VISIT_MONTHS.get(name, 12) + 1):
            services.visit_record(
                user=officer,
                assignment=assignment,
                date=date(2020, month, 12),
                hours=Decimal("2.5") if month % 3 else Decimal("3"),
                work="坐班接待群众咨询，审阅村（社区）合同，参加村务会议提供法律意见。",
            )


def _consultations(officer, villages, advisor):
    for name, day, person, category, question, answer, referred in CONSULTATIONS:
        services.record_save(
            user=officer,
            record=Consultation(
                region=villages[name],
                advisor=advisor,
                date=day,
                person_name=person,
                category=category,
                question=question,
                answer=answer,
                referred_to=referred,
            ),
        )


def _referrals(officer, villages):
    wages = Consultation.objects.get(person_name="谭某英")
    services.record_save(
        user=officer,
        record=Referral(
            region=villages["七龙社区"],
            consultation=wages,
            received_on=date(2020, 3, 5),
            applicant="谭某英",
            matter=AidMatter.LABOUR,
            basis=AidBasis.MIGRANT,
            summary="在外地工地务工被拖欠工资一万二千元。",
            forwarded_on=date(2020, 3, 6),
            decided_on=date(2020, 3, 10),
            decision=AidDecision.GRANTED,
            lawyer_assigned_on=date(2020, 3, 12),
            lawyer="县法律援助中心律师",
            outcome=AidOutcome.SETTLED,
            outcome_note="经劳动仲裁调解，包工头分两期付清工资。",
        ),
    )
    support = Consultation.objects.get(person_name="向某兰")
    services.record_save(
        user=officer,
        record=Referral(
            region=villages["金花村"],
            consultation=support,
            received_on=date(2020, 9, 23),
            applicant="向某兰",
            matter=AidMatter.MAINTENANCE,
            basis=AidBasis.VULNERABLE,
            summary="七十六岁老人，无固定生活来源，请求儿子给付赡养费。",
            forwarded_on=date(2020, 9, 24),
            decided_on=date(2020, 9, 29),
            decision=AidDecision.GRANTED,
            lawyer_assigned_on=date(2020, 10, 9),
            lawyer="县法律援助中心律师",
            outcome=AidOutcome.WON,
            outcome_note="法院判决儿子每月给付赡养费。",
        ),
    )


def _compacts(officer, villages):
    advisor_user = User.objects.filter(role="legal_advisor", username="advisor").first()
    for index, (name, village) in enumerate(sorted(villages.items(), key=lambda v: v[1].code)):
        corrected = name == "洋洞村"
        kind = CompactKind.RESIDENTS if name.endswith("社区") else CompactKind.VILLAGE
        compact = services.record_save(
            user=officer,
            record=Compact(
                region=village,
                kind=kind,
                title=kind.label,
                text=COMPACT_TEXT + (UNLAWFUL_CLAUSE if corrected else ""),
            ),
        )
        start = date(2020, 4, 1) + timedelta(days=index * 3)
        step = _stepper(officer, compact)
        step(
            StepKind.REVIEW,
            start,
            note="条文与法律法规不相抵触，建议删去空泛表述。",
            by=advisor_user,
        )
        if corrected:
            step(
                StepKind.CORRECTION,
                start + timedelta(days=5),
                note="第六条设定罚款并停发集体分红，与村民委员会组织法第二十七条相抵触，责令删除后重新审查。",
            )
            continue
        step(StepKind.OPINION, start + timedelta(days=5), note="经审查，条文合法。", lawful=True)
        eligible = 60 + index * 5
        vote_day = start + timedelta(days=20)
        step(
            StepKind.VOTE,
            vote_day,
            eligible=eligible,
            attendance=eligible - 8,
            votes_for=eligible - 12,
            result=VoteResult.PASSED,
        )
        step(StepKind.FILING, vote_day + timedelta(days=6), note="已报镇人民政府备案。")
        step(StepKind.ADOPTION, vote_day + timedelta(days=8), note="在村务公开栏公布。")


def _stepper(officer, compact):
    def step(kind, day, *, by=None, **fields):
        services.compact_step_record(
            user=by or officer, compact=compact, kind=kind, date=day, **fields
        )

    return step
