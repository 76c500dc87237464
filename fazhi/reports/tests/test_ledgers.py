"""Ledgers: export, import with header variants, dry-run, errors per row and
column with nothing half-imported, idempotent re-import, the round trip."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.metrics import Period
from fazhi.regions.models import Organisation, OrganisationKind

pytestmark = pytest.mark.usefixtures("registered")
PERIOD = Period.year(timezone.localdate().year)


def workbook(rows, name="台账.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = BytesIO()
    book.save(data)
    return SimpleUploadedFile(name, data.getvalue())


def run(cast, upload, *, dry_run=False):
    return import_workbook(
        ledger=get_ledger("test.organisations"),
        file=upload,
        user=cast.officer,
        region=cast.town,
        dry_run=dry_run,
    )


def in_town(cast):
    return Organisation.objects.filter(region__code__startswith=cast.town.prefix)


def test_the_round_trip_gives_back_the_same_records(cast):
    ledger = get_ledger("test.organisations")
    before = sorted(in_town(cast).values_list("region__code", "name", "kind"))
    records = ledger.records(user=cast.officer, region=cast.town, period=PERIOD)
    exported = export_workbook(ledger, records, title="黄水镇组织机构台账")
    assert load_workbook(BytesIO(exported)).active["A1"].value == "黄水镇组织机构台账"

    in_town(cast).exclude(users__isnull=False).delete()
    kept = in_town(cast).count()
    result = run(cast, SimpleUploadedFile("台账.xlsx", exported))

    assert result.ok, result.errors
    assert result.count("created") == len(before) - kept
    assert sorted(in_town(cast).values_list("region__code", "name", "kind")) == before


def test_importing_the_same_file_twice_creates_nothing_new(cast):
    upload = workbook([["村社区", "组织名称", "类型"], ["七龙社区", "法律服务站", "其他"]])
    assert run(cast, upload).count("created") == 1
    upload.seek(0)
    again = run(cast, upload)
    assert again.ok and again.count("created") == 0 and again.count("unchanged") == 1
    assert in_town(cast).filter(name="法律服务站").count() == 1


def test_common_header_variants_and_a_title_row_are_understood(cast):
    upload = workbook(
        [
            ["黄水镇组织机构台账（2020年）"],
            [" 所在村 ", "机构名称", "类 型", "备注"],
            ["500240105002", "普法志愿队", "other", "无"],
        ]
    )
    result = run(cast, upload)
    assert result.ok, result.errors
    assert result.ignored_headers == ["备注"]
    assert in_town(cast).get(name="普法志愿队").region == cast.qilong


def test_a_dry_run_previews_without_writing(cast):
    upload = workbook([["村（社区）", "名称", "类别"], ["七龙社区", "预览组织", "其他"]])
    result = run(cast, upload, dry_run=True)
    assert result.ok and result.rows[0].action == "created"
    assert "预览：将新增 1 条" in result.summary()
    assert not in_town(cast).filter(name="预览组织").exists()


def test_errors_are_listed_per_row_and_column_and_nothing_is_imported(cast):
    upload = workbook(
        [
            ["村（社区）", "名称", "类别"],
            ["七龙社区", "好的一行", "其他"],
            ["火星村", "坏村", "其他"],
            ["黄水社区", "", "其他"],
            ["黄水社区", "坏类别", "宇宙组织"],
        ]
    )
    result = run(cast, upload)
    assert not result.ok
    assert "第3行 「村（社区）」列：「火星村」不是黄水镇辖区内的村（社区）" in result.errors
    assert "第4行 「名称」列：不能为空" in result.errors
    assert any(e.startswith("第5行 「类别」列：「宇宙组织」不是可选值") for e in result.errors)
    assert "未导入任何数据" in result.summary()
    assert not in_town(cast).filter(name="好的一行").exists()


def test_a_missing_column_is_named(cast):
    result = run(cast, workbook([["村（社区）", "名称"], ["七龙社区", "缺列"]]))
    assert result.errors == ["缺少必需的列「类别」（也可写作：类型）。"]
    assert not in_town(cast).filter(name="缺列").exists()


def test_an_unreadable_file_gets_a_clear_message(cast):
    result = run(cast, SimpleUploadedFile("台账.xlsx", b"PK\x03\x04 broken"))
    assert "不是有效的 Excel" in result.errors[0]


def test_a_bad_date_is_explained(cast):
    from fazhi.ledgers.base import CellError, Column

    column = Column("日期", "held_on", kind="date")
    assert str(column.parse("2020年3月5日", villages=None)) == "2020-03-05"
    assert str(column.parse("2020/3/5", villages=None)) == "2020-03-05"
    with pytest.raises(CellError, match="日期「2020-13-45」无法识别"):
        column.parse("2020-13-45", villages=None)


def test_the_import_page_previews_then_imports(cast, client):
    client.force_login(cast.officer)
    rows = [["村（社区）", "名称", "类别"], ["七龙社区", "页面导入", "其他"]]
    url = "/reports/ledgers/test.organisations/import/"
    preview = client.post(
        url, {"region": cast.town.code, "file": workbook(rows), "action": "preview"}
    )
    assert "预览：将新增 1 条" in preview.content.decode()
    assert not in_town(cast).filter(name="页面导入").exists()
    done = client.post(url, {"region": cast.town.code, "file": workbook(rows), "action": "import"})
    assert "已新增 1 条" in done.content.decode()
    assert in_town(cast).filter(name="页面导入").exists()


def test_a_macro_workbook_is_refused_by_the_page(cast, client):
    client.force_login(cast.officer)
    data = BytesIO()
    import zipfile

    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/vbaProject.bin", "macro")
    upload = SimpleUploadedFile("台账.xlsm", data.getvalue())
    response = client.post(
        "/reports/ledgers/test.organisations/import/",
        {"region": cast.town.code, "file": upload, "action": "import"},
    )
    assert "宏" in response.content.decode(), response.context["form"].errors


def test_the_export_link_downloads_the_filtered_ledger(cast, client):
    client.force_login(cast.officer)
    year = PERIOD.start.year
    page = client.get(f"/reports/ledgers/?region={cast.town.code}&year={year}")
    assert "组织机构台账" in page.content.decode()
    response = client.get(
        f"/reports/ledgers/test.organisations/export/?region={cast.qilong.code}&year={year}"
    )
    assert response.status_code == 404  # a village is not a report region
    response = client.get(
        f"/reports/ledgers/test.organisations/export/?region={cast.town.code}&year={year}"
    )
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[2]] == ["村（社区）", "名称", "类别"]
    assert sheet.max_row - 2 == in_town(cast).count()


def test_a_ledger_outside_the_scope_cannot_be_exported(cast, client):
    from fazhi.regions.models import Level, Region

    other = Region.objects.create(
        code="500240106000", name="冷水镇", level=Level.TOWN, parent=cast.county
    )
    client.force_login(cast.officer)
    response = client.get(
        f"/reports/ledgers/test.organisations/export/?region={other.code}&year=2020"
    )
    assert response.status_code == 404


def test_the_export_runs_the_same_queries_for_many_rows(
    cast, client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.officer)
    url = f"/reports/ledgers/test.organisations/export/?region={cast.town.code}&year={PERIOD.start.year}"
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(40):
        Organisation.objects.create(
            name=f"新组织{n}", kind=OrganisationKind.OTHER, region=cast.qilong
        )
    with django_assert_max_num_queries(len(few)):
        client.get(url)


def test_the_import_command_writes_a_good_file_and_refuses_a_bad_one(cast, tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(
        workbook([["村（社区）", "名称", "类别"], ["七龙社区", "命令行组织", "其他"]]).read()
    )
    bad.write_bytes(workbook([["村（社区）", "名称", "类别"], ["火星村", "x", "其他"]]).read())
    out = StringIO()
    call_command("import", "test.organisations", str(good), "--region", cast.town.code, stdout=out)
    assert "已新增 1 条" in out.getvalue()
    with pytest.raises(CommandError, match="未导入任何数据"):
        call_command(
            "import", "test.organisations", str(bad), "--region", cast.town.code, stderr=StringIO()
        )
    assert in_town(cast).filter(name="命令行组织").count() == 1
