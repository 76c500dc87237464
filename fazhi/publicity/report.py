"""Publicity's part of the yearly report and its ledgers (see fazhi/reports/contrib.py)."""

from django.db.models import Q

from fazhi.ledgers.base import Column, Ledger, register_ledger
from fazhi.publicity.models import Activity, LawUnderstander
from fazhi.publicity.models.activities import Form, Status
from fazhi.publicity.models.people import Background
from fazhi.reports.contrib import candidate, paragraph

ACTIVITIES = "publicity.activities"
CONCENTRATED = "publicity.concentrated_activities"
PERSON_TIMES = "publicity.person_times"
MATERIALS = "publicity.materials"
LED = "publicity.led_villages"
REACHED = "publicity.villages_reached"
UNDERSERVED = "publicity.underserved_villages"
UNDERSTANDERS = "publicity.law_understanders_coverage"
STUDY = "publicity.cadre_study_hours"


def _names(names, limit=4) -> str:
    """Up to `limit` village names; the caller adds 等 and the count where it fits."""
    return "、".join(list(names)[:limit])


@paragraph("publicity", metrics=[ACTIVITIES, REACHED], order=10)
def activities_held(f, ctx):
    if not f.has_data(ACTIVITIES):
        return None
    text = f"全年组织普法宣传活动{f.exact(ACTIVITIES)}"
    if f.has_data(REACHED):
        text += f"，走到了{f.exact(REACHED)}村（社区）"
    return text + "，以宪法、民法典和群众身边的法律问题为重点，帮助群众知法、守法、用法。"


@paragraph("publicity_results", metrics=[CONCENTRATED, PERSON_TIMES, MATERIALS, LED], order=10)
def publicity_reach(f, ctx):
    clauses = []
    if f.has_data(CONCENTRATED):
        clauses.append(
            f"抓住赶集日、国家宪法日等人流集中的时机，举办集中宣传{f.exact(CONCENTRATED)}"
        )
    if f.has_data(PERSON_TIMES):
        clauses.append(f"各类活动累计受教群众{f.approx(PERSON_TIMES)}")
    if f.has_data(MATERIALS):
        clauses.append(f"发放宣传资料{f.approx(MATERIALS)}")
    if f.has_data(LED):
        clauses.append(f"{f.exact(LED)}村（社区）的LED屏常年播放法治宣传内容")
    if not clauses:
        return None
    return "全年" + "，".join(clauses) + "。"


@paragraph("law_understanders", metrics=[UNDERSTANDERS], order=10)
def law_understanders(f, ctx):
    if f.value(UNDERSTANDERS) is None:
        return None
    counts = f.parts(UNDERSTANDERS)
    total = sum(counts.values())
    if not total:
        return None
    return (
        f"全{ctx.we[1]}在册“法律明白人”{total}名，"
        f"{f.exact(UNDERSTANDERS)}的村（社区）达到配备目标。"
    )


@paragraph("first_responsible", metrics=[STUDY], order=10)
def cadre_study(f, ctx):
    if not f.has_data(STUDY):
        return None
    return f"坚持领导干部带头学法，组织干部集中学法，累计{f.exact(STUDY)}。"


@candidate("problem", metrics=[UNDERSERVED, ACTIVITIES], order=10)
def underserved_problem(f, ctx):
    if not f.has_data(UNDERSERVED) or not f.has_data(ACTIVITIES):
        return None
    return (
        f"普法宣传覆盖不均衡，就近宣传的多、顾及偏远的少，"
        f"{_names(f.parts(UNDERSERVED), limit=3)}等{f.exact(UNDERSERVED)}村（社区）人均受教人次偏低"
    )


@candidate("next_step", metrics=[UNDERSERVED, ACTIVITIES], order=10)
def underserved_next_step(f, ctx):
    if not f.has_data(UNDERSERVED) or not f.has_data(ACTIVITIES):
        return None
    return f"推动普法资源向{_names(f.parts(UNDERSERVED), limit=3)}等偏远村（社区）倾斜，结合赶集日和入户走访扩大普法覆盖面"


def _short_villages(f):
    """Villages below the best-equipped one (the target itself is not a figure);
    all of them when none meets the target."""
    target_met = f.value(UNDERSTANDERS)
    counts = f.parts(UNDERSTANDERS)
    if target_met is None or target_met >= 100 or not counts:
        return []
    most = max(counts.values())
    short = [name for name, n in counts.items() if n < most]
    return short if short and target_met > 0 else list(counts)


@candidate("problem", metrics=[UNDERSTANDERS], order=20)
def understanders_problem(f, ctx):
    short = _short_villages(f)
    if not short:
        return None
    return f"“法律明白人”配备不足，{_names(short)}未达到配备目标，达标率仅{f.exact(UNDERSTANDERS)}"


@candidate("next_step", metrics=[UNDERSTANDERS], order=20)
def understanders_next_step(f, ctx):
    short = _short_villages(f)
    if not short:
        return None
    return f"在{_names(short)}补齐“法律明白人”，实现村（居）“法律明白人”全覆盖"


