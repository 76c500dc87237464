from decimal import Decimal

from fazhi.documents.numbers import approx, exact, ordinal, percent


def test_small_counts_are_exact():
    assert approx(6, "次") == "6次"
    assert approx(0, "次") == "0次"


def test_large_counts_are_floored_with_yu():
    assert approx(2159, "人次") == "2000余人次"
    assert approx(1648, "份") == "1500余份"
    assert approx(157, "人") == "150余人"
    assert approx(480, "份") == "450余份"


def test_round_figures_need_no_yu():
    assert approx(2000, "人次") == "2000人次"


def test_ten_thousands_are_written_in_wan():
    assert approx(23456, "人次") == "2万余人次"
    assert approx(27456, "人次") == "2.5万余人次"
    assert approx(30000, "人次") == "3万人次"


def test_it_never_rounds_up():
    assert approx(1999, "人次") == "1500余人次"


def test_exact_and_percent_and_ordinal():
    assert exact(Decimal("12.50"), "小时") == "12.5小时"
    assert percent(Decimal("0.875")) == "87.5%"
    assert ordinal(3) == "三" and ordinal(12) == "十二" and ordinal(20) == "二十"
