"""The evidence pack (佐证材料包) of one sheet: a zip, streamed.

Contents:
- 目录.xlsx and 目录.docx: every indicator with its score, explanation and files;
- 佐证材料/<序号 指标>/<file>: the files uploaded for each indicator;
- 数据台账/<序号 指标>.xlsx: the records behind each automatic score, as the
  ledger of their kind where one is registered.

The zip is written into a small buffer that is emptied after every piece
(`_Pipe`), and each file is copied in 64 KB chunks, so a sheet with hundreds
of files is never held whole in memory.
"""

import zipfile
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType

from fazhi import metrics
from fazhi.assessment.models import Entry, Sheet
from fazhi.assessment.selectors import Scored, score_entries, sheet_total
from fazhi.attachments.models import Attachment
from fazhi.attachments.views import download_name
from fazhi.core.periods import Period
from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx
from fazhi.ledgers.base import ledgers
from fazhi.ledgers.io import export_workbook
from fazhi.ledgers.writer import Layout, workbook_bytes

CHUNK = 64 * 1024
HEADERS = [
    "序号",
    "指标",
    "分值",
    "数据值",
    "自动得分",
    "自评得分",
    "审核得分",
    "最终得分",
    "自评说明",
    "审核意见",
    "佐证材料",
]


class _Pipe:
    """A write-only stream whose bytes are taken out as they come."""

    def __init__(self):
        self._chunks: list[bytes] = []
        self._offset = 0

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        self._offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self._offset

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def _safe(text: str, limit: int = 60) -> str:
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in text)
    return cleaned.strip(" .")[:limit] or "_"


def _files_by_entry(entries: list[Entry]) -> dict[int, list[Attachment]]:
    kind = ContentType.objects.get_for_model(Entry)
    found: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(
        owner_type=kind, owner_id__in=[e.pk for e in entries]
    ).order_by("uploaded_at", "id"):
        found.setdefault(attachment.owner_id, []).append(attachment)
    return found


def _paths(scored: list[Scored], files) -> dict[int, str]:
    """The path in the zip of every file, unique."""
    paths, taken = {}, set()
    for item in scored:
        folder = _safe(f"{item.indicator.number} {item.indicator.name}")
        for attachment in files.get(item.entry.pk, []):
            name = download_name(attachment.original_name, attachment.content_type)
            path, n = f"佐证材料/{folder}/{name}", 1
            while path in taken:
                n += 1
                stem, dot, ext = name.rpartition(".")
                path = f"佐证材料/{folder}/{stem}（{n}）{dot}{ext}"
            taken.add(path)
            paths[attachment.pk] = path
    return paths


def _number(value):
    return "" if value is None else value


def catalogue_rows(scored: list[Scored], files, paths) -> list[list]:
    rows = []
    for item in scored:
        entry = item.entry
        rows.append(
            [
                item.indicator.number,
                item.indicator.name,
                item.indicator.points,
                _number(item.value),
                _number(item.auto),
                _number(entry.self_score),
                _number(entry.review_score),
                item.final,
                entry.self_note,
                entry.review_reason,
                "\n".join(paths[a.pk] for a in files.get(entry.pk, [])),
            ]
        )
    return rows


def catalogue_docx(sheet: Sheet, scored, files, total) -> bytes:
    blocks = [
        Block(
            f"被考核单位：{sheet.region.name}；指标体系：{sheet.system}；"
            f"总分：{total.value}分{'（触发一票否决）' if total.vetoed else ''}。"
        )
    ]
    for item in scored:
        entry = item.entry
        blocks.append(Block(f"{item.indicator.number} {item.indicator.name}", kind="heading"))
        line = f"分值{item.indicator.points}分，最终得分{item.final}分。"
        if item.value is not None:
            line += f"数据值：{item.value}{item.unit}。"
        if entry.self_note:
            line += f"自评说明：{entry.self_note}"
        blocks.append(Block(line))
        names = "、".join(a.original_name for a in files.get(entry.pk, []))
        if names:
            blocks.append(Block(f"佐证材料：{names}。"))
        if entry.review_reason:
            blocks.append(Block(f"审核意见：{entry.review_reason}"))
    return build_docx(
        OfficialDocument(
            title=f"{sheet}佐证材料目录",
            blocks=blocks,
            issuer=sheet.region.name,
            issued_on="",
        )
    )


def _ledger_for(records):
    if records is None:
        return None
    return next((ledger for ledger in ledgers() if ledger.model is records.model), None)


def stream(sheet: Sheet) -> Iterator[bytes]:
    """The pack's bytes, piece by piece."""
    scored = score_entries(sheet)
    total = sheet_total(sheet, scored)
    entries = [item.entry for item in scored]
    files = _files_by_entry(entries)
    paths = _paths(scored, files)
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "目录.xlsx",
            workbook_bytes(
                Layout(sheet="佐证材料目录", headers=HEADERS, title=f"{sheet}佐证材料目录"),
                catalogue_rows(scored, files, paths),
            ),
        )
        yield pipe.drain()
        archive.writestr("目录.docx", catalogue_docx(sheet, scored, files, total))
        yield pipe.drain()
        period = Period.year(sheet.system.year)
        for item in scored:
            code = item.indicator.metric
            if not code:
                continue
            records = item.records
            if records is None:  # a frozen sheet: the records as they stand now
                records = metrics.compute(code, sheet.region, period).records
            ledger = _ledger_for(records)
            if ledger is None:
                continue
            name = _safe(f"{item.indicator.number} {item.indicator.name}")
            content = export_workbook(ledger, records, title=name)
            archive.writestr(f"数据台账/{name}.xlsx", content)
            yield pipe.drain()
        for item in scored:
            for attachment in files.get(item.entry.pk, []):
                info = zipfile.ZipInfo(paths[attachment.pk])
                info.compress_type = zipfile.ZIP_STORED
                with (
                    attachment.file.open("rb") as source,
                    archive.open(info, "w", force_zip64=True) as target,
                ):
                    while chunk := source.read(CHUNK):
                        target.write(chunk)
                        yield pipe.drain()
                yield pipe.drain()
    yield pipe.drain()
