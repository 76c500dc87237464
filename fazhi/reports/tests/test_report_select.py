"""One rule picks the report a region and year mean, for the command and the page."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fazhi.reports import services
from fazhi.reports.models import Report
from fazhi.reports.selectors import NoSuchVersion, report_select

pytestmark = pytest.mark.usefixtures("registered")


def two_versions(cast):
    first = services.report_create(user=cast.officer, region=cast.town, year=2020)
    final = services.report_finalise(user=cast.officer, report=first)
    draft = services.report_new_draft(user=cast.officer, report=final)
    return final, draft


def test_it_picks_the_latest_final_over_a_newer_draft(cast):
    final, _draft = two_versions(cast)
    assert report_select(region=cast.town, year=2020) == final


def test_it_picks_the_version_asked_for(cast):
    _final, draft = two_versions(cast)
    assert report_select(region=cast.town, year=2020, version=draft.version) == draft


def test_it_says_which_version_does_not_exist(cast):
    with pytest.raises(NoSuchVersion, match="黄水镇2020年度没有第7版报告"):
        report_select(region=cast.town, year=2020, version=7)


def test_without_any_report_it_gives_an_unsaved_draft_from_the_records(cast):
    report = report_select(region=cast.town, year=2020)
    assert report.pk is None and report.version == 0 and not report.is_final


def test_a_user_only_gets_reports_in_scope(cast):
    Report.objects.create(region=cast.county, year=2020)
    assert report_select(region=cast.county, year=2020).pk is not None
    assert report_select(region=cast.county, year=2020, user=cast.officer).pk is None


def test_the_page_opens_the_report_the_command_prints(cast, client, tmp_path):
    final, _draft = two_versions(cast)
    client.force_login(cast.officer)
    response = client.get(f"/reports/open/?region={cast.town.code}&year=2020")
    assert response.status_code == 302 and response.url == f"/reports/{final.pk}/"
    output = StringIO()
    call_command(
        "report",
        f"--region={cast.town.code}",
        "--year=2020",
        f"-o={tmp_path / 'r.docx'}",
        stdout=output,
    )
    assert f"第{final.version}版定稿" in output.getvalue()


def test_the_page_and_the_command_refuse_a_missing_version_alike(cast, client, tmp_path):
    two_versions(cast)
    client.force_login(cast.officer)
    response = client.get(f"/reports/open/?region={cast.town.code}&year=2020&version=9")
    assert response.status_code == 404
    with pytest.raises(CommandError, match="没有第9版报告"):
        call_command(
            "report",
            f"--region={cast.town.code}",
            "--year=2020",
            "--report-version=9",
            f"-o={tmp_path / 'r.docx'}",
            stdout=StringIO(),
        )


@pytest.mark.parametrize(
    "query",
    [
        "region=500240105000&year=abc",
        "region=500240105000&year=2020&version=x",
        "region=500240105000&year=2020&version=-1",
        "year=2020",
    ],
)
def test_the_page_answers_404_to_a_malformed_query(cast, client, query):
    client.force_login(cast.officer)
    assert client.get(f"/reports/open/?{query}").status_code == 404


def test_the_page_answers_404_for_a_region_out_of_scope(cast, client):
    Report.objects.create(region=cast.county, year=2020)
    client.force_login(cast.officer)
    response = client.get(f"/reports/open/?region={cast.county.code}&year=2020")
    assert response.status_code == 404
