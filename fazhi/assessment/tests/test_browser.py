"""On a phone (375 px): the officer self-assesses with a file, the county returns
the indicator for 补充, it shows on the officer's 待办, the officer completes it,
the county reviews and finalises, and the ranking shows."""

from datetime import timedelta

from django.utils import timezone

from conftest import browser_login, build_cast
from fazhi.assessment.tests.helpers import build_system, entry, town_sheet

PHONE = {"width": 375, "height": 800}
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_self_assessment_return_todo_resubmission_review_and_ranking(browser_context, live_server):
    cast = build_cast()
    sheet = town_sheet(cast, build_system(cast.county_admin))
    item = entry(sheet, "专题研究法治建设")
    entry_url = item.get_absolute_url()

    officer = browser_login(
        browser_context, live_server, "hs_officer", viewport=PHONE, next_url=entry_url
    )
    officer.fill("form.self-assess input[name=score]", "8")
    officer.fill("form.self-assess textarea[name=note]", "全年党委会专题研究法治建设2次")
    officer.set_input_files(
        "form.self-assess input[name=files]",
        files=[{"name": "党委会纪要.png", "mimeType": "image/png", "buffer": PNG}],
    )
    officer.click("form.self-assess button:has-text('保存自评')")
    officer.wait_for_selector("text=自评已保存")
    assert officer.locator("ul.files >> text=党委会纪要.png").count() == 1
    officer.goto(live_server.url + sheet.get_absolute_url())
    officer.click("button:has-text('提交审核')")
    officer.wait_for_selector("text=已提交，等待县里审核")

    county_context = browser_context.browser.new_context(locale="zh-CN")
    county = browser_login(
        county_context, live_server, "county_admin", viewport=PHONE, next_url=entry_url
    )
    due = timezone.localdate() + timedelta(days=5)
    county.fill("form.return textarea[name=note]", "请补充会议纪要原件照片")
    county.fill("form.return input[name=due]", due.isoformat())
    county.click("form.return button:has-text('退回补充')")
    county.wait_for_selector("text=已退回镇里补充")

    officer.goto(live_server.url + "/")
    todo = officer.locator("#todo")
    todo.wait_for()
    assert "专题研究法治建设" in todo.inner_text()
    todo.locator("a", has_text="专题研究法治建设").click()
    officer.wait_for_selector("text=请补充会议纪要原件照片")
    officer.fill("form.self-assess textarea[name=note]", "已补充会议纪要原件照片")
    officer.click("form.self-assess button:has-text('保存自评')")
    officer.wait_for_selector("text=自评已保存")
    officer.goto(live_server.url + "/")
    assert "专题研究法治建设" not in officer.locator("#todo").inner_text()

    county.goto(live_server.url + entry_url)
    county.click("form.review button:has-text('审核通过')")
    county.wait_for_selector("text=审核意见已保存")
    county.click("button:has-text('定稿')")
    county.wait_for_selector("text=已定稿")
    county.click("a:has-text('排名')")
    row = county.locator("table.ranking tbody tr").first
    assert "第1名" in row.inner_text() and "黄水镇" in row.inner_text()
    assert "8.00" in row.inner_text()
    county_context.close()
