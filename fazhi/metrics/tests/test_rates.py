"""Every rate is rounded the same way: half-up to one decimal place."""

from decimal import Decimal

from fazhi.metrics import rate


def test_a_rate_ending_in_five_rounds_up():
    assert rate(9, 400) == Decimal("2.3")  # 2.25, half-even would give 2.2
    assert rate(47, 2000) == Decimal("2.4")  # 2.35
    assert rate(1, 16) == Decimal("6.3")  # 6.25, round(6.25, 1) on floats gives 6.2


def test_a_rate_is_exact_to_one_decimal_place():
    assert rate(1, 3) == Decimal("33.3")
    assert rate(2, 3) == Decimal("66.7")
    assert rate(8, 8) == Decimal("100.0")
    assert rate(0, 5) == Decimal("0.0")


def test_there_is_no_rate_of_nothing():
    assert rate(0, 0) is None
