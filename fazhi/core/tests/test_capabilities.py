"""The capability contract: every app declares itself once and core reads the declarations."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from fazhi.core import capabilities
from fazhi.core.capabilities import EDIT, VIEW, Capability, Nav, TodoItem
from fazhi.core.navigation import cards_for, navigation_for, todo_for
from fazhi.core.roles import Role, can


def test_every_installed_capability_is_discovered_with_its_contributions():
    codes = [c.code for c in capabilities.all_capabilities()]
    for code in ("legal", "cases", "disputes", "publicity", "reports", "regions", "accounts"):
        assert code in codes
    assert "fazhi.disputes.search" in capabilities.contributing("search")
    assert "fazhi.disputes.report" in capabilities.contributing("report")


def test_the_removed_empty_apps_are_not_offered():
    # They come back with their own issues; until then nobody is shown an empty page.
    for code in ("tasks", "disclosure", "assessment"):
        if not capabilities.exists(code):
            with pytest.raises(ImproperlyConfigured):
                capabilities.get(code)


def test_an_unknown_contribution_kind_is_refused():
    with pytest.raises(ImproperlyConfigured, match="unknown contribution"):
        Capability(code="x", label="x", access={}, contributes=("reports",))


def test_an_unknown_access_level_is_refused():
    with pytest.raises(ImproperlyConfigured, match="VIEW or EDIT"):
        Capability(code="x", label="x", access={Role.TOWN_OFFICER: "admin"})


def test_a_capability_cannot_be_declared_twice_differently():
    first = capabilities.get("cases")
    other = Capability(code="cases", label="另一个", access={Role.TOWN_OFFICER: VIEW})
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        capabilities.register(other, app="fazhi.elsewhere")
    assert capabilities.get("cases") is first


def test_a_role_check_on_a_capability_nobody_installed_fails_loudly(cast):
    with pytest.raises(ImproperlyConfigured):
        can(cast.officer, "no_such_capability")


def test_the_role_table_is_read_from_each_capability(cast):
    assert can(cast.officer, "disputes", edit=True)
    assert can(cast.leader, "disputes") and not can(cast.leader, "disputes", edit=True)
    assert can(cast.mediator, "disputes", edit=True) and not can(cast.mediator, "cases")
    assert can(cast.advisor, "legal", edit=True) and not can(cast.advisor, "publicity")
    assert can(cast.auditor, "audit") and not can(cast.auditor, "disputes")
    assert capabilities.get("disputes").level_for(Role.VILLAGE_CADRE) == EDIT


def test_navigation_and_home_cards_come_from_the_declarations(cast):
    labels = [item["label"] for item in navigation_for(cast.officer)]
    assert labels[0] == "首页"  # the dashboard comes first and has no card
    assert "矛盾纠纷" in labels and "账号管理" not in labels
    cards = {card["label"]: card for card in cards_for(cast.officer)}
    assert "首页" not in cards
    assert cards["矛盾纠纷"]["hint"] == capabilities.get("disputes").nav.hint
    assert cards["矛盾纠纷"]["url"] == reverse("disputes:index")
    leader_cards = {card["label"]: card for card in cards_for(cast.leader)}
    assert leader_cards["矛盾纠纷"]["editable"] is False


def test_the_home_page_shows_what_each_capability_declares(cast, client):
    client.force_login(cast.officer)
    page = client.get(reverse("home")).content.decode()
    for capability in capabilities.all_capabilities():
        if capability.nav and capability.nav.card and can(cast.officer, capability.code):
            assert capability.nav.hint in page


def test_todo_items_are_gathered_from_every_hook_soonest_first(cast, monkeypatch):
    from datetime import date, timedelta

    from django.utils import timezone

    today = timezone.localdate()
    items = [
        TodoItem("x.a", "后到期", "/a/", due=today + timedelta(days=5)),
        TodoItem("x.b", "无期限", "/b/"),
        TodoItem("x.c", "已逾期", "/c/", due=today - timedelta(days=1), level="bad"),
    ]
    hooked = Capability(
        code="cases",
        label="x",
        access={Role.TOWN_OFFICER: EDIT},
        nav=Nav("x", "home"),
        todo="fazhi.core.tests.test_capabilities.sample_todo",
    )
    monkeypatch.setattr(capabilities, "_REGISTRY", {"cases": hooked})
    monkeypatch.setattr("fazhi.core.tests.test_capabilities.SAMPLE", items)
    found = todo_for(cast.officer)
    assert [item.title for item in found] == ["已逾期", "后到期", "无期限"]
    assert found[0].days_left(today) == -1
    assert todo_for(cast.auditor) == []
    assert date.today()  # the clock is real


SAMPLE: list = []


def sample_todo(user, today):
    return iter(SAMPLE)
