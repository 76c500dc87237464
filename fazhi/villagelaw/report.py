"""The report's 公共法律服务 paragraphs, written from the metrics, and the two ledgers
(法律咨询台账, 法律援助转介台账) exported and imported through fazhi/ledgers."""

from fazhi.ledgers.base import Column, Ledger, register_ledger
from fazhi.reports.contrib import paragraph
from fazhi.villagelaw.metrics import (
    ADVISOR_HOURS,
    ADVISOR_VISITS,
    COMPACTS_REVIEWED,
    CONSULTATIONS,
    DEMONSTRATION,
    REFERRALS,
)
from fazhi.villagelaw.models import (
    AidBasis,
    AidDecision,
    AidMatter,
    AidOutcome,
    Consultation,
    ConsultationCategory,
    Referral,
    ReferredTo,
)


@paragraph(
    "legal_services",
    metrics=[ADVISOR_VISITS, ADVISOR_HOURS, CONSULTATIONS, REFERRALS],
    order=10,
)
def public_legal_services(f, ctx):
    if not f.has_data(ADVISOR_VISITS, CONSULTATIONS, REFERRALS):
        return None
    sentences = []
    if f.has_data(ADVISOR_VISITS):
        sentences.append(
            f"落实一村（社区）一法律顾问，法律顾问全年到村服务{f.exact(ADVISOR_VISITS)}、"
            f"累计{f.exact(ADVISOR_HOURS)}"
        )
    if f.has_data(CONSULTATIONS):
        referred = sum(
            count
            for label, count in f.parts(CONSULTATIONS).items()
            if label != ReferredTo.NONE.label
        )
        text = f"解答群众法律咨询{f.exact(CONSULTATIONS)}"
        if referred:
            text += f"，其中引导调解、法律援助、诉讼等途径解决{referred}件"
        sentences.append(text)
    if f.has_data(REFERRALS):
        parts = f.parts(REFERRALS)
        granted = parts.get(AidDecision.GRANTED.label, 0)
        text = f"受理并转送县法律援助中心法律援助申请{f.exact(REFERRALS)}"
        if granted:
            text += f"，获得法律援助{granted}件"
        sentences.append(text)
    return f"{ctx.we}" + "；".join(sentences) + "。"


@paragraph("legal_services", metrics=[COMPACTS_REVIEWED, DEMONSTRATION], order=20)
def village_rule_of_law(f, ctx):
    if not f.has_data(COMPACTS_REVIEWED, DEMONSTRATION):
        return None
    sentences = []
    if f.has_data(COMPACTS_REVIEWED):
        sentences.append(
            f"{f.exact(COMPACTS_REVIEWED)}村（社区）的村规民约（居民公约）经法律顾问审核和镇合法性审查"
        )
    if f.has_data(DEMONSTRATION):
        sentences.append(f"已有民主法治示范村（社区）{f.exact(DEMONSTRATION)}")
    return "；".join(sentences) + "。"


@register_ledger
class ConsultationLedger(Ledger):
    """法律咨询台账. No phone leaves in a ledger, and none is read back."""

    key = "villagelaw.consultations"
    title = "法律咨询台账"
    capability = "villagelaw"
    model = Consultation
    natural_key = ("region", "date", "person_name")
    columns = [
        Column("咨询日期", "date", kind="date", aliases=("日期", "时间", "咨询时间"), width=12),
        Column("村（社区）", "region", kind="village", aliases=("村社区", "所在村", "村(社区)")),
        Column("咨询人", "person_name", aliases=("姓名", "来访人", "咨询人姓名")),
        Column(
            "咨询类别",
            "category",
            kind="choice",
            choices=tuple(ConsultationCategory.choices),
            aliases=("类别", "类型"),
        ),
        Column("咨询问题", "question", aliases=("咨询事项", "问题", "咨询内容"), width=40),
        Column(
            "解答意见", "answer", required=False, aliases=("答复", "解答", "答复意见"), width=40
        ),
        Column(
            "转介去向",
            "referred_to",
            kind="choice",
            choices=tuple(ReferredTo.choices),
            required=False,
            aliases=("转介", "处理方式"),
        ),
    ]

    def queryset(self, region, period):
        return (
            Consultation.objects.in_region(region)
            .in_period(period)
            .select_related("region")
            .order_by("date", "pk")
        )

    def plan(self, rows, *, user, region):
        for row in rows:
            if row.values is not None and not row.values.get("referred_to"):
                row.values["referred_to"] = ReferredTo.NONE
        return self.plan_by_natural_key(rows, region=region)


@register_ledger
class ReferralLedger(Ledger):
    """法律援助转介台账. The applicant's ID number and phone stay in the record only."""

    key = "villagelaw.referrals"
    title = "法律援助转介台账"
    capability = "villagelaw"
    model = Referral
    natural_key = ("region", "received_on", "applicant")
    columns = [
        Column("受理日期", "received_on", kind="date", aliases=("日期", "转介日期"), width=12),
        Column("村（社区）", "region", kind="village", aliases=("村社区", "所在村", "村(社区)")),
        Column("申请人", "applicant", aliases=("姓名", "申请人姓名")),
        Column(
            "援助事项",
            "matter",
            kind="choice",
            choices=tuple(AidMatter.choices),
            aliases=("事项", "案件类别"),
        ),
        Column("援助条件", "basis", kind="choice", choices=tuple(AidBasis.choices)),
        Column("案情摘要", "summary", aliases=("简要案情", "案情"), width=40),
        Column("转送日期", "forwarded_on", kind="date", required=False),
        Column("决定日期", "decided_on", kind="date", required=False),
        Column(
            "决定",
            "decision",
            kind="choice",
            choices=tuple(c for c in AidDecision.choices if c[0]),
            required=False,
        ),
        Column("指派日期", "lawyer_assigned_on", kind="date", required=False),
        Column("承办律师", "lawyer", required=False),
        Column(
            "办理结果",
            "outcome",
            kind="choice",
            choices=tuple(c for c in AidOutcome.choices if c[0]),
            required=False,
        ),
    ]

    def queryset(self, region, period):
        return (
            Referral.objects.in_region(region)
            .in_period(period, field="received_on")
            .select_related("region")
            .order_by("received_on", "pk")
        )
