"""In a real browser (Debian Chromium): a double click on 保存 saves once."""

from conftest import browser_login
from fazhi.publicity.models import LawUnderstander


def test_a_double_click_on_save_creates_one_record(browser_context, live_server):
    page = browser_login(browser_context, live_server, "qilong_cadre")
    page.wait_for_selector("h1")
    page.goto(f"{live_server.url}/publicity/understanders/new/")
    page.fill("input[name=name]", "马德昌")
    page.select_option("select[name=background]", "mediator")
    form = "form[method=post]:has(input[name=name])"
    page.dblclick(f"{form} button[type=submit]")
    page.wait_for_url("**/publicity/understanders/")
    assert LawUnderstander.objects.filter(name="马德昌").count() == 1


def test_the_script_gives_every_post_form_a_token_and_disables_its_button(
    browser_context, live_server
):
    page = browser_login(browser_context, live_server, "qilong_cadre")
    page.wait_for_selector("h1")
    page.goto(f"{live_server.url}/publicity/understanders/new/")
    tokens = page.eval_on_selector_all(
        "form[method=post], form[method=POST]",
        "forms => forms.map(f => (f.querySelector('input[name=submit_token]') || {}).value)",
    )
    assert tokens and all(token and len(token) == 32 for token in tokens)
    page.evaluate(
        """() => { const f = document.querySelector('form[method=post]:has(input[name=name])');
        f.addEventListener('submit', e => e.preventDefault());
        f.querySelector('button[type=submit]').click(); }"""
    )
    page.wait_for_function(
        "() => document.querySelector('form[method=post]:has(input[name=name]) "
        "button[type=submit]').disabled"
    )
