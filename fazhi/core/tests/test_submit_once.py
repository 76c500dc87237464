"""A double click on 保存 creates one record and shows the first save's result."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from fazhi.core.tests.concurrency import run_at_once
from fazhi.publicity.models import LawUnderstander

NEW = "/publicity/understanders/new/"


def _token(client) -> str:
    page = client.get(NEW).content.decode()
    return re.search(r'name="submit_token" value="([0-9a-f]{32})"', page)[1]


def _data(cast, token, **changes):
    return {
        "region": cast.qilong.pk,
        "name": "马德昌",
        "background": "mediator",
        "active": "on",
        "submit_token": token,
        **changes,
    }


def test_the_same_form_posted_twice_creates_one_record_and_lands_on_the_first_result(cast, client):
    client.force_login(cast.cadre)
    token = _token(client)
    first = client.post(NEW, _data(cast, token))
    second = client.post(NEW, _data(cast, token), follow=True)
    assert first.status_code == 302
    assert second.redirect_chain[0][0] == first.url
    assert "已提交过一次" in second.content.decode()
    assert LawUnderstander.objects.count() == 1


def test_a_form_sent_back_with_errors_can_be_corrected_and_sent_again(cast, client):
    client.force_login(cast.cadre)
    token = _token(client)
    refused = client.post(NEW, _data(cast, token, name=""))
    assert refused.status_code == 200 and not LawUnderstander.objects.exists()
    assert f'value="{token}"' in refused.content.decode()  # the page keeps its token
    assert client.post(NEW, _data(cast, token)).status_code == 302
    assert LawUnderstander.objects.count() == 1


def test_two_forms_opened_separately_create_two_records(cast, client):
    client.force_login(cast.cadre)
    client.post(NEW, _data(cast, _token(client)))
    client.post(NEW, _data(cast, _token(client), name="谭明"))
    assert LawUnderstander.objects.count() == 2


def test_every_page_loads_the_local_script_that_disables_the_submit_button(cast, client):
    client.force_login(cast.cadre)
    page = client.get(NEW).content.decode()
    assert re.search(r'<script src="/static/fazhi/submit-once\.js[^"]*" defer>', page)
    script = Path(finders.find("fazhi/submit-once.js")).read_text(encoding="utf-8")
    assert "disabled = true" in script and "submit_token" in script


@pytest.mark.django_db(transaction=True)
def test_a_double_click_sending_both_posts_at_the_same_moment_creates_one_record(cast):
    client = Client()
    client.force_login(cast.cadre)
    data = _data(cast, _token(client))

    def post(index):
        other = Client()
        other.cookies = client.cookies
        return other.post(NEW, data).status_code

    assert run_at_once(post, 2) == [302, 302]
    assert LawUnderstander.objects.count() == 1
