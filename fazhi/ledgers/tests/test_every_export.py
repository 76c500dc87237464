"""Every Excel export goes through the one writer: a formula typed into a
record comes back as the same text, and a record saved with control
characters (before input was checked) does not break any export."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from fazhi.cases.models import Lawsuit
from fazhi.cases.tests.builders import make_lawsuit
from fazhi.disputes.models import Dispute
from fazhi.disputes.tests.builders import make_dispute, make_party
from fazhi.legal.models import Service, ServiceKind
from fazhi.legal.tests.builders import make_advisor
from fazhi.publicity.models import Activity
from fazhi.publicity.tests.builders import make_activity

BELL = "宪法\u0007进村\x1b"


def cell_values(response) -> list:
    assert response.status_code == 200, response.content[:300]
    sheet = load_workbook(BytesIO(response.content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def text_cells(response) -> dict[str, str]:
    return {cell.value: cell.data_type for cell in cell_values(response) if cell.value}


def test_a_formula_in_a_dispute_summary_and_a_party_name_is_exported_as_text(cast, client):
    dispute = make_dispute(cast, summary='=HYPERLINK("http://x","y")', people_involved=3)
    make_party(dispute, name="=CMD|' /C calc'!A0")
    client.force_login(cast.officer)
    response = client.get("/disputes/export.xlsx")
    exported = text_cells(response)
    assert exported['=HYPERLINK("http://x","y")'] == "s"
    assert exported["=CMD|' /C calc'!A0（申请人）"] == "s"
    sheet = load_workbook(BytesIO(response.content)).active
    people = [row[7] for row in sheet.iter_rows(min_row=3) if row[1].value == dispute.number]
    assert people[0].value == 3 and people[0].data_type == "n"


@pytest.mark.parametrize("title", ["+1", "-2", "@SUM(A1)", "=1+1"])
def test_an_activity_title_starting_like_a_formula_is_exported_as_text(cast, client, title):
    make_activity(cast.town, [cast.qilong], title=title)
    client.force_login(cast.officer)
    exported = text_cells(client.get("/publicity/activities/", {"format": "xlsx"}))
    assert exported[title] == "s"
    ledger = client.get(
        "/reports/ledgers/publicity.activities/export/", {"region": cast.town.code, "year": 2020}
    )
    assert text_cells(ledger)[title] == "s"


def test_an_old_activity_with_control_characters_does_not_break_its_exports(cast, client):
    record = make_activity(cast.town, [cast.qilong], title="普法")
    Activity.objects.filter(pk=record.pk).update(title=BELL)  # as saved before validation
    client.force_login(cast.officer)
    assert "宪法进村" in text_cells(client.get("/publicity/activities/", {"format": "xlsx"}))
    ledger = client.get(
        "/reports/ledgers/publicity.activities/export/", {"region": cast.town.code, "year": 2020}
    )
    assert "宪法进村" in text_cells(ledger)


def test_an_old_dispute_with_control_characters_does_not_break_its_exports(cast, client):
    dispute = make_dispute(cast)
    Dispute.objects.filter(pk=dispute.pk).update(summary=BELL)
    client.force_login(cast.officer)
    assert "宪法进村" in text_cells(client.get("/disputes/export.xlsx"))
    ledger = client.get(
        "/reports/ledgers/disputes.cases/export/", {"region": cast.town.code, "year": 2020}
    )
    assert "宪法进村" in text_cells(ledger)


def test_an_old_lawsuit_with_control_characters_does_not_break_its_exports(cast, client):
    case = make_lawsuit(cast)
    Lawsuit.objects.filter(pk=case.pk).update(cause=BELL)
    client.force_login(cast.officer)
    assert "宪法进村" in text_cells(client.get("/cases/lawsuits/export/"))
    ledger = client.get(
        "/reports/ledgers/cases.lawsuits/export/", {"region": cast.town.code, "year": 2020}
    )
    assert "宪法进村" in text_cells(ledger)


def test_an_old_legal_service_with_control_characters_does_not_break_its_exports(cast, client):
    advisor = make_advisor(cast.town)
    Service.objects.create(
        advisor=advisor, region=cast.town, date=date(2020, 5, 1), kind=ServiceKind.LECTURE,
        subject=BELL,
    )  # fmt: skip
    client.force_login(cast.officer)
    assert "宪法进村" in text_cells(client.get("/legal/services/", {"export": "xlsx"}))
    ledger = client.get(
        "/reports/ledgers/legal.services/export/", {"region": cast.town.code, "year": 2020}
    )
    assert "宪法进村" in text_cells(ledger)
