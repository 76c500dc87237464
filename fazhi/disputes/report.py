"""Disputes' part of the yearly report and the dispute ledger (see fazhi/reports/contrib.py)."""

import re

from django.core.exceptions import ValidationError
from django.db.models import Prefetch

from fazhi.disputes.imports import dispute_import_plan
from fazhi.disputes.ledger import ledger_workbook
from fazhi.disputes.models import (
    Dispute,
    DisputeType,
    Handover,
    Outcome,
    PartyRole,
    Risk,
    Source,
    Status,
)
from fazhi.disputes.services import dispute_import
from fazhi.ledgers.base import Column, Ledger, register_ledger
from fazhi.personal import validate_id_number
from fazhi.regions.codes import town_prefix
from fazhi.regions.models import Organisation
from fazhi.reports.contrib import candidate, paragraph

CASES = "disputes.cases"
MEDIATED = "disputes.mediated"
SUCCESS = "disputes.success_rate"
HANDOVERS = "disputes.handovers"
OVERDUE = "disputes.overdue"
SCREENING = "disputes.screening_compliance"


def _names(names, limit=4) -> str:
    names = list(names)
    return "、".join(names[:limit]) + ("等" if len(names) > limit else "")


@paragraph("disputes", metrics=[CASES, MEDIATED, SUCCESS, HANDOVERS], order=10)
def disputes_resolved(f, ctx):
    if not f.has_data(CASES, MEDIATED):
        return None
    clauses = []
    if f.has_data(CASES):
        clauses.append(f"全年登记矛盾纠纷{f.exact(CASES)}")
    if f.has_data(MEDIATED):
        text = f"经调解结案{f.exact(MEDIATED)}"
        if f.value(SUCCESS) is not None:
            text += f"，其中达成协议的占{f.exact(SUCCESS)}"
        clauses.append(text)
    if f.has_data(HANDOVERS):
        clauses.append(f"调解不成的{f.exact(HANDOVERS)}移交行政调解、诉前调解等渠道继续化解")
    return "，".join(clauses) + "，人民调解、行政调解与司法调解相互衔接。"


@paragraph("disputes", metrics=[SCREENING], order=20)
def monthly_screening(f, ctx):
    if f.value(SCREENING) is None or not f.parts(SCREENING).get("filed"):
        return None
    return f"各村（社区）坚持按月开展矛盾纠纷排查，排查报送率{f.exact(SCREENING)}。"


def _late_villages(f) -> list[str]:
    parts = f.parts(SCREENING)
    by_village = parts.get("by_village") or {}
    if not by_village or not parts.get("expected"):
        return []
    each = parts["expected"] / len(by_village)
    return [name for name, filed in by_village.items() if filed < each]


@candidate("problem", metrics=[SCREENING], order=30)
def screening_gaps(f, ctx):
    late = _late_villages(f)
    if not late:
        return None
    return f"矛盾纠纷排查报送不够及时，{_names(late)}存在月度排查未报送的情况"


@candidate("next_step", metrics=[SCREENING], order=30)
def screening_next(f, ctx):
    if not _late_villages(f):
        return None
    return "压实村（社区）矛盾纠纷月度排查责任，做到应报尽报、零报告不漏报"


@candidate("problem", metrics=[OVERDUE], order=31)
def overdue_disputes(f, ctx):
    if not f.has_data(OVERDUE):
        return None
    return f"部分矛盾纠纷调处不够及时，有{f.exact(OVERDUE)}纠纷超过调解期限尚未办结"


@candidate("next_step", metrics=[OVERDUE], order=31)
def overdue_next(f, ctx):
    if not f.has_data(OVERDUE):
        return None
    return "对超期未结的矛盾纠纷逐件跟踪督办，依法及时引导至诉讼、仲裁等渠道化解"


PARTY = re.compile(r"^(?P<name>[^（(]+?)\s*(?:[（(](?P<role>[^）)]+)[）)])?$")
SPLIT = re.compile(r"[、,，;；\n]+")
_PARTY_ROLES = {label: value for value, label in PartyRole.choices}  # 申请人 → applicant …


def _split(text: str) -> list[str]:
    return [part.strip() for part in SPLIT.split(text or "") if part.strip()]


def parse_parties(text: str, id_numbers: str = "") -> list[dict]:
    """「张某（申请人）、李某（被申请人）」 → Party fields; names only unless IDs are given.

    Without a stated role the first is the applicant and the others respondents.
    ID numbers, when the sheet has that column, are listed in the same order.
    """
    roles = _PARTY_ROLES
    parties = []
    for index, part in enumerate(_split(text)):
        match = PARTY.match(part)
        if not match:
            raise ValidationError({"parties": f"「{part}」应写成 姓名（申请人/被申请人/第三人）"})
        label = match["role"]
        if label and label not in roles:
            raise ValidationError(
                {"parties": f"「{label}」不是当事人类别（可选：{'、'.join(roles)}）"}
            )
        default = PartyRole.APPLICANT if index == 0 else PartyRole.RESPONDENT
        parties.append({"name": match["name"].strip(), "role": roles.get(label, default)})
    numbers = _split(id_numbers)
    if numbers and len(numbers) != len(parties):
        raise ValidationError(
            {"id_numbers": f"填了{len(numbers)}个身份证号，但当事人有{len(parties)}人，应一一对应"}
        )
    for party, number in zip(parties, numbers, strict=False):
        try:
            validate_id_number(number.upper())
        except ValidationError as error:
            raise ValidationError({"id_numbers": f"「{number}」{error.messages[0]}"}) from None
        party["id_number"] = number.upper()
    return parties


