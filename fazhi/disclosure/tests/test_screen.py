"""Pushing a published post to the village's LED screen (through the capability hook)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fazhi.disclosure import services
from fazhi.disclosure.tests.helpers import build_world, draft, publish
from fazhi.publicity.tests.builders import make_screen, make_slogan

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    return build_world(cast)


@pytest.fixture
def screen(cast):
    return make_screen(cast.qilong)


def _display_url(screen):
    from django.urls import reverse

    return reverse("publicity:display_items", args=[screen.token])


def test_the_cadre_pushes_a_published_post_and_the_village_screen_shows_its_title(
    cast, world, screen, client
):
    today = timezone.localdate()
    post = publish(cast, world, draft(cast, world, title="七龙社区3月财务收支"), day=today)
    assert "七龙社区3月财务收支" not in client.get(_display_url(screen)).content.decode()
    client.force_login(cast.cadre)
    response = client.post(f"/disclosure/posts/{post.pk}/screen/")
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.screen_until >= today + timedelta(days=10)
    client.logout()
    shown = client.get(_display_url(screen)).content.decode()
    assert "村务公开：七龙社区3月财务收支" in shown
    display = client.get(f"/publicity/display/{screen.token}/").content.decode()
    assert "村务公开：七龙社区3月财务收支" in display


def test_another_villages_screen_does_not_show_it(cast, world, client):
    today = timezone.localdate()
    other = make_screen(cast.huangshui)
    post = publish(cast, world, draft(cast, world, title="七龙社区3月财务收支"), day=today)
    services.post_push_to_screen(user=cast.cadre, post=post, today=today)
    assert "七龙社区3月财务收支" not in client.get(_display_url(other)).content.decode()


def test_a_withdrawn_or_expired_post_leaves_the_screen(cast, world, screen, client):
    today = timezone.localdate()
    post = publish(cast, world, draft(cast, world, title="七龙社区3月财务收支"), day=today)
    services.post_push_to_screen(user=cast.cadre, post=post, today=today - timedelta(days=30))
    assert "七龙社区3月财务收支" not in client.get(_display_url(screen)).content.decode()
    services.post_push_to_screen(user=cast.cadre, post=post, today=today)
    assert "七龙社区3月财务收支" in client.get(_display_url(screen)).content.decode()
    services.post_withdraw(user=cast.cadre, post=post, reason="数据有误")
    assert "七龙社区3月财务收支" not in client.get(_display_url(screen)).content.decode()


def test_only_a_published_post_can_be_pushed(cast, world):
    post = draft(cast, world)
    with pytest.raises(ValidationError, match="只有已公开的内容可以推送到LED屏"):
        services.post_push_to_screen(user=cast.cadre, post=post)


def test_another_villages_cadre_cannot_push(cast, world):
    post = publish(cast, world, draft(cast, world), day=date(2020, 4, 10))
    with pytest.raises(PermissionDenied):
        services.post_push_to_screen(user=cast.other_cadre, post=post)


def test_the_screens_own_items_stay_and_queries_do_not_grow_with_posts(cast, world, screen, client):
    today = timezone.localdate()
    make_slogan(cast.qilong, "学法尊法守法用法", start_date=today)

    def count():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(_display_url(screen)).content.decode()
        assert "学法尊法守法用法" in html
        return len(queries)

    post = publish(cast, world, draft(cast, world, period=1), day=today)
    services.post_push_to_screen(user=cast.cadre, post=post, today=today)
    one = count()
    for period in (2, 3, 4):
        post = publish(cast, world, draft(cast, world, period=period), day=today)
        services.post_push_to_screen(user=cast.cadre, post=post, today=today)
    assert count() == one
