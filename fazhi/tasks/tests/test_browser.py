"""In a real browser at 375 px: a notice with three tasks, one for the 七龙
cadre, who reports with a photo; the officer confirms; the leader reads the rate."""

import base64
from datetime import date, timedelta

from conftest import browser_login
from fazhi.attachments.models import Attachment
from fazhi.tasks.models import Notice, Progress, Status, Task

PHONE = {"width": 375, "height": 740}
SOON = (date.today() + timedelta(days=7)).isoformat()  # within the 待办's horizon
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _add_task(page, live_server, notice, title, unit, person="", due="2030-06-30"):  # noqa: ARG001
    page.goto(f"{live_server.url}/tasks/notices/{notice.pk}/tasks/new/")
    page.fill("textarea[name=title]", title)
    page.select_option("select[name=unit]", label=unit)
    if person:
        page.select_option("select[name=person]", index=person)
    page.fill("input[name=due_on]", due)
    page.click("form.tasks-form button.primary")
    page.wait_for_selector(f"text={title}")


def test_a_notice_is_broken_into_tasks_reported_and_confirmed_on_a_phone(
    browser_context, live_server
):
    page = browser_login(browser_context, live_server, "hs_officer", viewport=PHONE)
    page.goto(f"{live_server.url}/tasks/notices/new/")
    page.fill("input[name=issuer]", "石柱土家族自治县人民政府办公室")
    page.fill("input[name=doc_number]", "工作通知[2030]113号")
    page.fill("input[name=title]", "关于做好全县法治政府建设工作的通知")
    page.fill("input[name=received_on]", "2026-01-05")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click("form.tasks-form button.primary")
    page.wait_for_selector("h1:has-text('关于做好全县法治政府建设工作的通知')")
    notice = Notice.objects.get(doc_number="工作通知〔2030〕113号")
    _add_task(page, live_server, notice, "示范创建指标对照", "黄水镇人民政府")
    _add_task(page, live_server, notice, "聘请法律顾问", "黄水镇司法所")
    page.goto(f"{live_server.url}/tasks/notices/{notice.pk}/tasks/new/")
    page.fill("textarea[name=title]", "七龙社区建成贵和工作室")
    page.select_option("select[name=unit]", label="七龙社区 · 七龙社区居民委员会")
    cadre_option = page.locator("select[name=person] option", has_text="冉七龙").get_attribute(
        "value"
    )
    page.select_option("select[name=person]", cadre_option)
    page.fill("input[name=due_on]", SOON)
    page.click("form.tasks-form button.primary")
    page.wait_for_selector("text=七龙社区建成贵和工作室")
    assert notice.tasks.count() == 3
    task = Task.objects.get(title="七龙社区建成贵和工作室")

    cadre = browser_login(
        browser_context.browser.new_context(), live_server, "qilong_cadre", viewport=PHONE
    )
    first = cadre.locator("#todo a", has_text="七龙社区建成贵和工作室").first
    assert "七龙社区建成贵和工作室" in first.inner_text()
    first.click()
    cadre.wait_for_selector("form.progress-form")
    cadre.fill("textarea[name=text]", "工作室已挂牌运行")
    cadre.check("input[name=finished]")
    cadre.set_input_files(
        "input[name=photos]", files=[{"name": "挂牌.png", "mimeType": "image/png", "buffer": PNG}]
    )
    assert cadre.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cadre.click("form.progress-form button.primary")
    cadre.wait_for_selector("#task-status:has-text('待确认')")
    progress = Progress.objects.get(task=task)
    assert Attachment.objects.of(progress).get().kind == "photo"

    page.goto(f"{live_server.url}/tasks/{task.pk}/")
    page.click("form.confirm-form button.primary")
    page.wait_for_selector("#task-status:has-text('已完成')")
    assert Task.objects.get(pk=task.pk).status == Status.DONE

    leader = browser_login(
        browser_context.browser.new_context(), live_server, "hs_leader", viewport=PHONE
    )
    leader.goto(f"{live_server.url}/tasks/notices/{notice.pk}/")
    assert "完成率 33.3%" in leader.inner_text("#completion")
