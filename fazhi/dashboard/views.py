"""Home, the town cockpit, the county roll-up and the meeting-room screen.

Every page fetches its regions through the scope rule (`Region.objects.for_user`)
and its figures through `figures.py`, which reads the metrics registry."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from fazhi.core.navigation import attention_for, cards_for, deadlines_for
from fazhi.core.periods import Period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role
from fazhi.dashboard import figures
from fazhi.ledgers.writer import Layout, workbook_bytes, xlsx_response
from fazhi.notices.selectors import todo_rows
from fazhi.regions.models import Level, Region

SCREEN_SALT = "fazhi.dashboard.screen"
SCREEN_REFRESH_SECONDS = 300
COCKPIT_ROLES = {Role.TOWN_LEADER, Role.COUNTY_ADMIN}


@login_required
def home(request):
    """Each role starts where its work is: the leader on the town's cockpit, the
    county administrator on the roll-up of the towns."""
    user = request.user
    if user.role == Role.AUDITOR:
        return redirect("audit:log")
    if user.role == Role.SYSADMIN:
        return redirect("accounts:users")
    context = {
        "cards": cards_for(user),
        "attention": attention_for(user),
        "todo": todo_rows(user),
    }
    region = user.scope_region
    if user.role in COCKPIT_ROLES and region is not None:
        year = year_from(request)
        if region.level == Level.TOWN:
            context.update(_cockpit(request, region, year))
        elif region.level == Level.COUNTY:
            context.update(_rollup(request, region, year))
    return render(request, "dashboard/home.html", context)


def _scoped_town(user, pk) -> Region:
    return get_object_or_404(Region.objects.for_user(user).towns(), pk=pk)


def _cockpit(request, town: Region, year: int | None) -> dict:
    year = year or figures.default_year(town)
    today = timezone.localdate()
    user = request.user
    own = user.is_authenticated and user.scope_region and user.scope_region.pk == town.pk
    return {
        **figures.cached(("town", town.code, year), lambda: _town_figures(town, year)),
        "town": town,
        "year": year,
        "deadlines": deadlines_for(user, start=today, end=today + timedelta(days=30))[:10]
        if own
        else None,
        "screen_url": _screen_url(request, town),
        "years": range(year - 4, year + 2),
    }


def _town_figures(town: Region, year: int) -> dict:
    villages = list(Region.objects.villages().under(town.prefix))
    table = figures.compare(town, villages, Period.year(year))
    return {
        "key_figures": figures.key_figures(town, year),
        "monthly_chart": figures.series_data(f"{year}年各月情况", figures.monthly(town, year)),
        "villages": table,
        "village_chart": figures.chart_data(table, figures.chart_column(table)),
        "score": figures.score(town, year),
    }


def _rollup(request, county: Region, year: int | None) -> dict:
    year = year or figures.default_year(county)
    shown = {c.code for c in figures.columns()}
    by = request.GET.get("by") or (figures.columns()[0].code if shown else "")
    if shown and by not in shown:
        raise BadRequest("参数 by（排名指标）无效。")
    return {
        **figures.cached(
            ("county", county.code, year, by), lambda: _county_figures(county, year, by)
        ),
        "county": county,
        "year": year,
        "by": by,
        "screen_url": _screen_url(request, county),
        "years": range(year - 4, year + 2),
    }


def _county_figures(county: Region, year: int, by: str) -> dict:
    towns = list(Region.objects.towns().under(county.prefix))
    table = figures.ranked(figures.compare(county, towns, Period.year(year)), by)
    index = next((i for i, c in enumerate(table.columns) if c.code == by), 0)
    villages = list(Region.objects.villages().under(county.prefix).select_related("parent"))
    return {
        "towns": table,
        "ranking_chart": figures.chart_data(table, index) if table.columns else None,
        "trend": figures.series_data(
            "各乡镇近五年" + table.columns[index].label,
            figures.yearly(county, towns, year, by),
        )
        if table.columns
        else None,
        "village_heat": figures.compare(county, villages, Period.year(year)),
    }


@capability_required("dashboard")
def town(request, pk):
    """A town's cockpit, for its leader and officer and for the county."""
    region = _scoped_town(request.user, pk)
    context = _cockpit(request, region, year_from(request))
    context["breadcrumbs"] = [(f"{region.name}驾驶舱", None)]
    return render(request, "dashboard/town.html", context)


def _scoped_county(user) -> Region:
    region = user.scope_region
    if user.role != Role.COUNTY_ADMIN or region is None or region.level != Level.COUNTY:
        raise Http404("全县汇总仅供县级管理员查看。")
    return region


@capability_required("dashboard")
def county(request):
    context = _rollup(request, _scoped_county(request.user), year_from(request))
    context["breadcrumbs"] = [("全县汇总", None)]
    return render(request, "dashboard/county.html", context)


@capability_required("dashboard")
def county_export(request):
    """The roll-up as an Excel workbook (towns ranked, then the villages)."""
    context = _rollup(request, _scoped_county(request.user), year_from(request))
    table = context["towns"]
    headers = ["名次", "乡镇（街道）", *[f"{c.label}（{c.unit}）" for c in table.columns]]
    rows = [
        [row.rank or "", row.region.name, *[cell.value for cell in row.cells]] for row in table.rows
    ]
    rows.append([])
    rows.append(["", "村（社区）", *[f"{c.label}（{c.unit}）" for c in table.columns]])
    rows += [
        ["", f"{row.region.parent.name} {row.region.name}", *[c.value for c in row.cells]]
        for row in context["village_heat"].rows
    ]
    title = f"{context['county'].name}{context['year']}年法治建设情况汇总"
    layout = Layout(sheet="全县汇总", headers=headers, title=title, merge_title=True)
    return xlsx_response(f"county-{context['year']}", workbook_bytes(layout, rows))


def _screen_url(request, region: Region) -> str:
    token = signing.dumps(region.code, salt=SCREEN_SALT)
    return request.build_absolute_uri(reverse("dashboard:screen", args=[token]))


@never_cache
def screen(request, token):
    """大屏: the cockpit or the roll-up, read-only, dark, refreshing itself; the
    signed address names the region and is the only key (no login)."""
    try:
        code = signing.loads(token, salt=SCREEN_SALT)
    except signing.BadSignature:
        raise Http404("大屏地址无效。") from None
    region = get_object_or_404(Region, code=code)
    year = year_from(request)
    if region.level == Level.TOWN:
        context = _cockpit(request, region, year)
        context["deadlines"] = None  # tied to a person, not shown on a wall
    elif region.level == Level.COUNTY:
        context = _rollup(request, region, year)
    else:
        raise Http404("大屏地址无效。")
    context.update(region=region, refresh=SCREEN_REFRESH_SECONDS)
    return render(request, "dashboard/screen.html", context)
