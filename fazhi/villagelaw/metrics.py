"""The figures of 公共法律服务 and 民主法治: consultations, legal-aid referrals and
their outcome, advisor hours and visits, reviewed 村规民约, demonstration villages."""

from decimal import Decimal

from django.db.models import Count, F, Sum

from fazhi.metrics import Result, metric, records_url
from fazhi.villagelaw.models import (
    AidDecision,
    AidOutcome,
    Compact,
    Consultation,
    DemoLevel,
    Demonstration,
    Referral,
    ReferredTo,
    Stage,
    StepKind,
    Visit,
)

CONSULTATIONS = "villagelaw.consultations"
REFERRALS = "villagelaw.referrals"
ADVISOR_HOURS = "villagelaw.advisor_hours"
ADVISOR_VISITS = "villagelaw.advisor_visits"
COMPACTS_REVIEWED = "villagelaw.compacts_reviewed"
DEMONSTRATION = "villagelaw.demonstration_villages"

REVIEWED_STAGES = (Stage.OPINION, Stage.VOTED, Stage.FILED, Stage.ADOPTED)


def _counts(records, field: str, choices) -> dict[str, int]:
    counts = dict(records.order_by().values_list(field).annotate(n=Count("id")))
    return {label: counts.get(value, 0) for value, label in choices}


@metric(
    CONSULTATIONS,
    "法律咨询",
    unit="件",
    capability="villagelaw",
    description="期内村（社区）法律顾问和公共法律服务点解答的法律咨询，按转介去向分列。",
)
def consultations(region, period):
    records = Consultation.objects.in_region(region).in_period(period)
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("villagelaw:consultations", region=region, period=period),
        parts=_counts(records, "referred_to", ReferredTo.choices),
    )


@metric(
    REFERRALS,
    "法律援助转介",
    unit="件",
    capability="villagelaw",
    description="期内受理并转送法律援助中心的申请，按决定和办理结果分列。",
)
def referrals(region, period):
    records = Referral.objects.in_region(region).in_period(period, field="received_on")
    parts = _counts(records, "decision", AidDecision.choices)
    parts.update(
        _counts(records.filter(decision=AidDecision.GRANTED), "outcome", AidOutcome.choices)
    )
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("villagelaw:referrals", region=region, period=period),
        parts=parts,
    )


@metric(
    ADVISOR_HOURS,
    "村（社区）法律顾问服务时长",
    unit="小时",
    capability="villagelaw",
    description="期内村（社区）法律顾问驻村服务时长合计。",
)
def advisor_hours(region, period):
    records = Visit.objects.in_region(region).in_period(period)
    total = records.aggregate(total=Sum("hours"))["total"] or Decimal("0")
    return Result(
        value=total,
        records=records,
        list_url=records_url("villagelaw:visits", region=region, period=period),
    )


@metric(
    ADVISOR_VISITS,
    "村（社区）法律顾问驻村服务",
    unit="次",
    capability="villagelaw",
    description="期内村（社区）法律顾问到村走访、值班的次数。",
)
def advisor_visits(region, period):
    records = Visit.objects.in_region(region).in_period(period)
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url("villagelaw:visits", region=region, period=period),
    )


@metric(
    COMPACTS_REVIEWED,
    "村规民约经合法性审查的村（社区）",
    unit="个",
    capability="villagelaw",
    description="村规民约（居民公约）现行稿已经法律顾问审核和镇合法性审查的村（社区）数。",
)
def compacts_reviewed(region, period):
    # Reviewed by the end of the period: the current text's town opinion is dated by then.
    records = (
        Compact.objects.in_region(region)
        .filter(
            stage__in=REVIEWED_STAGES,
            steps__kind=StepKind.OPINION,
            steps__revision=F("revision"),
            steps__date__lte=period.end,
        )
        .distinct()
    )
    return Result(
        value=records.values("region").distinct().count(),
        records=records,
        list_url=records_url("villagelaw:compacts", region=region, period=None, reviewed=1),
    )


@metric(
    DEMONSTRATION,
    "民主法治示范村（社区）",
    unit="个",
    capability="villagelaw",
    description="期末已命名的各级民主法治示范村（社区），按命名级别分列。",
)
def demonstration_villages(region, period):
    records = Demonstration.objects.in_region(region).filter(year_named__lte=period.end.year)
    return Result(
        value=records.count(),
        records=records,
        list_url=records_url(
            "villagelaw:demonstrations", region=region, period=None, named_by=period.end.year
        ),
        parts=_counts(records, "level", DemoLevel.choices),
    )
