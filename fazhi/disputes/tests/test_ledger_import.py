"""The 矛盾纠纷排查调处台账 brought back in through the reports' ledger framework:
round trip, errors per row and column with nothing written, no duplicates,
the village must be in the importing user's scope, parties by name only."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from fazhi.disputes import services
from fazhi.disputes.models import Dispute, Party
from fazhi.disputes.tests.builders import (
    BAD_ID,
    GOOD_ID,
    make_assignment,
    make_dispute,
    make_dispute_type,
    make_party,
)
from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.metrics import Period

LEDGER = "disputes.cases"
HEADERS = ["登记日期", "村（社区）", "来源", "纠纷类型", "简要情况", "当事人"]
FIELDS = [
    "number",
    "region__code",
    "registered_on",
    "source",
    "dispute_type__name",
    "summary",
    "people_involved",
    "amount",
    "risk",
    "organisation__name",
    "accepted_on",
    "status",
    "outcome",
    "concluded_on",
]


def sheet(*rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    data = BytesIO()
    book.save(data)
    return SimpleUploadedFile("台账.xlsx", data.getvalue())


def run(cast, upload, *, user=None, region=None, dry_run=False):
    upload.seek(0)
    return import_workbook(
        ledger=get_ledger(LEDGER),
        file=upload,
        user=user or cast.officer,
        region=region or cast.town,
        dry_run=dry_run,
    )


def snapshot():
    disputes = Dispute.objects.order_by("number")
    parties = sorted(Party.objects.values_list("dispute__number", "name", "role"))
    return list(disputes.values_list(*FIELDS)), parties


@pytest.fixture
def recorded(cast):
    first = make_dispute(cast, summary="两户因宅基地界址争执", amount=3000, people_involved=3)
    make_party(first, name="冉某")
    make_party(first, name="谭某", role="respondent", id_number="")
    make_assignment(cast, first)
    services.dispute_conclude(
        dispute=first, outcome="failed", concluded_on=date(2020, 6, 20), note="双方各执己见"
    )
    second = make_dispute(
        cast, cast.huangshui, summary="租客拖欠房租", dispute_type=make_dispute_type("合同/债务")
    )
    make_party(second, name="马某", id_number="")
    return first, second


def test_the_round_trip_export_delete_import_gives_the_same_disputes(cast, recorded):
    ledger = get_ledger(LEDGER)
    records = ledger.records(user=cast.officer, region=cast.town, period=Period.year(2020))
    exported = export_workbook(ledger, records, title="黄水镇矛盾纠纷排查调处台账")
    cells = [
        str(c)
        for row in load_workbook(BytesIO(exported)).active.iter_rows(values_only=True)
        for c in row
    ]
    assert not any(GOOD_ID in cell for cell in cells), "the ledger carries no ID number"
    before = snapshot()

    Dispute.objects.all().delete()
    result = run(cast, SimpleUploadedFile("台账.xlsx", exported))

    assert result.ok, result.errors
    assert result.count("created") == 2
    assert snapshot() == before
    assert not Party.objects.exclude(id_number="").exists(), "parties come back by name only"


def test_importing_the_same_ledger_twice_creates_no_duplicates(cast):
    upload = sheet(
        HEADERS, ["2020-05-03", "七龙社区", "来访", "邻里", "邻居堆放柴火堵路", "甲某、乙某"]
    )
    assert run(cast, upload).count("created") == 1
    again = run(cast, upload)
    assert again.ok and again.count("created") == 0 and again.count("unchanged") == 1
    dispute = Dispute.objects.get(summary="邻居堆放柴火堵路")
    assert [(p.name, p.role) for p in dispute.parties.all()] == [
        ("甲某", "applicant"),
        ("乙某", "respondent"),
    ]
    assert dispute.number.startswith("JF2020-") and dispute.registered_by == cast.officer


@pytest.mark.parametrize(
    ("cell", "value", "column"),
    [
        (1, "不存在村", "村(社区)"),
        (0, "2020-13-45", "登记日期"),
        (2, "上访", "来源"),
        (3, "不存在的类型", "纠纷类型"),
    ],
)
def test_a_bad_row_names_its_row_and_column_and_writes_nothing(cast, cell, value, column):
    good = ["2020-05-03", "七龙社区", "来访", "邻里", "邻居堆放柴火堵路", "甲某"]
    bad = list(good)
    bad[cell] = value
    bad[4] = "另一件纠纷"
    result = run(cast, sheet(["黄水镇矛盾纠纷排查调处台账"], HEADERS, good, bad))
    assert not result.ok
    assert any(error.startswith(f"第4行 「{column}」列") for error in result.errors), result.errors
    assert not Dispute.objects.exists()


def test_a_missing_column_is_named_and_nothing_is_written(cast):
    result = run(
        cast, sheet(HEADERS[:4] + HEADERS[5:], ["2020-05-03", "七龙社区", "来访", "邻里", "甲某"])
    )
    assert not result.ok and "缺少必需的列「简要情况」" in result.errors[0]
    assert not Dispute.objects.exists()


def test_an_id_column_must_hold_valid_numbers_and_is_kept_encrypted(cast):
    headers = [*HEADERS, "身份证号码"]
    row = ["2020-05-03", "七龙社区", "来访", "邻里", "借款未还", "甲某", BAD_ID]
    result = run(cast, sheet(headers, row))
    assert not result.ok and result.errors[0].startswith("第2行 「身份证号」列")
    assert not Dispute.objects.exists()

    row[-1] = GOOD_ID
    preview = run(cast, sheet(headers, row), dry_run=True)
    assert preview.ok and GOOD_ID not in str(preview.rows[0].cells), "the preview masks IDs"
    assert not Dispute.objects.exists()
    assert run(cast, sheet(headers, row)).ok
    assert Party.objects.get(name="甲某").id_number == GOOD_ID


def test_a_village_outside_the_users_scope_is_refused(cast):
    upload = sheet(HEADERS, ["2020-05-03", "黄水社区", "来访", "邻里", "邻里纠纷", "甲某"])
    result = run(cast, upload, user=cast.cadre, region=cast.qilong)
    assert not result.ok and "「黄水社区」不是七龙社区辖区内的村（社区）" in result.errors[0]
    with pytest.raises(PermissionDenied):
        run(cast, upload, user=cast.cadre, region=cast.town)
    assert not Dispute.objects.exists()


def test_the_import_command_brings_disputes_in_without_a_user(cast, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    path = tmp_path / "纠纷台账.xlsx"
    upload = sheet(HEADERS, ["2020-05-03", "金花村", "网格员上报", "邻里", "放牛踩坏庄稼", "甲某"])
    path.write_bytes(upload.read())
    out = StringIO()
    call_command("import", "disputes.cases", str(path), "--region", cast.town.code, stdout=out)
    assert "已新增 1 条" in out.getvalue()
    dispute = Dispute.objects.get()
    assert dispute.region == cast.region["金花村"] and dispute.registered_by is None
