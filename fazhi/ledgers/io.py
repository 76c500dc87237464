"""Ledger workbooks out (export) and in (import: all or nothing, idempotent).

The import reads the ledgers offices already keep, not only our own exports:
above the header there may be a merged title line and a 填报单位/填报时间
line, below the rows a 合计 line and the 填表人's name; the headers are worded
differently from office to office. So the header row is the row of the first
ten that names the most columns (exactly or by keyword), title and fill-in
lines are skipped, the rows stop at the first 合计/备注/填表人 line, and the
result says which sheet header went to which column, which were ignored and
which required ones are missing, for the user to check before anything is written.
"""

import logging
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.xml.functions import iterparse

from fazhi.core.scope import ensure_region_in_scope
from fazhi.ledgers import limits
from fazhi.ledgers.base import CellError, Column, Ledger, VillageLookup, normalise_header
from fazhi.ledgers.writer import Layout, workbook_bytes

logger = logging.getLogger(__name__)

HEADER_SCAN_ROWS = 10
# A row starting with one of these ends the data (a total, the notes, the signatures)…
END_WORDS = ("合计", "总计", "备注", "填表人", "填报人", "制表人", "审核人", "注:", "说明:")
SUBTOTAL_WORDS = ("小计",)  # …and one starting with these is skipped
BATCH_ROWS = 200  # rows per transaction in a big import: a second or two of lock at most
WRITE_REFUSED = (
    "数据库拒绝写入（与已有记录冲突，可能刚被他人修改），未导入任何数据。请稍后重新导入。"
)
ACTIONS = {"created": "新增", "updated": "更新", "unchanged": "已存在，未变"}


def export_workbook(ledger: Ledger, records, *, title: str) -> bytes:
    own = ledger.workbook(records, title=title)
    if own is not None:
        return own
    layout = Layout(
        sheet=ledger.title,
        title=title,
        headers=[column.header for column in ledger.columns],
        centre_headers=True,
        widths=[column.width for column in ledger.columns],
        date_columns=[i for i, column in enumerate(ledger.columns) if column.kind == "date"],
        freeze=False,
    )
    return workbook_bytes(layout, (ledger.row(record) for record in records))


@dataclass
class RowOutcome:
    number: int  # the row number in the sheet, as Excel shows it
    values: dict
    cells: list
    action: str = ""
    errors: list[str] = field(default_factory=list)
    record: object = None  # the fast import's record for the row (see fazhi.ledgers.bulk)

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, "")


@dataclass
class HeaderMatch:
    """How one header of the sheet was read, for the preview."""

    sheet: str  # as written in the sheet
    column: str  # the ledger column's header
    how: str  # "列名" (its header or an alias) or "关键词" (the header contains one)


