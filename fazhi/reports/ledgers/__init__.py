"""Ledgers (台账): Excel workbooks per category, out and in.

A capability defines its ledger in its `report.py`:

    from fazhi.reports.ledgers import Column, Ledger, register_ledger

    @register_ledger
    class ActivityLedger(Ledger):
        key = "publicity.activities"
        title = "普法活动台账"
        capability = "publicity"
        model = Activity
        natural_key = ("region", "held_on", "title")
        columns = [
            Column("村（社区）", "region", kind="village", aliases=("村社区", "所在村")),
            Column("活动日期", "held_on", kind="date", aliases=("日期", "时间")),
            Column("活动名称", "title", aliases=("活动主题", "名称")),
            Column("受教人次", "person_times", kind="int", required=False),
        ]

        def queryset(self, region, period):
            return Activity.objects.in_region(region).filter(held_on__range=(period.start, period.end))

Export writes a title row, then the headers, then one row per record.
Import finds the header row (its headers or their aliases, spaces and
full-width brackets ignored), checks every cell, and writes nothing unless
the whole file is good; rows are matched on `natural_key`, so importing the
same file twice creates nothing new. Override `save()` for models whose
rows need more than field values.
"""

from fazhi.reports.ledgers.base import Column, Ledger, get_ledger, ledgers, register_ledger
from fazhi.reports.ledgers.io import ImportResult, export_workbook, import_workbook

__all__ = [
    "Column",
    "ImportResult",
    "Ledger",
    "export_workbook",
    "get_ledger",
    "import_workbook",
    "ledgers",
    "register_ledger",
]
