from django.db.models import Count

from fazhi.legal.models import (
    Advisor,
    Contract,
    Decision,
    ReviewRequest,
    Service,
    ServiceKind,
    Stage,
    StepKind,
    SubjectKind,
)
from fazhi.metrics import Result, metric, rate, records_url


@metric(
    "legal.advisors_under_contract",
    "在聘法律顾问",
    unit="人",
    capability="legal",
    description="期内任一天处于有效聘请合同期内的法律顾问、公职律师人数。",
)
def advisors_under_contract(region, period):
    contracts = Contract.objects.in_region(region).overlapping(period)
    records = Advisor.objects.in_region(region).filter(contracts__in=contracts).distinct()
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("legal:advisors", region=region, period=period),
    )


@metric(
    "legal.services",
    "法律顾问服务",
    unit="次",
    capability="legal",
    description="期内法律顾问服务台账记录数，按服务类别分列。",
)
def services(region, period):
    records = Service.objects.in_region(region).in_period(period)
    counts = dict(records.order_by().values_list("kind").annotate(n=Count("id")))
    parts = {label: counts.get(value, 0) for value, label in ServiceKind.choices}
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("legal:services", region=region, period=period),
        parts=parts,
    )


@metric(
    "legal.decisions_reviewed_share",
    "重大行政决策经合法性审查比例",
    unit="%",
    capability="legal",
    description="期内（按决策年度）重大行政决策中已完成合法性审查环节的比例；无决策时为空。",
)
def decisions_reviewed_share(region, period):
    decisions = Decision.objects.in_region(region).filter(
        year__gte=period.start.year, year__lte=period.end.year
    )
    reviewed = decisions.filter(steps__kind=StepKind.LEGALITY).distinct()
    total, part = decisions.count(), reviewed.count()
    return Result(
        value=rate(part, total),
        records=reviewed,
        list_url=records_url("legal:decisions", region=region, period=period, reviewed="yes"),
        parts={"决策总数": total, "已经合法性审查": part},
    )


@metric(
    "legal.normative_reviewed_share",
    "行政规范性文件合法性审查意见出具比例",
    unit="%",
    capability="legal",
    description="期内送审的行政规范性文件中，法律顾问已出具审查意见的比例；无送审时为空。",
)
def normative_reviewed_share(region, period):
    sent = (
        ReviewRequest.objects.in_region(region)
        .sent_in(period)
        .filter(subject_kind=SubjectKind.NORMATIVE)
    )
    answered = sent.answered()
    total, part = sent.count(), answered.count()
    return Result(
        value=rate(part, total),
        records=answered,
        list_url=records_url(
            "legal:reviews",
            region=region,
            period=period,
            kind=SubjectKind.NORMATIVE,
            status="answered",
        ),
        parts={"送审": total, "已出具意见": part},
    )


@metric(
    "legal.decisions_by_stage",
    "重大行政决策（按所处环节）",
    unit="项",
    capability="legal",
    description="决策年度在期内的重大行政决策数，按当前所处程序环节分列。",
)
def decisions_by_stage(region, period):
    records = Decision.objects.in_region(region).filter(
        year__gte=period.start.year, year__lte=period.end.year
    )
    counts = dict(records.order_by().values_list("stage").annotate(n=Count("id")))
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("legal:decisions", region=region, period=period),
        parts={label: counts.get(value, 0) for value, label in Stage.choices},
    )
