"""Every workbook is written by fazhi.ledgers.writer: a test, not a memory."""

import re
from pathlib import Path

import fazhi

ROOT = Path(fazhi.__file__).parent
WRITING = re.compile(r"\bWorkbook\s*\(|from openpyxl import[^\n]*\bWorkbook\b|openpyxl\.Workbook")


def test_no_module_outside_the_ledgers_package_writes_a_workbook_itself():
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts
        and path.parent != ROOT / "ledgers"
        and WRITING.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], f"write workbooks with fazhi.ledgers.writer instead: {offenders}"
