"""The fixed public holidays of 《全国年节及纪念日放假办法》 (2024 revision,
in force from 2025-01-01), for a year whose schedule nobody has entered.

元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明 1 day (the solar term),
劳动节 2 days (5-1, 5-2), 端午 1 day, 中秋 1 day, 国庆 3 days (10-1 to 10-3).
The State Council's yearly schedule adds bridging days and make-up working
days, which cannot be foreseen: dates computed from this table are provisional.
"""

from datetime import date, timedelta

from lunardate import LunarDate

# The years the lunar table (and the 清明 formula) covers; others raise ValueError.
FIRST_YEAR, LAST_YEAR = 1900, 2099


def _lunar(year: int, month: int, day: int) -> date:
    return LunarDate(year, month, day).to_solar_date()


def qingming(year: int) -> date:
    """清明 for 2000–2099: the 寿星 formula [Y·D + C] − [Y/4], D = 0.2422, C = 4.81."""
    y = year % 100
    return date(year, 4, int(y * 0.2422 + 4.81) - y // 4)


def statutory_holidays(year: int) -> dict[date, str]:
    """Each statutory holiday date of `year` with its name; ValueError for a
    year outside FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year {year} outside {FIRST_YEAR}..{LAST_YEAR}")
    new_year = _lunar(year, 1, 1)
    days = {date(year, 1, 1): "元旦"}
    for offset in range(-1, 3):  # 除夕, 初一, 初二, 初三 (初一 falls between 01-21 and 02-20)
        days[new_year + timedelta(days=offset)] = "春节"
    days[qingming(year)] = "清明节"
    days[date(year, 5, 1)] = "劳动节"
    days[date(year, 5, 2)] = "劳动节"
    days[_lunar(year, 5, 5)] = "端午节"
    days[_lunar(year, 8, 15)] = "中秋节"
    for day in (1, 2, 3):
        days[date(year, 10, day)] = "国庆节"
    return dict(sorted(days.items()))
