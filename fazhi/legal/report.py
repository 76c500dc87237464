"""Legal advisors and major decisions in the yearly report, and the advisors'
service ledger (see fazhi/reports/contrib.py)."""

from django.core.exceptions import ValidationError

from fazhi.ledgers.base import Column, Ledger, register_ledger
from fazhi.legal.models import Advisor, Service, ServiceKind
from fazhi.reports.contrib import candidate, paragraph

ADVISORS = "legal.advisors_under_contract"
SERVICES = "legal.services"
REVIEWED = "legal.decisions_reviewed_share"
DECISIONS = "legal.decisions_by_stage"
NORMATIVE = "legal.normative_reviewed_share"


@paragraph("legal_advisors", metrics=[ADVISORS, SERVICES, DECISIONS, REVIEWED], order=10)
def advisors_at_work(f, ctx):
    if not f.has_data(ADVISORS, SERVICES, DECISIONS):
        return None
    clauses = []
    if f.has_data(ADVISORS):
        clauses.append(f"与{f.exact(ADVISORS)}法律顾问、公职律师签订聘用合同")
    if f.has_data(SERVICES):
        kinds = [f"{label}{n}次" for label, n in f.parts(SERVICES).items() if n]
        detail = f"（其中{'、'.join(kinds)}）" if kinds else ""
        clauses.append(f"全年法律顾问服务{f.exact(SERVICES)}{detail}")
    if f.has_data(DECISIONS):
        text = f"办理重大行政决策{f.exact(DECISIONS)}"
        if f.value(REVIEWED) is not None:
            text += f"，其中经过合法性审查的占{f.exact(REVIEWED)}"
        clauses.append(text)
    return "，".join(clauses) + "，重大事项先审后定。"


@candidate("problem", metrics=[ADVISORS], order=50)
def no_advisor(f, ctx):
    if f.value(ADVISORS):
        return None
    return "法律顾问聘请工作未落实，本年度没有处于有效聘期内的法律顾问"


@candidate("next_step", metrics=[ADVISORS], order=50)
def hire_advisor(f, ctx):
    if f.value(ADVISORS):
        return None
    return "及时续聘法律顾问、公职律师，确保重大行政决策合法性审查有人把关"


@candidate("problem", metrics=[REVIEWED], order=51)
def decisions_unreviewed(f, ctx):
    share = f.value(REVIEWED)
    if share is None or share >= 100:
        return None
    return f"重大行政决策合法性审查比例为{f.exact(REVIEWED)}，部分决策尚未完成合法性审查"


@candidate("next_step", metrics=[REVIEWED], order=51)
def review_all_decisions(f, ctx):
    if decisions_unreviewed(f, ctx) is None:
        return None
    return "严格执行重大行政决策程序，未经合法性审查的不得提交集体讨论"


@candidate("problem", metrics=[NORMATIVE], order=52)
def normative_unanswered(f, ctx):
    share = f.value(NORMATIVE)
    if share is None or share >= 100:
        return None
    return f"行政规范性文件合法性审查意见出具比例为{f.exact(NORMATIVE)}，审查意见出具不够及时"


@register_ledger
class ServiceLedger(Ledger):
    key = "legal.services"
    title = "法律顾问服务台账"
    capability = "legal"
    model = Service
    natural_key = ("advisor", "date", "subject")
    columns = [
        Column("服务日期", "date", kind="date", aliases=("日期", "时间", "服务时间"), width=12),
        Column(
            "法律顾问", "advisor", aliases=("顾问姓名", "姓名", "法律顾问姓名", "顾问"), width=12
        ),
        Column(
            "服务类别",
            "kind",
            kind="choice",
            choices=tuple(ServiceKind.choices),
            aliases=("类别", "服务类型", "服务方式"),
        ),
        Column("事项", "subject", aliases=("服务事项", "事由", "服务项目"), width=30),
        Column(
            "服务内容",
            "detail",
            required=False,
            aliases=("内容", "具体内容", "工作内容"),
            width=40,
        ),
        Column(
            "用时（小时）",
            "hours",
            kind="decimal",
            required=False,
            aliases=("用时", "小时", "服务时长", "时长"),
        ),
    ]

    def queryset(self, region, period):
        return (
            Service.objects.in_region(region)
            .in_period(period)
            .select_related("advisor")
            .order_by("date", "pk")
        )

    def row(self, record) -> list:
        cells = super().row(record)
        cells[1] = record.advisor.name
        return cells

    def plan(self, rows, *, user, region):
        """`save`'s rule for the whole sheet: the region's advisors fetched once."""
        advisors: dict[str, list] = {}
        for advisor in Advisor.objects.in_region(region).select_related("region"):
            advisors.setdefault(advisor.name, []).append(advisor)

        def prepared(row):
            values = dict(row.values)
            found = advisors.get(values["advisor"], [])
            if len(found) != 1:
                reason = (
                    "不是本辖区登记的法律顾问" if not found else "在本辖区有重名，请在系统中录入"
                )
                row.errors.append(f"「法律顾问」列：「{values['advisor']}」{reason}")
                return None
            values["advisor"] = found[0]
            values["region"] = found[0].region
            return values

        return self.plan_by_natural_key(rows, region=region, prepared=prepared)

    def save(self, values, *, user, region):
        values = dict(values)
        advisors = list(Advisor.objects.in_region(region).filter(name=values["advisor"])[:2])
        if len(advisors) != 1:
            reason = (
                "不是本辖区登记的法律顾问" if not advisors else "在本辖区有重名，请在系统中录入"
            )
            raise ValidationError({"advisor": f"「{values['advisor']}」{reason}"})
        values["advisor"] = advisors[0]
        values["region"] = advisors[0].region
        return super().save(values, user=user, region=region)
