"""Bounds on an uploaded .xlsx, checked before and while it is parsed.

An .xlsx is a zip of XML parts. A small upload can unpack to gigabytes (a zip
bomb: 1.3 MB ran the import preview until it was killed), declare a sheet of a
million rows, or be cut off half-way (a 500). So before openpyxl sees the file
the zip's directory is checked (members, declared total size, compression
ratio, the parts an .xlsx must have), and while the sheet is read the rows and
cells are counted and reading stops at the limit. The zip's bounds are the
kernel's (`fazhi.core.uploads`), the same for every Office upload; the row and
cell bounds are the ledgers' own.

Every limit is refused with a Chinese message naming it.
"""

from django.core.exceptions import ValidationError

from fazhi.core.uploads import XLSX, ooxml_check

MAX_ROWS = 60_000  # a township's biggest ledger is tens of thousands of rows
MAX_COLUMNS = 200
MAX_CELLS = 3_000_000

NOT_XLSX = (
    "文件不是有效的 Excel（.xlsx）工作簿，无法读取。请用 Excel 或 WPS 另存为 .xlsx 后重新上传。"
)


def check_xlsx(file) -> None:
    """The kernel's check of an Office upload (sizes, parts, ratio, active content),
    with the ledgers' own wording for a file that is not a workbook at all."""
    try:
        ooxml_check(file, field_label="台账文件", expected=XLSX)
    except ValidationError as error:
        if error.code in ("broken", "type"):
            raise ValidationError(NOT_XLSX, code="not_xlsx") from None
        raise ValidationError(
            error.messages[0].removeprefix("台账文件："), code=error.code
        ) from None


def check_dimension(rows: int | None, columns: int | None) -> None:
    """Refuse a sheet whose declared size is beyond the limits (it may lie: see RowCounter)."""
    if rows and rows > MAX_ROWS + 20:  # some title and header rows above the data
        raise too_many_rows()
    if columns and columns > MAX_COLUMNS:
        raise ValidationError(
            f"工作表有 {columns} 列，超过上限 {MAX_COLUMNS} 列。请删去多余的列后重新上传。",
            code="too_many_columns",
        )


def too_many_rows() -> ValidationError:
    return ValidationError(
        f"工作表超过 {MAX_ROWS} 行的上限。请拆分成几个文件分别导入。", code="too_many_rows"
    )


class RowCounter:
    """Counts the rows and cells really read; raises at the first limit passed."""

    def __init__(self):
        self.rows = 0
        self.cells = 0

    def add(self, row: tuple) -> None:
        self.rows += 1
        self.cells += len(row)
        if self.rows > MAX_ROWS + 20:
            raise too_many_rows()
        if len(row) > MAX_COLUMNS:
            check_dimension(None, len(row))
        if self.cells > MAX_CELLS:
            raise ValidationError(
                f"工作表的单元格超过 {MAX_CELLS} 个的上限。请拆分成几个文件分别导入。",
                code="too_many_cells",
            )
