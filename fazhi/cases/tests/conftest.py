"""Browser fixtures for this app's Playwright test.

The browser itself is the root conftest's session `_browser`: a second
session-wide sync_playwright here breaks every browser test that runs after
this app's ("Sync API inside the asyncio loop").

The same fixtures are in the root conftest.py on main (added after this
branch started); once merged, this file can go and the test import
`browser_login` from there.
"""

import pytest

from conftest import build_cast


@pytest.fixture
def browser_context(_browser, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    build_cast()
    context = _browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15000)
    yield context
    context.close()


def browser_login(context, live_server, username, *, next_url="/"):
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD

    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    return page
