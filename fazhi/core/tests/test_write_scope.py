"""One write-side scope rule for services, forms and serializers."""

import pytest
from django import forms
from django.core.exceptions import PermissionDenied

from fazhi.core.scope import ScopedFormMixin, code_range, ensure_region_in_scope
from fazhi.regions.models import Region


def test_a_scope_prefix_is_a_code_range():
    assert code_range("code", "500240105") == {"code__gte": "500240105", "code__lt": "500240106"}
    assert code_range("code", "") == {}
    assert code_range("code", "999") == {"code__gte": "999"}  # no next prefix of that length
    assert code_range("region__code", "500240109") == {
        "region__code__gte": "500240109",
        "region__code__lt": "500240110",
    }


def test_the_range_holds_exactly_the_codes_under_the_prefix(cast):
    under_town = set(Region.objects.under(cast.town.prefix).values_list("code", flat=True))
    assert cast.town.code in under_town and cast.qilong.code in under_town
    assert cast.county.code not in under_town
    assert all(code.startswith(cast.town.prefix) for code in under_town)


def test_a_region_knows_its_town_and_county(cast):
    assert cast.qilong.town == cast.town
    assert cast.qilong.county == cast.county
    assert cast.town.town == cast.town
    assert cast.county.town is None and cast.county.county == cast.county


def test_a_service_refuses_a_region_outside_the_scope(cast):
    ensure_region_in_scope(cast.cadre, cast.qilong)
    with pytest.raises(PermissionDenied):
        ensure_region_in_scope(cast.cadre, cast.huangshui)
    with pytest.raises(PermissionDenied):
        ensure_region_in_scope(cast.auditor, cast.qilong)


class RegionPick(ScopedFormMixin, forms.Form):
    region = forms.ModelChoiceField(queryset=Region.objects.all())


def test_a_form_offers_and_accepts_only_regions_in_scope(cast):
    form = RegionPick(user=cast.cadre)
    assert list(form.fields["region"].queryset) == [cast.qilong]
    assert form.fields["region"].initial == cast.qilong.pk
    refused = RegionPick({"region": cast.huangshui.pk}, user=cast.cadre)
    assert not refused.is_valid() and "region" in refused.errors


def test_a_county_user_switched_to_a_town_starts_on_that_town(cast):
    county_admin = cast.county_admin
    county_admin.active_region = cast.town
    form = RegionPick(user=county_admin)
    assert form.fields["region"].initial == cast.town.pk
    assert cast.county not in form.fields["region"].queryset


def test_case_handlers_follow_the_town_a_county_user_switched_to(cast):
    from fazhi.cases.forms import LawsuitForm

    county_admin = cast.county_admin
    county_admin.active_region = cast.town
    handlers = set(LawsuitForm(user=county_admin).fields["handler"].queryset)
    assert cast.officer in handlers
    assert all(person.region.code.startswith(cast.town.prefix) for person in handlers)
