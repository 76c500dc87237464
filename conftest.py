"""The shared cast every test can use, built once per database.

def test_something(cast, client):
    client.force_login(cast.officer)
"""

import os
from types import SimpleNamespace

import pytest

# Tests hash with MD5, the cast included (it is rebuilt after every transactional
# test, and nine PBKDF2 hashes there cost seconds); PBKDF2 stays to verify hashes
# a test makes on purpose with the production hasher.
FAST_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DEMO_COUNTY = False  # `loaddemo` builds 黄水镇 only; a test wanting the county sets it
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from django.core.cache import cache

    cache.clear()  # cached public pages and rate-limit counts belong to one test


def build_cast():
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        return _build_cast()


def _build_cast():
    from fazhi.accounts.demo import users
    from fazhi.accounts.models import User
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD, DemoContext
    from fazhi.regions.demo import regions
    from fazhi.regions.models import Region

    if not User.objects.filter(username="hs_officer").exists():
        context = DemoContext(password=DEFAULT_PASSWORD, say=lambda line: None)
        regions(context)
        users(context)
    by_name = {
        user.username: user for user in User.objects.select_related("region", "organisation")
    }
    regions_by_name = {region.name: region for region in Region.objects.all()}
    return SimpleNamespace(
        password=DEFAULT_PASSWORD,
        sysadmin=by_name["sysadmin"],
        county_admin=by_name["county_admin"],
        officer=by_name["hs_officer"],
        leader=by_name["hs_leader"],
        cadre=by_name["qilong_cadre"],
        other_cadre=by_name["huangshui_cadre"],
        mediator=by_name["guihe_mediator"],
        advisor=by_name["advisor"],
        auditor=by_name["auditor"],
        county=regions_by_name["石柱土家族自治县"],
        town=regions_by_name["黄水镇"],
        qilong=regions_by_name["七龙社区"],
        huangshui=regions_by_name["黄水社区"],
        region=regions_by_name,
    )


def _restore_base_data():
    """What migrations seed (holidays, dispute types, publicity themes) and the cast, after a flush."""
    from fazhi.deadlines.models import CalendarYear, Holiday
    from fazhi.deadlines.seed import seed_holidays
    from fazhi.disputes.models import DisputeType
    from fazhi.disputes.seed import seed_dispute_types
    from fazhi.publicity.models import Theme
    from fazhi.publicity.seed import seed_themes

    seed_holidays(CalendarYear, Holiday)
    seed_dispute_types(DisputeType)
    seed_themes(Theme)
    build_cast()


_flushed = {"since_last_restore": False}


