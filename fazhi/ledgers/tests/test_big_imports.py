"""A big import runs in the background with its progress on the page; it is
checked in batches and written only when every row passed, so neither a
minutes-long write transaction nor a half-imported file."""

from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from fazhi.ledgers import services
from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import import_workbook, writing
from fazhi.ledgers.models import ImportStatus, LedgerImport
from fazhi.regions.models import Organisation

pytestmark = pytest.mark.usefixtures("test_ledgers")


def sheet(names, *, village="七龙社区", write_only=False) -> bytes:
    book = Workbook(write_only=write_only)
    worksheet = book.create_sheet() if write_only else book.active
    worksheet.append(["村（社区）", "名称", "人数"])
    for number, name in enumerate(names):
        worksheet.append([village, name, number])
    data = BytesIO()
    book.save(data)
    return data.getvalue()


def names(count, prefix="调解小组"):
    return [f"{prefix}{number}" for number in range(count)]


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(writing, "BATCH_ROWS", 4)
    monkeypatch.setattr(services, "BACKGROUND_ROWS", 5)


def post(client, cast, key, content, action):
    return client.post(
        f"/reports/ledgers/{key}/import/",
        {
            "region": cast.town.code,
            "file": SimpleUploadedFile("台账.xlsx", content),
            "action": action,
        },
    )


def test_a_big_file_is_imported_in_the_background_and_its_result_shown(
    cast, client, small_batches, django_capture_on_commit_callbacks
):
    client.force_login(cast.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, cast, "test.org_rows", sheet(names(10)), "import")
    job = LedgerImport.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/imports/{job.pk}/")
    assert job.status == ImportStatus.DONE
    assert (job.rows_total, job.rows_checked, job.rows_written) == (10, 10, 10)
    assert not job.file  # the upload is not kept
    assert Organisation.objects.filter(name__startswith="调解小组").count() == 10
    page = client.get(response["Location"]).content.decode()
    assert "已新增 10 条" in page and "调解小组9" in page


def test_a_queued_preview_writes_nothing(
    cast, client, small_batches, django_capture_on_commit_callbacks
):
    client.force_login(cast.officer)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, cast, "test.org_rows", sheet(names(10)), "preview")
    job = LedgerImport.objects.get()
    assert job.dry_run and job.status == ImportStatus.DONE and job.rows_written == 0
    assert "预览：将新增 10 条" in job.summary
    assert not Organisation.objects.filter(name__startswith="调解小组").exists()


def test_a_running_import_shows_its_progress_and_polls(cast, client):
    job = LedgerImport.objects.create(
        ledger="test.org_rows", region=cast.town, dry_run=False, requested_by=cast.officer,
        status=ImportStatus.RUNNING, rows_total=50000, rows_checked=12000,
    )  # fmt: skip
    client.force_login(cast.officer)
    partial = client.get(f"/reports/ledgers/imports/{job.pk}/", headers={"HX-Request": "true"})
    text = partial.content.decode()
    assert "已检查 12000 / 50000 行" in text and "hx-trigger" in text
    job.status = ImportStatus.DONE
    job.save()
    done = client.get(f"/reports/ledgers/imports/{job.pk}/", headers={"HX-Request": "true"})
    assert "hx-trigger" not in done.content.decode()


def test_another_towns_officer_cannot_see_an_import(cast, client):
    from fazhi.cases.tests.builders import make_other_town

    job = LedgerImport.objects.create(ledger="test.org_rows", region=make_other_town())
    client.force_login(cast.officer)
    assert client.get(f"/reports/ledgers/imports/{job.pk}/").status_code == 404


def test_an_error_in_the_last_batch_leaves_nothing_written(cast, small_batches):
    progress = []
    result = import_workbook(
        ledger=get_ledger("test.org_rows"),
        file=SimpleUploadedFile("台账.xlsx", sheet([*names(10), "坏名字"])),
        user=cast.officer,
        region=cast.town,
        dry_run=False,
        progress=lambda **counts: progress.append(counts),
    )
    assert not result.ok and result.errors == ["第12行 「名称」列：名称不能以“坏”开头"]
    assert result.written_rows == 0
    assert not Organisation.objects.filter(name__startswith="调解小组").exists()
    assert [step["checked"] for step in progress] == [4, 8, 11]  # batch by batch, then stop


def test_a_good_big_file_is_checked_then_written_batch_by_batch(cast, small_batches):
    progress = []
    result = import_workbook(
        ledger=get_ledger("test.org_rows"),
        file=SimpleUploadedFile("台账.xlsx", sheet(names(10))),
        user=cast.officer,
        region=cast.town,
        dry_run=False,
        progress=lambda **counts: progress.append(counts),
    )
    assert result.ok and result.written_rows == 10
    assert [(step["checked"], step["written"]) for step in progress] == [
        (4, 0), (8, 0), (10, 0), (10, 4), (10, 8), (10, 10),
    ]  # fmt: skip


def test_the_command_shows_the_progress_of_a_big_file(cast, small_batches, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(sheet(names(10)))
    out = StringIO()
    call_command("import", "test.org_rows", str(path), "--region", cast.town.code, stdout=out)
    assert "已检查 8 / 10 行" in out.getvalue() and "已写入 10 / 10 行" in out.getvalue()
    assert Organisation.objects.filter(name__startswith="调解小组").count() == 10
    path.write_bytes(sheet(["坏名字"]))
    with pytest.raises(CommandError):
        call_command("import", "test.org_rows", str(path), "--region", cast.town.code)


def test_a_fifty_thousand_row_ledger_can_be_previewed_from_the_page(
    cast, client, django_capture_on_commit_callbacks
):
    client.force_login(cast.officer)
    content = sheet(names(50_000), write_only=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, cast, "test.checks", content, "preview")
    assert response.status_code == 302
    job = LedgerImport.objects.get()
    assert job.status == ImportStatus.DONE, job.errors
    assert (job.rows_total, job.rows_checked) == (50_000, 50_000)
    assert "预览：将新增 50000 条" in job.summary
    assert len(job.preview) == 200
    page = client.get(response["Location"]).content.decode()
    assert "共 50000 行，下表列出前 200 行" in page


def test_an_optional_yes_no_column_the_sheet_lacks_reads_as_no(cast):
    book = Workbook()
    book.active.append(["日期", "活动名称", "地点", "覆盖村（社区）", "形式", "所属区划"])
    book.active.append(["2020-05-01", "宪法进七龙", "村委会", "七龙社区", "其他", "七龙社区"])
    data = BytesIO()
    book.save(data)
    result = import_workbook(
        ledger=get_ledger("publicity.activities"),
        file=SimpleUploadedFile("台账.xlsx", data.getvalue()),
        user=cast.officer,
        region=cast.town,
        dry_run=True,
    )
    assert result.ok, result.errors
