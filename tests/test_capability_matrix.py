"""Every capability's entry page against every role: 200 where the role table
grants access, 403 where it does not. New apps are covered as they add `nav`."""

import pytest
from django.apps import apps
from django.urls import reverse

from fazhi.core.roles import can

ROLES = [
    "sysadmin",
    "county_admin",
    "officer",
    "leader",
    "cadre",
    "other_cadre",
    "mediator",
    "advisor",
    "auditor",
]


def _entries():
    return [
        (config.label, config.nav)
        for config in apps.get_app_configs()
        if getattr(config, "nav", None) and config.nav["url"] != "home"
    ]


@pytest.mark.parametrize("label, entry", _entries(), ids=[label for label, _ in _entries()])
@pytest.mark.parametrize("role", ROLES)
def test_each_entry_page_answers_by_the_role_table(cast, client, role, label, entry):
    user = getattr(cast, role)
    client.force_login(user)
    response = client.get(reverse(entry["url"]), follow=True)  # an entry may open a sub-page
    expected = 200 if can(user, entry["capability"]) else 403
    assert response.status_code == expected, f"{role} → {entry['url']}"


def test_the_navigation_shows_only_what_the_role_may_open(cast, client):
    client.force_login(cast.mediator)
    nav = client.get("/").context["nav_items"]
    assert all(can(cast.mediator, item["capability"]) for item in nav)
    assert not any(item["capability"] == "regions" for item in nav)


def _api_lists():
    from fazhi.urls import router

    return [(prefix, viewset) for prefix, viewset, _ in router.registry]


@pytest.mark.parametrize("prefix, viewset", _api_lists(), ids=[p for p, _ in _api_lists()])
@pytest.mark.parametrize("role", ROLES)
def test_each_api_list_answers_by_the_role_table(cast, client, role, prefix, viewset):
    user = getattr(cast, role)
    client.force_login(user)
    response = client.get(f"/api/v1/{prefix}/")
    expected = 200 if can(user, viewset.capability) else 403
    assert response.status_code == expected, f"{role} → /api/v1/{prefix}/"
