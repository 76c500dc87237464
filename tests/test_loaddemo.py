import pytest
from django.core.management import CommandError, call_command

from fazhi.accounts.models import User
from fazhi.regions.models import Organisation, Region


def test_the_demo_loads_twice_without_duplicates(db, capsys):
    call_command("loaddemo")
    counts = (Region.objects.count(), Organisation.objects.count(), User.objects.count())
    call_command("loaddemo")
    assert (Region.objects.count(), Organisation.objects.count(), User.objects.count()) == counts
    output = capsys.readouterr().out
    for username in [
        "sysadmin",
        "county_admin",
        "hs_officer",
        "hs_leader",
        "qilong_cadre",
        "huangshui_cadre",
        "guihe_mediator",
        "advisor",
        "auditor",
    ]:
        assert username in output


def test_the_demo_town_has_its_eight_villages_and_studios(db):
    call_command("loaddemo")
    town = Region.objects.get(code="500240105000")
    assert list(town.children.values_list("name", flat=True)) == [
        "黄水社区",
        "七龙社区",
        "黄连社区",
        "万胜坝社区",
        "大风堡村",
        "金花村",
        "洋洞村",
        "清河村",
    ]
    studios = Organisation.objects.filter(kind="guihe_studio").values_list(
        "region__name", flat=True
    )
    assert sorted(studios) == ["七龙社区", "万胜坝社区"]
    assert Organisation.objects.filter(kind="mediation_committee").count() == 8


def test_a_weak_demo_password_is_refused(db):
    with pytest.raises(CommandError):
        call_command("loaddemo", password="short")
