"""The demo town's disputes, lawsuits and reconsiderations go out as the apps'
own ledgers and come back in, after the records are deleted, as the same records."""

from datetime import date
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from fazhi.cases.models import Lawsuit, Reconsideration
from fazhi.disputes.models import Dispute
from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.metrics import Period
from fazhi.regions.models import Region

EVER = Period(start=date(2000, 1, 1), end=date(2099, 12, 31))
CASE = ["case_number", "region_id", "answer_due", "handler_id", "leader_id", "outcome"]
CASES = {
    "disputes.cases": (
        Dispute,
        "number",
        ["number", "region_id", "registered_on", "source", "dispute_type_id", "summary",
         "people_involved", "amount", "risk", "organisation_id", "accepted_on", "status",
         "outcome", "concluded_on"],
    ),
    "cases.lawsuits": (
        Lawsuit,
        "case_number",
        [*CASE, "complaint_received_on", "decision_date", "appeal_due", "appeal"],
    ),
    "cases.reconsiderations": (
        Reconsideration,
        "case_number",
        [*CASE, "received_on", "accepted_on", "decision_due", "extension_days", "decision_date"],
    ),
}  # fmt: skip


@pytest.fixture
def town(cast):
    call_command("loaddemo", stdout=StringIO())
    return Region.objects.get(code="500240105000")


def _delete(model):
    if model is Dispute:
        from fazhi.disputes.models import Deliberation, Finding

        Finding.objects.update(dispute=None)
        Deliberation.objects.update(dispute=None)
    if model is Lawsuit:
        Lawsuit.objects.exclude(first_instance=None).delete()
    model.objects.all().delete()


@pytest.mark.parametrize("key", list(CASES))
def test_exporting_deleting_and_importing_the_demo_ledger_gives_the_same_records(cast, town, key):
    model, order, fields = CASES[key]
    ledger = get_ledger(key)
    records = ledger.records(user=cast.officer, region=town, period=EVER)
    exported = export_workbook(ledger, records, title=ledger.title)
    before = list(model.objects.order_by(order).values_list(*fields))
    assert before, "the demo has records of this ledger"

    _delete(model)
    upload = SimpleUploadedFile("台账.xlsx", exported)
    result = import_workbook(
        ledger=ledger, file=upload, user=cast.officer, region=town, dry_run=False
    )

    assert result.ok, result.errors
    assert list(model.objects.order_by(order).values_list(*fields)) == before
