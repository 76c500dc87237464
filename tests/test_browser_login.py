"""In a real browser (Debian Chromium), at phone width."""

from conftest import browser_login

PHONE = {"width": 375, "height": 740}


def test_the_officer_logs_in_on_a_phone_and_reaches_home(browser_context, live_server):
    page = browser_login(browser_context, live_server, "hs_officer", viewport=PHONE)
    page.wait_for_selector("h1:has-text('镇法治专干工作台')")
    assert "黄水镇" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    topbar = page.evaluate("getComputedStyle(document.querySelector('.topbar')).backgroundColor")
    assert topbar == "rgb(179, 38, 30)"  # the stylesheet is served locally
    assert not page.is_visible("nav.mainnav a:has-text('区划与组织')")  # folded on a phone
    page.click("label.nav-toggle-label")
    assert page.is_visible("nav.mainnav a:has-text('区划与组织')")


def test_a_wrong_password_shows_the_login_error(browser_context, live_server):
    page = browser_login(
        browser_context, live_server, "hs_officer", "Wrong#Password1", viewport=PHONE
    )
    error = page.wait_for_selector(".form-errors")
    assert "用户名或密码不正确" in error.inner_text()
    assert page.url.endswith("/accounts/login/")
