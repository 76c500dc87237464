"""The public LED display page and the officer's view of the screens."""

from datetime import date, timedelta

from django.utils import timezone

from fazhi.publicity.models import LawUnderstander, Screen

from .builders import make_screen, make_slogan


def test_the_display_page_needs_no_login_and_shows_the_current_items(cast, client):
    led = make_screen(cast.qilong)
    make_slogan(cast.town, "学习宪法，尊崇宪法")
    make_slogan(cast.qilong, "七龙社区：有事好商量")
    make_slogan(cast.huangshui, "黄水社区专属标语")
    make_slogan(cast.town, "已经过期的标语", end_date=date(2020, 12, 31))
    body = client.get(f"/publicity/display/{led.token}/").content.decode()
    assert "学习宪法，尊崇宪法" in body and "七龙社区：有事好商量" in body
    assert "黄水社区专属标语" not in body and "已经过期的标语" not in body


def test_the_display_page_shows_no_personal_data(cast, client):
    led = make_screen(cast.qilong)
    LawUnderstander.objects.create(
        region=cast.qilong, name="马德昌", background="mediator", phone="13912345678"
    )
    make_slogan(cast.town, "学法守法")
    body = client.get(f"/publicity/display/{led.token}/").content.decode()
    assert "马德昌" not in body and "13912345678" not in body and "冉七龙" not in body


def test_the_display_address_is_long_and_random(cast):
    first, second = make_screen(cast.qilong), make_screen(cast.qilong, name="第二块屏")
    assert len(first.token) >= 32 and first.token != second.token


def test_a_heartbeat_marks_the_screen_alive(cast, client):
    led = make_screen(cast.qilong)
    assert led.is_dark()
    assert client.post(f"/publicity/display/{led.token}/heartbeat/").status_code == 204
    led.refresh_from_db()
    assert led.last_seen_at is not None and not led.is_dark()


def test_the_officer_sees_which_screens_have_gone_dark(cast, client):
    alive = make_screen(cast.qilong, name="七龙屏")
    dark = make_screen(cast.huangshui, name="黄水屏")
    Screen.objects.filter(pk=alive.pk).update(last_seen_at=timezone.now())
    Screen.objects.filter(pk=dark.pk).update(last_seen_at=timezone.now() - timedelta(hours=3))
    client.force_login(cast.officer)
    rows = dict(client.get("/publicity/screens/").context["rows"])
    assert {s.name: is_dark for s, is_dark in rows.items()} == {"七龙屏": False, "黄水屏": True}


def test_a_new_address_retires_the_old_one(cast, client):
    led = make_screen(cast.qilong)
    old = led.token
    client.force_login(cast.officer)
    client.post(f"/publicity/screens/{led.pk}/new-address/")
    assert client.get(f"/publicity/display/{old}/").status_code == 404
    led.refresh_from_db()
    assert client.get(f"/publicity/display/{led.token}/").status_code == 200
