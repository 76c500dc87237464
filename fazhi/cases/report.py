"""Administrative litigation and reconsideration in the yearly report, and
their ledgers (see fazhi/reports/contrib.py)."""

from django.core.exceptions import ValidationError
from django.db.models import Q

from fazhi.accounts.models import User
from fazhi.cases.exports import lawsuit_ledger, reconsideration_ledger
from fazhi.cases.models import (
    AppealChoice,
    DecisionKind,
    Instance,
    Lawsuit,
    Outcome,
    Reconsideration,
    ReconsiderationOutcome,
)
from fazhi.cases.services import (
    lawsuit_create,
    lawsuit_decide,
    lawsuit_decide_appeal,
    reconsideration_create,
)
from fazhi.ledgers.base import Column, Ledger, register_ledger
from fazhi.reports.contrib import candidate, paragraph

LAWSUITS = "cases.lawsuits"
HEAD_IN_COURT = "cases.head_in_court_rate"
LOSS = "cases.loss_rate"
RECONSIDERATIONS = "cases.reconsiderations"
CORRECTION = "cases.correction_rate"


@paragraph("litigation", metrics=[LAWSUITS, HEAD_IN_COURT, LOSS], order=10)
def litigation(f, ctx):
    if not f.has_data(LAWSUITS):
        return None
    text = f"全年{ctx.towns}作为被告的行政诉讼案件{f.exact(LAWSUITS)}"
    if f.value(HEAD_IN_COURT) is not None and f.parts(HEAD_IN_COURT).get("hearings"):
        text += f"，行政机关负责人出庭应诉率{f.exact(HEAD_IN_COURT)}"
    if f.value(LOSS) is not None and f.parts(LOSS).get("decided"):
        text += f"，已审结案件败诉率{f.exact(LOSS)}"
    return text + "。"


@paragraph("reconsideration", metrics=[RECONSIDERATIONS, CORRECTION], order=10)
def reconsideration(f, ctx):
    if not f.has_data(RECONSIDERATIONS):
        return None
    text = f"全年涉及{ctx.towns}的行政复议案件{f.exact(RECONSIDERATIONS)}"
    if f.value(CORRECTION) is not None and f.parts(CORRECTION).get("decided"):
        text += f"，已决案件纠错率{f.exact(CORRECTION)}"
    return text + "。"


@candidate("problem", metrics=[HEAD_IN_COURT], order=40)
def head_absent(f, ctx):
    rate = f.value(HEAD_IN_COURT)
    if rate is None or rate >= 100 or not f.parts(HEAD_IN_COURT).get("hearings"):
        return None
    return f"行政机关负责人出庭应诉率为{f.exact(HEAD_IN_COURT)}，尚未做到应出尽出"


@candidate("next_step", metrics=[HEAD_IN_COURT], order=40)
def head_next(f, ctx):
    if head_absent(f, ctx) is None:
        return None
    return "严格落实行政机关负责人出庭应诉制度，做到“出庭出声”"


class _CaseLedger(Ledger):
    """A case ledger read back through the cases services, so the due dates are
    the deadline engine's, never the sheet's (答辩期满, 决定期满 … are ignored).

    承办人 and 分管领导 name platform users of the region; 所属区划, when empty,
    is the region imported into. Rows match on 案号: a case already recorded is
    left as it is. From the command line (no user) the handler's scope applies.
    """

    capability = "cases"
    date_field = ""
    natural_key = ("case_number",)
    people = [
        Column("承办人", "handler", aliases=("承办人员", "经办人", "具体承办人")),
        Column("分管领导", "leader", required=False, aliases=("分管负责人",)),
        Column("所属区划", "region", kind="village", required=False, aliases=("村(社区)", "区划")),
    ]

    def queryset(self, region, period):
        return (
            self.model.objects.in_region(region)
            .in_period(period, self.date_field)
            .select_related("region", "handler", "leader")
        )

    def _person(self, name, field, region, *, required):
        if not name:
            if required:
                raise ValidationError({field: "不能为空"})
            return None
        found = list(
            User.objects.filter(region__code__startswith=region.prefix, is_active=True)
            .filter(Q(full_name=name) | Q(username=name))
            .order_by("pk")[:2]
        )
        if len(found) != 1:
            reason = "不是本辖区的平台用户" if not found else "在本辖区有重名"
            raise ValidationError({field: f"「{name}」{reason}"})
        return found[0]

    def prepare(self, values, *, region) -> dict:
        values = dict(values)
        for column in self.columns:  # a column the sheet lacks comes in as None
            if column.kind in ("text", "choice") and values.get(column.field) is None:
                values[column.field] = ""
        values["handler"] = self._person(values["handler"], "handler", region, required=True)
        values["leader"] = self._person(values["leader"], "leader", region, required=False)
        values["region"] = values["region"] or region
        return values

    def save(self, values, *, user, region):
        values = self.prepare(values, region=region)
        existing = self.model.objects.in_region(region).filter(case_number=values["case_number"])
        if existing.exists():
            return "unchanged"
        self.create(values, user=user or values["handler"])
        return "created"


