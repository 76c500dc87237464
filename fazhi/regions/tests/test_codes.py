"""The region-code helpers other apps use instead of slicing codes by hand."""

from fazhi.regions.codes import (
    county_code,
    county_prefix,
    county_town_codes,
    town_code,
    town_prefix,
)

VILLAGE = "500240105203"


def test_a_village_code_names_its_town_and_county():
    assert town_prefix(VILLAGE) == "500240105"
    assert county_prefix(VILLAGE) == "500240"
    assert town_code(VILLAGE) == "500240105000"
    assert county_code(VILLAGE) == "500240000000"


def test_a_county_prefix_stays_a_county_prefix():
    assert town_prefix("500240") == "500240"


def test_a_village_sees_itself_its_town_and_its_county():
    assert county_town_codes(VILLAGE) == {"500240000000", "500240105000", VILLAGE}
    assert county_town_codes("500240105000") == {"500240000000", "500240105000"}
