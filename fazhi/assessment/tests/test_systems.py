"""Indicator systems: the tree, publishing, a published system is fixed, new editions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.assessment import services
from fazhi.assessment.models import Indicator, Status, System
from fazhi.assessment.tests.helpers import build_system


def test_the_tree_is_numbered_from_its_order(cast):
    system = build_system(cast.county_admin, publish=False)
    numbers = dict(system.indicators.values_list("name", "number"))
    assert numbers["组织领导"] == "1"
    assert numbers["矛盾纠纷登记"] == "1.2"
    assert numbers["被通报"] == "2.2"


def test_a_tree_may_be_deeper_than_three_levels(cast):
    system = build_system(cast.county_admin, publish=False)
    parent = system.indicators.get(name="专题研究法治建设")
    for depth in range(3):
        parent = services.indicator_save(
            user=cast.county_admin, system=system, parent=parent, name=f"第{depth + 3}级", points=1
        )
    assert parent.number == "1.1.1.1.1"
    assert system.indicators.get(name="专题研究法治建设").method == "group"


def test_an_unknown_metric_code_is_refused(cast):
    system = build_system(cast.county_admin, publish=False)
    with pytest.raises(ValidationError) as error:
        services.indicator_save(
            user=cast.county_admin,
            system=system,
            name="出庭率",
            points=5,
            method="threshold",
            metric="cases.no_such_thing",
            params={"threshold": 90},
        )
    assert "不存在" in str(error.value)


def test_a_published_system_cannot_change_through_the_services(cast):
    system = build_system(cast.county_admin)
    leaf = system.indicators.get(name="专题研究法治建设")
    with pytest.raises(ValidationError):
        services.indicator_save(user=cast.county_admin, system=system, indicator=leaf, points=50)
    with pytest.raises(ValidationError):
        services.indicator_delete(user=cast.county_admin, indicator=leaf)
    with pytest.raises(ValidationError):
        services.system_update(user=cast.county_admin, system=system, name="改名")
    assert Indicator.objects.get(pk=leaf.pk).points == 10


def test_a_published_system_cannot_change_through_the_models_either(cast):
    system = build_system(cast.county_admin)
    leaf = Indicator.objects.get(system=system, name="专题研究法治建设")
    leaf.points = 50
    with pytest.raises(ValidationError):
        leaf.save()
    with pytest.raises(ValidationError):
        leaf.delete()
    system.name = "改名"
    with pytest.raises(ValidationError):
        system.save()
    with pytest.raises(ValidationError):
        Indicator(system=system, name="新增", points=1).save()


def test_a_new_version_copies_the_tree_to_a_draft(cast):
    system = build_system(cast.county_admin)
    draft = services.system_new_version(user=cast.county_admin, system=system)
    assert (draft.status, draft.edition, draft.previous) == (Status.DRAFT, 2, system)
    copied = {
        (i.number, i.name, i.parent.name if i.parent else None) for i in draft.indicators.all()
    }
    original = {
        (i.number, i.name, i.parent.name if i.parent else None) for i in system.indicators.all()
    }
    assert copied == original
    services.indicator_save(
        user=cast.county_admin,
        system=draft,
        indicator=draft.indicators.get(name="专题研究法治建设"),
        points=12,
    )
    assert system.indicators.get(name="专题研究法治建设").points == 10


def test_a_group_without_indicators_cannot_be_published(cast):
    system = build_system(cast.county_admin, publish=False)
    services.indicator_save(user=cast.county_admin, system=system, name="空分组", method="group")
    with pytest.raises(ValidationError) as error:
        services.system_publish(user=cast.county_admin, system=system)
    assert "空分组" in str(error.value)


@pytest.mark.parametrize("who", ["officer", "leader", "cadre"])
def test_only_the_county_builds_systems(cast, who):
    with pytest.raises(PermissionDenied):
        services.system_create(user=getattr(cast, who), name="镇自编", year=2020, level="town")


def test_town_staff_read_the_countys_systems_and_a_village_cadre_only_village_ones(cast):
    town = build_system(cast.county_admin)
    village = build_system(cast.county_admin, level="village", name="村级")
    assert set(System.objects.for_user(cast.officer)) == {town, village}
    assert set(System.objects.for_user(cast.cadre)) == {village}
    assert not System.objects.for_user(cast.mediator).exists()
    assert not System.objects.for_user(cast.auditor).exists()
