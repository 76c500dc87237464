"""In a real browser (Debian Chromium): primary actions look like buttons,
each choice sits with its label, pages print without the application around
them, a phone gets a usable menu, folded filters and lists as cards, and the
error pages are the product's own."""

from datetime import date
from pathlib import Path

from conftest import browser_login, build_cast
from fazhi.disputes.tests.builders import make_dispute
from fazhi.legal.models import SubjectKind
from fazhi.legal.services import review_request_send
from fazhi.legal.tests.builders import make_advisor

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
RED = "rgb(179, 38, 30)"
SHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _disputes(count=3):
    cast = build_cast()
    villages = [cast.qilong, cast.huangshui]
    return cast, [
        make_dispute(
            cast,
            villages[n % 2],
            summary=f"第{n + 1}组两户因宅基地边界与排水沟改道发生争执，要求村委会出面调解",
            registered_on=date(2020, 6, n + 1),
        )
        for n in range(count)
    ]


def _looks_like_a_button(page, selector):
    style = page.eval_on_selector(
        selector,
        """e => { const s = getComputedStyle(e); return {
            bg: s.backgroundColor, line: s.textDecorationLine,
            pad: parseFloat(s.paddingLeft), radius: parseFloat(s.borderTopLeftRadius),
            display: s.display }; }""",
    )
    assert style["bg"] == RED, style
    assert style["line"] == "none" and style["pad"] >= 8 and style["radius"] > 0, style
    assert style["display"] in ("inline-block", "block"), style  # block inside a flex row


def test_primary_actions_are_buttons(browser_context, live_server):
    cast, (dispute, *_) = _disputes(1)
    page = browser_login(browser_context, live_server, "hs_officer", viewport=DESKTOP)
    page.wait_for_selector("h1")
    page.goto(f"{live_server.url}/disputes/")
    _looks_like_a_button(page, "a.primary:has-text('登记纠纷')")
    page.goto(f"{live_server.url}/disputes/{dispute.pk}/")
    _looks_like_a_button(page, "a.primary:has-text('受理并分派调解')")
    page.goto(f"{live_server.url}/cases/lawsuits/")
    _looks_like_a_button(page, "a.primary:has-text('登记案件')")
    _shot(page, "primary-actions")


def _choice_beside_label(page, input_selector):
    """The box or dot sits on the line of its own label text, just before it."""
    boxes = page.eval_on_selector_all(
        input_selector,
        """inputs => inputs.map(i => {
            const label = i.closest('label') || document.querySelector(`label[for="${i.id}"]`);
            const range = document.createRange();
            const text = [...label.childNodes].find(n => n !== i && n.textContent.trim());
            range.selectNodeContents(text);
            const t = range.getBoundingClientRect(), b = i.getBoundingClientRect();
            return {text: label.textContent.trim(), box: [b.left, b.right, b.top, b.bottom],
                    label: [t.left, t.right, t.top, t.bottom]};
        })""",
    )
    assert boxes
    for item in boxes:
        left, right, top, bottom = item["box"]
        t_left, _t_right, t_top, t_bottom = item["label"]
        assert right - left < 30, item  # not stretched across the form
        assert 0 <= t_left - right < 16, item  # right before its text
        assert abs((top + bottom) / 2 - (t_top + t_bottom) / 2) < 8, item  # on its line
    return [item["text"] for item in boxes]


