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


def test_text_typed_on_the_page_is_in_the_file_generated_without_pressing_save(
    browser_context, live_server, cast
):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    page = browser_login(browser_context, live_server, "hs_officer")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.fill("textarea[name=intro]", "这是刚在页面上写下、尚未保存的开头段落。")
    page.fill("textarea[name=n_publicity]", "本节叙述也是刚写的。")
    assert page.locator("#unsaved-note").is_visible()
    page.select_option("select[name=format]", "docx")
    page.click("form[hx-post] button[type=submit]")
    link = page.locator("#report-file a[download]")
    link.wait_for()
    assert not page.locator("#unsaved-note").is_visible()
    with page.expect_download() as download:
        link.click()
    texts = [p.text for p in Document(BytesIO(Path(download.value.path()).read_bytes())).paragraphs]
    assert "这是刚在页面上写下、尚未保存的开头段落。" in texts
    assert any("本节叙述也是刚写的。" in text for text in texts)


def test_leaving_the_page_with_unsaved_typing_asks_first(browser_context, live_server, cast):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    page = browser_login(browser_context, live_server, "hs_officer")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.goto(f"{live_server.url}/reports/")  # nothing typed: leaves without asking
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.fill("textarea[name=intro]", "未保存的文字。")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.evaluate("document.querySelector('a.brand').click()")
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.endswith(f"/reports/{report.pk}/")
