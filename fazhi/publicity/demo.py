"""黄水镇's 2020 publicity, written for the demo.

The records are new; the totals carry over from the town's 2020 report: six
concentrated activities (market days and 12·4 among them), more than 2,000
person-times, more than 1,500 pieces of material, LED screens working in all
eight communities and villages, and the “防控疫情，法治同行” campaign carried
out together with the household visits of epidemic screening.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone

from fazhi.core.demo import demo_step
from fazhi.publicity.models import (
    Activity,
    Background,
    Cadre,
    Campaign,
    CombinedWork,
    Exam,
    ExamScore,
    Form,
    LawUnderstander,
    MarketDayRule,
    ResponsibilityList,
    Screen,
    ScreenContent,
    Status,
    StudyKind,
    StudySession,
    Targets,
    Theme,
    Training,
    units_without_list,
)
from fazhi.publicity.seed import seed_themes
from fazhi.publicity.services import key_dates_add_defaults
from fazhi.regions.models import Organisation, Region

CAMPAIGN = "防控疫情，法治同行"
HOUSEHOLD = [CombinedWork.HOUSEHOLD_VISITS]

# date, title, place, villages, form, concentrated, themes, combined with,
# organiser, person-times, materials, in the campaign
# fmt: off
ACTIVITIES = [
    ("2020-01-11", "年前赶集日普法集市", "黄水镇农贸市场", ["黄水社区", "万胜坝社区", "七龙社区"],
     Form.MARKET_DAY, True, ["扫黑除恶", "食品安全"], [], "黄水镇司法所", 330, 270, False),
    ("2020-02-12", "疫情排查入户送法", "七龙社区、黄连社区各组", ["七龙社区", "黄连社区"],
     Form.HOUSEHOLD, False, ["疫情防控", "公共安全"], HOUSEHOLD, "黄水镇人民政府", 86, 42, True),
    ("2020-02-20", "战疫普法进农家", "大风堡村、金花村各组", ["大风堡村", "金花村"],
     Form.HOUSEHOLD, False, ["疫情防控"], HOUSEHOLD, "黄水镇人民政府", 58, 30, True),
    ("2020-03-05", "防疫走访宣讲野生动物保护法", "洋洞村、清河村各组", ["洋洞村", "清河村"],
     Form.HOUSEHOLD, False, ["疫情防控", "公共安全"], HOUSEHOLD, "黄水镇司法所", 44, 26, True),
    ("2020-03-18", "复工复产法律政策入户讲解", "黄水社区、万胜坝社区", ["黄水社区", "万胜坝社区"],
     Form.HOUSEHOLD, False, ["疫情防控", "民法典"], HOUSEHOLD, "黄水镇人民政府", 92, 40, True),
    ("2020-04-14", "国家安全教育日赶集宣传", "黄水镇农贸市场", ["黄水社区", "万胜坝社区", "黄连社区"],
     Form.MARKET_DAY, True, ["国家安全", "防邪"], [], "石柱县公安局黄水派出所", 280, 220, False),
    ("2020-06-27", "禁毒宣传赶集日", "黄水镇农贸市场", ["黄水社区", "七龙社区"],
     Form.MARKET_DAY, True, ["禁毒"], [], "石柱县公安局黄水派出所", 265, 230, False),
    ("2020-07-15", "脱贫攻坚回头看带法下乡", "金花村、清河村", ["金花村", "清河村"],
     Form.HOUSEHOLD, False, ["民法典"], [CombinedWork.POVERTY], "黄水镇人民政府", 68, 35, False),
    ("2020-08-10", "重点人员走访法治谈心", "大风堡村", ["大风堡村"],
     Form.HOUSEHOLD, False, ["扫黑除恶"], [CombinedWork.KEY_PERSONS], "黄水镇综治中心", 24, 10, False),
    ("2020-09-21", "民法典赶集日宣讲", "黄水镇农贸市场", ["黄水社区", "万胜坝社区", "七龙社区"],
     Form.MARKET_DAY, True, ["民法典"], [], "黄水镇司法所", 300, 245, False),
    ("2020-10-20", "矛盾纠纷排查中的以案释法", "七龙社区贵和工作室", ["七龙社区"],
     Form.LECTURE, False, ["民法典"], [CombinedWork.DISPUTE_SCREENING], "七龙社区贵和工作室", 52, 20, False),
    ("2020-11-07", "消防安全赶集日宣传", "黄水镇农贸市场", ["黄水社区", "黄连社区"],
     Form.MARKET_DAY, True, ["消防安全"], [], "黄水镇人民政府", 210, 180, False),
    ("2020-12-04", "国家宪法日集中宣传", "黄水镇文化广场", ["黄水社区", "七龙社区", "万胜坝社区", "黄连社区"],
     Form.THEME_DAY, True, ["宪法"], [], "黄水镇司法所", 350, 300, False),
]
# fmt: on

SCREENS = {
    "黄水社区": "社区服务中心门口",
    "七龙社区": "七龙社区便民服务中心",
    "黄连社区": "黄连社区文化广场",
    "万胜坝社区": "万胜坝社区办公楼外墙",
    "大风堡村": "大风堡村村委会",
    "金花村": "金花村党群服务中心",
    "洋洞村": "洋洞村小学旁",
    "清河村": "清河村村委会",
}

SLOGANS = [
    ("学习宪法，尊崇宪法，维护宪法权威", "宪法", 8),
    ("民法典是人民权利的宣言书，家家户户都用得着", "民法典", 6),
    ("依法防控疫情，科学战胜疫情", "疫情防控", 9),
    ("珍爱生命，远离毒品", "禁毒", 5),
    ("扫黑除恶，人人有责", "扫黑除恶", 5),
    ("推进法治政府建设，办事依法、遇事找法", "法治政府建设", 7),
]

# fmt: off
UNDERSTANDERS = {  # the two most remote villages are short of the three a village needs
    "黄水社区": [("向明华", Background.CADRE), ("谭秀英", Background.GRID), ("冉启富", Background.PARTY)],
    "七龙社区": [("马德昌", Background.MEDIATOR), ("秦小芳", Background.GRID), ("刘光荣", Background.ELDERS)],
    "黄连社区": [("陈永贵", Background.CADRE), ("黄春梅", Background.PARTY), ("谭家兴", Background.GRID)],
    "万胜坝社区": [("崔玉兰", Background.MEDIATOR), ("向国强", Background.CADRE), ("冉德胜", Background.ELDERS)],
    "大风堡村": [("马林", Background.CADRE), ("秦德才", Background.PARTY)],
    "金花村": [("刘玉梅", Background.GRID), ("谭志高", Background.MEDIATOR), ("向秀珍", Background.ELDERS)],
    "洋洞村": [("冉光明", Background.CADRE), ("黄德富", Background.GRID)],
    "清河村": [("陈桂芳", Background.PARTY), ("马志强", Background.CADRE), ("秦明亮", Background.GRID)],
}
# fmt: on

CADRES = [
    ("马镇长", "镇长"),
    ("李书记", "镇党委书记"),
    ("谭法治", "法治专干"),
    ("周副镇长", "副镇长"),
    ("何所长", "司法所所长"),
    ("吴主任", "党政办主任"),
]

STUDY = [
    ("2020-03-09", StudyKind.BEFORE_MEETING, "学习《中华人民共和国传染病防治法》", "1.0"),
    ("2020-05-28", StudyKind.CENTRAL_GROUP, "学习《中华人民共和国民法典》总则编", "2.0"),
    ("2020-07-06", StudyKind.BEFORE_MEETING, "学习《重庆市政府重大决策程序规定》", "1.0"),
    ("2020-09-15", StudyKind.LECTURE, "法律顾问讲行政诉讼与负责人出庭应诉", "3.0"),
    ("2020-11-30", StudyKind.CENTRAL_GROUP, "学习习近平法治思想", "2.0"),
]


def _date(text: str) -> date:
    return date.fromisoformat(text)


def _save(record):
    record.full_clean()
    record.save()
    return record


class Row(NamedTuple):
    day: str
    title: str
    place: str
    villages: list
    form: str
    concentrated: bool
    themes: list
    combined: list
    organiser: str
    person_times: int
    materials: int
    in_campaign: bool


@demo_step(order=60)
def publicity(context):
    town = context.town or Region.objects.get(code="500240105000")
    villages = {v.name: v for v in Region.objects.villages().under(town.prefix)}
    key_dates_add_defaults(user=None, town=town)
    MarketDayRule.objects.get_or_create(region=town, defaults={"last_digits": "1,4,7"})
    Targets.objects.get_or_create(region=town)
    _responsibility_lists(town)
    created = _activities(town, villages)
    _screens(town, villages)
    _law_understanders(villages)
    _cadre_study(town)
    context.say(
        f"普法宣传：{len(ACTIVITIES)} 次2020年活动（新建 {created} 次）、专项“{CAMPAIGN}”、"
        f"{len(SCREENS)} 块LED屏、法律明白人和干部学法记录"
    )


def _responsibility_lists(town):
    units = Organisation.objects.filter(region__code__startswith=town.prefix)
    for unit in units_without_list(units, 2020):
        at_town = unit.region == town
        _save(
            ResponsibilityList(
                region=unit.region,
                organisation=unit,
                year=2020,
                laws="宪法、民法典及本单位执行的法律法规"
                if at_town
                else "宪法、民法典、村民委员会组织法、人民调解法",
                audience="辖区群众、本单位工作人员" if at_town else "本村（社区）居民",
                methods="赶集日宣传、入户走访、LED屏滚动播放",
                frequency="每季度不少于1次",
            )
        )


def _activities(town, villages) -> int:
    organisations = {
        o.name: o for o in Organisation.objects.filter(region__code__startswith=town.prefix)
    }
    seed_themes(Theme)  # the starting themes, should they have been removed
    themes = {t.name: t for t in Theme.objects.all()}
    campaign, _ = Campaign.objects.get_or_create(
        region=town,
        name=CAMPAIGN,
        defaults={
            "start_date": date(2020, 2, 1),
            "end_date": date(2020, 6, 30),
            "description": "疫情防控各阶段入户排查时一并开展普法。",
        },
    )
    created = 0
    for row in map(Row._make, ACTIVITIES):
        existing = Activity.objects.filter(region__code__startswith=town.prefix)
        if existing.filter(date=_date(row.day), title=row.title).exists():
            continue
        reached = [villages[name] for name in row.villages]
        # a village's own unit records in its village; the town's units in the town
        own_village = len(reached) == 1 and row.organiser.startswith(reached[0].name)
        activity = _save(
            Activity(
                region=reached[0] if own_village else town,
                title=row.title,
                date=_date(row.day),
                place=row.place,
                form=row.form,
                concentrated=row.concentrated,
                combined_with=list(row.combined),
                organiser=organisations.get(row.organiser),
                person_times=row.person_times,
                materials=row.materials,
                campaign=campaign if row.in_campaign else None,
                status=Status.HELD,
            )
        )
        activity.villages.set(reached)
        activity.themes.set([themes[name] for name in row.themes])
        created += 1
    _plan_next_constitution_day(town, villages, organisations, themes)
    return created


def _screens(town, villages):
    themes = {t.name: t for t in Theme.objects.all()}
    for name, location in SCREENS.items():
        Screen.objects.get_or_create(
            region=villages[name],
            name=f"{name}LED屏",
            defaults={"location": location, "installed_on": date(2019, 10, 1)},
        )
    for text, theme, priority in SLOGANS:
        ScreenContent.objects.get_or_create(
            region=town,
            text=text,
            defaults={
                "theme": themes.get(theme),
                "start_date": date(2020, 1, 1),
                # the epidemic slogan ran through 2020 only; the rest are standing
                "end_date": date(2020, 12, 31) if theme == "疫情防控" else None,
                "priority": priority,
            },
        )
    ScreenContent.objects.get_or_create(
        region=villages["七龙社区"],
        text="七龙社区贵和工作室：有事好商量，调解不收费",
        defaults={"start_date": timezone.localdate() - timedelta(days=30), "priority": 6},
    )


def _plan_next_constitution_day(town, villages, organisations, themes):
    today = timezone.localdate()
    day = date(today.year, 12, 4)
    if day < today:
        day = date(today.year + 1, 12, 4)
    activity, made = Activity.objects.get_or_create(
        region=town,
        date=day,
        title="国家宪法日集中宣传（计划）",
        defaults={
            "place": "黄水镇文化广场",
            "form": Form.THEME_DAY,
            "concentrated": True,
            "organiser": organisations.get("黄水镇司法所"),
            "status": Status.PLANNED,
        },
    )
    if made:
        activity.villages.set(villages.values())
        activity.themes.set([themes["宪法"]])


def _law_understanders(villages):
    trainings = []
    for index, (village_name, people) in enumerate(UNDERSTANDERS.items()):
        village = villages[village_name]
        for number, (name, background) in enumerate(people):
            person, _ = LawUnderstander.objects.get_or_create(
                region=village,
                name=name,
                defaults={
                    "background": background,
                    "phone": f"13{index + 3}0000{number:04d}"[:11].ljust(11, "0"),
                    "since": date(2019, 6, 1),
                },
            )
            trainings.append(person)
    town_region = next(iter(villages.values())).parent
    training, made = Training.objects.get_or_create(
        region=town_region,
        date=date(2020, 8, 20),
        title="法律明白人民法典专题培训",
        defaults={"hours": Decimal("3.0")},
    )
    if made:
        training.attendees.set(trainings)


def _cadre_study(town):
    cadres = []
    for name, position in CADRES:
        cadre, _ = Cadre.objects.get_or_create(
            region=town, name=name, defaults={"position": position}
        )
        cadres.append(cadre)
    for day, kind, title, hours in STUDY:
        session, made = StudySession.objects.get_or_create(
            region=town,
            date=_date(day),
            title=title,
            defaults={"kind": kind, "hours": Decimal(hours)},
        )
        if made:
            session.attendees.set(cadres if kind != StudyKind.LECTURE else cadres[:4])
    exam, made = Exam.objects.get_or_create(
        region=town, date=date(2020, 12, 10), title="2020年度领导干部学法考试"
    )
    if made:
        for cadre, score in zip(cadres, (92, 88, 95, 81, 97, 58), strict=True):
            ExamScore.objects.create(exam=exam, cadre=cadre, score=score)
