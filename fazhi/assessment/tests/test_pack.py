"""The evidence pack: what is in it, and that it streams."""

import os
import tracemalloc
import zipfile
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.assessment import pack, services
from fazhi.assessment.tests.helpers import entry, register_dispute, town_sheet
from fazhi.attachments.models import Attachment, Kind

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _attach(cast, item, *, name, content):
    attachment = Attachment(
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        kind=Kind.EVIDENCE,
        region=item.sheet.region,
        owner=item,
        uploaded_by=cast.officer,
        uploaded_at=timezone.now(),
    )
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.save()
    return attachment


def test_the_pack_holds_the_catalogues_the_files_and_the_records_behind_automatic_scores(cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    register_dispute(cast)
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    services.entry_self_assess(
        user=cast.officer,
        entry=item,
        score=9,
        note="党委会专题研究2次",
        uploads=[SimpleUploadedFile("纪要.png", PNG), SimpleUploadedFile("纪要.png", PNG)],
    )
    archive = zipfile.ZipFile(BytesIO(b"".join(pack.stream(sheet))))
    names = set(archive.namelist())
    assert {"目录.xlsx", "目录.docx"} <= names
    assert "佐证材料/1.1 专题研究法治建设/纪要.png" in names
    assert "佐证材料/1.1 专题研究法治建设/纪要（2）.png" in names
    assert any(name.startswith("数据台账/1.2 矛盾纠纷登记") for name in names)
    catalogue = load_workbook(BytesIO(archive.read("目录.xlsx"))).active
    rows = [[cell.value for cell in row] for row in catalogue.iter_rows(min_row=3)]
    assert rows[0][:3] == ["1.1", "专题研究法治建设", 10]
    assert rows[0][8] == "党委会专题研究2次"
    assert archive.read("佐证材料/1.1 专题研究法治建设/纪要.png") == PNG


def test_a_pack_of_300_files_streams_with_bounded_memory(cast):
    sheet = town_sheet(cast)
    items = list(sheet.entries.all())
    size = 64 * 1024
    for number in range(300):
        _attach(
            cast,
            items[number % len(items)],
            name=f"材料{number}.pdf",
            content=b"%PDF-" + os.urandom(size),
        )
    total_files = 300 * size
    tracemalloc.start()
    try:
        written, count = 0, 0
        for chunk in pack.stream(sheet):
            written += len(chunk)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written > total_files  # every file went out
    assert count > 300  # in pieces, not as one block
    assert peak < total_files / 5, f"peak {peak} bytes for {total_files} bytes of files"
