"""Reads several pages share: a sheet's scored entries, rankings, 待办, 需要关注."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from fazhi import metrics
from fazhi.assessment import scoring
from fazhi.assessment.models import Entry, EntryStatus, Sheet, SheetStatus, System
from fazhi.core.capabilities import Attention, TodoItem
from fazhi.core.periods import Period
from fazhi.core.roles import Role


@dataclass
class Scored:
    """An entry with its live (or frozen) figure and scores."""

    entry: Entry
    value: object = None  # the metric's figure
    unit: str = ""
    list_url: str = ""  # the records behind the figure
    records: object = None  # their queryset (live sheets only)
    line: scoring.Line | None = None

    @property
    def indicator(self):
        return self.entry.indicator

    @property
    def auto(self):
        return self.line.auto

    @property
    def final(self) -> Decimal:
        return self.line.final


def _figure(code, region, period, cache):
    key = (code, region.pk)
    if key not in cache:
        cache[key] = (metrics.get(code), metrics.compute(code, region, period))
    return cache[key]


def score_entries(sheet: Sheet, entries=None, *, cache=None) -> list[Scored]:
    """Every entry of `sheet` scored: from the stored figures when frozen,
    else from the metrics now (one computation per metric)."""
    if entries is None:
        entries = list(
            sheet.entries.select_related("indicator").order_by("indicator__order", "indicator_id")
        )
    cache = {} if cache is None else cache
    period = Period.year(sheet.system.year)
    scored = []
    for entry in entries:
        indicator = entry.indicator
        item = Scored(entry=entry)
        auto, triggered = None, entry.triggered
        if indicator.metric:
            if sheet.is_frozen:
                item.value = entry.frozen_value
                auto = entry.frozen_auto
                item.unit = metrics.get(indicator.metric).unit
            else:
                metric, result = _figure(indicator.metric, sheet.region, period, cache)
                item.value, item.unit = result.value, metric.unit
                item.list_url, item.records = result.list_url, result.records
                auto = scoring.auto_score(
                    method=indicator.method,
                    params=indicator.params,
                    points=indicator.points,
                    value=result.value,
                )
            if indicator.method == "veto":
                triggered = triggered or scoring.veto_triggered(
                    params=indicator.params, value=item.value
                )
        item.line = scoring.Line(
            method=indicator.method,
            points=indicator.points,
            auto=auto,
            self_score=entry.self_score,
            review_score=entry.review_score,
            triggered=triggered,
        )
        scored.append(item)
    return scored


def sheet_total(sheet: Sheet, scored: list[Scored] | None = None) -> scoring.Total:
    scored = score_entries(sheet) if scored is None else scored
    return scoring.total(
        [item.line for item in scored],
        bonus_cap=sheet.system.bonus_cap,
        penalty_cap=sheet.system.penalty_cap,
    )


def self_total(scored: list[Scored]) -> Decimal:
    """The 自评 total: the town's own scores where it gave them, else the automatic ones."""
    lines = [
        scoring.Line(
            method=item.line.method,
            points=item.line.points,
            auto=item.line.auto if item.entry.self_score is None else None,
            self_score=item.entry.self_score,
            triggered=item.line.triggered,
        )
        for item in scored
    ]
    return scoring.total(lines).value


@dataclass
class Ranked:
    rank: int | None
    sheet: Sheet
    total: Decimal | None


def ranking(system: System, sheets) -> list[Ranked]:
    """Finalised sheets by their stored totals, best first (ties share a rank);
    sheets still in progress after them, unranked."""
    done = sorted(
        (s for s in sheets if s.status == SheetStatus.FINAL),
        key=lambda s: (-(s.total or 0), s.region.code),
    )
    ranked, previous, rank = [], None, 0
    for position, sheet in enumerate(done, start=1):
        if sheet.total != previous:
            rank, previous = position, sheet.total
        ranked.append(Ranked(rank, sheet, sheet.total))
    ranked += [Ranked(None, s, None) for s in sheets if s.status != SheetStatus.FINAL]
    return ranked


def weakest(scored: list[Scored], count: int = 3) -> list[Scored]:
    """The base indicators that lost the largest share of their points."""
    losing = [
        item
        for item in scored
        if item.line.method not in scoring.EXTRA
        and item.line.points
        and item.final < item.line.points
    ]
    losing.sort(key=lambda item: (item.final / item.line.points, item.indicator.order))
    return losing[:count]


def self_assessable(user):
    """Sheets `user` may self-assess: a town officer's own town's sheets and its villages'."""
    if user.role != Role.TOWN_OFFICER or user.region is None:
        return Sheet.objects.none()
    return Sheet.objects.for_user(user).filter(status__in=[SheetStatus.SELF, SheetStatus.SUBMITTED])


def todo_for(user, today):
    """Indicators the county returned for 补充, waiting for the town officer."""
    if user.role != Role.TOWN_OFFICER:
        return
    returned = (
        Entry.objects.for_user(user)
        .returned()
        .select_related("indicator", "sheet__region", "sheet__system")
        .order_by("return_due", "pk")
    )
    for entry in returned:
        overdue = entry.return_due is not None and entry.return_due < today
        yield TodoItem(
            kind="assessment.returned",
            title=f"考核指标退回补充：{entry.sheet.region.name} {entry.indicator}",
            url=entry.get_absolute_url(),
            due=entry.return_due,
            level="bad" if overdue else "warn",
        )


def attention_for(user, today):
    if user.role == Role.TOWN_OFFICER:
        count = Entry.objects.for_user(user).returned().count()
        yield Attention("考核指标退回待补充", count, reverse("assessment:index"))
    elif user.role == Role.COUNTY_ADMIN:
        count = Sheet.objects.for_user(user).filter(status=SheetStatus.SUBMITTED).count()
        yield Attention("考核表待审核", count, reverse("assessment:index") + "?status=submitted")


def pending_review(entries) -> bool:
    return any(e.status in (EntryStatus.RETURNED, EntryStatus.RESUBMITTED) for e in entries)
