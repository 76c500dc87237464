"""Ledger imports: in the request for a small file, queued for a big one."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core.scope import ensure_region_in_scope
from fazhi.ledgers import limits
from fazhi.ledgers.base import Ledger, get_ledger
from fazhi.ledgers.io import ImportResult, import_workbook
from fazhi.ledgers.models import KEPT_ERRORS, PREVIEW_ROWS, ImportStatus, LedgerImport

BACKGROUND_ROWS = 2000  # above this many rows an import from the page runs in the background
BACKGROUND_BYTES = 512 * 1024  # a sheet that does not declare its size: judged by the file


def ledger_import_is_big(*, file) -> bool:
    """Whether the page should queue the import: by the sheet's declared size."""
    try:
        limits.check_xlsx(file)
        book = load_workbook(file, read_only=True)
        try:
            rows = book.worksheets[0].max_row if book.worksheets else None
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - unreadable or too big: the import itself says why
        return False
    finally:
        file.seek(0)
    if rows is None:
        return file.size > BACKGROUND_BYTES
    return rows > BACKGROUND_ROWS


def ledger_import_queue(*, user, ledger: Ledger, region, file, dry_run: bool) -> LedgerImport:
    """Keep the file and queue the import; the page follows its progress."""
    from fazhi.ledgers.jobs import run_ledger_import

    ensure_region_in_scope(user, region)
    job = LedgerImport(ledger=ledger.key, region=region, dry_run=dry_run, requested_by=user)
    job.full_clean(exclude=["file"])
    job.file.save(f"{ledger.key}.xlsx", file, save=False)
    job.save()
    transaction.on_commit(lambda: run_ledger_import.enqueue(job.pk))
    return job


def _record_progress(job: LedgerImport):
    def progress(*, checked: int, written: int, total: int) -> None:
        LedgerImport.objects.filter(pk=job.pk).update(
            rows_checked=checked, rows_written=written, rows_total=total
        )

    return progress


def _keep_result(job: LedgerImport, result: ImportResult) -> None:
    job.status = ImportStatus.DONE if result.ok else ImportStatus.FAILED
    job.summary = result.summary()[:300]
    job.error_count = len(result.errors)
    job.errors = result.errors[:KEPT_ERRORS]
    job.headers = result.headers
    job.ignored_headers = result.ignored_headers
    job.mapping = [vars(match) for match in result.mapping]
    job.notes = result.notes
    job.header_row = result.header_row
    job.rows_total = len(result.rows)
    job.rows_checked = len(result.rows)
    job.rows_written = result.written_rows
    job.preview = [
        {
            "number": row.number,
            "cells": [None if cell is None else str(cell) for cell in row.cells],
            "action": row.action_label,
            "errors": row.errors,
        }
        for row in result.rows[:PREVIEW_ROWS]
    ]


def ledger_import_run(*, job: LedgerImport) -> LedgerImport:
    """Run a queued import (called by the background task); the file is deleted after."""
    LedgerImport.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    ledger = get_ledger(job.ledger)
    try:
        if ledger is None:
            raise ValidationError(f"没有台账 {job.ledger}。")
        with job.file.open("rb") as handle:
            result = import_workbook(
                ledger=ledger,
                file=handle,
                user=job.requested_by,
                region=job.region,
                dry_run=job.dry_run,
                progress=_record_progress(job),
            )
        _keep_result(job, result)
    except (ValidationError, PermissionDenied) as error:
        job.status = ImportStatus.FAILED
        messages = getattr(error, "messages", None) or [str(error) or "无权导入到该区划。"]
        job.summary = messages[0][:300]
        job.errors = messages
    finally:
        job.file.delete(save=False)
    job.finished_at = timezone.now()
    job.save()
    return job
