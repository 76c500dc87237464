"""An uploaded workbook is bounded before and while it is read: a zip bomb, a
truncated or foreign file, a sheet declaring or holding too many rows is the
user's error with a message naming the limit, on the page and on the command
line, never a 500 and never a worker pinned until it is killed."""

import re
import zipfile
from io import BytesIO, StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from fazhi.core import uploads
from fazhi.ledgers import limits
from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import import_workbook
from fazhi.publicity.models import Activity

LEDGER = "publicity.activities"
HEADERS = ["村（社区）", "活动日期", "活动名称"]


def good_workbook(rows=1) -> bytes:
    book = Workbook()
    book.active.append(HEADERS)
    for number in range(rows):
        book.active.append(["七龙社区", "2020-05-01", f"普法宣传{number}"])
    data = BytesIO()
    book.save(data)
    return data.getvalue()


def rewrite(content: bytes, change) -> bytes:
    """`content` with the first sheet's XML passed through `change`."""
    source = zipfile.ZipFile(BytesIO(content))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            target.writestr(item.filename, data)
    return out.getvalue()


def bomb() -> bytes:
    """A valid-looking workbook whose sheet unpacks from a few KB to 20 MB of spaces."""
    padding = b" " * (20 * 1024 * 1024)
    return rewrite(
        good_workbook(), lambda xml: xml.replace(b"<sheetData>", padding + b"<sheetData>")
    )


def run(cast, content: bytes, *, dry_run=True):
    return import_workbook(
        ledger=get_ledger(LEDGER),
        file=SimpleUploadedFile("台账.xlsx", content),
        user=cast.officer,
        region=cast.town,
        dry_run=dry_run,
    )


def test_a_zip_bomb_is_refused_by_its_compression_ratio_before_it_is_read(cast):
    content = bomb()
    assert len(content) < 200 * 1024
    result = run(cast, content)
    assert not result.ok and f"压缩比超过 {uploads.MAX_RATIO} 倍" in result.errors[0]


def test_a_workbook_unpacking_beyond_the_size_limit_is_refused(cast, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_TOTAL_BYTES", 4 * 1024 * 1024)
    monkeypatch.setattr(uploads, "MAX_RATIO", 10_000)
    content = rewrite(good_workbook(), lambda xml: xml + b" " * (5 * 1024 * 1024))
    result = run(cast, content)
    assert "超过上限 4.0\xa0MB" in result.errors[0]


def test_a_zip_of_too_many_parts_is_refused(cast):
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(uploads.MAX_MEMBERS + 1):
            archive.writestr(f"xl/media/{number}.bin", b"x")
    result = run(cast, out.getvalue())
    assert f"超过上限 {uploads.MAX_MEMBERS} 个" in result.errors[0]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(good_workbook(20)[:3000], id="cut-off file"),
        pytest.param(
            rewrite(good_workbook(20), lambda xml: xml[: len(xml) // 2]), id="truncated sheet XML"
        ),
        pytest.param(
            rewrite(good_workbook(), lambda xml: b"<worksheet><sheetData><row r="), id="bad XML"
        ),
        pytest.param(b"PK\x03\x04 not really a zip", id="fake zip"),
        pytest.param(b"\xd0\xcf\x11\xe0 an old .xls", id="old xls"),
    ],
)
def test_a_broken_file_is_the_users_error_not_a_crash(cast, content):
    result = run(cast, content)
    assert not result.ok
    assert "不是有效的 Excel（.xlsx）工作簿" in result.errors[0]


def test_a_zip_without_a_workbook_is_not_an_xlsx(cast):
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "不是有效的 Excel" in run(cast, out.getvalue()).errors[0]


def test_a_sheet_declaring_a_million_rows_is_refused_before_reading_them(cast):
    content = rewrite(
        good_workbook(),
        lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:C1048576"', xml),
    )
    result = run(cast, content)
    assert f"超过 {limits.MAX_ROWS} 行的上限" in result.errors[0]


def test_a_sheet_hiding_its_size_is_stopped_at_the_row_limit(cast, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 30)
    content = rewrite(good_workbook(80), lambda xml: re.sub(rb"<dimension[^>]*/>", b"", xml))
    result = run(cast, content)
    assert "超过 30 行的上限" in result.errors[0]


def test_a_row_far_below_the_data_cannot_make_a_million_empty_rows(cast):
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    content = rewrite(
        good_workbook(),
        lambda xml: re.sub(rb"<dimension[^>]*/>", b"", xml).replace(
            b"</sheetData>", far + b"</sheetData>"
        ),
    )
    assert "行的上限" in run(cast, content).errors[0]


def test_too_many_cells_are_refused(cast, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 20)
    assert "超过 20 个的上限" in run(cast, good_workbook(10)).errors[0]


def test_the_import_page_shows_the_limit_instead_of_failing(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        f"/reports/ledgers/{LEDGER}/import/",
        {
            "region": cast.town.code,
            "file": SimpleUploadedFile("台账.xlsx", bomb()),
            "action": "preview",
        },
    )
    assert response.status_code == 200
    assert f"压缩比超过 {uploads.MAX_RATIO} 倍" in response.content.decode()


def test_the_import_page_shows_a_truncated_sheet_as_the_users_error(cast, client):
    client.force_login(cast.officer)
    content = rewrite(good_workbook(20), lambda xml: xml[: len(xml) // 2])
    response = client.post(
        f"/reports/ledgers/{LEDGER}/import/",
        {"region": cast.town.code, "file": SimpleUploadedFile("台账.xlsx", content)},
    )
    assert response.status_code == 200
    assert "不是有效的 Excel（.xlsx）工作簿" in response.content.decode()
    assert not Activity.objects.filter(title__startswith="普法宣传").exists()


def test_the_import_command_reports_a_truncated_sheet_as_the_users_error(cast, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(rewrite(good_workbook(20), lambda xml: xml[: len(xml) // 2]))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", LEDGER, str(path), "--region", cast.town.code, stderr=err)
    assert "不是有效的 Excel（.xlsx）工作簿" in err.getvalue()


def test_check_zip_leaves_the_file_at_its_start():
    upload = BytesIO(good_workbook())
    upload.seek(10)
    limits.check_xlsx(upload)
    assert upload.tell() == 0
    with pytest.raises(ValidationError):
        limits.check_xlsx(BytesIO(b"nothing"))
