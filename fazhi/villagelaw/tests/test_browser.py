"""At 375 px: the advisor logs a visit and a consultation in 七龙社区 and refers
it to legal aid; the town officer finds the referral's 7-day clock on the 待办."""

import re
from datetime import timedelta

from django.utils import timezone

from conftest import browser_login

PHONE = {"width": 375, "height": 740}


def test_the_advisor_refers_a_consultation_and_the_officer_sees_the_clock(
    browser_context, live_server
):
    from conftest import build_cast
    from fazhi.villagelaw.tests.builders import make_advisor, make_assignment

    cast = build_cast()
    today = timezone.localdate()
    chen = make_advisor(cast.town, user=cast.advisor)
    make_assignment(
        cast, cast.qilong, chen, start=today - timedelta(days=60), end=today + timedelta(days=300)
    )

    page = browser_login(browser_context, live_server, "advisor", viewport=PHONE)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/villagelaw/visits/new/")
    page.select_option("select[name=assignment]", index=1)
    page.fill("input[name=date]", today.isoformat())
    page.fill("input[name=hours]", "2.5")
    page.fill("textarea[name=work]", "在社区便民服务中心坐班，接待群众咨询。")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已保存驻村服务记录")

    page.goto(f"{live_server.url}/villagelaw/consultations/new/")
    page.select_option("select[name=region]", label="七龙社区")
    page.fill("input[name=date]", today.isoformat())
    page.fill("input[name=person_name]", "谭某英")
    page.fill("input[name=phone]", "13812345678")
    page.select_option("select[name=category]", value="labour")
    page.fill("textarea[name=question]", "在外务工被拖欠工资一万二千元，怎么讨要？")
    page.fill("textarea[name=answer]", "保留考勤和转账记录，可申请法律援助。")
    page.select_option("select[name=referred_to]", value="legal_aid")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已保存")
    assert "13812345678" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.click("a:has-text('转法律援助')")
    page.wait_for_selector("select[name=basis]")
    page.select_option("select[name=matter]", value="labour")
    page.select_option("select[name=basis]", value="art42_migrant")
    page.fill("input[name=forwarded_on]", today.isoformat())
    page.click("button:has-text('保存')")
    page.wait_for_url(re.compile(r"/villagelaw/referrals/\d+/$"))
    assert "前作出决定" in page.content()

    officer = browser_context.browser.new_context(viewport=PHONE, locale="zh-CN")
    try:
        desk = browser_login(officer, live_server, "hs_officer")
        desk.wait_for_url(lambda url: "/accounts/login/" not in url)
        desk.goto(f"{live_server.url}/notices/todo/")
        desk.wait_for_selector("text=跟进法律援助中心7日内作出决定")
        assert "七龙社区 谭某英" in desk.content()
    finally:
        officer.close()
