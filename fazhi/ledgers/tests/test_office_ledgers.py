"""Every importable ledger reads the workbooks offices already keep: a merged
title line and a 填报单位/填报时间 line above the header, headers in the office's
own words, dates typed every way, a 合计 line and the 填表人 below the rows.
A count or a date that cannot be read exactly, or an unknown village, is
refused with its row and reason, and then nothing is written."""

from datetime import date, datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from fazhi.cases.models import Lawsuit, Reconsideration
from fazhi.disputes.models import Dispute
from fazhi.ledgers.base import CellError, Column, get_ledger, ledgers
from fazhi.ledgers.io import import_workbook
from fazhi.legal.models import Advisor, AdvisorKind, Service
from fazhi.publicity.models import Activity, LawUnderstander


def office_book(title, headers, rows, *, totals=None, merges=()) -> SimpleUploadedFile:
    """A ledger as a town keeps it: title merged across the table, the 填报 line,
    a blank line, the header, the rows, a 合计 line, the 填表人 line."""
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    filler = [None] * len(headers)
    filler[0], filler[-2] = "填报单位：黄水镇人民政府", "填报时间：2020年12月31日"
    sheet.append(filler)
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    sheet.append(totals or ["合计", *([None] * (len(headers) - 1))])
    sheet.append(["填表人：谭法治", None, "审核人：张三"])
    for cells in merges:
        sheet.merge_cells(cells)
    data = BytesIO()
    book.save(data)
    return SimpleUploadedFile("台账.xlsx", data.getvalue())


def run(cast, key, upload, *, dry_run=False, region=None):
    upload.seek(0)
    return import_workbook(
        ledger=get_ledger(key),
        file=upload,
        user=cast.officer,
        region=region or cast.town,
        dry_run=dry_run,
    )


ACTIVITY_HEADERS = [
    "序号",
    "开展时间",
    "活动内容",
    "地点",
    "宣传形式",
    "参与人数",
    "发放资料（份）",
]
ACTIVITY_ROWS = [
    [1, datetime(2020, 5, 1), "民法典进村", "七龙社区村委会", "专题讲座", 200, 50],
    [2, "2020.6.2", "赶集日普法", "黄水镇集镇", "赶集日集中宣传", "150人", None],
    [3, "2020/7/3", "广场普法", "黄水社区文化广场", "法治文艺", 80, 20],
    [4, "2020年8月4日", "入户宣传", "七龙社区", "入户走访", 30, 30],
    [5, "20200905", "线上答题", "微信群", "新媒体/线上", 500, 0],
    [6, "2020-10-06", "主题日", "黄水镇政府", "主题日活动", 120, 100],
]


def test_an_office_activity_ledger_is_read_with_its_own_headers_dates_and_places(cast):
    upload = office_book(
        "黄水镇2020年普法宣传活动台账",
        ACTIVITY_HEADERS,
        ACTIVITY_ROWS,
        totals=["合计", None, None, None, None, 1080, 200],
    )

    result = run(cast, "publicity.activities", upload)

    assert result.ok, result.errors
    assert result.header_row == 4 and len(result.rows) == 6
    found = {(m.sheet, m.column) for m in result.mapping}
    assert {
        ("开展时间", "日期"),
        ("活动内容", "活动名称"),
        ("宣传形式", "形式"),
        ("参与人数", "受教人次"),
    } <= found
    assert result.ignored_headers == ["序号"]
    assert any("没有「所属区划」列" in note for note in result.notes)
    assert "第11行「合计」起为合计、备注或签名，以下各行未读取。" in result.notes
    activities = {a.title: a for a in Activity.objects.all()}
    assert [activities[row[2]].date for row in ACTIVITY_ROWS] == [
        date(2020, 5, 1), date(2020, 6, 2), date(2020, 7, 3),
        date(2020, 8, 4), date(2020, 9, 5), date(2020, 10, 6),
    ]  # fmt: skip
    assert activities["民法典进村"].region == cast.qilong
    assert activities["广场普法"].region == cast.huangshui
    assert activities["入户宣传"].region == cast.qilong
    assert activities["赶集日普法"].region == cast.town
    assert activities["线上答题"].region == cast.town
    assert activities["赶集日普法"].person_times == 150
    assert activities["民法典进村"].form == "lecture"
    assert run(cast, "publicity.activities", upload).count("unchanged") == 6


