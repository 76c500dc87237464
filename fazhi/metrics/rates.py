"""The one way a share of records becomes a percentage.

Apps used to compute their rates each on their own, rounding half-even in one
place, half-up in another and through binary floats in a third, so the same
2.25% could print as 2.2 on one page and 2.3 on the next. Every rate metric
calls `rate()`: exact decimal arithmetic, rounded half-up to one decimal
place, the way people round percentages by hand.
"""

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")


def rate(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole` (12.5 for 1 of 8); None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