@register_ledger
class LawsuitLedger(_CaseLedger):
    """行政诉讼案件台账, in the cases app's own layout, out and in (hearings are
    counted in the export but not read back: record them on the case)."""

    key = "cases.lawsuits"
    title = "行政诉讼案件台账"
    model = Lawsuit
    date_field = "complaint_received_on"
    columns = [
        Column("案号", "case_number", aliases=("案件编号", "案件号")),
        Column("审级", "stage", kind="choice", choices=tuple(Instance.choices), required=False),
        Column("审理法院", "court", aliases=("法院", "管辖法院", "受理法院")),
        Column("原告", "plaintiffs", aliases=("原告姓名", "原告（姓名或名称）", "原告名称")),
        Column("案由", "cause"),
        Column("被诉行政行为", "contested_act", aliases=("被诉行为", "被诉具体行政行为")),
        Column(
            "收到起诉状副本",
            "complaint_received_on",
            kind="date",
            aliases=("收到起诉状副本日期", "收案日期", "收到起诉状日期", "收到起诉状时间"),
        ),
        Column(
            "提交答辩", "answer_submitted_on", kind="date", required=False, aliases=("答辩日期",)
        ),
        Column(
            "裁判类型",
            "decision_kind",
            kind="choice",
            choices=tuple(DecisionKind.choices),
            required=False,
        ),
        Column("裁判日期", "decision_date", kind="date", required=False),
        Column(
            "裁判结果", "outcome", kind="choice", choices=tuple(Outcome.choices), required=False
        ),
        Column("送达日期", "decision_served_on", kind="date", required=False),
        Column(
            "是否上诉", "appeal", kind="choice", choices=tuple(AppealChoice.choices), required=False
        ),
        *_CaseLedger.people,
    ]

    def queryset(self, region, period):
        return super().queryset(region, period).prefetch_related("hearings")

    def workbook(self, records, *, title):
        return lawsuit_ledger(records).content

    def create(self, values, *, user):
        decision = {
            name: values.pop(name)
            for name in ("decision_kind", "decision_date", "decision_served_on", "outcome")
        }
        appeal = values.pop("appeal")
        values["stage"] = values["stage"] or Instance.FIRST
        if decision["decision_date"] and not decision["decision_kind"]:
            raise ValidationError({"decision_kind": "填写了裁判日期，请同时填写裁判类型"})
        lawsuit = lawsuit_create(user=user, **values)
        if decision["decision_date"]:
            lawsuit_decide(
                lawsuit=lawsuit,
                decision_kind=decision["decision_kind"],
                decision_date=decision["decision_date"],
                served_on=decision["decision_served_on"],
                outcome=decision["outcome"],
            )
        if appeal:
            lawsuit_decide_appeal(lawsuit=lawsuit, appeal=appeal)


@register_ledger
class ReconsiderationLedger(_CaseLedger):
    """行政复议案件台账, in the cases app's own layout, out and in."""

    key = "cases.reconsiderations"
    title = "行政复议案件台账"
    model = Reconsideration
    date_field = "received_on"
    columns = [
        Column("案号", "case_number", aliases=("案件编号", "复议案号", "案件号")),
        Column("申请人", "applicant", aliases=("申请人姓名", "申请人（姓名或名称）")),
        Column("复议机关", "organ", aliases=("复议机构",)),
        Column("被申请复议的行政行为", "contested_act", aliases=("被申请复议行为", "行政行为")),
        Column("受理日期", "accepted_on", kind="date", aliases=("复议机关受理日期", "受理时间")),
        Column(
            "收到申请书副本",
            "received_on",
            kind="date",
            aliases=("收到申请书副本日期", "收到复议申请书日期", "收到申请书时间"),
        ),
        Column(
            "提交答复", "answer_submitted_on", kind="date", required=False, aliases=("答复日期",)
        ),
        Column("延长天数", "extension_days", kind="int", required=False),
        Column("延长理由", "extension_reason", required=False),
        Column("决定日期", "decision_date", kind="date", required=False, aliases=("复议决定日期",)),
        Column(
            "复议结果",
            "outcome",
            kind="choice",
            choices=tuple(ReconsiderationOutcome.choices),
            required=False,
            aliases=("复议决定",),
        ),
        *_CaseLedger.people,
    ]

    def workbook(self, records, *, title):
        return reconsideration_ledger(records).content

    def create(self, values, *, user):
        reconsideration_create(user=user, **values)
