"""The fast import (fazhi/ledgers/bulk.py) on the two biggest ledgers: a dry run
writes nothing at all, the queries do not grow with the rows, bad and hostile
rows are refused by row and column, and one bad row keeps the whole file out."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.audit.models import Action, AuditEntry
from fazhi.core.models import Counter
from fazhi.disputes.models import Dispute, Party
from fazhi.disputes.tests.builders import GOOD_ID
from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import import_workbook
from fazhi.ledgers.writer import Layout, workbook_bytes
from fazhi.notices.models import Notice
from fazhi.publicity.models import Activity

DISPUTES, ACTIVITIES = "disputes.cases", "publicity.activities"
FIRST = date(2020, 1, 1)


def dispute_row(n, village="七龙社区", **changes):
    row = {
        "登记日期": FIRST + timedelta(days=n % 300),
        "村(社区)": village,
        "来源": "来访",
        "纠纷类型": "邻里",
        "简要情况": f"第{n}号：两户因排水沟发生争执",
        "涉及人数": 2,
        "风险等级": "一般",
        "当事人": f"张某{n}（申请人）、李某{n}（被申请人）",
        "身份证号": f"{GOOD_ID}、{GOOD_ID}",
    }
    row.update(changes)
    return row


def activity_row(n, village="七龙社区", **changes):
    row = {
        "日期": FIRST + timedelta(days=n % 300),
        "活动名称": f"第{n}期宪法宣讲",
        "地点": f"{village}村委会",
        "覆盖村（社区）": f"{village}、黄连社区",
        "形式": "专题讲座",
        "受教人次": 60,
        "发放资料（份）": 100,
        "所属区划": village,
    }
    row.update(changes)
    return row


def workbook(key, rows) -> BytesIO:
    """The sheet as our own writer writes it, headers in the ledger's order."""
    headers = [column.header for column in get_ledger(key).columns]
    layout = Layout(sheet="台账", headers=headers)
    return BytesIO(workbook_bytes(layout, ([row.get(h) for h in headers] for row in rows)))


def run(cast, key, rows, *, dry_run=False):
    return import_workbook(
        ledger=get_ledger(key),
        file=workbook(key, rows),
        user=cast.officer,
        region=cast.town,
        dry_run=dry_run,
    )


def written():
    """Everything an import can leave behind."""
    return (
        Dispute.objects.count(),
        Dispute.history.count(),
        Party.objects.count(),
        Party.history.count(),
        Activity.objects.count(),
        Activity.history.count(),
        Activity.villages.through.objects.count(),
        AuditEntry.objects.count(),
        Notice.objects.filter(kind="disputes.alert").count(),
        list(Counter.objects.values_list("key", "year", "last_value")),
    )


def test_a_dry_run_writes_no_record_history_audit_entry_or_number(cast):
    before = written()
    rows = [dispute_row(n, 涉及人数=60) for n in range(12)]  # 60 people: the leader is alerted
    result = run(cast, DISPUTES, rows, dry_run=True)
    assert result.ok and result.count("created") == 12
    assert "预览：将新增 12 条" in result.summary()
    result = run(cast, ACTIVITIES, [activity_row(n) for n in range(12)], dry_run=True)
    assert result.ok and result.count("created") == 12
    assert written() == before


def test_an_import_writes_the_records_with_their_history_and_audit_entries(cast):
    rows = [dispute_row(n, 涉及人数=60 if n == 0 else 2) for n in range(5)]
    result = run(cast, DISPUTES, rows)
    assert result.ok and result.written_rows == 5
    disputes = list(Dispute.objects.filter(summary__contains="两户因排水沟").order_by("number"))
    assert [d.number for d in disputes] == [f"JF2020-{n:04d}" for n in range(1, 6)]
    assert Counter.objects.get(key="disputes.dispute", year=2020).last_value == 5
    first = disputes[0]
    assert first.history.get().history_type == "+"
    assert Party.objects.filter(dispute__in=disputes).count() == 10
    assert Party.objects.filter(name="张某0").get().id_number == GOOD_ID
    entries = AuditEntry.objects.filter(action=Action.CREATE, object_type="矛盾纠纷")
    assert set(entries.values_list("object_id", flat=True)) == {str(d.pk) for d in disputes}
    assert AuditEntry.objects.filter(action=Action.CREATE, object_type="当事人").count() == 10
    assert Notice.objects.filter(
        kind="disputes.alert", url=first.get_absolute_url()
    ).exists()  # 60 people: the leader is told
    count = Dispute.objects.count()
    again = run(cast, DISPUTES, rows)
    assert again.ok and again.count("unchanged") == 5 and Dispute.objects.count() == count


