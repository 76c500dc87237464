"""黄水镇's 2020 cases: a lawsuit in which the head appeared in court, a
reconsideration, and an adjudication of a forest-land ownership dispute.
Names and details are invented for the demo."""

from datetime import date

from fazhi.accounts.models import User
from fazhi.cases import services
from fazhi.cases.models import (
    Adjudication,
    AdjudicationType,
    Appearance,
    DecisionKind,
    Lawsuit,
    Outcome,
    Reconsideration,
    ReconsiderationOutcome,
)
from fazhi.core.demo import demo_step


@demo_step(order=45)
def cases(context):
    town = context.town
    officer = User.objects.get(username="hs_officer")
    leader = User.objects.get(username="hs_leader")
    people = {"handler": officer, "leader": leader}

    if not Lawsuit.objects.filter(case_number="（2020）渝0240行初21号").exists():
        lawsuit = services.lawsuit_create(
            user=officer,
            region=town,
            case_number="（2020）渝0240行初21号",
            court="石柱土家族自治县人民法院",
            plaintiffs="向某林",
            cause="责令限期拆除违法建筑",
            contested_act="黄水镇人民政府2020年5月作出的限期拆除决定（黄水府拆字〔2020〕4号）",
            complaint_received_on=date(2020, 6, 22),
            **people,
        )
        services.lawsuit_record_answer(lawsuit=lawsuit, submitted_on=date(2020, 7, 3))
        services.hearing_record(
            lawsuit=lawsuit,
            date=date(2020, 8, 18),
            court="石柱县人民法院第二审判庭",
            appearance=Appearance.HEAD,
            head_name="马镇长（镇长）",
        )
        services.lawsuit_decide(
            lawsuit=lawsuit,
            decision_kind=DecisionKind.JUDGMENT,
            decision_date=date(2020, 9, 21),
            served_on=date(2020, 9, 24),
            outcome=Outcome.DISMISSED_CLAIM,
        )
        services.lawsuit_decide_appeal(lawsuit=lawsuit, appeal="no_appeal")

    if not Reconsideration.objects.filter(case_number="石柱府复〔2020〕9号").exists():
        case = services.reconsideration_create(
            user=officer,
            region=town,
            case_number="石柱府复〔2020〕9号",
            applicant="冉某芳",
            organ="石柱土家族自治县人民政府",
            contested_act="黄水镇人民政府对农村建房申请不予批准的答复",
            accepted_on=date(2020, 10, 12),
            received_on=date(2020, 10, 16),
            **people,
        )
        services.reconsideration_record_answer(case=case, submitted_on=date(2020, 10, 27))
        services.reconsideration_decide(
            case=case, decision_date=date(2020, 12, 4), outcome=ReconsiderationOutcome.UPHELD
        )

    if not Adjudication.objects.filter(case_number="黄水府裁〔2020〕1号").exists():
        case = services.adjudication_create(
            user=officer,
            region=town.children.get(name="金花村"),
            case_number="黄水府裁〔2020〕1号",
            type=AdjudicationType.FOREST_LAND,
            parties="金花村三组谭某与四组秦某",
            claim="请求确认“大湾”地块约4亩林地的使用权归属",
            applied_on=date(2020, 4, 8),
            accepted_on=date(2020, 4, 13),
            hearing_on=date(2020, 5, 19),
            **people,
        )
        services.adjudication_issue(
            case=case,
            decided_on=date(2020, 6, 30),
            decision="依据林权证及四至界线，“大湾”地块林地使用权归三组谭某。",
            remedy_notice="当事人不服本决定的，可以自收到之日起六十日内向石柱土家族自治县人民政府申请行政复议，或者六个月内向石柱土家族自治县人民法院提起行政诉讼。",
        )
    context.say("案件：2020年行政诉讼1件（负责人出庭）、行政复议1件、行政裁决1件")
