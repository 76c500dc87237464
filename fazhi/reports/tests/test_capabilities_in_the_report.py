"""The capabilities' report paragraphs and ledgers on the demo town (seed figures)."""

from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from docx import Document

from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.metrics import Period
from fazhi.publicity.models import Activity
from fazhi.regions.models import Region
from fazhi.reports import document, services

YEAR = Period.year(2020)


@pytest.fixture
def town(cast):
    call_command("loaddemo", stdout=StringIO())
    return Region.objects.get(code="500240105000")


def test_the_cli_report_of_the_demo_town_gives_the_seed_figures(town, tmp_path):
    output = tmp_path / "report.docx"
    call_command(
        "report", "--region", town.code, "--year", "2020", "-o", str(output), stdout=StringIO()
    )
    text = "".join(p.text for p in Document(BytesIO(output.read_bytes())).paragraphs)
    assert "举办集中宣传6次" in text
    assert "累计受教群众2000余人次" in text
    assert "宣传资料1500余份" in text
    assert "8个村（社区）的LED屏" in text
    assert "全年登记矛盾纠纷" in text  # disputes
    assert "行政机关负责人出庭应诉率" in text  # cases
    assert "法律顾问、公职律师签订聘用合同" in text  # legal


def test_it_proposes_the_under_served_villages_as_a_problem(cast, town):
    report = services.report_create(user=cast.officer, region=town, year=2020)
    candidates = document.assemble(report).candidates
    problems = [c.text for c in candidates if c.kind == "problem"]
    assert any("人均受教人次偏低" in text for text in problems)


def test_a_year_without_publicity_records_claims_nothing(cast, town):
    report = services.report_create(user=cast.officer, region=town, year=2015)
    text = "".join(s.text for part in document.assemble(report).parts for s in part.sections)
    assert "普法宣传活动" not in text and "余人次" not in text


def test_the_activity_ledger_round_trip_gives_the_same_records(cast, town):
    ledger = get_ledger("publicity.activities")

    def snapshot():
        return sorted(
            (
                a.date,
                a.title,
                a.place,
                a.region.code,
                a.form,
                a.concentrated,
                a.person_times,
                a.materials,
                tuple(sorted(v.code for v in a.villages.all())),
            )
            for a in ledger.queryset(town, YEAR)
        )

    before = snapshot()
    assert len(before) >= 6
    data = export_workbook(ledger, ledger.queryset(town, YEAR), title="普法活动台账")
    Activity.objects.in_region(town).in_period(YEAR).held().delete()
    assert snapshot() == []

    result = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", data),
        user=cast.officer,
        region=town,
        dry_run=False,
    )
    assert result.ok, result.errors
    assert snapshot() == before
    again = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", data),
        user=cast.officer,
        region=town,
        dry_run=False,
    )
    assert again.count("created") == 0 and again.count("unchanged") == len(before)


def test_the_law_understander_register_exports(cast, town):
    ledger = get_ledger("publicity.law_understanders")
    records = ledger.records(user=cast.officer, region=town, period=YEAR)
    assert records.count() > 0
    data = export_workbook(ledger, records, title="法律明白人名册")
    result = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", data),
        user=cast.officer,
        region=town,
        dry_run=True,
    )
    assert result.ok and result.count("unchanged") == records.count()


def test_the_legal_service_ledger_round_trip_gives_the_same_records(cast, town):
    from fazhi.legal.models import Service

    ledger = get_ledger("legal.services")

    def snapshot():
        return sorted(
            (s.date, s.advisor_id, s.kind, s.subject, s.detail, s.hours, s.region_id)
            for s in ledger.queryset(town, YEAR)
        )

    before = snapshot()
    assert before
    data = export_workbook(ledger, ledger.queryset(town, YEAR), title="法律顾问服务台账")
    Service.objects.in_region(town).in_period(YEAR).delete()
    result = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", data),
        user=cast.officer,
        region=town,
        dry_run=False,
    )
    assert result.ok, result.errors
    assert snapshot() == before


