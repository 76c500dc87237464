"""Demo: 石柱县's 2020 indicator systems; 黄水镇's sheet scored from its records,
self-assessed, reviewed (one indicator returned for 补充 and completed) and
finalised; the town's eight villages scored on the village-level system."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fazhi.assessment import services
from fazhi.assessment.demo_systems import TOWN_2020, TOWN_EXTRA, VILLAGE_2020
from fazhi.assessment.models import EntryStatus, Level, Method, Sheet, System
from fazhi.core.demo import demo_step

TOWN_NAME = "石柱县乡镇（街道）法治政府建设考核指标体系"
VILLAGE_NAME = "石柱县村（社区）法治建设考核指标体系"
# A 1×1 PNG: the demo's stand-in for a photographed sign-in sheet.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _leaf(user, system, parent, leaf):
    name, points, criteria, evidence, method, metric, params = leaf
    return services.indicator_save(
        user=user,
        system=system,
        parent=parent,
        name=name,
        points=Decimal(points),
        criteria=criteria,
        evidence_required=evidence,
        method=method,
        metric=metric,
        params=params,
    )


def _group(user, system, parent, name):
    return services.indicator_save(
        user=user, system=system, parent=parent, name=name, method=Method.GROUP, points=0
    )


def _build(user, name, level, tree, extra=()):
    system = services.system_create(
        user=user, name=name, year=2020, level=level, bonus_cap=Decimal(3), penalty_cap=Decimal(10)
    )
    for first, seconds in tree:
        top = _group(user, system, None, first)
        for second in seconds:
            if isinstance(second[1], list):
                middle = _group(user, system, top, second[0])
                for leaf in second[1]:
                    _leaf(user, system, middle, leaf)
            else:
                _leaf(user, system, top, second)
    if extra:
        group = _group(user, system, None, "加分、减分和一票否决事项")
        for leaf in extra:
            _leaf(user, system, group, leaf)
    return services.system_publish(user=user, system=system)


def _self_assess_all(officer, sheet, *, notes):
    for number, entry in enumerate(sheet.entries.select_related("indicator"), start=1):
        indicator = entry.indicator
        if indicator.method != Method.MANUAL:
            continue
        # Most done in full; every fifth item short of it, as a real year goes.
        score = indicator.points if number % 5 else indicator.points * Decimal("0.5")
        services.entry_self_assess(user=officer, entry=entry, score=score, note=notes)


@demo_step(order=80)
def assessment_2020(context):
    from fazhi.accounts.models import User

    county_admin = User.objects.filter(username="county_admin").first()
    officer = User.objects.filter(username="hs_officer").first()
    town = context.town
    if county_admin is None or officer is None or town is None:
        return
    if System.objects.filter(region=town.county, year=2020, name=TOWN_NAME).exists():
        return
    system = _build(county_admin, TOWN_NAME, Level.TOWN, TOWN_2020, TOWN_EXTRA)
    services.sheets_create(user=county_admin, system=system, town=town)
    sheet = Sheet.objects.get(system=system, region=town)
    _self_assess_all(officer, sheet, notes="已按评分标准落实，材料见附件。")
    first = sheet.entries.filter(indicator__method=Method.MANUAL).order_by("indicator__order", "pk")
    study = first.filter(indicator__name="党委专题研究法治建设工作").first() or first.first()
    services.entry_self_assess(
        user=officer,
        entry=study,
        score=study.indicator.points,
        note="全年党委会专题研究法治建设3次，纪要附后。",
        uploads=[SimpleUploadedFile("党委会纪要.png", PNG, content_type="image/png")],
    )
    services.sheet_submit(user=officer, sheet=sheet)
    today = timezone.localdate()
    returned = first.exclude(pk=study.pk).first()
    services.entry_return(
        user=county_admin,
        entry=returned,
        note="请补充会议纪要或照片。",
        due=today + timedelta(days=7),
    )
    returned.refresh_from_db()
    services.entry_self_assess(
        user=officer,
        entry=returned,
        score=returned.self_score,
        note="已补充：年终述法报告及会议照片。",
        uploads=[SimpleUploadedFile("述法会议.png", PNG, content_type="image/png")],
    )
    adjusted = first.exclude(pk__in=[study.pk, returned.pk]).last()
    services.entry_review(
        user=county_admin,
        entry=adjusted,
        score=adjusted.indicator.points - Decimal(1),
        reason="抽查一个村公开栏未按季度更新，扣1分。",
    )
    for entry in sheet.entries.exclude(status=EntryStatus.REVIEWED):
        services.entry_review(user=county_admin, entry=entry)
    services.checkpoint_take(user=county_admin, sheet=sheet, label="中期评估")
    services.sheet_finalise(user=county_admin, sheet=sheet)
    context.say(f"考核：{system}，黄水镇考核表已自评、审核并定稿（{sheet.entries.count()}项）")

    villages = _build(county_admin, VILLAGE_NAME, Level.VILLAGE, VILLAGE_2020)
    services.sheets_create(user=officer, system=villages)
    for index, village_sheet in enumerate(
        Sheet.objects.in_region(town).filter(system=villages).order_by("region__code")
    ):
        for entry in village_sheet.entries.select_related("indicator"):
            if entry.indicator.method == Method.MANUAL:
                score = entry.indicator.points - Decimal(index % 4)
                services.entry_self_assess(
                    user=officer, entry=entry, score=score, note="镇考核组实地查看。"
                )
        services.sheet_submit(user=officer, sheet=village_sheet)
        for entry in village_sheet.entries.all():
            services.entry_review(user=officer, entry=entry)
        services.sheet_finalise(user=officer, sheet=village_sheet)
    context.say("考核：镇对村考核，八个村（社区）已评分定稿")
    _duty_2020(county_admin, officer, town)
    context.say("考核：党委书记、镇长2020年度第一责任人履职记录及评议")


DUTIES = {
    "secretary": (
        "冉书记",
        "主持党委会专题研究法治建设3次\n带头讲授法治课1次\n督办重大行政决策合法性审查",
        [("县司法局评议员", 92), ("镇人大代表", 90), ("群众代表", 88)],
    ),
    "head": (
        "马镇长",
        "主持政府常务会学法4次\n出庭应诉行政诉讼1件\n落实“谁执法谁普法”责任清单",
        [("县司法局评议员", 90), ("镇人大代表", 91), ("群众代表", 86)],
    ),
}


def _duty_2020(county_admin, officer, town):
    from fazhi.assessment import duty

    for role, (person, duties, panel) in DUTIES.items():
        record = duty.duty_save(
            user=officer, region=town, year=2020, role=role, person=person, duties=duties
        )
        duty.duty_panel_record(user=county_admin, record=record, scores=panel)