@register_ledger
class ActivityLedger(Ledger):
    key = "publicity.activities"
    title = "普法活动台账"
    capability = "publicity"
    model = Activity
    natural_key = ("region", "date", "title")
    place_fields = ("place",)  # no 所属区划 column: 地点 七龙社区村委会 places the row
    columns = [
        Column(
            "日期",
            "date",
            kind="date",
            aliases=("活动日期", "时间", "开展日期", "开展时间", "宣传时间"),
            width=12,
        ),
        Column(
            "活动名称",
            "title",
            aliases=("活动主题", "名称", "活动内容", "内容", "主题", "宣传主题", "宣传内容"),
            width=30,
        ),
        Column("地点", "place", aliases=("活动地点", "开展地点", "宣传地点"), width=20),
        Column(
            "覆盖村（社区）",
            "villages",
            kind="villages",
            required=False,
            aliases=("覆盖村社区", "覆盖村", "涉及村（社区）", "覆盖范围", "涉及村"),
            width=30,
        ),
        Column(
            "形式",
            "form",
            kind="choice",
            choices=tuple(Form.choices),
            aliases=("活动形式", "宣传形式", "方式", "活动方式", "宣传方式"),
        ),
        Column("集中开展", "concentrated", kind="bool", required=False, aliases=("是否集中开展",)),
        Column(
            "受教人次",
            "person_times",
            kind="int",
            required=False,
            aliases=("受教人数", "参与人次", "受教育人次", "参与人数", "受众人数", "人数"),
        ),
        Column(
            "发放资料（份）",
            "materials",
            kind="int",
            required=False,
            aliases=("发放资料", "资料份数", "发放宣传资料（份）", "发放资料数", "宣传资料"),
        ),
        Column("所属区划", "region", kind="village", aliases=("填报单位", "所属村（社区）")),
    ]

    def queryset(self, region, period):
        return (
            Activity.objects.in_region(region)
            .held()
            .in_period(period)
            .with_related()
            .order_by("date", "pk")
        )

    def _values(self, values) -> dict:
        values = dict(values)
        values.pop("villages")
        values["person_times"] = values["person_times"] or 0
        values["materials"] = values["materials"] or 0
        values["status"] = Status.HELD
        return values

    def plan(self, rows, *, user, region):
        """`save`'s rule for the whole sheet at once: the villages covered are
        compared in one query and written after the activities in one INSERT."""
        plan = self.plan_by_natural_key(
            rows, region=region, prepared=lambda row: self._values(row.values)
        )
        wanted = {
            id(row): {v.pk for v in row.values["villages"] or [row.values["region"]]}
            for row in rows
        }
        matched = [row for row in rows if row.action in ("updated", "unchanged")]
        through = Activity.villages.through
        stored: dict[int, set[int]] = {row.record.pk: set() for row in matched}
        pks = list(stored)
        for start in range(0, len(pks), 500):
            links = through.objects.filter(activity_id__in=pks[start : start + 500])
            for activity_id, region_id in links.values_list("activity_id", "region_id"):
                stored[activity_id].add(region_id)
        updated = {id(record) for record, _ in plan.update}
        replaced = []
        for row in matched:
            if stored[row.record.pk] == wanted[id(row)]:
                continue
            replaced.append(row)
            if id(row.record) not in updated:  # only the villages differ: still a save
                plan.update.append((row.record, []))
                row.action = "updated"
        created = [row for row in rows if row.action == "created"]

        def write_villages():
            gone = [row.record.pk for row in replaced]
            for start in range(0, len(gone), 500):
                through.objects.filter(activity_id__in=gone[start : start + 500]).delete()
            through.objects.bulk_create(
                [
                    through(activity_id=row.record.pk, region_id=region_id)
                    for row in (*created, *replaced)
                    for region_id in sorted(wanted[id(row)])
                ],
                batch_size=500,
            )

        plan.after.append(write_villages)
        return plan

    def save(self, values, *, user, region):
        values = dict(values)
        villages = values.pop("villages") or [values["region"]]
        values["person_times"] = values["person_times"] or 0
        values["materials"] = values["materials"] or 0
        values["status"] = Status.HELD
        record = (
            Activity.objects.in_region(region)
            .filter(region=values["region"], date=values["date"], title=values["title"])
            .first()
        )
        if record is None:
            record = Activity(**values)
            record.full_clean()
            record.save()
            record.villages.set(villages)
            return "created"
        changed = {k: v for k, v in values.items() if getattr(record, k) != v}
        same_villages = {v.pk for v in record.villages.all()} == {v.pk for v in villages}
        if not changed and same_villages:
            return "unchanged"
        for name, value in changed.items():
            setattr(record, name, value)
        record.full_clean()
        record.save()
        record.villages.set(villages)
        return "updated"


@register_ledger
class LawUnderstanderLedger(Ledger):
    key = "publicity.law_understanders"
    title = "法律明白人名册"
    capability = "publicity"
    model = LawUnderstander
    natural_key = ("region", "name")
    columns = [
        Column(
            "村（社区）", "region", kind="village", aliases=("所在村（社区）", "所在村", "村社区")
        ),
        Column("姓名", "name", aliases=("法律明白人姓名", "法律明白人")),
        Column(
            "身份",
            "background",
            kind="choice",
            choices=tuple(Background.choices),
            aliases=("类别", "人员类别", "身份类别", "现任职务", "职务"),
        ),
        Column(
            "确定日期",
            "since",
            kind="date",
            required=False,
            aliases=("确定时间", "聘任日期", "认定时间", "认定日期", "培养时间"),
        ),
        Column("在册", "active", kind="bool", required=False, aliases=("是否在册", "在岗")),
    ]

    def queryset(self, region, period):
        return (
            LawUnderstander.objects.in_region(region)
            .filter(Q(since__isnull=True) | Q(since__lte=period.end))
            .select_related("region")
            .order_by("region__code", "name")
        )
