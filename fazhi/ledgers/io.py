"""Ledger workbooks out (export) and in (import: all or nothing, idempotent)."""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from fazhi.accounts.scope import ensure_region_in_scope
from fazhi.ledgers import limits
from fazhi.ledgers.base import CellError, Ledger, VillageLookup, normalise_header
from fazhi.ledgers.writer import Layout, workbook_bytes

logger = logging.getLogger(__name__)

HEADER_SCAN_ROWS = 10
BATCH_ROWS = 200  # rows per transaction in a big import: a second or two of lock at most
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

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, "")


@dataclass
class ImportResult:
    ledger: Ledger
    dry_run: bool
    headers: list[str] = field(default_factory=list)
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


def _open(file) -> list[tuple]:
    """The first sheet's rows, within the limits; any unreadable file is the user's error."""
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
        finally:
            workbook.close()
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - a hostile or broken file can fail anywhere in the parser
        logger.info("unreadable ledger workbook: %r", error)
        raise ValidationError(limits.NOT_XLSX, code="not_xlsx") from error
    return rows


def _find_header(ledger: Ledger, rows: list[tuple]) -> tuple[int, dict[int, object]] | None:
    """The header row's index and {column index: Column}, or None."""
    best = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping = {}
        for position, cell in enumerate(row):
            name = normalise_header(cell)
            for column in ledger.columns:
                if name and name in column.names() and column not in mapping.values():
                    mapping[position] = column
                    break
        if mapping and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


def _blank(row: tuple) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def _model_errors(ledger: Ledger, error: ValidationError) -> list[str]:
    headers = {column.field: column.header for column in ledger.columns}
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    messages = []
    for name, errors in error.message_dict.items():
        label = headers.get(name, "")
        for message in errors:
            messages.append(f"「{label}」列：{message}" if label else message)
    return messages


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
        rows = _open(file)
    except ValidationError as error:
        result.errors.append(error.messages[0])
        return result
    found = _find_header(ledger, rows)
    if found is None:
        result.errors.append(
            f"没有找到表头：第一张工作表的前{HEADER_SCAN_ROWS}行中没有“{ledger.columns[0].header}”等列名。"
        )
        return result
    header_index, mapping = found
    result.headers = [column.header for column in mapping.values()]
    result.ignored_headers = [
        str(cell)
        for position, cell in enumerate(rows[header_index])
        if cell not in (None, "") and position not in mapping
    ]
    for column in ledger.columns:
        if column.required and column not in mapping.values():
            also = f"（也可写作：{'、'.join(column.aliases)}）" if column.aliases else ""
            result.errors.append(f"缺少必需的列「{column.header}」{also}。")
    if result.errors:
        return result
    villages = VillageLookup(region)
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if _blank(row):
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
        result.rows.append(outcome)
    if not result.rows:
        result.errors.append("表头下没有数据行。")
        return result
    _write(ledger, result, user=user, region=region, progress=progress)
    for row in result.rows:
        result.errors += [f"第{row.number}行 {message}" for message in row.errors]
    return result


_MISSING = {"text": "", "bool": False}  # a column the sheet lacks; other kinds: None


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
    """Save the rows if every one is good, else nothing.

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
    rows = _unique_rows(ledger, result)
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
