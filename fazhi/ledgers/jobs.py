"""Background work of the ledgers: a big import (see services.ledger_import_run)."""

from django_tasks import task

from fazhi.ledgers.models import LedgerImport
from fazhi.ledgers.services import ledger_import_run


@task()
def run_ledger_import(import_id: int) -> str:
    job = LedgerImport.objects.select_related("region", "requested_by").get(pk=import_id)
    return ledger_import_run(job=job).status