def _uses_database(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return bool(names & {"db", "transactional_db", "cast", "live_server"}) or (
        item.get_closest_marker("django_db") is not None
    )


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    names = set(getattr(item, "fixturenames", ()))
    return bool(names & {"transactional_db", "live_server"}) or bool(
        marker is not None and marker.kwargs.get("transaction")
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A transactional test (a browser test against the live server) ends with a
    flush of every table. Before any fixture of the next database test is set up
    (so outside its transaction), put back the migration-seeded data and the cast."""
    if _flushed["since_last_restore"] and _uses_database(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            _restore_base_data()
        _flushed["since_last_restore"] = False


def pytest_runtest_teardown(item):
    if _is_transactional(item):
        _flushed["since_last_restore"] = True


@pytest.fixture(scope="session")
def _cast_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_cast()


@pytest.fixture
def cast(_cast_once, db):
    return build_cast()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def _browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("FAZHI_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing; CI installs Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django must still
    # be allowed to query the database from it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_context(_browser, live_server, transactional_db):
    """A fresh browser context against the live server; cast rebuilt for it."""
    build_cast()
    context = _browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15000)
    yield context
    context.close()


def browser_login(context, live_server, username, password=None, *, viewport=None, next_url=""):
    """A page logged in as `username` (demo password unless given), then at `next_url`."""
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD

    page = context.new_page()
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/accounts/login/" + (f"?next={next_url}" if next_url else ""))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password or DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    return page


# A second town of 石柱县 and a fully recorded 黄水镇, for the probes that look
# for answers crossing a scope boundary (tests/test_scope_escape.py) or
# outside the schema (tests/test_schemathesis.py).

SECOND_TOWN = [("500240106000", "西沱镇", "镇"), ("500240106001", "西沱社区", "村")]


def build_second_town():
    """西沱镇 with one village and its own people, made through the product's
    services as an administrator would: the division list, then the accounts."""
    from fazhi.accounts.models import User
    from fazhi.accounts.services import account_save, role_grant_approve
    from fazhi.core.roles import Role
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD
    from fazhi.regions.models import Organisation, OrganisationKind, Region
    from fazhi.regions.services import regions_load

    regions_load(lines=[",".join(row) for row in SECOND_TOWN])
    town = Region.objects.get(code=SECOND_TOWN[0][0])
    village = Region.objects.get(code=SECOND_TOWN[1][0])
    organisations = {}
    for region, name, kind in [
        (town, "西沱镇人民政府", OrganisationKind.GOVERNMENT),
        (village, "西沱社区居民委员会", OrganisationKind.VILLAGE_COMMITTEE),
        (village, "西沱社区人民调解委员会", OrganisationKind.MEDIATION_COMMITTEE),
    ]:
        organisation = Organisation.objects.filter(region=region, name=name).first()
        if organisation is None:
            organisation = Organisation(region=region, name=name, kind=kind)
            organisation.full_clean()
            organisation.save()
        organisations[name] = organisation
    people = {}
    for username, role, region, organisation in [
        ("xt_officer", Role.TOWN_OFFICER, town, "西沱镇人民政府"),
        ("xt_leader", Role.TOWN_LEADER, town, "西沱镇人民政府"),
        ("xt_cadre", Role.VILLAGE_CADRE, village, "西沱社区居民委员会"),
        ("xt_mediator", Role.MEDIATOR, village, "西沱社区人民调解委员会"),
        ("xt_advisor", Role.LEGAL_ADVISOR, town, None),
    ]:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                role=role,
                region=region,
                organisation=organisations.get(organisation),
                full_name=username,
            )
            # 三员分立: the system administrator files it, the county admin approves.
            grant = account_save(
                actor=User.objects.get(username="sysadmin"),
                account=user,
                password=DEFAULT_PASSWORD,
            )
            user = role_grant_approve(grant=grant, actor=User.objects.get(username="county_admin"))
        people[username.removeprefix("xt_")] = user
    return SimpleNamespace(town=town, village=village, **people)


def load_demo_town(town):
    """Every demo step (each app's records of every kind) for `town`."""
    from django.apps import apps
    from django.utils.module_loading import import_string, module_has_submodule

    from fazhi.core.demo import steps
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD, DemoContext

    for config in apps.get_app_configs():
        if config.name.startswith("fazhi.") and module_has_submodule(config.module, "demo"):
            import_string(f"{config.name}.demo")
    context = DemoContext(password=DEFAULT_PASSWORD, say=lambda line: None, town=town)
    for step in steps():
        step(context)


def _complete_records(cast):
    """The few kinds of record the demo does not make: a handed-over dispute
    and a requested report file."""
    from datetime import date

    from fazhi.disputes import services
    from fazhi.disputes.models import DisputeType
    from fazhi.reports.models import Report
    from fazhi.reports.services import report_file_request

    report = Report.objects.for_user(cast.officer).first()
    report_file_request(user=cast.officer, report=report, fmt="docx", appendix=False)

    dispute = services.dispute_register(
        user=cast.officer,
        region=cast.huangshui,
        source="visit",
        dispute_type=DisputeType.objects.get(name="邻里"),
        summary="两户因宅基地界址发生争执",
        people_involved=2,
        risk="low",
        registered_on=date(2020, 7, 1),
    )
    services.dispute_hand_over(
        dispute=dispute,
        user=cast.officer,
        kind="litigation",
        receiver="石柱土家族自治县人民法院",
        reason="当事人坚持起诉",
        handed_on=date(2020, 7, 3),
    )


@pytest.fixture(scope="module")
def two_towns(_cast_once, django_db_blocker):
    """黄水镇 with the demo's records of every kind, and 西沱镇 with its people.

    Built once per test module inside a transaction that is rolled back at the
    module's end; each test still runs in its own savepoint inside it."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cast = build_cast()
            load_demo_town(cast.town)
            _complete_records(cast)
            yield build_second_town()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
