import pytest
from django.core.exceptions import ValidationError

from fazhi.regions.models import Level, Region, level_of_code


def test_it_reads_the_level_from_the_code():
    assert level_of_code("500000000000") == Level.PROVINCE
    assert level_of_code("500240000000") == Level.COUNTY
    assert level_of_code("500240105000") == Level.TOWN
    assert level_of_code("500240105003") == Level.VILLAGE


def test_a_town_prefix_covers_its_villages(cast):
    assert cast.town.prefix == "500240105"
    assert cast.town.contains(cast.qilong)
    assert not cast.qilong.contains(cast.huangshui)
    villages = Region.objects.under(cast.town.prefix).villages()
    assert villages.count() == 8


def test_it_rejects_a_parent_whose_code_is_not_a_prefix(cast):
    stray = Region(code="500241105001", name="错挂村", level=Level.VILLAGE, parent=cast.town)
    with pytest.raises(ValidationError) as error:
        stray.full_clean()
    assert "不在上级" in str(error.value)


def test_it_rejects_a_level_that_does_not_match_the_code(cast):
    wrong = Region(code="500240105009", name="某镇", level=Level.TOWN, parent=cast.county)
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert "与所选级别不符" in str(error.value)


def test_it_lists_ancestors_from_the_top(cast):
    assert [r.name for r in cast.qilong.ancestors()] == ["重庆市", "石柱土家族自治县", "黄水镇"]
