"""In the browser: the officer generates the report and downloads it."""

from io import BytesIO
from pathlib import Path

from docx import Document

from conftest import browser_login
from fazhi.reports import services


def test_the_generate_button_shows_progress_and_offers_the_download(
    browser_context, live_server, cast
):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    page = browser_login(browser_context, live_server, "hs_officer")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.select_option("select[name=format]", "docx")
    page.click("form[hx-post] button[type=submit]")
    link = page.locator("#report-file a[download]")
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    data = Path(download.value.path()).read_bytes()
    assert Document(BytesIO(data)).paragraphs[0].text.startswith("黄水镇2020年度")
