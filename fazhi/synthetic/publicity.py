"""Publicity activities (1–5 per village and year, 3 on average) and each
village's 法律明白人 (3–7, about 5)."""

from datetime import date, timedelta

from fazhi.publicity.models import Activity, LawUnderstander, Theme
from fazhi.synthetic.disputes import phone
from fazhi.synthetic.names import person_name

TITLES = [
    ("market_day", "赶集日法治宣传"),
    ("household", "入户走访送法上门"),
    ("lecture", "民法典专题讲座"),
    ("arts", "法治文艺演出"),
    ("theme_day", "宪法日主题宣传"),
    ("lecture", "防范电信诈骗讲座"),
]
BACKGROUNDS = ["cadre", "grid", "mediator", "party", "elders", "other"]


def activities(*, writer, rng, town, years, last_day) -> None:
    theme_ids = list(Theme.objects.filter(active=True).values_list("pk", flat=True))
    records, themes_of = [], []
    for village in town.villages:
        for year in years:
            for _ in range(rng.randint(1, 5)):
                form, title = rng.choice(TITLES)
                day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
                day = min(day, last_day)
                people = rng.randint(20, 400)
                records.append(
                    Activity(
                        region=village,
                        title=title,
                        date=day,
                        place=f"{village.name}村委会院坝",
                        form=form,
                        concentrated=form in ("market_day", "theme_day"),
                        combined_with=["household_visits"] if form == "household" else [],
                        organiser=town.committees[village.pk],
                        person_times=people,
                        materials=people * rng.randint(1, 3),
                        status="held",
                    )
                )
                themes_of.append(rng.sample(theme_ids, k=min(len(theme_ids), rng.randint(1, 2))))
    writer.insert(Activity, records)
    writer.link(
        Activity.villages.through,
        [Activity.villages.through(activity_id=a.pk, region_id=a.region_id) for a in records],
    )
    writer.link(
        Activity.themes.through,
        [
            Activity.themes.through(activity_id=a.pk, theme_id=theme)
            for a, themes in zip(records, themes_of, strict=True)
            for theme in themes
        ],
    )


def law_understanders(*, writer, rng, town, years) -> None:
    have = set(
        LawUnderstander.objects.filter(region__in=town.villages).values_list("region_id", flat=True)
    )
    records = []
    for village in town.villages:
        count = rng.randint(3, 7)
        if village.pk in have:
            continue
        for _ in range(count):
            records.append(
                LawUnderstander(
                    region=village,
                    name=person_name(rng),
                    phone=phone(rng),
                    background=rng.choice(BACKGROUNDS),
                    since=date(years[0], 1, 1) + timedelta(days=rng.randrange(365)),
                )
            )
    writer.insert(LawUnderstander, records)
