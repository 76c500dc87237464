"""台账: the filtered lists as Excel workbooks (openpyxl)."""

from django.http import HttpResponse
from django.utils import timezone

from fazhi.ledgers.writer import list_response


def _workbook_response(title: str, header: list[str], rows, filename: str) -> HttpResponse:
    stamp = timezone.localdate().strftime("%Y%m%d")
    return list_response(f"{filename}-{stamp}", title, header, rows)


def _date(value):
    return value.strftime("%Y-%m-%d") if value else ""


def _due(value, provisional):
    return f"{_date(value)}（暂定）" if value and provisional else _date(value)


def lawsuit_ledger(lawsuits) -> HttpResponse:
    header = [
        "案号", "审级", "审理法院", "原告", "案由", "被诉行政行为", "收到起诉状副本", "答辩期满",
        "提交答辩", "开庭次数", "负责人出庭次数", "裁判类型", "裁判日期", "裁判结果", "送达日期",
        "上诉期满", "是否上诉", "承办人", "分管领导", "所属区划",
    ]  # fmt: skip
    rows = (
        [
            lawsuit.case_number,
            lawsuit.get_stage_display(),
            lawsuit.court,
            lawsuit.plaintiffs,
            lawsuit.cause,
            lawsuit.contested_act,
            _date(lawsuit.complaint_received_on),
            _due(lawsuit.answer_due, lawsuit.answer_due_provisional),
            _date(lawsuit.answer_submitted_on),
            len(lawsuit.hearings.all()),
            sum(hearing.head_appeared for hearing in lawsuit.hearings.all()),
            lawsuit.get_decision_kind_display(),
            _date(lawsuit.decision_date),
            lawsuit.get_outcome_display(),
            _date(lawsuit.decision_served_on),
            _due(lawsuit.appeal_due, lawsuit.appeal_due_provisional),
            lawsuit.get_appeal_display() if lawsuit.decision_date else "",
            str(lawsuit.handler),
            str(lawsuit.leader or ""),
            lawsuit.region.name,
        ]
        for lawsuit in lawsuits
    )
    return _workbook_response("行政诉讼案件台账", header, rows, "lawsuits")


def reconsideration_ledger(cases) -> HttpResponse:
    header = [
        "案号", "申请人", "复议机关", "被申请复议的行政行为", "受理日期", "收到申请书副本",
        "答复期满", "提交答复", "决定期满", "延长天数", "延长理由", "决定日期", "复议结果", "承办人",
        "分管领导", "所属区划",
    ]  # fmt: skip
    rows = (
        [
            case.case_number,
            case.applicant,
            case.organ,
            case.contested_act,
            _date(case.accepted_on),
            _date(case.received_on),
            _due(case.answer_due, case.answer_due_provisional),
            _date(case.answer_submitted_on),
            _due(case.decision_due, case.decision_due_provisional),
            case.extension_days or "",
            case.extension_reason,
            _date(case.decision_date),
            case.get_outcome_display(),
            str(case.handler),
            str(case.leader or ""),
            case.region.name,
        ]
        for case in cases
    )
    return _workbook_response("行政复议案件台账", header, rows, "reconsiderations")


def adjudication_ledger(cases) -> HttpResponse:
    header = ["案号", "类型", "当事人", "申请事项", "申请日期", "受理日期", "听证日期", "裁决日期", "裁决内容", "救济途径告知", "承办人"]  # fmt: skip
    rows = (
        [
            case.case_number,
            case.get_type_display(),
            case.parties,
            case.claim,
            _date(case.applied_on),
            _date(case.accepted_on),
            _date(case.hearing_on),
            _date(case.decided_on),
            case.decision,
            case.remedy_notice,
            str(case.handler),
        ]
        for case in cases
    )
    return _workbook_response("行政裁决案件台账", header, rows, "adjudications")
