"""Publicity's report paragraphs and ledgers on the demo town (seed figures)."""

from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from docx import Document

from fazhi.metrics import Period
from fazhi.publicity.models import Activity
from fazhi.regions.models import Region
from fazhi.reports import document, services
from fazhi.reports.ledgers import export_workbook, get_ledger, import_workbook

YEAR = Period.year(2020)


@pytest.fixture
def town(cast):
    call_command("loaddemo", stdout=StringIO())
    return Region.objects.get(code="500240105000")


def test_the_cli_report_of_the_demo_town_gives_the_seed_figures(town, tmp_path):
    output = tmp_path / "report.docx"
    call_command(
        "report", "--region", town.code, "--year", "2020", "-o", str(output), stdout=StringIO()
    )
    text = "".join(p.text for p in Document(BytesIO(output.read_bytes())).paragraphs)
    assert "集中开展各类普法宣传活动6次" in text
    assert "受教人数达2000余人次" in text
    assert "宣传资料1500余份" in text
    assert "8个村（社区）利用LED屏" in text


def test_it_proposes_the_under_served_villages_as_a_problem(cast, town):
    report = services.report_create(user=cast.officer, region=town, year=2020)
    candidates = document.assemble(report)["candidates"]
    problems = [c["text"] for c in candidates if c["kind"] == "problem"]
    assert any("人均受教人次偏低" in text for text in problems)


def test_a_year_without_publicity_records_claims_nothing(cast, town):
    report = services.report_create(user=cast.officer, region=town, year=2015)
    text = "".join(
        s["text"] for part in document.assemble(report)["parts"] for s in part["sections"]
    )
    assert "普法宣传活动" not in text and "余人次" not in text


def test_the_activity_ledger_round_trip_gives_the_same_records(cast, town):
    ledger = get_ledger("publicity.activities")

    def snapshot():
        return sorted(
            (
                a.date,
                a.title,
                a.place,
                a.region.code,
                a.form,
                a.concentrated,
                a.person_times,
                a.materials,
                tuple(sorted(v.code for v in a.villages.all())),
            )
            for a in ledger.queryset(town, YEAR)
        )

    before = snapshot()
    assert len(before) >= 6
    data = export_workbook(ledger, ledger.queryset(town, YEAR), title="普法活动台账")
    Activity.objects.in_region(town).in_period(YEAR).held().delete()
    assert snapshot() == []

    result = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", data),
        user=cast.officer,
        region=town,
        dry_run=False,
    )
    assert result.ok, result.errors
    assert snapshot() == before
    again = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", data),
        user=cast.officer,
        region=town,
        dry_run=False,
    )
    assert again.count("created") == 0 and again.count("unchanged") == len(before)


def test_the_law_understander_register_exports(cast, town):
    ledger = get_ledger("publicity.law_understanders")
    records = ledger.records(user=cast.officer, region=town, period=YEAR)
    assert records.count() > 0
    data = export_workbook(ledger, records, title="法律明白人名册")
    result = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", data),
        user=cast.officer,
        region=town,
        dry_run=True,
    )
    assert result.ok and result.count("unchanged") == records.count()
