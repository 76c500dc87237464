"""Every registered breakdown gives, for each region, the metric's own value."""

from decimal import Decimal

import pytest

from fazhi import metrics
from fazhi.core.periods import Period
from fazhi.dashboard.tests.builders import make_demo_county
from fazhi.metrics.breakdowns import relinked, tally
from fazhi.regions.models import Region


class _Region:
    def __init__(self, pk, prefix):
        self.pk, self.prefix = pk, prefix


def test_tally_adds_rows_into_the_region_each_code_lies_in():
    towns = [_Region(1, "500240105"), _Region(2, "500240601")]
    rows = [("500240105001", 2), ("500240105000", 1), ("500240601003", 4), ("500241000000", 9)]
    assert tally(rows, towns) == {1: 3, 2: 4}
    assert tally([], towns) == {1: 0, 2: 0}


def test_a_link_is_pointed_at_another_region_and_keeps_its_filters():
    url = "/disputes/?region=500240105000&since=2020-01-01&until=2020-12-31&by=concluded"
    other = _Region(2, "500240601")
    other.code = "500240601000"
    assert relinked(url, other) == (
        "/disputes/?region=500240601000&since=2020-01-01&until=2020-12-31&by=concluded"
    )


@pytest.mark.parametrize("level", ["town", "village"])
def test_each_breakdown_agrees_with_its_metric(cast, level):
    make_demo_county(cast)
    county = cast.county
    period = Period.year(2020)
    regions = list(
        Region.objects.towns().under(county.prefix)
        if level == "town"
        else Region.objects.villages().under("500240601")
    )
    assert metrics.breakdowns()
    for registered in metrics.breakdowns():
        values = metrics.compute_breakdown(registered.code, county, regions, period).values
        for region in regions:
            expected = metrics.compute(registered.code, region, period).value
            found = values[region.pk]
            if isinstance(expected, Decimal | float) or isinstance(found, Decimal | float):
                assert found == expected or Decimal(str(found)) == Decimal(str(expected)), (
                    registered.code,
                    region.name,
                )
            else:
                assert found == expected, (registered.code, region.name)
