"""Ledgers (台账): Excel workbooks per category, out and in, and the one workbook writer.

A capability declares its ledger in its `report.py` — its columns and the
service it imports through, nothing more:

    from fazhi.ledgers.base import Column, Ledger, register_ledger

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

        def save(self, values, *, user, region):
            ...  # call the app's service

The modules:

- `base`: `Column`, `Ledger`, the registry (`register_ledger`, `get_ledger`, `ledgers`).
- `writer`: the one workbook writer (`workbook_bytes`, `Layout`, `list_response`):
  every Excel file the platform hands out goes through it, so strings are
  always written as text (no formula injection) and XML-illegal characters
  of old rows are dropped.
- `io` (a package: `sheet`, `header`, `reading`, `writing`, `results`,
  `export`): `export_workbook` (title row, headers, one row per record) and
  `import_workbook`: finds the header row (its headers or their aliases,
  spaces and full-width brackets ignored), checks every cell, and writes
  nothing unless the whole file is good; rows are matched on `natural_key`,
  so importing the same file twice creates nothing new.
- `bulk`: the fast import: a ledger's `plan` checks the whole sheet in memory
  with its lookups fetched up front, then `Plan.write` writes the records,
  their history and audit entries in batches (a dry run only checks). The
  base `Ledger` plans by `natural_key`; a ledger that overrides `save`
  without `plan` is saved row by row.
- `limits`: the bounds on an uploaded .xlsx (size, parts, ratio, rows, cells).
- `models`, `services`, `jobs`: a big import runs in the background with its
  progress recorded (`LedgerImport`).

This package is a Django app only for `LedgerImport`; nothing is imported
here so that the app registry can load it before the models are ready.
"""
