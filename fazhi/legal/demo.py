"""黄水镇's 2020 legal advisor, service log, review requests and two major decisions."""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.accounts.models import User
from fazhi.core.demo import demo_step
from fazhi.legal.models import (
    Advisor,
    AdvisorKind,
    Catalogue,
    MeetingType,
    Opinion,
    RiskLevel,
    Service,
    ServiceKind,
    StepKind,
    SubjectKind,
)
from fazhi.legal.services import (
    contract_create,
    decision_create,
    decision_step_record,
    review_opinion_give,
    review_request_send,
)


def demo_pdf(name: str) -> SimpleUploadedFile:
    """A one-page placeholder PDF standing in for a scanned document."""
    body = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


_SERVICES = [
    (
        date(2020, 2, 18),
        ServiceKind.CONSULTATION,
        "复工复产期间用工合同解除问题",
        "就疫情期间企业解除劳动合同的法律风险提供书面意见。",
    ),
    (
        date(2020, 4, 9),
        ServiceKind.MEDIATION,
        "万胜坝社区土地承包边界纠纷",
        "随同镇人民调解委员会参与调解，讲解农村土地承包法相关规定。",
    ),
    (
        date(2020, 6, 23),
        ServiceKind.PETITION,
        "大风堡村林地补偿信访件",
        "接待信访群众，释明林地补偿政策与救济途径。",
    ),
    (
        date(2020, 8, 12),
        ServiceKind.LITIGATION,
        "一起行政诉讼案件应诉准备",
        "协助镇政府准备答辩状和证据目录。",
    ),
    (
        date(2020, 12, 3),
        ServiceKind.LECTURE,
        "镇村干部学习民法典讲座",
        "在镇政府会议室为镇村干部讲授民法典婚姻家庭编、物权编要点。",
    ),
]


@demo_step(order=40)
def legal(context):
    town = context.town
    officer = User.objects.get(username="hs_officer")
    advisor_user = User.objects.get(username="advisor")
    if Advisor.objects.filter(region=town, name="陈律师").exists():
        context.say("法律顾问：已存在，跳过")
        return
    advisor = Advisor(
        region=town,
        kind=AdvisorKind.EXTERNAL,
        name="陈律师",
        firm="重庆山城律师事务所",
        licence_number="15002201810000000",
        phone="13983000000",
        speciality="行政法、农村土地与合同纠纷",
        user=advisor_user,
    )
    advisor.full_clean()
    advisor.save()
    contract_create(
        user=officer,
        advisor=advisor,
        number="黄水府聘〔2020〕1号",
        start=date(2020, 1, 1),
        end=date(2020, 12, 31),
        fee=Decimal("30000.00"),
        scope="列席镇政府常务会议；审查重大行政决策、规范性文件和镇政府签订的合同；参与调解、信访和诉讼；每年举办法治讲座。",
        signed_copies=[demo_pdf("2020年法律顾问聘请合同.pdf")],
    )
    for day, kind, subject, detail in _SERVICES:
        service = Service(
            advisor=advisor, region=town, date=day, kind=kind, subject=subject, detail=detail
        )
        service.full_clean()
        service.save()

    contract_review = review_request_send(
        user=officer,
        region=town,
        subject_kind=SubjectKind.CONTRACT,
        title="黄水镇场镇污水管网改造工程施工合同",
        reviewer=advisor,
        sent_on=date(2020, 5, 11),
        due=date(2020, 5, 25),
        questions="付款节点和工期违约责任条款是否对镇政府公平。",
        materials=[demo_pdf("施工合同（送审稿）.pdf")],
    )
    review_opinion_give(
        review=contract_review,
        user=advisor_user,
        opinion=Opinion.LAWFUL_AFTER_CHANGES,
        reasons="合同主体、标的合法；建议明确质量保证金返还期限，并将逾期竣工违约金由固定金额改为按日计算。",
        answered_on=date(2020, 5, 19),
        signed_copies=[demo_pdf("合同审查意见书.pdf")],
    )

    catalogue = Catalogue(
        region=town,
        year=2020,
        title="黄水镇2020年度重大行政决策事项目录",
        published_on=date(2020, 3, 16),
    )
    catalogue.full_clean()
    catalogue.save()
    _complete_decision(town=town, catalogue=catalogue, officer=officer, advisor=advisor)
    _waiting_decision(town=town, catalogue=catalogue, officer=officer, advisor=advisor)
    context.say("法律顾问：陈律师（2020年聘期）、服务台账、合同审查、重大行政决策 2 项")


