"""At 375 px: a member of the public applies online for government information and
gets a receipt with a number; the application waits on the town officer's list."""

from django.core import signing

from fazhi.disclosure.guard import CAPTCHA_SALT
from fazhi.disclosure.models import Channel, InfoRequest
from fazhi.disclosure.tests.helpers import GOOD_ID

PHONE = {"width": 375, "height": 740}


def test_the_public_applies_online_and_gets_a_receipt(browser_context, live_server):
    from conftest import build_cast

    cast = build_cast()
    public = browser_context.browser.new_context(viewport=PHONE, locale="zh-CN")
    try:
        visitor = public.new_page()
        visitor.goto(f"{live_server.url}/gongkai/{cast.town.code}/")
        visitor.click("text=申请政府信息公开")
        visitor.check("input[name=applicant_kind][value=person]")
        visitor.fill("input[name=applicant]", "谭某华")
        visitor.select_option("select[name=id_type]", value="id_card")
        visitor.fill("input[name=id_number]", GOOD_ID)
        visitor.fill("input[name=phone]", "13812345678")
        visitor.fill("input[name=address]", "黄水镇黄水社区1号")
        visitor.fill("textarea[name=description]", "2020年农村危房改造补助对象名单")
        visitor.check("input[name=delivery][value=paper]")
        token = visitor.get_attribute("input[name=captcha_token]", "value")
        visitor.fill("input[name=captcha]", str(signing.loads(token, salt=CAPTCHA_SALT)["a"]))
        assert visitor.evaluate("document.documentElement.scrollWidth") <= 375
        visitor.click("button:has-text('提交申请')")
        visitor.wait_for_selector("text=政府信息公开申请回执")
        applied = InfoRequest.objects.get()
        assert applied.channel == Channel.ONLINE
        assert visitor.is_visible(f"text={applied.number}")
        assert "13812345678" not in visitor.content() and GOOD_ID not in visitor.content()
    finally:
        public.close()
