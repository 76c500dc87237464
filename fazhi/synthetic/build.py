"""Putting the county together, town by town, in one transaction."""

import random
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from fazhi.audit.models import AuditEntry
from fazhi.deadlines import WorkCalendar
from fazhi.regions.models import Region
from fazhi.synthetic import cases, county, disputes, legal, publicity
from fazhi.synthetic.bulk import MARK, Writer

DEMO_MARK = "演示数据"  # the audit log's detail on the lines of the demo's comparison towns
# Records end this many days before today at the latest, so that the dates that
# follow a registration (acceptance, agreement, follow-up visit) are not in the future.
SETTLE_DAYS = 120


@dataclass(frozen=True)
class Sizes:
    towns: int = 30
    villages: int = 10
    years: int = 10
    seed: int = 1
    last_year: int | None = None

    def year_range(self) -> list[int]:
        last = self.last_year or timezone.localdate().year - 1
        return list(range(last - self.years + 1, last + 1))


# The demo county (`fazhi loaddemo`): 黄水镇 and five more towns of four villages
# with five years of records ending in 2020, 黄水镇's demo year. Fixed years, so
# every run on every day writes the same records.
DEMO_SIZES = Sizes(towns=6, villages=4, years=5, seed=2020, last_year=2020)


class AlreadyBuilt(Exception):
    pass


def already_built(sizes: Sizes) -> str | None:
    """Why the build would repeat itself, or None.

    The demo's comparison towns (`build_demo_county`) are not a reason: the
    synthetic county reuses them, as it reuses 黄水镇, and adds its records."""
    if AuditEntry.objects.filter(detail=MARK).exists():
        return "模拟数据已存在（审计日志显示已经载入过）"
    demo_codes = set(county.synthetic_town_codes(DEMO_SIZES.towns))
    codes = [c for c in county.synthetic_town_codes(sizes.towns) if c not in demo_codes]
    found = Region.objects.filter(code__in=codes).order_by("code").first()
    if found is not None:
        return f"模拟乡镇 {found.name}（{found.code}）已存在"
    return None


def build_demo_county(*, password: str, say=print) -> Counter | None:
    """The demo's comparison towns with their villages and 2016–2020 records, or
    None when they exist already. 黄水镇 gets no generated record: its figures
    stay those of the demo steps."""
    if Region.objects.filter(code=county.synthetic_town_code(1)).exists():
        return None
    return _build(sizes=DEMO_SIZES, password=password, say=say, mark=DEMO_MARK, skip_first=True)


def build_county(*, sizes: Sizes, password: str, say=print) -> Counter:
    """Build the county; returns the number of rows written per model."""
    if not 1 <= sizes.towns <= county.MAX_TOWNS:
        raise ValueError(f"乡镇数应在 1 至 {county.MAX_TOWNS} 之间。")
    if not 1 <= sizes.villages <= county.MAX_VILLAGES:
        raise ValueError(f"每镇村数应在 1 至 {county.MAX_VILLAGES} 之间。")
    if not 1 <= sizes.years <= 30:
        raise ValueError("年数应在 1 至 30 之间。")
    years = sizes.year_range()
    last_day = min(date(years[-1], 12, 31), timezone.localdate() - timedelta(days=SETTLE_DAYS))
    if date(years[0], 1, 1) > last_day:
        raise ValueError(f"最后一年 {years[-1]} 太晚：记录须早于今天 {SETTLE_DAYS} 天。")
    with transaction.atomic():
        reason = already_built(sizes)
        if reason:
            raise AlreadyBuilt(reason)
        return _build(sizes=sizes, password=password, say=say, mark=MARK, skip_first=False)


def _build(*, sizes: Sizes, password: str, say, mark: str, skip_first: bool) -> Counter:
    years = sizes.year_range()
    last_day = min(date(years[-1], 12, 31), timezone.localdate() - timedelta(days=SETTLE_DAYS))
    with transaction.atomic():
        writer = Writer(detail=mark)
        rng = random.Random(f"{sizes.seed}:county")
        towns = county.build_towns(
            writer=writer, rng=rng, towns=sizes.towns, villages=sizes.villages, password=password
        )
        types = disputes.dispute_types()
        numbers = disputes.Numbers()
        calendar = WorkCalendar()
        started = time.monotonic()
        for town in towns[1:] if skip_first else towns:
            rng = random.Random(f"{sizes.seed}:{town.region.code}")
            by = writer.as_user(town.officer)
            common = {"writer": by, "rng": rng, "town": town, "years": years}
            disputes.build(
                **common, last_day=last_day, types=types, numbers=numbers, calendar=calendar
            )
            disputes.screening(**common, last_day=last_day)
            publicity.activities(**common, last_day=last_day)
            publicity.law_understanders(**common)
            legal.build(**common, last_day=last_day, calendar=calendar)
            cases.build(**common, last_day=last_day, calendar=calendar)
            say(
                f"{town.region.name}（{town.region.code}）：{len(town.villages)} 个村，"
                f"累计 {sum(writer.counts.values()):,} 行，{time.monotonic() - started:.0f} 秒"
            )
        numbers.claim()
    return writer.counts
