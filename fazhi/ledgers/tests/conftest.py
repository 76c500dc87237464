"""Two ledgers registered for these tests only, on organisations (which every
database has): one that writes, one that only checks (for a preview of tens of
thousands of rows without the cost of any capability's records)."""

import pytest
from django.core.exceptions import ValidationError

from fazhi.ledgers.base import Column, Ledger, register_ledger, unregister_ledger
from fazhi.regions.models import Organisation, OrganisationKind

COLUMNS = [
    Column("村（社区）", "region", kind="village"),
    Column("名称", "name"),
    Column("人数", "people", kind="int", required=False),
]


class OrganisationLedger(Ledger):
    key = "test.org_rows"
    title = "组织机构台账"
    capability = "reports"
    model = Organisation
    natural_key = ("region", "name")
    columns = COLUMNS

    def queryset(self, region, period):
        return Organisation.objects.filter(region__code__startswith=region.prefix)

    def save(self, values, *, user, region):
        if values["name"].startswith("坏"):
            raise ValidationError({"name": "名称不能以“坏”开头"})
        _, created = Organisation.objects.get_or_create(
            region=values["region"], name=values["name"], defaults={"kind": OrganisationKind.OTHER}
        )
        return "created" if created else "unchanged"


class CheckOnlyLedger(OrganisationLedger):
    key = "test.checks"

    def save(self, values, *, user, region):
        if values["name"].startswith("坏"):
            raise ValidationError({"name": "名称不能以“坏”开头"})
        return "created"


@pytest.fixture
def test_ledgers():
    register_ledger(OrganisationLedger)
    register_ledger(CheckOnlyLedger)
    yield
    unregister_ledger(OrganisationLedger.key)
    unregister_ledger(CheckOnlyLedger.key)
