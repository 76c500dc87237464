"""`import_workbook`: the sheet read into each row's values, then checked and
written all or nothing (see `writing`)."""

from django.core.exceptions import ValidationError

from fazhi.core.scope import ensure_region_in_scope
from fazhi.ledgers.base import CellError, Ledger, VillageLookup
from fazhi.ledgers.io.header import HEADER_SCAN_ROWS, find_header, first_words, row_kind
from fazhi.ledgers.io.results import HeaderMatch, ImportResult, RowOutcome
from fazhi.ledgers.io.sheet import fill_merged, open_sheet
from fazhi.ledgers.io.writing import write_rows


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
        rows, merged = open_sheet(file)
    except ValidationError as error:
        result.errors.append(error.messages[0])
        return result
    found = find_header(ledger, rows)
    if found is None:
        result.errors.append(
            f"没有找到表头：第一张工作表的前{HEADER_SCAN_ROWS}行中没有“{ledger.columns[0].header}”等列名。"
        )
        return result
    header_index, mapping, how = found
    try:
        fill_merged(rows, merged, below=header_index)
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
    matched = list(mapping.values())
    absent = [column for column in ledger.columns if column not in matched]
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        kind = row_kind(row)
        if kind == "end":
            words = first_words(row)[:12]
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
        for column in absent:
            outcome.values.setdefault(column.field, _MISSING.get(column.kind))
        if fill_region:
            outcome.values[region_column.field] = (
                _place_village(outcome, places, villages) or region
            )
        result.rows.append(outcome)
    if not result.rows:
        result.errors.append("表头下没有数据行。")
        return result
    write_rows(ledger, result, user=user, region=region, progress=progress)
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
