"""Ledger workbooks out (export) and in (import: all or nothing, idempotent).

The import reads the ledgers offices already keep, not only our own exports:
above the header there may be a merged title line and a 填报单位/填报时间
line, below the rows a 合计 line and the 填表人's name; the headers are worded
differently from office to office. So the header row is the row of the first
ten that names the most columns (exactly or by keyword), title and fill-in
lines are skipped, the rows stop at the first 合计/备注/填表人 line, and the
result says which sheet header went to which column, which were ignored and
which required ones are missing, for the user to check before anything is written.

The modules, in the order an import runs through them:

- `sheet`: the uploaded file read within the limits, its merged cells;
- `header`: the header row found and matched to the ledger's columns, and
  which rows are data (a 合计 line ends them, a 小计 line is skipped);
- `reading`: `import_workbook`, which reads every row's cells into values;
- `writing`: the rows checked and written all or nothing (a ledger's bulk
  plan, see `fazhi.ledgers.bulk`, or row by row through `ledger.save`);
- `results`: what an import answers (`ImportResult`, `RowOutcome`);
- `export`: `export_workbook`.
"""

from fazhi.ledgers.io.export import export_workbook
from fazhi.ledgers.io.reading import import_workbook
from fazhi.ledgers.io.results import ACTIONS, HeaderMatch, ImportResult, RowOutcome

__all__ = [
    "ACTIONS",
    "HeaderMatch",
    "ImportResult",
    "RowOutcome",
    "export_workbook",
    "import_workbook",
]
