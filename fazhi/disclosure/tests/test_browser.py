"""At 375 px: the cadre drafts, the supervisor approves, the post is on the public
village page without login; a member of the public sends a query and the cadre answers it."""

import re

from django.core import signing

from conftest import browser_login
from fazhi.disclosure.guard import CAPTCHA_SALT
from fazhi.disclosure.tests.helpers import build_world

PHONE = {"width": 375, "height": 740}


def test_a_post_goes_from_draft_to_the_public_page_and_a_query_is_answered(
    browser_context, live_server
):
    from conftest import build_cast

    cast = build_cast()
    world = build_world(cast)
    page = browser_login(browser_context, live_server, "qilong_cadre", viewport=PHONE)
    page.goto(f"{live_server.url}/disclosure/posts/new/")
    page.select_option("select[name=region]", label="七龙社区")
    page.select_option("select[name=category]", label=str(world.quarterly))
    page.fill("input[name=year]", "2020")
    page.fill("input[name=period]", "2")
    page.fill("input[name=title]", "七龙社区第二季度惠农补贴公示")
    page.fill(
        "textarea[name=body]", "户主 | 金额（元）\n谭某华 | 520.00\n\n如有异议请于10日内提出。"
    )
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已保存草稿")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("text=已提交村务监督委员会审核")
    post_url = page.url

    second = browser_context.browser.new_context(viewport=PHONE, locale="zh-CN")
    try:
        reviewer = browser_login(second, live_server, "ql_supervisor")
        reviewer.wait_for_url(lambda url: "/accounts/login/" not in url)
        reviewer.goto(post_url)
        reviewer.click("button:has-text('审核通过并公开')")
        reviewer.wait_for_selector("text=审核通过，已公开并报乡镇备案")
    finally:
        second.close()

    public = browser_context.browser.new_context(viewport=PHONE, locale="zh-CN")
    try:
        visitor = public.new_page()
        visitor.goto(f"{live_server.url}/gongkai/{cast.qilong.code}/")
        visitor.click("text=七龙社区第二季度惠农补贴公示")
        visitor.wait_for_selector("th:has-text('户主')")
        assert visitor.evaluate("document.documentElement.scrollWidth") <= 375
        visitor.click("text=对本条内容提出质询")
        visitor.fill("input[name=name]", "谭某")
        visitor.fill("input[name=phone]", "13812345678")
        visitor.fill("textarea[name=content]", "补贴金额与通知不符，请核实。")
        token = visitor.get_attribute("input[name=captcha_token]", "value")
        answer = signing.loads(token, salt=CAPTCHA_SALT)["a"]
        visitor.fill("input[name=captcha]", str(answer))
        visitor.click("button:has-text('提交质询')")
        visitor.wait_for_selector("text=已收到您的质询")
    finally:
        public.close()

    page.goto(f"{live_server.url}/disclosure/queries/")
    page.click("td a")
    page.check("input[name=accept][value='1']")
    page.click("button:has-text('确定')")
    page.wait_for_selector("text=已审核")
    page.fill("textarea[name=answer]", "经核实，补贴金额无误，已电话说明。")
    page.click("button:has-text('答复')")
    page.wait_for_selector("text=已答复")
    assert re.search(r"已公开", page.content())