def test_the_advisors_opinion_and_the_active_box_sit_with_their_labels(
    browser_context, _browser, live_server
):
    cast = build_cast()
    chen = make_advisor(cast.town, user=cast.advisor)
    review = review_request_send(
        user=cast.officer,
        region=cast.town,
        subject_kind=SubjectKind.CONTRACT,
        title="场镇道路保洁服务合同",
        reviewer=chen,
        sent_on=date(2020, 9, 28),
    )
    page = browser_login(browser_context, live_server, "advisor", viewport=DESKTOP)
    page.wait_for_selector("h1")
    page.goto(f"{live_server.url}/legal/reviews/{review.pk}/")
    labels = _choice_beside_label(page, "input[name=opinion]")
    assert labels == ["合法", "修改后合法", "不合法"]
    _shot(page, "opinion-radios")
    page.set_viewport_size(PHONE)
    _choice_beside_label(page, "input[name=opinion]")

    other = _browser.new_context(viewport=DESKTOP, locale="zh-CN")
    admin = browser_login(other, live_server, "sysadmin")
    admin.wait_for_selector("h1")
    admin.goto(f"{live_server.url}/accounts/users/{cast.officer.pk}/")
    assert _choice_beside_label(admin, "input[name=is_active]") == ["有效"]
    _shot(admin, "active-checkbox")
    other.close()


def test_a_register_and_a_record_print_without_the_application(browser_context, live_server):
    cast, (dispute, *_) = _disputes(2)
    page = browser_login(browser_context, live_server, "hs_officer", viewport=DESKTOP)
    page.wait_for_selector("h1")
    for url in ("/disputes/", f"/disputes/{dispute.pk}/"):
        page.goto(live_server.url + url)
        assert page.is_visible("button[data-print]:has-text('打印')"), url
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => ['.topbar', '.footer', '.breadcrumbs', 'button[data-print]', 'a.primary']
                .map(s => document.querySelector(s))
                .filter(Boolean)
                .map(e => getComputedStyle(e).display)"""
        )
        assert set(hidden) == {"none"}, (url, hidden)
        underline = page.eval_on_selector(
            "main a:not(.button)", "a => getComputedStyle(a).textDecorationLine"
        )
        assert underline == "none", url
        assert "两户因宅基地边界" in page.inner_text("main")
        page.emulate_media(media="screen")
    # The button calls the browser's print dialog.
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    page.click("button[data-print]")
    assert page.evaluate("window.__printed") == 1


def test_on_a_phone_the_disputes_list_fits_with_folded_filters_and_cards(
    browser_context, live_server
):
    _disputes(3)
    page = browser_login(browser_context, live_server, "hs_officer", viewport=PHONE)
    page.wait_for_selector("h1")
    page.goto(f"{live_server.url}/disputes/")
    page.wait_for_selector("td[data-label='编号']")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The filter folds into one line; the first record shows on the first screen.
    assert not page.is_visible("select[name=status]")
    first_card = page.eval_on_selector("tbody tr", "r => r.getBoundingClientRect().top")
    assert first_card < PHONE["height"]
    # Each cell says what it is.
    assert (
        page.eval_on_selector(
            "td[data-label='状态']", "td => getComputedStyle(td, '::before').content"
        )
        == '"状态"'
    )
    page.click("details.filter-fold summary")
    assert page.is_visible("select[name=status]")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "disputes-phone")
    # A filtered list keeps its filter open.
    page.goto(f"{live_server.url}/disputes/?status=registered")
    assert page.is_visible("select[name=status]")


def test_on_a_phone_the_menu_lists_one_item_per_line(browser_context, live_server):
    page = browser_login(browser_context, live_server, "county_admin", viewport=PHONE)
    page.wait_for_selector("h1")
    page.click("label.nav-toggle-label")
    boxes = page.eval_on_selector_all(
        "nav.mainnav a", "links => links.map(a => a.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) > 3
    lefts = {round(b["left"]) for b in boxes}
    assert len(lefts) == 1  # one column
    tops = [b["top"] for b in boxes]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one per line
    brand = page.eval_on_selector(".brand", "e => e.getBoundingClientRect().bottom")
    assert tops[0] >= brand  # below the brand, not beside it
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "menu-phone")


def test_the_not_found_page_is_chinese_in_the_products_style(browser_context, live_server):
    page = browser_login(browser_context, live_server, "hs_officer", viewport=PHONE)
    page.wait_for_selector("h1")
    page.goto(f"{live_server.url}/disputes/999999/")
    assert page.inner_text("h1") == "页面不存在"
    _looks_like_a_button(page, "main a.primary:has-text('返回首页')")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "not-found-phone")
