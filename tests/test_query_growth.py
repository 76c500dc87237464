"""The SQL queries of a page do not grow with the data behind it.

Once per module: the demo town (`fazhi loaddemo`) is built and every main
page counted — each role's home page, every list and overview page of every
capability (each page without arguments that only shows), the report page
and every API list endpoint — then a small multi-town county is added through
`fazhi.synthetic` (3 towns × 2 villages × 2 years, overlapping the demo's
2020) and every page counted again. The whole build is rolled back at the
end of the module, so the tests after it see the database they expect.

A count that grows is a page that runs a query per row (or per region, per
year …): at county scale it becomes thousands.
"""

import re
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from fazhi.synthetic.build import Sizes, build_county

# The marker makes pytest-django set up the test database the module fixture uses.
pytestmark = pytest.mark.django_db

# Ending with the demo year: pages that open on the latest year with records open on 2020 both times.
SIZES = Sizes(towns=3, villages=2, years=2, seed=1, last_year=2020)
ROLES = [
    "county_admin",
    "hs_officer",
    "hs_leader",
    "qilong_cadre",
    "guihe_mediator",
    "advisor",
    "auditor",
    "sysadmin",
]
LIST_USERS = ["county_admin", "hs_officer"]

# Pages without arguments that are not lists or overviews: forms, actions,
# redirects, files that do not depend on records, and the public portal.
NOT_A_LIST = re.compile(
    r"(new|create|edit|add|import|defaults|read_all|login|logout|switch_region|"
    r"password_change|template_sample|open|token|api-root|api-schema|api-docs|"
    r"deadline-compute|options|settings|targets_edit|market_rule_edit)$"
    r"|^disclosure_public:|^api-(logout|tokens)$"
)
SKIPPED_NAMESPACES = {"admin"}

# Pages whose count still grows, each with the reason; this list may only
# shrink (a page fixed must leave it, see test_the_known_growth_is_still_real).
KNOWN_GROWTH: dict[str, str] = {}


def _pages() -> list[tuple[str, str]]:
    """(name, path) of every page without arguments worth counting."""
    found = []

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                space = pattern.namespace or ""
                if space in SKIPPED_NAMESPACES:
                    continue
                inner = f"{namespace}:{space}" if namespace and space else space or namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                route = prefix + str(pattern.pattern)
                if pattern.pattern.converters or "<" in route:
                    continue
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if name == "home" or NOT_A_LIST.search(name):
                    continue
                path = "/" + route.replace("^", "").replace("$", "").replace("\\", "")
                found.append((name, path))

    walk(get_resolver().url_patterns)
    return sorted(set(found))


@dataclass
class Counts:
    demo: dict[tuple[str, str], int]
    county: dict[tuple[str, str], int]


def _count_all(pages, *, warm: bool) -> dict[tuple[str, str], int]:
    from fazhi.accounts.models import User
    from fazhi.reports.models import Report

    report = Report.objects.filter(region__code="500240105000", year=2020).first()
    counts = {}
    for username in ROLES:
        client = Client()
        client.force_login(User.objects.get(username=username))
        targets = [("home", "/")]
        if username in LIST_USERS:
            targets += pages
            if report is not None:
                targets.append(("reports:detail", f"/reports/{report.pk}/"))
        for name, path in targets:
            if warm:  # the first request fills per-process caches (content types …)
                client.get(path)
            cache.clear()  # the cockpit keeps its figures a while: count them computed
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            status = response.status_code
            counts[(username, name)] = len(queries) if status == 200 else -status
    return counts


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker) -> Counts:
    pages = _pages()
    result = {}
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                call_command("loaddemo", verbosity=0, stdout=_Null())
                result["demo"] = _count_all(pages, warm=True)
                build_county(sizes=SIZES, password="Huangshui@2020", say=lambda *a: None)
                result["county"] = _count_all(pages, warm=False)
                raise _Rollback
        except _Rollback:
            pass
        finally:
            cache.clear()
    return Counts(**result)


class _Null:
    def write(self, *args):
        pass

    def flush(self):
        pass


def _cases():
    yield from ((username, "home") for username in ROLES)
    for username in LIST_USERS:
        for name, _ in _pages():
            yield username, name
        yield username, "reports:detail"


@pytest.mark.parametrize(("username", "page"), list(_cases()))
def test_the_page_runs_as_many_queries_for_a_county_as_for_the_demo_town(counts, username, page):
    demo, county = counts.demo[(username, page)], counts.county[(username, page)]
    if demo < 0 and county < 0:
        pytest.skip(f"{page} is not open to {username} (HTTP {-demo})")
    if page in KNOWN_GROWTH:
        pytest.xfail(KNOWN_GROWTH[page])
    assert county == demo, (
        f"{page} as {username}: {demo} queries for the demo, {county} with more towns"
    )


def test_the_known_growth_is_still_real(counts):
    still = {
        page
        for (username, page), demo in counts.demo.items()
        if page in KNOWN_GROWTH and counts.county[(username, page)] != demo
    }
    assert still == set(KNOWN_GROWTH), "remove the fixed pages from KNOWN_GROWTH"
