"""Figures written the way official reports write them.

Small counts are exact ("6次"); larger ones are floored to a round figure
followed by 余, the way such reports write them: thousands to the 500
("2159人次" → "2000余人次", "1648份" → "1500余份"), hundreds to the 50
("480份" → "450余份"), tens of thousands to the 5000 ("2.5万余人次"). A
report never claims more than the records support. A fraction is printed to
one decimal place, rounded half-up like `fazhi.metrics.rate`.
"""

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")

CHINESE_DIGITS = "〇一二三四五六七八九十"


def approx(value, unit: str = "") -> str:
    """`value` rounded down the official way, with its unit."""
    if value is None:
        return ""
    if isinstance(value, float | Decimal) and value != int(value):
        return f"{Decimal(str(value)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP).normalize():f}{unit}"
    number = int(value)
    if number < 100:
        return f"{number}{unit}"
    if number < 1000:
        step = 10 if number < 200 else 50
    elif number < 10000:
        step = 500
    else:
        step = 5000
    rounded = number - number % step
    if number >= 10000:
        text = f"{Decimal(rounded) / 10000:f}".rstrip("0").rstrip(".") + "万"
    else:
        text = str(rounded)
    return f"{text}{'余' if rounded != number else ''}{unit}"


def exact(value, unit: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, float | Decimal) and value != int(value):
        return f"{Decimal(str(value)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP).normalize():f}{unit}"
    return f"{int(value)}{unit}"


def percent(value) -> str:
    """A share (0–1 or 0–100) as "85.5%"."""
    if value is None:
        return ""
    number = Decimal(str(value))
    if number <= 1:
        number *= 100
    return f"{number.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP).normalize():f}%"


def ordinal(index: int) -> str:
    """1 → 一, 12 → 十二: for 一、 and （一） headings (up to 99)."""
    if index <= 10:
        return CHINESE_DIGITS[index]
    tens, ones = divmod(index, 10)
    return (
        (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[ones] if ones else "")
    )
