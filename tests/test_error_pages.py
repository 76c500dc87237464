"""Error pages are Chinese, in the product's look, and tell the person what
happened: the 400 page shows our own BadRequest message (escaped) but never a
SuspiciousOperation's, the 403 page the reason when there is one, and the 500
page renders with no request context and no database."""

import pytest
from django.template import loader
from django.test import Client


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "tests.error_urls"


def test_a_bad_request_shows_our_message_escaped(cast, client, failing_urls):
    client.force_login(cast.officer)
    response = client.get("/fail/bad/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "请求有误" in html
    assert "年度“&lt;b&gt;abc&lt;/b&gt;”不是有效的年份" in html
    assert "<b>abc</b>" not in html


def test_a_suspicious_request_does_not_show_its_detail(db, client, failing_urls):
    response = client.get("/fail/suspicious/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "internal detail" not in html
    assert "页面收到的参数不正确" in html


def test_a_refusal_shows_its_reason_in_chinese(cast, client, failing_urls):
    client.force_login(cast.leader)
    response = client.get("/fail/refused/")
    assert response.status_code == 403
    assert "只有镇法治专干可以归档报告。" in response.content.decode()


def test_a_missing_page_answers_in_chinese(cast, client):
    client.force_login(cast.officer)
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_a_server_error_answers_in_chinese(db, failing_urls):
    client = Client(raise_request_exception=False)
    response = client.get("/fail/broken/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "系统出错" in html and "Server Error" not in html
    assert "fazhi/app.css" in html  # in the product's style


def test_the_500_page_renders_without_a_request_or_the_database():
    # No `db` fixture: any query here fails the test.
    html = loader.get_template("500.html").render()
    assert "系统出错" in html and "返回首页" in html


def test_a_stale_form_token_gets_a_chinese_explanation(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.officer)
    response = client.post("/accounts/password/", {})
    assert response.status_code == 403
    html = response.content.decode()
    assert "页面已过期" in html and "verification failed" not in html