def test_counts_that_are_not_exact_impossible_dates_and_unknown_villages_are_refused_whole(cast):
    rows = [
        [1, "2020-05-01", "好的一行", "七龙社区", "专题讲座", 200, 0, "七龙社区"],
        [2, "2020-05-02", "约数", "", "专题讲座", "200余", 0, "七龙社区"],
        [3, "2020-05-03", "前缀", "", "专题讲座", "约200", 0, "七龙社区"],
        [4, "2020-05-04", "汉字", "", "专题讲座", "二百", 0, "七龙社区"],
        [5, "2020-05-05", "负数", "", "专题讲座", -5, 0, "七龙社区"],
        [6, "2020-02-30", "没有这天", "", "专题讲座", 10, 0, "七龙社区"],
        [7, "2020年5月", "缺日", "", "专题讲座", 10, 0, "七龙社区"],
        [8, "2020-05-08", "外村", "", "专题讲座", 10, 0, "不存在村"],
    ]
    headers = [*ACTIVITY_HEADERS, "村（社区）"]

    result = run(cast, "publicity.activities", office_book("普法台账", headers, rows))

    assert not result.ok and Activity.objects.count() == 0
    errors = "\n".join(result.errors)
    assert "第6行 「受教人次」列：「200余」不是确切的数字" in errors
    assert "第7行 「受教人次」列：「约200」不是确切的数字" in errors
    assert "第8行 「受教人次」列：「二百」不是确切的数字" in errors
    assert "第9行 「受教人次」列：「-5」应为非负整数" in errors
    assert "第10行 「日期」列：日期「2020-02-30」无法识别：没有这一天" in errors
    assert "第11行 「日期」列：日期「2020年5月」无法识别" in errors
    assert "第12行 「所属区划」列：「不存在村」不是黄水镇辖区内的村（社区）" in errors
    assert not any(error.startswith("第5行") for error in result.errors)


def test_a_required_column_the_sheet_lacks_is_named(cast):
    headers = ["序号", "开展时间", "地点", "形式", "人数"]
    upload = office_book("普法台账", headers, [[1, "2020-5-1", "七龙社区", "专题讲座", 3]])

    result = run(cast, "publicity.activities", upload)

    assert result.errors == ["缺少必需的列「活动名称」（也可写作：活动主题、名称、活动内容、内容、主题、宣传主题、宣传内容）。"]  # fmt: skip


def test_an_office_law_understander_roll_is_read(cast):
    headers = ["序号", "村名", "法律明白人", "人员类别", "认定时间（年月日）"]
    rows = [
        [1, "七龙社区", "张明白", "村干部", 20200301],
        [2, "黄水社区居委会", "李明白", "网格员", "2020.3.2"],
    ]
    upload = office_book("黄水镇法律明白人名册", headers, rows)

    result = run(cast, "publicity.law_understanders", upload)

    assert result.ok, result.errors
    assert ("认定时间（年月日）", "确定日期", "关键词") in {
        (m.sheet, m.column, m.how) for m in result.mapping
    }
    people = {p.name: p for p in LawUnderstander.objects.all()}
    assert people["张明白"].region == cast.qilong and people["张明白"].since == date(2020, 3, 1)
    assert people["李明白"].region == cast.huangshui and people["李明白"].background == "grid"


def test_an_office_dispute_ledger_is_read(cast):
    headers = ["序号", "排查时间", "村（居）", "纠纷来源", "纠纷种类", "主要情况", "涉及人数"]
    rows = [
        [1, "2020.4.1", "七龙社区", "来访", "邻里", "邻居因排水沟发生争执", "2人"],
        [2, datetime(2020, 4, 2), "黄水社区", "排查发现", "婚姻家庭", "夫妻因赡养老人争吵", 3],
    ]
    upload = office_book("黄水镇2020年矛盾纠纷排查调处台账", headers, rows)

    result = run(cast, "disputes.cases", upload)

    assert result.ok, result.errors
    disputes = {d.summary: d for d in Dispute.objects.all()}
    first = disputes["邻居因排水沟发生争执"]
    assert first.region == cast.qilong and first.registered_on == date(2020, 4, 1)
    assert first.people_involved == 2 and first.source == "visit"
    assert disputes["夫妻因赡养老人争吵"].region == cast.huangshui


def test_an_office_dispute_ledger_with_a_bad_row_writes_nothing(cast):
    headers = ["序号", "排查时间", "村（居）", "纠纷来源", "纠纷种类", "主要情况", "涉及人数"]
    rows = [
        [1, "2020.4.1", "七龙社区", "来访", "邻里", "邻居因排水沟发生争执", 2],
        [2, "2020.4.2", "黄水社区", "来访", "邻里", "另一起", "约10"],
    ]

    result = run(cast, "disputes.cases", office_book("纠纷台账", headers, rows))

    assert (
        "第6行 「涉及人数」列：「约10」不是确切的数字，请只填阿拉伯数字（如 200）" in result.errors
    )
    assert not Dispute.objects.exists()