def _complete_decision(*, town, catalogue, officer, advisor):
    decision = decision_create(
        user=officer,
        region=town,
        catalogue=catalogue,
        year=2020,
        title="黄水镇场镇农贸市场搬迁方案",
        sponsor="黄水镇经济发展办公室",
        summary="将场镇老农贸市场整体迁至新区，原址改建为停车场和休闲广场。",
        launch_date=date(2020, 3, 20),
        responsible="马镇长",
        note="镇党委会议研究同意启动决策程序。",
        documents=[demo_pdf("决策启动报告.pdf")],
    )
    record = _recorder(decision, officer)
    record(
        StepKind.PARTICIPATION,
        date(2020, 5, 6),
        "谭法治",
        comment_start=date(2020, 4, 1),
        comment_end=date(2020, 5, 5),
        comments_received=46,
        note="在场镇公示栏、镇政府网站公开征求意见，召开商户座谈会两次。",
        documents=[demo_pdf("征求意见情况汇总.pdf")],
    )
    record(
        StepKind.EXPERT,
        date(2020, 5, 15),
        "谭法治",
        expert_required=True,
        experts="县规划、消防、市场监管部门专家共3人",
        note="专家建议增设消防通道，已采纳。",
    )
    record(
        StepKind.RISK,
        date(2020, 5, 22),
        "综治中心",
        risk_level=RiskLevel.MEDIUM,
        note="主要风险为部分商户过渡期经营收入下降，已制定过渡期租金减免措施。",
    )
    review = review_request_send(
        user=officer,
        region=town,
        subject_kind=SubjectKind.DECISION,
        decision=decision,
        title="黄水镇场镇农贸市场搬迁方案（草案）",
        reviewer=advisor,
        sent_on=date(2020, 5, 25),
        due=date(2020, 6, 8),
        materials=[demo_pdf("搬迁方案草案.pdf")],
    )
    review_opinion_give(
        review=review,
        user=advisor.user,
        opinion=Opinion.LAWFUL,
        reasons="决策主体、权限和程序合法，补偿标准符合县政府有关规定。",
        answered_on=date(2020, 6, 3),
        signed_copies=[demo_pdf("合法性审查意见书.pdf")],
    )
    record(StepKind.LEGALITY, date(2020, 6, 3), "陈律师", review_request=review)
    record(
        StepKind.DISCUSSION,
        date(2020, 6, 10),
        "马镇长",
        meeting_type=MeetingType.EXECUTIVE,
        attendance="镇长、副镇长4人，法律顾问列席",
        chief_decision="同意按修改后的方案实施，由经济发展办公室牵头。",
        note="会议讨论通过搬迁方案。",
        documents=[demo_pdf("镇政府常务会议纪要.pdf")],
    )
    record(
        StepKind.PUBLICATION,
        date(2020, 6, 15),
        "谭法治",
        channel="镇政府门户网站、场镇公示栏",
    )
    record(
        StepKind.EVALUATION,
        date(2020, 12, 10),
        "黄水镇经济发展办公室",
        note="新市场于10月投入使用，商户入驻率92%；后评估认为决策目标基本实现。",
    )


def _waiting_decision(*, town, catalogue, officer, advisor):
    decision = decision_create(
        user=officer,
        region=town,
        catalogue=catalogue,
        year=2020,
        title="黄水镇农村生活垃圾收运处置收费办法",
        sponsor="黄水镇村镇建设管理服务中心",
        launch_date=date(2020, 9, 1),
        responsible="马镇长",
    )
    record = _recorder(decision, officer)
    record(
        StepKind.PARTICIPATION,
        date(2020, 10, 19),
        "谭法治",
        comment_start=date(2020, 9, 10),
        comment_end=date(2020, 10, 16),
        comments_received=23,
    )
    record(
        StepKind.EXPERT,
        date(2020, 10, 20),
        "谭法治",
        expert_required=False,
        no_expert_reason="收费标准参照县发改委核定标准，专业性问题已在征求意见中解决。",
    )
    record(StepKind.RISK, date(2020, 10, 26), "综治中心", risk_level=RiskLevel.LOW)
    review_request_send(
        user=officer,
        region=town,
        subject_kind=SubjectKind.DECISION,
        decision=decision,
        title="黄水镇农村生活垃圾收运处置收费办法（送审稿）",
        reviewer=advisor,
        sent_on=date(2020, 10, 27),
        due=date(2020, 11, 10),
        materials=[demo_pdf("收费办法送审稿.pdf")],
    )


def _recorder(decision, officer):
    def record(kind, day, responsible, **fields):
        return decision_step_record(
            decision=decision, user=officer, kind=kind, date=day, responsible=responsible, **fields
        )

    return record
