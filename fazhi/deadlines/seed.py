"""Fill the holiday table from `chinese_calendar` (2004–2026).

Used by the data migration and by `fazhi seedholidays`. A year the system
administrator entered by hand is left alone.
"""

from chinese_calendar.constants import holidays, workdays

NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def chinese_calendar_days() -> dict[int, list[tuple]]:
    """Per year: (date, Chinese name, is_working_day) for every listed date."""
    years: dict[int, list[tuple]] = {}
    for day, name in holidays.items():
        years.setdefault(day.year, []).append((day, NAMES.get(name, name), False))
    for day, name in workdays.items():
        label = NAMES.get(name, name) + "调休"
        years.setdefault(day.year, []).append((day, label, True))
    return years


def seed_holidays(calendar_year_model, holiday_model) -> list[int]:
    """Create the years chinese_calendar knows and nobody entered; return them."""
    created = []
    for year, days in sorted(chinese_calendar_days().items()):
        calendar, is_new = calendar_year_model.objects.get_or_create(
            year=year, defaults={"source": "chinese_calendar"}
        )
        if not is_new and calendar.source != "chinese_calendar":
            continue
        existing = set(
            holiday_model.objects.filter(calendar=calendar).values_list("date", flat=True)
        )
        holiday_model.objects.bulk_create(
            holiday_model(calendar=calendar, date=day, name=name, is_working_day=working)
            for day, name, working in sorted(days)
            if day not in existing
        )
        if is_new:
            created.append(year)
    return created
