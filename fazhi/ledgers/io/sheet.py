"""The uploaded workbook's first sheet read within the limits, merged cells included."""

import logging
import re

from django.core.exceptions import ValidationError
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from fazhi.ledgers import limits

logger = logging.getLogger(__name__)


def open_sheet(file) -> tuple[list[tuple], list[tuple[int, int, int, int]]]:
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


# <mergeCell ref="A5:A7"/>, with or without a namespace prefix. Markup inside
# cell text is escaped (&lt;), so only the elements themselves match.
_MERGE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=([\"'])([^\"']*)\1")


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of the sheet's merged cells.

    openpyxl's read-only sheet does not read them, so the sheet's XML (its
    size already bounded by `limits.check_xlsx`) is scanned once more for its
    mergeCell elements: a byte search, several times faster than parsing the
    rows again, and with no entity or DTD to expand.
    """
    ranges = []
    source = sheet._get_source()  # noqa: SLF001 - the read-only sheet has no public way
    try:
        data = source.read()
    finally:
        source.close()
    for match in _MERGE_CELL.finditer(data):
        try:
            ranges.append(range_boundaries(match.group(2).decode("ascii")))
        except (ValueError, UnicodeDecodeError) as error:
            raise ValidationError(limits.NOT_XLSX, code="not_xlsx") from error
        if len(ranges) > MAX_MERGED:
            raise ValidationError(
                f"工作表的合并单元格超过 {MAX_MERGED} 处，无法读取。请取消合并后重新上传。",
                code="too_many_merged",
            )
    return ranges


def fill_merged(rows: list, merged, *, below: int) -> None:
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
