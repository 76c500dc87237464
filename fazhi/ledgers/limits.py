"""Bounds on an uploaded .xlsx, checked before and while it is parsed.

An .xlsx is a zip of XML parts. A small upload can unpack to gigabytes (a zip
bomb: 1.3 MB ran the import preview until it was killed), declare a sheet of a
million rows, or be cut off half-way (a 500). So before openpyxl sees the file
the zip's directory is checked (members, declared total size, compression
ratio, the parts an .xlsx must have), and while the sheet is read the rows and
cells are counted and reading stops at the limit. Python's zipfile never
unpacks more than a member declares (a member that lies fails its CRC), so
the declared sizes bound the real ones.

Every limit is refused with a Chinese message naming it. The .docx uploads
have the same kind of check (the attachments' OOXML bound check); both can
move into one kernel helper later: `check_zip` below is format-neutral.
"""

import zipfile

from django.core.exceptions import ValidationError

MAX_MEMBERS = 300  # parts in the zip; a ledger workbook has about a dozen
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes, all parts together
MAX_RATIO = 200  # uncompressed : compressed, per part above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024  # small parts may compress as well as they like
MAX_ROWS = 60_000  # a township's biggest ledger is tens of thousands of rows
MAX_COLUMNS = 200
MAX_CELLS = 3_000_000

NOT_XLSX = (
    "文件不是有效的 Excel（.xlsx）工作簿，无法读取。请用 Excel 或 WPS 另存为 .xlsx 后重新上传。"
)


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def check_zip(file, *, required: tuple[str, ...] = ()) -> None:
    """Refuse a zip whose directory exceeds the limits (nothing is unpacked here)."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ValidationError(NOT_XLSX, code="not_xlsx") from None
    finally:
        file.seek(0)
    if len(members) > MAX_MEMBERS:
        raise ValidationError(
            f"文件内部包含 {len(members)} 个部件，超过上限 {MAX_MEMBERS} 个，不像正常的台账，已拒绝。",
            code="too_many_parts",
        )
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED:
        raise ValidationError(
            f"文件解压后约 {_mb(total)}，超过上限 {_mb(MAX_UNCOMPRESSED)}。请拆分成几个文件分别导入。",
            code="too_big",
        )
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ValidationError(
                f"文件的压缩比超过上限 {MAX_RATIO} 倍（部件 {member.filename}），疑似压缩炸弹，已拒绝。",
                code="ratio",
            )
    names = {member.filename for member in members}
    if any(name not in names for name in required):
        raise ValidationError(NOT_XLSX, code="not_xlsx")


def check_xlsx(file) -> None:
    check_zip(file, required=("xl/workbook.xml",))


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