def test_an_office_lawsuit_ledger_is_read(cast):
    headers = ["序号", "案件号", "管辖法院", "原告名称", "案由", "被诉具体行政行为", "收到起诉状时间", "具体承办人"]  # fmt: skip
    rows = [
        [1, "（2020）渝0240行初5号", "石柱县法院", "原告甲", "行政处罚", "罚款决定", "2020.9.1", "谭法治"],
    ]  # fmt: skip

    result = run(cast, "cases.lawsuits", office_book("行政诉讼案件台账", headers, rows))

    assert result.ok, result.errors
    case = Lawsuit.objects.get()
    assert case.complaint_received_on == date(2020, 9, 1) and case.handler == cast.officer
    assert case.region == cast.town and case.answer_due


def test_an_office_reconsideration_ledger_is_read(cast):
    headers = ["案件号", "申请人", "复议机构", "被申请复议的行政行为", "受理时间", "收到申请书时间", "经办人"]  # fmt: skip
    rows = [
        ["石柱府复〔2020〕7号", "申请人乙", "石柱县人民政府", "不予登记", "2020年6月1日", "20200603", "hs_officer"],
    ]  # fmt: skip

    result = run(cast, "cases.reconsiderations", office_book("行政复议案件台账", headers, rows))

    assert result.ok, result.errors
    case = Reconsideration.objects.get()
    assert case.accepted_on == date(2020, 6, 1) and case.received_on == date(2020, 6, 3)


def test_an_office_legal_service_ledger_is_read(cast):
    advisor = Advisor(region=cast.town, kind=AdvisorKind.EXTERNAL, name="王律师")
    advisor.full_clean()
    advisor.save()
    headers = ["序号", "服务时间", "顾问", "服务方式", "服务项目", "工作内容", "服务时长"]
    rows = [
        [1, "2020/3/5", "王律师", "法律咨询", "土地承包咨询", "解答承包期限", "2小时"],
        [2, "2020.3.6", "王律师", "合同审查", "采购合同", "", 1.5],
    ]

    result = run(cast, "legal.services", office_book("法律顾问服务台账", headers, rows))

    assert result.ok, result.errors
    services = {s.subject: s for s in Service.objects.all()}
    assert services["土地承包咨询"].date == date(2020, 3, 5) and services["土地承包咨询"].hours == 2
    assert services["采购合同"].kind == "contract_review"


def test_every_importable_ledger_has_an_office_layout_test():
    tested = {
        "publicity.activities", "publicity.law_understanders", "disputes.cases",
        "cases.lawsuits", "cases.reconsiderations", "legal.services",
        "tasks.tasks",  # fazhi/tasks/tests/test_office_ledger.py
        "disclosure.catalogue",  # disclosure/tests/test_report.py: a title line, aliases
        "villagelaw.consultations", "villagelaw.referrals",  # villagelaw/tests/test_ledgers.py
    }  # fmt: skip
    importable = {ledger.key for ledger in ledgers() if ledger.importable}
    assert importable - {key for key in importable if key.startswith("test.")} <= tested


@pytest.mark.parametrize(
    "typed",
    ["2020.5.1", "2020/5/1", "2020-05-01", "2020年5月1日", "20200501", 20200501, 43952],
)
def test_a_date_is_read_however_it_is_typed(typed):
    assert Column("日期", "date", kind="date").parse(typed, villages=None) == date(2020, 5, 1)


@pytest.mark.parametrize("typed", ["200余", "约200", "二百", "200多", "-3", "1.5"])
def test_a_count_that_is_not_an_exact_whole_number_is_refused(typed):
    with pytest.raises(CellError):
        Column("人数", "person_times", kind="int").parse(typed, villages=None)


def test_the_preview_page_shows_which_sheet_header_went_to_which_column(cast, client):
    client.force_login(cast.officer)
    upload = office_book("黄水镇2020年普法宣传活动台账", ACTIVITY_HEADERS, ACTIVITY_ROWS[:2])

    response = client.post(
        "/reports/ledgers/publicity.activities/import/",
        {"region": cast.town.code, "file": upload, "action": "preview"},
    )

    page = response.content.decode()
    assert response.status_code == 200 and "列对应（表头在第 4 行）" in page
    assert "<td>开展时间</td><td>日期</td>" in page
    assert "<td>序号</td><td>（未识别，已忽略）</td>" in page
    assert "表中没有「所属区划」列" in page
    assert "受教人次（或 受教人数、参与人次、受教育人次、参与人数、受众人数、人数" in page
    assert not Activity.objects.exists()


