"""The header row found among title lines and matched to the ledger's columns
(by name, alias or keyword), and which of the rows below it are data."""

import re

from fazhi.ledgers.base import Column, Ledger, normalise_header

HEADER_SCAN_ROWS = 10
# A row starting with one of these ends the data (a total, the notes, the signatures)…
END_WORDS = ("合计", "总计", "备注", "填表人", "填报人", "制表人", "审核人", "注:", "说明:")
SUBTOTAL_WORDS = ("小计",)  # …and one starting with these is skipped


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


def find_header(ledger: Ledger, rows: list[tuple]):
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


def first_words(row: tuple) -> str:
    for cell in row:
        if cell is not None and str(cell).strip():
            return re.sub(r"\s+", "", str(cell)).replace("：", ":")
    return ""


def row_kind(row: tuple) -> str:
    """ "end" for a 合计/备注/填表人 line, "skip" for a blank or 小计 line, else "data"."""
    if _blank(row):
        return "skip"
    words = first_words(row)
    if words.startswith(END_WORDS):
        return "end"
    if words.startswith(SUBTOTAL_WORDS):
        return "skip"
    return "data"
