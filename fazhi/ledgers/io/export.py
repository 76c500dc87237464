"""A ledger's records as a workbook: its own layout, or title, headers and one row per record."""

from fazhi.ledgers.base import Ledger
from fazhi.ledgers.writer import Layout, workbook_bytes


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