def test_an_unknown_advisor_is_named_in_the_error(cast, town):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["服务日期", "顾问姓名", "服务类别", "事项"])
    book.active.append(["2020-05-06", "张三丰", "法律咨询", "土地纠纷咨询"])
    data = BytesIO()
    book.save(data)
    result = import_workbook(
        ledger=get_ledger("legal.services"),
        file=SimpleUploadedFile("t.xlsx", data.getvalue()),
        user=cast.officer,
        region=town,
        dry_run=False,
    )
    assert result.errors == ["第2行 「法律顾问」列：「张三丰」不是本辖区登记的法律顾问"]


def test_an_empty_year_proposes_no_problems_from_missing_work(cast, town):
    report = services.report_create(user=cast.officer, region=town, year=2015)
    doc = document.assemble(report)
    assert not doc.has_records
    assert not any("人均受教人次偏低" in c.text for c in doc.candidates)


@pytest.mark.parametrize(
    "key, header",
    [
        ("disputes.cases", "纠纷类型"),
        ("cases.lawsuits", "案号"),
        ("cases.reconsiderations", "案号"),
    ],
)
def test_the_apps_own_ledgers_keep_their_layout_and_can_be_imported(
    cast, client, town, key, header
):
    from openpyxl import load_workbook

    client.force_login(cast.officer)
    page = client.get(f"/reports/ledgers/?region={town.code}&year=2020").content.decode()
    assert f"/reports/ledgers/{key}/export/" in page
    assert f"/reports/ledgers/{key}/import/" in page
    response = client.get(f"/reports/ledgers/{key}/export/?region={town.code}&year=2020")
    sheet = load_workbook(BytesIO(response.content)).active
    headers = [cell.value for row in sheet.iter_rows(max_row=2) for cell in row]
    assert header in headers
    assert sheet.max_row > 1
    assert client.get(f"/reports/ledgers/{key}/import/").status_code == 200


def test_the_final_demo_report_keeps_its_figures_when_activities_change(cast, town):
    report = services.report_create(user=cast.officer, region=town, year=2020)
    final = services.report_finalise(user=cast.officer, report=report)
    before = document.render_docx(final)
    Activity.objects.in_region(town).in_period(YEAR).update(person_times=9999, materials=0)
    final.refresh_from_db()

    def text(data):
        return "".join(p.text for p in Document(BytesIO(data)).paragraphs)

    assert "累计受教群众2000余人次" in text(document.render_docx(final))
    assert text(document.render_docx(final)) == text(before)
    draft = services.report_new_draft(user=cast.officer, report=final)
    assert "万余人次" in text(document.render_docx(draft))


def test_an_activity_workbook_with_a_bad_date_and_village_imports_nothing(cast, town):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["活动日期", "活动主题", "活动地点", "覆盖村", "活动形式", "受教人数", "填报单位"])
    sheet.append(
        ["2020-06-01", "民法典进村", "七龙社区", "七龙社区", "专题讲座/培训", 80, "七龙社区"]
    )
    sheet.append(["2020-13-01", "坏日期", "黄水社区", "黄水社区", "专题讲座/培训", 10, "黄水社区"])
    sheet.append(["2020-06-02", "坏村", "某地", "火星村", "专题讲座/培训", 10, "黄水镇"])
    data = BytesIO()
    book.save(data)
    result = import_workbook(
        ledger=get_ledger("publicity.activities"),
        file=SimpleUploadedFile("t.xlsx", data.getvalue()),
        user=cast.officer,
        region=town,
        dry_run=False,
    )
    assert any(e.startswith("第3行 「日期」列：日期「2020-13-01」无法识别") for e in result.errors)
    assert "第4行 「覆盖村（社区）」列：「火星村」不是黄水镇辖区内的村（社区）" in result.errors
    assert not Activity.objects.filter(title="民法典进村").exists()
