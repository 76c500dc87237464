"""In a real browser at phone width (375 px): the header's search box is in
reach on every page, and typing into it lists the records in the user's
scope, grouped by kind, with nothing wider than the screen."""

from conftest import browser_login, build_cast
from fazhi.disputes.tests.builders import make_dispute
from fazhi.publicity.tests import builders as publicity

PHONE = {"width": 375, "height": 740}


def test_a_village_cadre_searches_from_the_header_on_a_phone(browser_context, live_server):
    cast = build_cast()
    mine = make_dispute(cast, cast.qilong, summary="梧桐组两户因排水沟改道发生争执")
    theirs = make_dispute(cast, cast.huangshui, summary="梧桐湾两户因宅基地边界发生争执")
    publicity.make_activity(cast.qilong, title="梧桐院坝法律讲座")

    page = browser_login(browser_context, live_server, "qilong_cadre", viewport=PHONE)
    page.wait_for_selector("h1")
    box = page.locator(".topsearch input[name=q]")
    assert box.is_visible()  # not folded away behind the menu
    width = box.bounding_box()["width"]
    assert 150 <= width <= 375, width

    box.fill("梧桐")
    box.press("Enter")
    page.wait_for_selector("section.search-group")
    assert page.url.startswith(f"{live_server.url}/search/?q=")
    groups = page.locator("section.search-group h2").all_inner_texts()
    assert any(g.startswith("矛盾纠纷") for g in groups), groups
    assert any(g.startswith("普法活动") for g in groups), groups
    text = page.inner_text("main")
    assert mine.number in text
    assert theirs.number not in text  # 黄水社区's dispute is outside her scope
    assert page.input_value(".topsearch input[name=q]") == "梧桐"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow

    page.click(f"a:has-text('{mine.number}')")
    page.wait_for_url(f"**{mine.get_absolute_url()}")

    # From the group's link to the whole list, filtered by the same word.
    page.go_back()
    page.click("section[data-kind=disputes] a:has-text('查看全部结果')")
    page.wait_for_url("**/disputes/?q=*")
    assert page.input_value("input[name=q]:not(.topsearch input)") == "梧桐"
    assert mine.number in page.inner_text("table")
