"""In a real browser (Debian Chromium)."""

import base64

from conftest import browser_login
from fazhi.attachments.models import Attachment
from fazhi.publicity.models import Activity, Screen, ScreenContent
from fazhi.regions.models import Region

PHONE = {"width": 375, "height": 740}
# A 1×1 PNG, as a phone camera would send a (much larger) image.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_the_qilong_cadre_records_an_activity_with_a_photo_on_a_phone(browser_context, live_server):
    page = browser_login(browser_context, live_server, "qilong_cadre", viewport=PHONE)
    page.wait_for_selector("h1")
    page.goto(f"{live_server.url}/publicity/activities/new/")
    page.fill("input[name=title]", "七龙社区民法典入户宣传")
    page.fill("input[name=date]", "2020-06-10")
    page.fill("input[name=place]", "七龙社区三组")
    page.select_option("select[name=form]", "household")
    page.check("input[name=combined_with][value=household_visits]")
    page.fill("input[name=person_times]", "36")
    page.fill("input[name=materials]", "20")
    page.set_input_files(
        "input[name=photos]", files=[{"name": "现场.png", "mimeType": "image/png", "buffer": PNG}]
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click("form.activity-form button[type=submit]")
    page.wait_for_selector("h1:has-text('七龙社区民法典入户宣传')")
    activity = Activity.objects.get(title="七龙社区民法典入户宣传")
    assert activity.region.name == "七龙社区"
    assert [v.name for v in activity.villages.all()] == ["七龙社区"]
    assert activity.person_times == 36
    photo = Attachment.objects.of(activity).get()
    assert photo.kind == "photo" and photo.content_type == "image/png"
    page.wait_for_function("document.querySelector('.gallery img').naturalWidth > 0")


def test_the_led_display_picks_up_a_new_slogan_without_reloading(browser_context, live_server):
    qilong = Region.objects.get(name="七龙社区")
    screen = Screen.objects.create(
        region=qilong, name="七龙屏", location="服务中心", refresh_seconds=1
    )
    ScreenContent.objects.create(
        region=qilong.parent, text="学习宪法，尊崇宪法", start_date="2020-01-01"
    )
    page = browser_context.new_page()
    page.goto(f"{live_server.url}/publicity/display/{screen.token}/")
    page.wait_for_selector("#ticker:has-text('学习宪法')")
    page.evaluate("window.__sameDocument = true")
    ScreenContent.objects.create(
        region=qilong, text="有事好商量，调解不收费", start_date="2020-01-01"
    )
    page.wait_for_selector("#ticker:has-text('有事好商量')", timeout=10000)
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
    assert "学习宪法" in page.inner_text("#ticker")
    screen.refresh_from_db()
    assert screen.last_seen_at is not None  # the page reported its heartbeat
