"""行政诉讼案件台账 and 行政复议案件台账 brought back in through the reports'
ledger framework and the cases services: due dates from the deadline engine,
errors per row and column with nothing written, no duplicates, scope."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from fazhi.cases import services
from fazhi.cases.models import Lawsuit, Reconsideration
from fazhi.cases.tests.builders import make_lawsuit, make_reconsideration
from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.metrics import Period

LAWSUIT_FIELDS = [
    "case_number", "region__code", "stage", "court", "plaintiffs", "cause", "contested_act",
    "complaint_received_on", "answer_due", "answer_due_provisional", "answer_submitted_on",
    "decision_kind", "decision_date", "decision_served_on", "outcome", "appeal_due",
    "appeal", "handler", "leader",
]  # fmt: skip
RECONSIDERATION_FIELDS = [
    "case_number", "region__code", "applicant", "organ", "contested_act", "accepted_on",
    "received_on", "answer_due", "answer_submitted_on", "decision_due", "extension_days",
    "extension_reason", "decision_date", "outcome", "handler", "leader",
]  # fmt: skip
LAWSUIT_HEADERS = [
    "案号",
    "审理法院",
    "原告",
    "案由",
    "被诉行政行为",
    "收到起诉状副本日期",
    "承办人",
]


def sheet(*rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    data = BytesIO()
    book.save(data)
    return SimpleUploadedFile("台账.xlsx", data.getvalue())


def run(cast, key, upload, *, user=None, region=None):
    upload.seek(0)
    return import_workbook(
        ledger=get_ledger(key),
        file=upload,
        user=user or cast.officer,
        region=region or cast.town,
        dry_run=False,
    )


def round_trip(cast, key, model, fields, year):
    ledger = get_ledger(key)
    records = ledger.records(user=cast.officer, region=cast.town, period=Period.year(year))
    exported = export_workbook(ledger, records, title=ledger.title)
    before = list(model.objects.order_by("case_number").values_list(*fields))
    model.objects.all().delete()
    result = run(cast, key, SimpleUploadedFile("台账.xlsx", exported))
    assert result.ok, result.errors
    assert list(model.objects.order_by("case_number").values_list(*fields)) == before
    return result


def test_the_lawsuit_ledger_round_trip_gives_the_same_cases_with_computed_due_dates(cast):
    decided = make_lawsuit(cast, answer_submitted_on=date(2020, 9, 28))
    services.lawsuit_decide(
        lawsuit=decided,
        decision_kind="judgment",
        decision_date=date(2020, 11, 10),
        served_on=date(2020, 11, 12),
        outcome="dismissed_claim",
    )
    services.lawsuit_decide_appeal(lawsuit=decided, appeal="no_appeal")
    make_lawsuit(cast, case_number="（2020）渝0240行初9号", leader=None)

    result = round_trip(cast, "cases.lawsuits", Lawsuit, LAWSUIT_FIELDS, 2020)

    assert result.count("created") == 2
    again = Lawsuit.objects.get(case_number="（2020）渝0240行初1号")
    assert again.appeal_due and again.answer_due > again.complaint_received_on


def test_the_reconsideration_ledger_round_trip_gives_the_same_cases(cast):
    case = make_reconsideration(cast, extension_days=20, extension_reason="案情复杂")
    services.reconsideration_decide(case=case, decision_date=date(2025, 3, 1), outcome="upheld")
    make_reconsideration(cast, case_number="石柱府复〔2025〕2号", leader=None)

    result = round_trip(
        cast, "cases.reconsiderations", Reconsideration, RECONSIDERATION_FIELDS, 2025
    )

    assert result.count("created") == 2


def test_a_case_ledger_imported_twice_creates_no_duplicates(cast):
    row = [
        "（2021）渝0240行初3号",
        "石柱县法院",
        "原告丙",
        "行政处罚",
        "罚款决定",
        "2021-04-06",
        "hs_officer",
    ]
    upload = sheet(LAWSUIT_HEADERS, row)
    assert run(cast, "cases.lawsuits", upload).count("created") == 1
    again = run(cast, "cases.lawsuits", upload)
    assert again.ok and again.count("unchanged") == 1
    case = Lawsuit.objects.get()
    assert case.region == cast.town and case.handler == cast.officer and case.answer_due


@pytest.mark.parametrize(
    ("cell", "value", "column"),
    [(5, "2021-02-30", "收到起诉状副本"), (6, "无此人", "承办人")],
)
def test_a_bad_case_row_names_its_row_and_column_and_writes_nothing(cast, cell, value, column):
    good = [
        "（2021）渝0240行初3号",
        "石柱县法院",
        "原告丙",
        "行政处罚",
        "罚款决定",
        "2021-04-06",
        "hs_officer",
    ]
    bad = list(good)
    bad[0], bad[cell] = "（2021）渝0240行初4号", value
    result = run(cast, "cases.lawsuits", sheet(LAWSUIT_HEADERS, good, bad))
    assert any(error.startswith(f"第3行 「{column}」列") for error in result.errors), result.errors
    assert not Lawsuit.objects.exists()


def test_a_value_outside_the_choices_is_refused(cast):
    headers = [*LAWSUIT_HEADERS, "审级"]
    row = [
        "（2021）渝0240行初3号",
        "石柱县法院",
        "原告丙",
        "行政处罚",
        "罚款决定",
        "2021-04-06",
        "hs_officer",
        "三审",
    ]
    result = run(cast, "cases.lawsuits", sheet(headers, row))
    assert result.errors[0].startswith("第2行 「审级」列：「三审」不是可选值")
    assert not Lawsuit.objects.exists()


def test_a_reconsideration_in_a_region_outside_the_scope_is_refused(cast):
    headers = [
        "案号",
        "申请人",
        "复议机关",
        "被申请复议的行政行为",
        "受理日期",
        "收到申请书副本",
        "承办人",
        "所属区划",
    ]
    row = [
        "复1号",
        "申请人丁",
        "县政府",
        "答复",
        "2025-01-20",
        "2025-01-22",
        "hs_officer",
        "黄水社区",
    ]
    result = run(
        cast, "cases.reconsiderations", sheet(headers, row), user=cast.cadre, region=cast.qilong
    )
    assert not result.ok
    assert "「黄水社区」不是七龙社区辖区内的村（社区）" in result.errors[0]
    assert not Reconsideration.objects.exists()


def test_the_import_command_brings_cases_in_under_the_handlers_scope(cast, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    path = tmp_path / "诉讼台账.xlsx"
    row = [
        "（2021）渝0240行初5号",
        "石柱县法院",
        "原告戊",
        "行政许可",
        "不予许可",
        "2021-04-06",
        "hs_officer",
    ]
    path.write_bytes(sheet(LAWSUIT_HEADERS, row).read())
    out = StringIO()
    call_command("import", "cases.lawsuits", str(path), "--region", cast.town.code, stdout=out)
    assert "已新增 1 条" in out.getvalue()
    assert Lawsuit.objects.get().handler == cast.officer
