"""Village figures for 镇对村 indicators, computed through other metrics.

The assessment app names no other capability: these read the figures other
apps register (`fazhi.metrics.compute`) and re-express them per village.
A figure whose source metric is not installed is None (no data).
"""

from decimal import Decimal

from fazhi import metrics
from fazhi.metrics import Breakdown, Result, breakdown, metric, records_url

UNDERSTANDERS = "publicity.law_understanders_coverage"
PERSON_TIMES = "publicity.person_times"


def _source(code, region, period) -> Result | None:
    try:
        return metrics.compute(code, region, period)
    except KeyError:
        return None


@metric(
    "assessment.law_understanders_in_village",
    "本村（社区）在册法律明白人",
    unit="人",
    capability="assessment",
    description="在册法律明白人人数（按“法律明白人达标村占比”的分村数字）。",
)
def law_understanders_in_village(region, period):
    source = _source(UNDERSTANDERS, region, period)
    if source is None:
        return Result(None)
    value = sum(v for v in source.parts.values() if isinstance(v, int))
    return Result(value, source.records, source.list_url)


@metric(
    "assessment.person_times_per_head",
    "人均受教育次数",
    unit="次/人",
    capability="assessment",
    description="受教人次 ÷ 常住人口（区划中登记的人口）。",
)
def person_times_per_head(region, period):
    source = _source(PERSON_TIMES, region, period)
    if source is None or not region.population or source.value is None:
        return Result(None, source.records if source else None, source.list_url if source else "")
    value = (Decimal(source.value) / Decimal(region.population)).quantize(Decimal("0.01"))
    return Result(value, source.records, source.list_url)


@breakdown("assessment.person_times_per_head", order=25)
def person_times_per_head_by_region(within, regions, period):
    """受教人次 ÷ 常住人口 for each region, from the person-times' own breakdown."""
    if not metrics.has_breakdown(PERSON_TIMES):
        return Breakdown({region.pk: None for region in regions})
    source = metrics.compute_breakdown(PERSON_TIMES, within, regions, period).values
    values = {}
    for region in regions:
        reached = source.get(region.pk)
        values[region.pk] = (
            (Decimal(reached) / Decimal(region.population)).quantize(Decimal("0.01"))
            if region.population and reached is not None
            else None
        )
    return Breakdown(values)


def _town_sheet(region, period):
    """The sheet of `region` under the latest published town-level system of the year."""
    from fazhi.assessment.models import Level, Sheet, Status

    return (
        Sheet.objects.filter(
            region=region,
            system__year=period.start.year,
            system__level=Level.TOWN,
            system__status=Status.PUBLISHED,
        )
        .select_related("system", "region")
        .order_by("-system__edition", "-pk")
        .first()
    )


@metric(
    "assessment.score",
    "法治建设考核得分",
    unit="分",
    capability="assessment",
    description="本镇当年度考核表的总分（定稿后为冻结的得分），附名次和失分较多的指标。",
)
def town_score(region, period):
    from fazhi.assessment.models import Sheet
    from fazhi.assessment.selectors import ranking, score_entries, sheet_total, weakest

    sheet = _town_sheet(region, period)
    if sheet is None:
        return Result(None)
    scored = score_entries(sheet)
    total = sheet_total(sheet, scored)
    peers = list(Sheet.objects.filter(system=sheet.system).select_related("region"))
    ranked = {r.sheet.pk: r.rank for r in ranking(sheet.system, peers)}
    parts = {
        "system": sheet.system.name,
        "points": float(sheet.system.base_points()),
        "final": sheet.is_frozen,
        "rank": ranked.get(sheet.pk),
        "ranked": sum(1 for rank in ranked.values() if rank),
        "vetoed": total.vetoed,
        "weakest": [
            {"name": w.indicator.name, "score": float(w.final), "points": float(w.indicator.points)}
            for w in weakest(scored)
        ],
    }
    return Result(total.value, sheet.entries.all(), sheet.get_absolute_url(), parts)


@metric(
    "assessment.village_results",
    "镇对村考核已定稿的村（社区）",
    unit="个",
    capability="assessment",
    description="当年度村级考核表已定稿的村（社区）数，附各村得分。",
)
def village_results(region, period):
    from fazhi.assessment.models import Level, Sheet, SheetStatus

    sheets = (
        Sheet.objects.in_region(region)
        .filter(
            system__year=period.start.year, system__level=Level.VILLAGE, status=SheetStatus.FINAL
        )
        .select_related("region")
        .order_by("-total", "region__code")
    )
    parts = {sheet.region.name: float(sheet.total or 0) for sheet in sheets}
    url = records_url("assessment:villages", region=region, period=period, status="final")
    return Result(len(parts), sheets, url, parts)


@metric(
    "assessment.duty_records",
    "主要负责人履职记录",
    unit="份",
    capability="assessment",
    description="党委书记、镇长当年度第一责任人履职记录份数，附各自履职事项和评议平均分。",
)
def duty_records(region, period):
    from fazhi.assessment.models import DutyRecord

    records = (
        DutyRecord.objects.in_region(region)
        .filter(year=period.start.year)
        .select_related("region")
        .order_by("region__code", "role")
    )
    parts = {
        record.get_role_display(): {
            "duties": record.duty_lines()[:5],
            "panel": None if record.panel_average is None else float(record.panel_average),
        }
        for record in records
    }
    url = records_url("assessment:duty_list", region=region, period=period)
    return Result(len(parts), records, url, parts)
