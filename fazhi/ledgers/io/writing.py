"""The rows of an import checked and written, all or nothing.

A ledger with a bulk plan (`fazhi.ledgers.bulk`) checks the whole sheet in
memory and writes it in batches; a dry run only checks. A ledger that saves
row by row is checked and written through `ledger.save`, in batches for a big
file.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from fazhi.ledgers.base import Ledger
from fazhi.ledgers.io.results import ImportResult, RowOutcome

logger = logging.getLogger(__name__)

BATCH_ROWS = 200  # rows per transaction in a big import: a second or two of lock at most
WRITE_REFUSED = (
    "数据库拒绝写入（与已有记录冲突，可能刚被他人修改），未导入任何数据。请稍后重新导入。"
)


def _batches(rows: list, size: int):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _unique_rows(ledger: Ledger, result: ImportResult) -> list[RowOutcome]:
    """The rows whose cells are good, a repeated natural key marked on the later row."""
    keys = set()
    rows = []
    for row in result.rows:
        if row.errors:
            continue
        key = tuple(row.values.get(name) for name in ledger.natural_key)
        if key in keys:
            row.errors.append("与前面的行重复")
            continue
        keys.add(key)
        rows.append(row)
    return rows


def _try(ledger: Ledger, row: RowOutcome, *, user, region) -> None:
    try:
        with transaction.atomic():
            row.action = ledger.save(row.values, user=user, region=region)
    except ValidationError as error:
        row.errors += ledger.error_messages(error)


def write_rows(ledger: Ledger, result: ImportResult, *, user, region, progress) -> None:
    """Check every row, then write them all in one transaction if every one is
    good, else nothing; a dry run only checks (see `fazhi.ledgers.bulk`)."""
    total = len(result.rows)
    rows = _unique_rows(ledger, result)
    if result.dry_run:
        plan = ledger.plan(rows, user=user, region=region)
        if plan is not None:
            progress(checked=total, written=0, total=total)
            return
    else:
        with transaction.atomic():
            # checked and written in one transaction: nobody changes a matched record in between
            plan = ledger.plan(rows, user=user, region=region)
            if plan is not None:
                failed = any(row.errors for row in result.rows)
                progress(checked=total, written=0, total=total)
                if failed:
                    return
                try:
                    with transaction.atomic():
                        plan.write()
                except IntegrityError as error:  # a rule only the database knew of
                    logger.warning("ledger import refused by the database: %r", error)
                    result.errors.append(WRITE_REFUSED)
                    return
                result.written_rows = len(rows)
        if plan is not None:
            progress(checked=total, written=result.written_rows, total=total)
            return
    _write_row_by_row(ledger, result, rows, user=user, region=region, progress=progress)


def _write_row_by_row(
    ledger: Ledger, result: ImportResult, rows: list, *, user, region, progress
) -> None:
    """Save the rows through `ledger.save` if every one is good, else nothing.

    A file of up to BATCH_ROWS rows is saved in one short transaction, rolled
    back on any error or a dry run. A bigger file must not hold the database's
    write lock for minutes (SQLite has one lock for everybody), so it is first
    checked in batches, each saved and rolled back in its own transaction, and
    only when every row passed is it written, batch by batch. After the full
    check the write can only fail on a record someone changed in between: that
    batch is rolled back and the result says how many rows were written before
    it (importing the same file again completes it, rows match on their key).
    """
    total = len(result.rows)
    if total <= BATCH_ROWS:
        with transaction.atomic():
            for row in rows:
                _try(ledger, row, user=user, region=region)
            failed = any(row.errors for row in result.rows)
            if result.dry_run or failed:
                transaction.set_rollback(True)
        if not (result.dry_run or failed):
            result.written_rows = len(rows)
        progress(checked=total, written=result.written_rows, total=total)
        return
    checked = total - len(rows)
    for batch in _batches(rows, BATCH_ROWS):
        with transaction.atomic():
            for row in batch:
                _try(ledger, row, user=user, region=region)
            transaction.set_rollback(True)
        checked += len(batch)
        progress(checked=checked, written=0, total=total)
    if result.dry_run or any(row.errors for row in result.rows):
        return
    for batch in _batches(rows, BATCH_ROWS):
        try:
            with transaction.atomic():
                for row in batch:
                    current = row
                    row.action = ledger.save(row.values, user=user, region=region)
        except ValidationError as error:
            current.errors += ledger.error_messages(error)
            current.errors.append(
                f"（数据在检查后被他人修改；此前已写入 {result.written_rows} 行，"
                "修正后重新导入同一文件即可补齐，已写入的行不会重复）"
            )
            return
        result.written_rows += len(batch)
        progress(checked=total, written=result.written_rows, total=total)
