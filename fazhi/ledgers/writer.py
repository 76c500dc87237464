"""The one workbook writer: every Excel file the platform hands out is written here.

Two rules hold for every cell, so they live in one place rather than in each
export:

- **A string is text, never a formula.** openpyxl turns a `str` starting with
  `=` into a live formula, and Excel also evaluates cells starting with `+`,
  `-`, `@`, a tab or a carriage return when they are edited (the classic
  CSV/formula injection: `=HYPERLINK(...)`, `=CMD|' /C calc'!A0`). Every `str`
  is stored as a string cell (`data_type = "s"`), so the file holds the exact
  text and no formula; a string starting with one of those characters also
  gets Excel's quote prefix (the style flag Excel sets when you type a leading
  apostrophe), so that editing the cell in Excel or WPS keeps it text. The
  value itself is not changed: what was typed is what Excel shows and what an
  import reads back. Numbers, dates and booleans keep their types.
- **Old rows never break an export.** Characters XML 1.0 cannot hold (control
  characters other than tab, newline and carriage return, U+FFFE/U+FFFF, lone
  surrogates) are dropped on output; one record saved before input was
  checked must not turn every export that contains it into a 500.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters an .xlsx (XML 1.0) cannot hold."""
    return XML_ILLEGAL.sub("", text)


@dataclass(frozen=True)
class Layout:
    """How one sheet looks: its name, an optional title row, the headers."""

    sheet: str
    headers: Sequence[str]
    title: str = ""  # a bold title row above the headers, if given
    merge_title: bool = False  # the title spans every column, centred
    centre_headers: bool = False
    widths: Sequence[int] = ()  # per column; default from the header's length
    date_columns: Sequence[int] = ()  # 0-based columns shown as yyyy-mm-dd
    freeze: bool = True  # keep the header row visible while scrolling


def _value(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, bool | int | float | date):
        return value
    return xml_safe(str(value))


def _cell(sheet, value) -> Cell:
    cell = Cell(sheet, value=_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # text as typed, never a formula
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def workbook_bytes(layout: Layout, rows: Iterable[Sequence]) -> bytes:
    """The .xlsx file of `rows` (each a sequence of cell values) under `layout`."""
    book = Workbook()
    sheet = book.active
    sheet.title = xml_safe(layout.sheet)[:31] or "Sheet"
    count = len(layout.headers)
    header_row = 1
    if layout.title:
        sheet.append([_cell(sheet, layout.title)])
        title = sheet.cell(row=1, column=1)
        title.font = Font(bold=True, size=14)
        if layout.merge_title and count > 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=count)
            title.alignment = Alignment(horizontal="center")
        header_row = 2
    sheet.append([_cell(sheet, header) for header in layout.headers])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        if layout.centre_headers:
            cell.alignment = Alignment(horizontal="center")
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    for index, header in enumerate(layout.headers):
        width = layout.widths[index] if layout.widths else max(10, len(str(header)) * 2 + 2)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    for index in layout.date_columns:
        for (cell,) in sheet.iter_rows(
            min_row=header_row + 1, min_col=index + 1, max_col=index + 1
        ):
            cell.number_format = "yyyy-mm-dd"
    if layout.freeze:
        sheet.freeze_panes = f"A{header_row + 1}"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, content: bytes) -> HttpResponse:
    """`content` as a download named `filename`.xlsx (UTF-8 encoded name)."""
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}.xlsx"
    return response


def list_response(filename: str, title: str, headers: Sequence[str], rows: Iterable[Sequence]):
    """A filtered list as a one-sheet workbook: a header row, then the rows."""
    return xlsx_response(filename, workbook_bytes(Layout(sheet=title, headers=headers), rows))