def test_an_activity_changed_in_the_sheet_is_updated_with_its_history(cast):
    run(cast, ACTIVITIES, [activity_row(n) for n in range(3)])
    changed = [activity_row(0, 受教人次=99), activity_row(1, **{"覆盖村（社区）": "七龙社区"})]
    result = run(cast, ACTIVITIES, [*changed, activity_row(2)])
    assert [row.action for row in result.rows] == ["updated", "updated", "unchanged"]
    first = Activity.objects.get(title="第0期宪法宣讲")
    assert first.person_times == 99 and first.version == 2
    entry = AuditEntry.objects.filter(action=Action.UPDATE, object_id=str(first.pk)).get()
    assert entry.detail == "修改字段：受教人次"
    second = Activity.objects.get(title="第1期宪法宣讲")
    assert [v.name for v in second.villages.all()] == ["七龙社区"]
    assert second.history.filter(history_type="~").count() == 1


@pytest.mark.parametrize(
    ("key", "make"),
    [(DISPUTES, dispute_row), (ACTIVITIES, activity_row)],
    ids=["disputes", "activities"],
)
def test_the_queries_of_an_import_do_not_grow_with_its_rows(cast, key, make):
    run(cast, key, [make(5000)])  # the year's number counter exists from now on
    counts = []
    # 40 rows at most: Django cuts an SQLite INSERT at 999 bind parameters, i.e.
    # into statements of 999 // (the model's columns) rows (47 disputes).
    for offset, size in ((0, 10), (1000, 40)):
        rows = [make(offset + n) for n in range(size)]
        for dry_run in (True, False):
            with CaptureQueriesContext(connection) as queries:
                result = run(cast, key, rows, dry_run=dry_run)
            assert result.ok and result.count("created") == size
            counts.append(len(queries))
    assert counts[0:2] == counts[2:4], counts  # (dry run, import) for 10 rows, then for 40


def test_hostile_and_bad_cells_are_refused_by_row_and_column_and_nothing_is_written(cast):
    before = written()
    rows = [dispute_row(n) for n in range(6)]
    rows[1]["村(社区)"] = "万胜村"  # not a village of 黄水镇
    rows[2]["身份证号"] = f"{GOOD_ID[:17]}X、{GOOD_ID}"  # a wrong check digit
    rows[3]["涉及人数"] = 10**9  # beyond any village
    rows[4]["纠纷类型"] = '=HYPERLINK("http://x")'
    rows[5]["登记日期"] = "2020-02-30"
    result = run(cast, DISPUTES, rows)
    assert not result.ok and result.written_rows == 0
    text = "\n".join(result.errors)
    assert "第3行 「村(社区)」列：「万胜村」不是黄水镇辖区内的村（社区）" in text
    assert "第4行 「身份证号」列：" in text
    assert "第5行 「涉及人数」列：" in text
    assert "第6行 「纠纷类型」列：「=HYPERLINK" in text
    assert "第7行 「登记日期」列：日期「2020-02-30」无法识别" in text
    future = date.today() + timedelta(days=30)
    activities = [activity_row(0, 日期=future), activity_row(1, 受教人次=-5)]
    result = run(cast, ACTIVITIES, activities)
    assert not result.ok
    assert any(e.startswith("第2行 「日期」列：尚未到来") for e in result.errors), result.errors
    assert any(e.startswith("第3行 「受教人次」列：") for e in result.errors), result.errors
    assert written() == before


def test_one_bad_row_in_six_hundred_keeps_the_whole_file_out(cast):
    before = written()
    rows = [dispute_row(n) for n in range(600)]
    rows[499]["纠纷类型"] = "不存在的类型"
    result = run(cast, DISPUTES, rows)
    assert not result.ok and result.written_rows == 0
    assert [e[:6] for e in result.errors] == ["第501行 "]
    activities = [activity_row(n) for n in range(600)]
    activities[499]["日期"] = date.today() + timedelta(days=30)  # held in the future
    result = run(cast, ACTIVITIES, activities)
    assert not result.ok and len(result.errors) == 1 and result.errors[0].startswith("第501行")
    assert written() == before


def test_an_imported_id_number_is_encrypted_once_for_the_record_and_its_history(cast):
    run(cast, DISPUTES, [dispute_row(1, 当事人="张某（申请人）", 身份证号=GOOD_ID)])
    party = Party.objects.get(name="张某")
    assert party.id_number == GOOD_ID  # decrypted as it is read
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM disputes_party WHERE id = %s", [party.pk])
        (stored,) = cursor.fetchone()
        cursor.execute("SELECT id_number FROM disputes_historicalparty WHERE id = %s", [party.pk])
        (in_history,) = cursor.fetchone()
    assert stored.startswith("enc1:") and GOOD_ID not in stored
    assert in_history == stored
    assert party.history.get().id_number == GOOD_ID


def test_the_limit_to_conclude_of_an_imported_case_is_the_engines(cast):
    from fazhi.deadlines import compute_deadline

    accepted = date(2020, 9, 3)
    run(cast, DISPUTES, [dispute_row(2, 受理日期=accepted, 状态="调解中")])
    dispute = Dispute.objects.get(summary__startswith="第2号")
    assert dispute.accepted_on == accepted
    assert dispute.conclude_due == compute_deadline("mediation.conclude", accepted).due
