"""The benchmarks' helpers work (the benchmarks themselves are run by hand, never here)."""

import pytest
from django.test import override_settings

from benchmarks import pages, run_all


def test_the_percentile_is_the_nearest_rank():
    values = list(range(1, 41))
    assert pages.percentile(values, 0.95) == 38
    assert pages.percentile(values, 0.5) == 20
    assert pages.percentile([7.0], 0.95) == 7.0


def test_a_page_meets_the_goal_only_within_both_bounds():
    def timing(p95, ratio, errors=0):
        return pages.Timing("u", "p", "/", p95, p95, ratio, errors)

    assert timing(100, 4).met
    assert not timing(160, 4).met
    assert not timing(100, 6).met
    assert not timing(100, 4, errors=1).met


def test_the_results_go_between_the_markers_of_their_database():
    text = "intro\n<!-- results:SQLite:begin -->\nold\n<!-- results:SQLite:end -->\ntail\n"
    replaced = run_all.replace_between(text, "SQLite", "new table")
    assert "old" not in replaced
    assert "<!-- results:SQLite:begin -->\nnew table\n<!-- results:SQLite:end -->" in replaced
    assert replaced.startswith("intro\n") and replaced.endswith("tail\n")
    appended = run_all.replace_between(replaced, "PostgreSQL", "pg")
    assert appended.rstrip().endswith("<!-- results:PostgreSQL:end -->")


def test_the_query_table_says_whether_counts_stay_constant():
    demo = {label: {"county_admin": 10, "hs_officer": 9} for label, _ in pages.PAGES}
    county = {label: dict(counts) for label, counts in demo.items()}
    county["首页 home"]["hs_officer"] = 12
    table = pages.query_table(demo, county)
    assert "| 首页 home | 10 → 10 | 9 → 12 | no |" in table
    assert "| 纠纷列表 disputes | 10 → 10 | 9 → 9 | yes |" in table


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="benchmarks.urls")
def test_the_trivial_view_answers_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/bench/trivial/")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_the_page_benchmark_parses_its_sizes():
    args = pages.parse_args(["--small"])
    assert (args.towns, args.villages, args.years) == (2, 3, 2)
    assert pages.parse_args([]).towns == 30


@pytest.mark.django_db
def test_the_cockpit_benchmarks_pages_answer(cast):
    from benchmarks import cockpit

    assert all(count > 0 for count in cockpit.query_counts())
