"""Reading a 12-digit 统计用区划代码 without slicing it by hand.

A region code carries its ancestors: the first 6 digits name the county, the
first 9 the town (乡镇、街道). Other apps used to cut these out with `code[:9]`
and `.ljust(12, "0")` in many places; these helpers are the one place that
knows the layout, and tests/test_architecture.py keeps it that way. They take
plain strings so they work on codes and on prefixes alike and need no database.
"""

COUNTY_DIGITS = 6
TOWN_DIGITS = 9
CODE_DIGITS = 12


def county_prefix(code: str) -> str:
    """The county part of a code or prefix ("500240105000" → "500240")."""
    return code[:COUNTY_DIGITS]


def town_prefix(code: str) -> str:
    """The town part of a code or prefix ("500240105203" → "500240105").

    A prefix shorter than a town's (a county's) comes back unchanged.
    """
    return code[:TOWN_DIGITS]


def full_code(prefix: str) -> str:
    """The 12-digit code of the region named by `prefix` ("500240105" → "500240105000")."""
    return prefix.ljust(CODE_DIGITS, "0")


def county_code(code: str) -> str:
    """The 12-digit code of the county a code lies in."""
    return full_code(county_prefix(code))


def town_code(code: str) -> str:
    """The 12-digit code of the town a code lies in (a town's own code for a town)."""
    return full_code(town_prefix(code))


def county_town_codes(code: str) -> set[str]:
    """The codes of the region itself and of the town and county above it."""
    return {county_code(code), town_code(code), full_code(code)}