@dataclass
class ImportResult:
    ledger: Ledger
    dry_run: bool
    headers: list[str] = field(default_factory=list)
    mapping: list[HeaderMatch] = field(default_factory=list)
    header_row: int = 0  # as Excel numbers it
    notes: list[str] = field(default_factory=list)  # a column filled in, where the rows ended
    rows: list[RowOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # file-level and row-level, in order
    ignored_headers: list[str] = field(default_factory=list)
    written_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run

    def summary(self) -> str:
        if not self.ok and self.written_rows:
            return f"发现 {len(self.errors)} 处错误；已写入 {self.written_rows} 行，其余未导入。"
        if not self.ok:
            return f"发现 {len(self.errors)} 处错误，未导入任何数据。请修改后重新上传。"
        verb = "预览：将" if self.dry_run else "已"
        return (
            f"{verb}新增 {self.count('created')} 条、更新 {self.count('updated')} 条，"
            f"{self.count('unchanged')} 条已存在且无变化。"
        )


def _open(file) -> tuple[list[tuple], list[tuple[int, int, int, int]]]:
    """The first sheet's rows and its merged ranges, within the limits; any
    unreadable file is the user's error."""
    limits.check_xlsx(file)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            limits.check_dimension(sheet.max_row, sheet.max_column)
            sheet.reset_dimensions()  # the declared size may lie: count what is really there
            counter = limits.RowCounter()
            rows = []
            for row in sheet.iter_rows(values_only=True):
                counter.add(row)
                rows.append(row)
            merged = _merged_ranges(sheet)
        finally:
            workbook.close()
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - a hostile or broken file can fail anywhere in the parser
        logger.info("unreadable ledger workbook: %r", error)
        raise ValidationError(limits.NOT_XLSX, code="not_xlsx") from error
    return rows, merged


MAX_MERGED = 20_000  # merged ranges read from a sheet; a ledger has a few dozen
MAX_MERGED_CELLS = limits.MAX_CELLS  # cells filled from merged ranges, overlaps counted


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of the sheet's merged cells.

    openpyxl's read-only sheet does not read them, so the sheet's XML is read
    once more for its <mergeCell ref="A5:A7"/> elements (with openpyxl's
    parser, defusedxml when present).
    """
    ranges = []
    source = sheet._get_source()  # noqa: SLF001 - the read-only sheet has no public way
    try:
        for _, element in iterparse(source):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                ranges.append(range_boundaries(element.get("ref")))
                if len(ranges) > MAX_MERGED:
                    raise ValidationError(
                        f"工作表的合并单元格超过 {MAX_MERGED} 处，无法读取。请取消合并后重新上传。",
                        code="too_many_merged",
                    )
            element.clear()
    finally:
        source.close()
    return ranges


def _fill_merged(rows: list, merged, *, below: int) -> None:
    """Give the cells under a merged cell below row `below` (0-based) its value,
    column by column as it is shown: an office merges 七龙社区 or a date over
    the rows that share it. Only down its first column: a merge across columns
    in a data row is layout, not a value for the next column."""
    budget = MAX_MERGED_CELLS
    for min_col, min_row, _max_col, max_row in merged:
        if min_row - 1 <= below or min_row > len(rows) or max_row == min_row:
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        if value is None:
            continue
        budget -= min(max_row, len(rows)) - min_row
        if budget < 0:
            raise ValidationError(
                "工作表的合并单元格覆盖的范围过大，无法读取。请取消合并后重新上传。",
                code="too_many_merged",
            )
        for index in range(min_row, min(max_row, len(rows))):
            row = list(rows[index])
            row += [None] * (min_col - len(row))
            row[min_col - 1] = value
            rows[index] = tuple(row)


def _header_name(cell) -> str:
    """The cell as a header; "" for a cell that cannot be one: a label with its
    value (填报单位：黄水镇), a number, a date."""
    if not isinstance(cell, str) or ":" in cell or "：" in cell:
        return ""
    return normalise_header(cell)


def _match_row(ledger: Ledger, row: tuple) -> tuple[dict[int, Column], dict[int, str]]:
    """{position: Column} and {position: how} for one candidate header row.

    First every header that is a column's name or alias; then, for the headers
    left, the column with the longest name the header contains (活动开展时间
    holds 开展时间, 参与人数（人） holds 参与人数).
    """
    names = {position: _header_name(cell) for position, cell in enumerate(row)}
    mapping: dict[int, Column] = {}
    how: dict[int, str] = {}
    for position, name in names.items():
        for column in ledger.columns:
            if name and name in column.names() and column not in mapping.values():
                mapping[position], how[position] = column, "列名"
                break
    for position, name in names.items():
        if not name or position in mapping:
            continue
        best, length = None, 0
        for column in ledger.columns:
            if column in mapping.values():
                continue
            for known in column.names():
                if len(known) >= 2 and known in name and len(known) > length:
                    best, length = column, len(known)
        if best is not None:
            mapping[position], how[position] = best, "关键词"
    return mapping, how


def _find_header(ledger: Ledger, rows: list[tuple]):
    """The header row's index, {column index: Column} and {column index: how}, or None:
    the row of the first HEADER_SCAN_ROWS that names the most columns."""
    best = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping, how = _match_row(ledger, row)
        if mapping and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping, how)
    return best


def _blank(row: tuple) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def _first_words(row: tuple) -> str:
    for cell in row:
        if cell is not None and str(cell).strip():
            return re.sub(r"\s+", "", str(cell)).replace("：", ":")
    return ""


def _row_kind(row: tuple) -> str:
    """ "end" for a 合计/备注/填表人 line, "skip" for a blank or 小计 line, else "data"."""
    if _blank(row):
        return "skip"
    words = _first_words(row)
    if words.startswith(END_WORDS):
        return "end"
    if words.startswith(SUBTOTAL_WORDS):
        return "skip"
    return "data"


def _model_errors(ledger: Ledger, error: ValidationError) -> list[str]:
    return ledger.error_messages(error)


def _no_progress(*, checked: int, written: int, total: int) -> None:
    pass


def import_workbook(
    *, ledger: Ledger, file, user, region, dry_run: bool, progress=_no_progress
) -> ImportResult:
    """Read `file` into `ledger`'s records under `region`; nothing written on any error.

    `progress(checked=, written=, total=)` is called after every batch of rows
    (the background job records it for the page to show).
    """
    if user is not None:
        ensure_region_in_scope(user, region)
    result = ImportResult(ledger=ledger, dry_run=dry_run)
    if not ledger.importable:
        result.errors.append(f"{ledger.title}只能导出，暂不支持导入。")
        return result
    try:
        rows, merged = _open(file)
    except ValidationError as error:
        result.errors.append(error.messages[0])
        return result
    found = _find_header(ledger, rows)
    if found is None:
        result.errors.append(
            f"没有找到表头：第一张工作表的前{HEADER_SCAN_ROWS}行中没有“{ledger.columns[0].header}”等列名。"
        )
        return result
    header_index, mapping, how = found
    try:
        _fill_merged(rows, merged, below=header_index)
    except ValidationError as error:
        result.errors.append(error.messages[0])
        return result
    result.header_row = header_index + 1
    result.headers = [column.header for column in mapping.values()]
    result.mapping = [
        HeaderMatch(
            sheet=str(rows[header_index][position]).strip(), column=column.header, how=how[position]
        )
        for position, column in mapping.items()
    ]
    result.ignored_headers = [
        str(cell).strip()
        for position, cell in enumerate(rows[header_index])
        if cell is not None and str(cell).strip() and position not in mapping
    ]
    region_column = _region_column(ledger)
    for column in ledger.columns:
        if column.required and column not in mapping.values() and column is not region_column:
            also = f"（也可写作：{'、'.join(column.aliases)}）" if column.aliases else ""
            result.errors.append(f"缺少必需的列「{column.header}」{also}。")
    if result.errors:
        return result
    villages = VillageLookup(region)
    places = [column for column in mapping.values() if column.field in ledger.place_fields]
    fill_region = region_column is not None and region_column not in mapping.values()
    if fill_region:
        where = "、".join(f"「{column.header}」" for column in places)
        result.notes.append(
            f"表中没有「{region_column.header}」列："
            + (f"按{where}中写到的村（社区）归属，写不出的" if places else "各行")
            + f"归入导入到的{region.name}。"
        )
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        kind = _row_kind(row)
        if kind == "end":
            words = _first_words(row)[:12]
            result.notes.append(f"第{offset}行「{words}」起为合计、备注或签名，以下各行未读取。")
            break
        if kind == "skip":
            continue
        cells = [
            column.preview(row[position] if position < len(row) else None)
            for position, column in mapping.items()
        ]
        outcome = RowOutcome(number=offset, values={}, cells=cells)
        for position, column in mapping.items():
            raw = row[position] if position < len(row) else None
            try:
                outcome.values[column.field] = column.parse(raw, villages=villages)
            except CellError as error:
                outcome.errors.append(f"「{column.header}」列：{error}")
        for column in ledger.columns:
            if column not in mapping.values():
                outcome.values.setdefault(column.field, _MISSING.get(column.kind))
        if fill_region:
            outcome.values[region_column.field] = (
                _place_village(outcome, places, villages) or region
            )
        result.rows.append(outcome)
    if not result.rows:
        result.errors.append("表头下没有数据行。")
        return result
    _write(ledger, result, user=user, region=region, progress=progress)
    for written in result.rows:
        result.errors += [f"第{written.number}行 {message}" for message in written.errors]
    return result


_MISSING = {"text": "", "bool": False}  # a column the sheet lacks; other kinds: None


def _region_column(ledger: Ledger):
    """The column that places a row (kind village, the ledger's region_field), if any:
    a sheet without it is read into the region chosen for the import."""
    for column in ledger.columns:
        if column.field == ledger.region_field and column.kind == "village":
            return column
    return None


def _place_village(outcome: RowOutcome, places: list, villages: VillageLookup):
    for column in places:
        found = villages.named_in(outcome.values.get(column.field))
        if found is not None:
            return found
    return None


def _batches(rows: list, size: int):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _unique_rows(ledger: Ledger, result: ImportResult) -> list[RowOutcome]:
    """The rows whose cells are good, a repeated natural key marked on the later row."""
    keys = set()
    rows = []
    for row in result.rows:
        if row.errors:
            continue
        key = tuple(row.values.get(name) for name in ledger.natural_key)
        if key in keys:
            row.errors.append("与前面的行重复")
            continue
        keys.add(key)
        rows.append(row)
    return rows


def _try(ledger: Ledger, row: RowOutcome, *, user, region) -> None:
    try:
        with transaction.atomic():
            row.action = ledger.save(row.values, user=user, region=region)
    except ValidationError as error:
        row.errors += _model_errors(ledger, error)


def _write(ledger: Ledger, result: ImportResult, *, user, region, progress) -> None:
    """Check every row, then write them all in one transaction if every one is
    good, else nothing; a dry run only checks (see `fazhi.ledgers.bulk`)."""
    total = len(result.rows)
    rows = _unique_rows(ledger, result)
    if result.dry_run:
        plan = ledger.plan(rows, user=user, region=region)
        if plan is not None:
            progress(checked=total, written=0, total=total)
            return
    else:
        with transaction.atomic():
            # checked and written in one transaction: nobody changes a matched record in between
            plan = ledger.plan(rows, user=user, region=region)
            if plan is not None:
                failed = any(row.errors for row in result.rows)
                progress(checked=total, written=0, total=total)
                if failed:
                    return
                try:
                    with transaction.atomic():
                        plan.write()
                except IntegrityError as error:  # a rule only the database knew of
                    logger.warning("ledger import refused by the database: %r", error)
                    result.errors.append(WRITE_REFUSED)
                    return
                result.written_rows = len(rows)
        if plan is not None:
            progress(checked=total, written=result.written_rows, total=total)
            return
    _write_row_by_row(ledger, result, rows, user=user, region=region, progress=progress)


def _write_row_by_row(
    ledger: Ledger, result: ImportResult, rows: list, *, user, region, progress
) -> None:
    """Save the rows through `ledger.save` if every one is good, else nothing.

    A file of up to BATCH_ROWS rows is saved in one short transaction, rolled
    back on any error or a dry run. A bigger file must not hold the database's
    write lock for minutes (SQLite has one lock for everybody), so it is first
    checked in batches, each saved and rolled back in its own transaction, and
    only when every row passed is it written, batch by batch. After the full
    check the write can only fail on a record someone changed in between: that
    batch is rolled back and the result says how many rows were written before
    it (importing the same file again completes it, rows match on their key).
    """
    total = len(result.rows)
    if total <= BATCH_ROWS:
        with transaction.atomic():
            for row in rows:
                _try(ledger, row, user=user, region=region)
            failed = any(row.errors for row in result.rows)
            if result.dry_run or failed:
                transaction.set_rollback(True)
        if not (result.dry_run or failed):
            result.written_rows = len(rows)
        progress(checked=total, written=result.written_rows, total=total)
        return
    checked = total - len(rows)
    for batch in _batches(rows, BATCH_ROWS):
        with transaction.atomic():
            for row in batch:
                _try(ledger, row, user=user, region=region)
            transaction.set_rollback(True)
        checked += len(batch)
        progress(checked=checked, written=0, total=total)
    if result.dry_run or any(row.errors for row in result.rows):
        return
    for batch in _batches(rows, BATCH_ROWS):
        try:
            with transaction.atomic():
                for row in batch:
                    current = row
                    row.action = ledger.save(row.values, user=user, region=region)
        except ValidationError as error:
            current.errors += _model_errors(ledger, error)
            current.errors.append(
                f"（数据在检查后被他人修改；此前已写入 {result.written_rows} 行，"
                "修正后重新导入同一文件即可补齐，已写入的行不会重复）"
            )
            return
        result.written_rows += len(batch)
        progress(checked=total, written=result.written_rows, total=total)
