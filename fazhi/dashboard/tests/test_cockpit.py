from io import BytesIO

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from fazhi.dashboard.tests.builders import make_demo_county
from fazhi.regions.models import Region

PER_HEAD = "assessment.person_times_per_head"
TOWNS = {"黄水镇", "南宾街道", "万安街道", "下路街道", "西沱镇", "悦崃镇"}


@pytest.fixture
def county(cast):
    make_demo_county(cast)
    return cast


def _other_town():
    return Region.objects.get(code="500240601000")


def test_the_leaders_home_is_the_towns_cockpit(county, client):
    client.force_login(county.leader)
    context = client.get("/?year=2020").context
    assert context["town"] == county.town
    labels = [f.column.label for f in context["key_figures"]]
    assert "人均受教育次数" in labels and "矛盾纠纷调解成功率" in labels
    assert [row.region.name for row in context["villages"].rows][:2] == ["黄水社区", "七龙社区"]


def test_the_county_admins_home_compares_the_towns(county, client):
    client.force_login(county.county_admin)
    context = client.get("/?year=2020").context
    assert {row.region.name for row in context["towns"].rows} == TOWNS


def test_the_county_admin_ranks_the_towns_by_reach_per_head(county, client):
    client.force_login(county.county_admin)
    response = client.get(f"/dashboard/county/?year=2020&by={PER_HEAD}")
    rows = response.context["towns"].rows
    index = [c.code for c in response.context["towns"].columns].index(PER_HEAD)
    values = [row.cells[index].value for row in rows]
    assert values == sorted(values, reverse=True)
    assert [row.rank for row in rows][0] == 1
    first = rows[0].region
    assert f'href="/dashboard/town/{first.pk}/?year=2020"' in response.content.decode()


def test_a_town_leader_sees_only_their_town(county, client):
    client.force_login(county.leader)
    assert client.get(f"/dashboard/town/{county.town.pk}/").status_code == 200
    assert client.get(f"/dashboard/town/{_other_town().pk}/").status_code == 404
    assert client.get("/dashboard/county/").status_code == 404


def test_the_county_admin_opens_any_towns_cockpit(county, client):
    client.force_login(county.county_admin)
    response = client.get(f"/dashboard/town/{_other_town().pk}/?year=2020")
    assert response.status_code == 200
    assert response.context["town"].name == "南宾街道"


def test_a_village_cadre_has_no_town_cockpit(county, client):
    client.force_login(county.cadre)
    assert client.get(f"/dashboard/town/{county.town.pk}/").status_code == 404


def test_each_figure_links_to_exactly_its_records(county, client):
    client.force_login(county.county_admin)
    town = _other_town()
    context = client.get(f"/dashboard/town/{town.pk}/?year=2020").context
    figure = next(f for f in context["key_figures"] if f.column.code == "disputes.cases")
    assert figure.value > 0
    listed = client.get(figure.url).context["page"].paginator.count
    assert listed == figure.value
    index = [c.code for c in context["villages"].columns].index("disputes.cases")
    row = context["villages"].rows[0]
    listed = client.get(row.cells[index].url).context["page"].paginator.count
    assert listed == row.cells[index].value


def test_last_years_figure_stands_beside_this_years(county, client):
    client.force_login(county.county_admin)
    town = _other_town()
    now = client.get(f"/dashboard/town/{town.pk}/?year=2020").context["key_figures"]
    before = client.get(f"/dashboard/town/{town.pk}/?year=2019").context["key_figures"]
    assert [f.previous for f in now] == [f.value for f in before]


def test_a_bad_year_or_ranking_figure_is_refused_in_chinese(county, client):
    client.force_login(county.county_admin)
    assert client.get("/dashboard/county/?year=99999").status_code == 400
    response = client.get("/dashboard/county/?by=%3Cscript%3E")
    assert response.status_code == 400
    assert "排名指标" in response.content.decode()
    assert "<script>" not in response.content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_queries_do_not_grow_with_towns_or_records(cast, client):
    client.force_login(cast.county_admin)
    town_url = f"/dashboard/town/{cast.town.pk}/?year=2020"
    before = {
        "county": _queries(client, "/dashboard/county/?year=2020"),
        "town": _queries(client, town_url),
        "api": _queries(client, "/api/v1/dashboard/figures/?year=2020"),
    }
    make_demo_county(cast)
    cache.clear()  # the figures read before the county was built
    after = {
        "county": _queries(client, "/dashboard/county/?year=2020"),
        "town": _queries(client, town_url),
        "api": _queries(client, "/api/v1/dashboard/figures/?year=2020"),
    }
    assert after == before


def test_the_roll_up_exports_the_ranked_towns_to_excel(county, client):
    client.force_login(county.county_admin)
    response = client.get(f"/dashboard/county/export/?year=2020&by={PER_HEAD}")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "石柱土家族自治县2020年法治建设情况汇总"
    assert rows[1][:2] == ("名次", "乡镇（街道）")
    assert {row[1] for row in rows[2:8]} == TOWNS
    assert rows[2][0] == 1


def test_only_the_county_admin_exports_the_roll_up(county, client):
    client.force_login(county.leader)
    assert client.get("/dashboard/county/export/").status_code == 404


def test_the_screen_address_shows_the_town_without_login(county, client):
    client.force_login(county.leader)
    address = client.get(f"/dashboard/town/{county.town.pk}/").context["screen_url"]
    client.logout()
    response = client.get(address.replace("http://testserver", "") + "?year=2020")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'http-equiv="refresh"' in page and "数据截至" in page
    assert 'class="screen"' in page
    assert "<a href=" not in page  # read-only: no way into the records
    assert client.get("/dashboard/screen/forged-token/").status_code == 404


def test_the_api_gives_the_figures_within_the_scope(county, client):
    client.force_login(county.leader)
    data = client.get("/api/v1/dashboard/figures/?year=2020").json()
    assert data["region"] == county.town.code
    assert data["computed_at"]
    assert {part["name"] for part in data["parts"]} >= {"黄水社区", "七龙社区"}
    assert client.get("/api/v1/dashboard/figures/?region=500240601000").status_code == 404
    client.force_login(county.county_admin)
    data = client.get("/api/v1/dashboard/figures/?year=2020").json()
    assert {part["name"] for part in data["parts"]} == TOWNS
    response = client.get("/api/v1/dashboard/figures/?year=99999")
    assert response.status_code == 400 and "year" in response.json()
    client.force_login(county.auditor)
    assert client.get("/api/v1/dashboard/figures/").status_code == 403


def test_the_figures_are_kept_a_while_and_say_how_fresh_they_are(county, client, settings):
    settings.DASHBOARD_CACHE_SECONDS = 300
    client.force_login(county.county_admin)
    url = "/dashboard/county/?year=2020"
    first = _queries(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert len(captured) < first / 3
    assert "数据截至" in response.content.decode()
    settings.DASHBOARD_CACHE_SECONDS = 0
    assert _queries(client, url) == first
