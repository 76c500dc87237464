"""What an import answers: each row's values, action and errors, the header
mapping for the preview, and the file-level errors and notes."""

from dataclasses import dataclass, field

from fazhi.ledgers.base import Ledger

ACTIONS = {"created": "新增", "updated": "更新", "unchanged": "已存在，未变"}


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
