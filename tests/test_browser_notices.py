"""In a real browser at phone width (375 px): a dispute assigned by the officer
reaches the mediator at once — the header's unread count, the top of his 待办."""

from datetime import date

from conftest import browser_login

PHONE = {"width": 375, "height": 740}


def test_the_officer_assigns_and_the_mediator_finds_it_at_the_top_of_his_home_page(
    browser_context, live_server
):
    from fazhi.accounts.models import User
    from fazhi.disputes.tests.builders import make_dispute, make_organisation
    from fazhi.regions.models import Region

    officer = User.objects.get(username="hs_officer")
    mediator = User.objects.get(username="guihe_mediator")
    qilong = Region.objects.get(name="七龙社区")
    cast = type("Cast", (), {"officer": officer, "qilong": qilong})
    dispute = make_dispute(cast, registered_on=date.today(), summary="两户因宅基地界址争执")

    page = browser_login(
        browser_context,
        live_server,
        "hs_officer",
        viewport=PHONE,
        next_url=f"/disputes/{dispute.pk}/assign/",
    )
    page.wait_for_selector("select[name=organisation]")
    page.select_option("select[name=organisation]", str(make_organisation(qilong, "贵和工作室").pk))
    page.select_option("select[name=mediators]", [str(mediator.pk)])
    page.fill("input[name=accepted_on]", date.today().isoformat())
    page.click("main button[type=submit].primary")
    page.wait_for_url(f"**/disputes/{dispute.pk}/")

    other = browser_context.browser.new_context(viewport=PHONE, locale="zh-CN")
    try:
        page = browser_login(other, live_server, "guihe_mediator", viewport=PHONE)
        page.wait_for_selector("h1:has-text('工作台')")
        count = page.locator(".topbar .notice-count")
        assert count.is_visible() and count.inner_text() == "1"
        box = page.locator(".topbar .notice-link").bounding_box()
        assert box["x"] + box["width"] <= PHONE["width"]
        first = page.locator("#todo tbody tr").first
        assert dispute.number in first.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        first.locator("a").first.click()
        page.wait_for_url(f"**/disputes/{dispute.pk}/")
        assert dispute.number in page.inner_text("main")
        # the notice about it was read by opening the case
        assert not page.locator(".topbar .notice-count").count()
    finally:
        other.close()