@register_ledger
class DisputeLedger(Ledger):
    """矛盾纠纷排查调处台账, in the disputes app's own layout, out and in.

    Import keeps the intake fields and the state the ledger records (organisation,
    dates, status, outcome) and the parties by name; 调解员, 移交去向 and 协议履行
    are for reading only (mediators are platform users, handovers and agreements
    are records of their own). Rows match on 编号, else on village, date and summary.
    """

    key = "disputes.cases"
    title = "矛盾纠纷排查调处台账"
    capability = "disputes"
    model = Dispute
    natural_key = ("number", "region", "registered_on", "summary")
    columns = [
        Column("编号", "number", required=False, aliases=("案件编号", "纠纷编号")),
        Column(
            "登记日期",
            "registered_on",
            kind="date",
            aliases=("日期", "排查日期", "受理时间", "登记时间", "排查时间"),
        ),
        Column("村(社区)", "region", kind="village", aliases=("村社区", "所在村", "村（居）")),
        Column(
            "来源",
            "source",
            kind="choice",
            choices=tuple(Source.choices),
            aliases=("纠纷来源", "来源渠道", "线索来源"),
        ),
        Column("纠纷类型", "dispute_type", aliases=("类型", "纠纷类别", "纠纷种类")),
        Column(
            "简要情况",
            "summary",
            aliases=("纠纷简要情况", "基本情况", "纠纷事由", "主要情况", "简要案情", "纠纷内容"),
        ),
        Column(
            "涉及人数",
            "people_involved",
            kind="int",
            required=False,
            aliases=("人数", "当事人数", "涉及人员"),
        ),
        Column(
            "涉及金额（元）", "amount", kind="decimal", required=False, aliases=("涉及金额", "金额")
        ),
        Column("风险等级", "risk", kind="choice", choices=tuple(Risk.choices), required=False),
        Column(
            "调解组织",
            "organisation",
            required=False,
            aliases=("调处单位", "调解单位", "调解组织名称", "调解委员会"),
        ),
        Column("受理日期", "accepted_on", kind="date", required=False),
        Column("状态", "status", kind="choice", choices=tuple(Status.choices), required=False),
        Column(
            "调解结果",
            "outcome",
            kind="choice",
            choices=tuple(Outcome.choices),
            required=False,
            aliases=("调处结果", "结果"),
        ),
        Column(
            "办结日期",
            "concluded_on",
            kind="date",
            required=False,
            aliases=("结案日期", "办结时间", "调结时间", "结案时间"),
        ),
        Column("当事人", "parties", required=False, aliases=("当事人姓名", "双方当事人")),
        Column(
            "身份证号",
            "id_numbers",
            required=False,
            aliases=("身份证号码", "当事人身份证号"),
            id_numbers=True,
        ),
    ]

    def queryset(self, region, period):
        return (
            Dispute.objects.in_region(region)
            .registered_in(period)
            .with_related()
            .select_related("agreement")
            .prefetch_related(
                Prefetch("handovers", queryset=Handover.objects.order_by("handed_on")),
                "parties",
            )
        )

    def workbook(self, records, *, title):
        return ledger_workbook(records, title=title)

    def _existing(self, values, region):
        disputes = Dispute.objects.in_region(region)
        if values.get("number"):
            found = Dispute.objects.filter(number=values["number"]).first()
            if found is not None and not region.contains(found.region):
                raise ValidationError(
                    {"number": f"编号「{values['number']}」已被其他辖区的纠纷使用"}
                )
            if found is not None:
                return found
        return disputes.filter(
            region=values["region"],
            registered_on=values["registered_on"],
            summary=values["summary"],
        ).first()

    def plan(self, rows, *, user, region):
        return dispute_import_plan(ledger=self, rows=rows, user=user, region=region)

    def save(self, values, *, user, region):
        values = dict(values)
        for column in self.columns:  # a column the sheet lacks comes in as None
            if column.kind in ("text", "choice") and values.get(column.field) is None:
                values[column.field] = ""
        parties = parse_parties(values.pop("parties"), values.pop("id_numbers"))
        kind = DisputeType.objects.filter(name=values["dispute_type"]).first()
        if kind is None:
            names = "、".join(
                DisputeType.objects.filter(active=True).values_list("name", flat=True)
            )
            raise ValidationError(
                {"dispute_type": f"「{values['dispute_type']}」不是纠纷类型（可选：{names}）"}
            )
        values["dispute_type"] = kind
        if values["organisation"]:
            name = values["organisation"]
            values["organisation"] = Organisation.objects.filter(
                region__code__startswith=town_prefix(region.prefix), name=name
            ).first()
            if values["organisation"] is None:
                raise ValidationError({"organisation": f"「{name}」不是本镇登记的调解组织"})
        else:
            values["organisation"] = None
        values["risk"] = values["risk"] or Risk.LOW
        values["people_involved"] = values["people_involved"] or max(len(parties), 1)
        values["status"] = values["status"] or (
            Status.CONCLUDED if values["outcome"] else Status.REGISTERED
        )
        if self._existing(values, region) is not None:
            return "unchanged"
        dispute_import(user=user, parties=parties, **values)
        return "created"