def test_a_place_names_a_village_by_its_full_name_or_its_name_before_a_village_word(cast):
    from fazhi.ledgers.base import VillageLookup

    villages = VillageLookup(cast.town)
    assert villages.named_in("七龙社区村委会") == cast.qilong
    assert villages.named_in("七龙居委会会议室") == cast.qilong
    assert villages.named_in("黄水镇集镇") is None
    assert villages.named_in("黄水镇人民政府") is None
    assert villages.find("黄水社区居委会") == cast.huangshui


def test_a_background_import_keeps_the_column_mapping_for_its_page(
    cast, client, monkeypatch, django_capture_on_commit_callbacks
):
    from fazhi.ledgers import services
    from fazhi.ledgers.models import LedgerImport

    monkeypatch.setattr(services, "BACKGROUND_ROWS", 2)
    client.force_login(cast.officer)
    upload = office_book("黄水镇2020年普法宣传活动台账", ACTIVITY_HEADERS, ACTIVITY_ROWS)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/reports/ledgers/publicity.activities/import/",
            {"region": cast.town.code, "file": upload, "action": "preview"},
        )
    job = LedgerImport.objects.get()
    assert job.header_row == 4 and job.ignored_headers == ["序号"]
    assert {"sheet": "开展时间", "column": "日期", "how": "列名"} in job.mapping

    page = client.get(f"/reports/ledgers/imports/{job.pk}/").content.decode()

    assert "<td>参与人数</td><td>受教人次</td>" in page and "表中没有「所属区划」列" in page


def test_a_village_or_date_merged_over_several_rows_is_read_into_each_of_them(cast):
    headers = ["序号", "排查时间", "村（居）", "纠纷来源", "纠纷种类", "主要情况"]
    rows = [
        [1, "2020.4.1", "七龙社区", "来访", "邻里", "排水沟争执"],
        [2, None, None, "来访", "邻里", "院坝占用"],
        [3, None, None, "来访", "邻里", "树木遮光"],
        [4, "2020.4.9", "黄水社区", "来访", "邻里", "噪音"],
    ]
    upload = office_book("纠纷台账", headers, rows, merges=["B5:B7", "C5:C7"])

    result = run(cast, "disputes.cases", upload)

    assert result.ok, result.errors
    disputes = {d.summary: d for d in Dispute.objects.all()}
    assert disputes["树木遮光"].region == cast.qilong
    assert disputes["树木遮光"].registered_on == date(2020, 4, 1)
    assert disputes["噪音"].region == cast.huangshui
    assert disputes["排水沟争执"].dispute_type.name == "邻里"


def test_a_sheet_with_too_many_merged_cells_is_refused_with_the_limit(cast, monkeypatch):
    from fazhi.ledgers.io import sheet

    monkeypatch.setattr(sheet, "MAX_MERGED", 2)
    headers = ["序号", "排查时间", "村（居）", "纠纷来源", "纠纷种类", "主要情况"]
    rows = [[n, "2020.4.1", "七龙社区", "来访", "邻里", f"纠纷{n}"] for n in range(4)]
    upload = office_book("纠纷台账", headers, rows, merges=["A5:A6", "A7:A8"])

    result = run(cast, "disputes.cases", upload)

    assert result.errors == ["工作表的合并单元格超过 2 处，无法读取。请取消合并后重新上传。"]
    assert not Dispute.objects.exists()


def test_merged_cells_covering_more_than_the_cell_limit_are_refused(cast, monkeypatch):
    from fazhi.ledgers.io import sheet

    monkeypatch.setattr(sheet, "MAX_MERGED_CELLS", 5)
    headers = ["序号", "排查时间", "村（居）", "纠纷来源", "纠纷种类", "主要情况"]
    rows = [[n, "2020.4.1", "七龙社区", "来访", "邻里", f"纠纷{n}"] for n in range(4)]
    upload = office_book("纠纷台账", headers, rows, merges=["B5:B8", "C5:C8"])

    result = run(cast, "disputes.cases", upload)

    assert result.errors == ["工作表的合并单元格覆盖的范围过大，无法读取。请取消合并后重新上传。"]
