"""Dispute figures, defined once, each with the records behind it."""

from statistics import median

from django.db.models import Count
from django.utils import timezone

from fazhi.disputes.models import Dispute, Handover, Outcome, ScreeningReport
from fazhi.disputes.screening import months_of
from fazhi.metrics import Breakdown, Period, Result, breakdown, metric, rate, records_url, tally
from fazhi.regions.models import Region


def _list_url(region, period, **filters) -> str:
    return records_url("disputes:index", region=region, period=period, **filters)


def _registered(region, period):
    return Dispute.objects.in_region(region).registered_in(period)


def _counts(records, field: str, label_field: str | None = None) -> dict:
    rows = (
        records.values(label_field or field).annotate(n=Count("id")).order_by(label_field or field)
    )
    return {row[label_field or field]: row["n"] for row in rows}


@metric("disputes.cases", "排查调处矛盾纠纷", unit="件", capability="disputes")
def cases(region, period):
    records = _registered(region, period)
    sources = dict(Dispute._meta.get_field("source").choices)
    outcomes = dict(Dispute._meta.get_field("outcome").choices)
    parts = {
        "by_type": _counts(records, "dispute_type", "dispute_type__name"),
        "by_village": _counts(records, "region", "region__name"),
        "by_source": {sources[k]: v for k, v in _counts(records, "source").items()},
        "by_outcome": {
            outcomes.get(k) or "办理中": v for k, v in _counts(records, "outcome").items()
        },
    }
    return Result(
        value=records.count(), records=records, list_url=_list_url(region, period), parts=parts
    )


@breakdown("disputes.cases", order=30, higher_is_better=None)
def cases_by_region(within, regions, period):
    rows = (
        _registered(within, period).order_by().values_list("region__code").annotate(n=Count("id"))
    )
    return Breakdown(tally(rows, regions))


def _mediated(region, period):
    """Cases whose mediation ended in the period with an outcome (handed-over ones included)."""
    return (
        Dispute.objects.in_region(region)
        .filter(concluded_on__range=(period.start, period.end))
        .exclude(outcome="")
    )


@metric("disputes.mediated", "调解办结矛盾纠纷", unit="件", capability="disputes")
def mediated(region, period):
    records = _mediated(region, period)
    return Result(
        value=records.count(), records=records, list_url=_list_url(region, period, by="concluded")
    )


@metric(
    "disputes.success_rate",
    "矛盾纠纷调解成功率",
    unit="%",
    capability="disputes",
    description="调解成功件数 ÷ 办结件数（含调解不成后移交的）",
)
def success_rate(region, period):
    records = _mediated(region, period)
    total = records.count()
    succeeded = records.filter(outcome=Outcome.SUCCESS)
    won = succeeded.count()
    value = rate(won, total)
    return Result(
        value=value,
        records=succeeded,
        list_url=_list_url(region, period, by="concluded", outcome=Outcome.SUCCESS),
        parts={"succeeded": won, "concluded": total},
    )


@breakdown("disputes.success_rate", order=40)
def success_rate_by_region(within, regions, period):
    rows = list(
        _mediated(within, period)
        .order_by()
        .values_list("region__code", "outcome")
        .annotate(n=Count("id"))
    )
    concluded = tally(((code, n) for code, _, n in rows), regions)
    won = tally(((code, n) for code, outcome, n in rows if outcome == Outcome.SUCCESS), regions)
    return Breakdown(
        {pk: rate(won[pk], concluded[pk]) for pk in concluded},
        notes={pk: f"{won[pk]}/{concluded[pk]}件" for pk in concluded},
    )


@metric("disputes.median_days", "矛盾纠纷办结天数中位数", unit="天", capability="disputes")
def median_days(region, period):
    records = _mediated(region, period).filter(accepted_on__isnull=False)
    days = [
        (d.concluded_on - d.accepted_on).days for d in records.only("accepted_on", "concluded_on")
    ]
    return Result(
        value=median(days) if days else None,
        records=records,
        list_url=_list_url(region, period, by="concluded", accepted=1),
    )


@metric("disputes.handovers", "移交其他渠道化解的纠纷", unit="件", capability="disputes")
def handovers(region, period):
    moves = Handover.objects.in_region(region).filter(handed_on__range=(period.start, period.end))
    kinds = dict(Handover._meta.get_field("kind").choices)
    records = Dispute.objects.filter(pk__in=moves.values("dispute"))
    return Result(
        value=moves.count(),
        records=records,
        list_url=_list_url(region, period, by="handed"),
        parts={kinds[k]: v for k, v in _counts(moves, "kind").items()},
    )


@metric("disputes.overdue", "超过调解期限未办结的纠纷", unit="件", capability="disputes")
def overdue(region, period):
    today = min(period.end, timezone.localdate())
    records = Dispute.objects.in_region(region).overdue(today=today)
    return Result(
        value=records.count(),
        records=records,
        list_url=_list_url(region, Period(period.start, today), by="overdue"),
    )


@metric(
    "disputes.screening_compliance",
    "矛盾纠纷月度排查报送率",
    unit="%",
    capability="disputes",
    description="已报送（含零报告）的村·月数 ÷ 应报送的村·月数",
)
def screening_compliance(region, period):
    villages = Region.objects.under(region.prefix).villages()
    months = months_of(period)
    records = ScreeningReport.objects.in_region(region).filter(month__in=months)
    expected = villages.count() * len(months)
    filed = records.count()
    by_village = {
        row["region__name"]: row["n"]
        for row in records.values("region__name").annotate(n=Count("id"))
    }
    return Result(
        value=rate(filed, expected),
        records=records,
        list_url=records_url("disputes:screening", region=region, period=period),
        parts={
            "filed": filed,
            "expected": expected,
            "zero_reports": records.filter(findings__isnull=True).count(),
            "by_village": {v.name: by_village.get(v.name, 0) for v in villages},
        },
    )


@breakdown("disputes.screening_compliance", order=50)
def screening_by_region(within, regions, period):
    months = months_of(period)
    villages = Region.objects.under(within.prefix).villages().values_list("code", flat=True)
    expected = tally(((code, len(months)) for code in villages), regions)
    rows = (
        ScreeningReport.objects.in_region(within)
        .filter(month__in=months)
        .order_by()
        .values_list("region__code")
        .annotate(n=Count("id"))
    )
    filed = tally(rows, regions)
    return Breakdown(
        {pk: rate(filed[pk], expected[pk]) for pk in expected},
        notes={pk: f"{filed[pk]}/{expected[pk]}村·月" for pk in expected},
    )
