"""Figures of administrative litigation and reconsideration."""

from fazhi.cases.models import CORRECTIONS, LOSSES, Hearing, Lawsuit, Reconsideration
from fazhi.metrics import Result, metric, rate, records_url


@metric(
    "cases.lawsuits",
    "行政诉讼案件（收案）",
    unit="件",
    capability="cases",
    description="期间内收到起诉状副本的行政诉讼案件（一审、二审分别计）。",
)
def lawsuits(region, period):
    records = Lawsuit.objects.in_region(region).in_period(period, "complaint_received_on")
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("cases:lawsuits", region=region, period=period, by="received"),
    )


@metric(
    "cases.head_in_court_rate",
    "行政机关负责人出庭应诉率",
    unit="%",
    capability="cases",
    description="期间内开庭的庭审中，正职、副职或分管负责人出庭的比例。",
)
def head_in_court_rate(region, period):
    hearings = Hearing.objects.in_region(region).filter(
        date__gte=period.start, date__lte=period.end
    )
    total, appeared = hearings.count(), hearings.head_appeared().count()
    return Result(
        value=rate(appeared, total),
        records=hearings,
        list_url=records_url("cases:lawsuits", region=region, period=period, by="heard"),
        parts={"hearings": total, "head_appeared": appeared},
    )


@metric(
    "cases.loss_rate",
    "行政诉讼败诉率",
    unit="%",
    capability="cases",
    description="期间内作出裁判的案件中，判决撤销、确认违法或无效、责令履行、变更或赔偿的比例。",
)
def loss_rate(region, period):
    decided = Lawsuit.objects.in_region(region).in_period(period, "decision_date")
    total, lost = decided.count(), decided.filter(outcome__in=LOSSES).count()
    return Result(
        value=rate(lost, total),
        records=decided,
        list_url=records_url("cases:lawsuits", region=region, period=period, by="decided"),
        parts={"decided": total, "lost": lost},
    )


@metric(
    "cases.reconsiderations",
    "行政复议案件（收案）",
    unit="件",
    capability="cases",
    description="期间内收到复议申请书副本的行政复议案件。",
)
def reconsiderations(region, period):
    records = Reconsideration.objects.in_region(region).in_period(period, "received_on")
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("cases:reconsiderations", region=region, period=period, by="received"),
    )


@metric(
    "cases.correction_rate",
    "行政复议纠错率",
    unit="%",
    capability="cases",
    description="期间内作出复议决定的案件中，被撤销、变更、确认违法或责令履行的比例。",
)
def correction_rate(region, period):
    decided = Reconsideration.objects.in_region(region).in_period(period, "decision_date")
    total, corrected = decided.count(), decided.filter(outcome__in=CORRECTIONS).count()
    return Result(
        value=rate(corrected, total),
        records=decided,
        list_url=records_url("cases:reconsiderations", region=region, period=period, by="decided"),
        parts={"decided": total, "corrected": corrected},
    )
