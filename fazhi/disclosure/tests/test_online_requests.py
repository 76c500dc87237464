"""The public's online application for government information (依申请公开)."""

import re
from datetime import date, datetime

import pytest
from django.core import signing
from django.db import connection
from django.utils import timezone

from fazhi.core.navigation import todo_for
from fazhi.core.tests.concurrency import run_at_once
from fazhi.disclosure import services
from fazhi.disclosure.guard import CAPTCHA_SALT, QUERY_LIMIT
from fazhi.disclosure.models import Channel, InfoRequest
from fazhi.disclosure.tests.helpers import GOOD_ID

pytestmark = pytest.mark.django_db


def _url(cast):
    return f"/gongkai/{cast.town.code}/shenqing/"


def _captcha(client, cast):
    html = client.get(_url(cast)).content.decode()
    token = re.search(r'name="captcha_token" value="([^"]+)"', html).group(1)
    return token, str(signing.loads(token, salt=CAPTCHA_SALT)["a"])


def _fields(**overrides):
    return {
        "applicant_kind": "person", "applicant": "谭某华", "id_type": "id_card",
        "id_number": GOOD_ID, "phone": "13812345678", "address": "黄水镇黄水社区1号",
        "email": "", "description": "2020年黄水镇农村危房改造补助对象名单", "purpose": "",
        "delivery": "paper", **overrides,
    }  # fmt: skip


def _apply(client, cast, captcha=None, **overrides):
    token, answer = captcha or _captcha(client, cast)
    return client.post(
        _url(cast), {**_fields(**overrides), "captcha_token": token, "captcha": answer}
    )


def test_the_town_page_links_to_the_form_which_needs_no_login(cast, client):
    town_page = client.get(f"/gongkai/{cast.town.code}/").content.decode()
    assert f'href="{_url(cast)}"' in town_page
    assert client.get(_url(cast)).status_code == 200
    assert client.get(f"/gongkai/{cast.qilong.code}/shenqing/").status_code == 404


def test_an_application_is_registered_online_with_a_receipt(cast, client):
    response = _apply(client, cast)
    assert response.status_code == 302
    applied = InfoRequest.objects.get()
    assert applied.channel == Channel.ONLINE and applied.region == cast.town
    assert applied.number.startswith("YSQ") and applied.created_by is None
    assert applied.acknowledged_on == applied.received_on
    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert applied.number in html and "138****5678" in html and "13812345678" not in html
    assert receipt["Cache-Control"] == "private, no-store"
    with connection.cursor() as cursor:  # ID number and phone stored encrypted
        cursor.execute(
            "SELECT id_number, contact FROM disclosure_inforequest WHERE id = %s", [applied.pk]
        )
        stored = " ".join(cursor.fetchone())
    assert GOOD_ID not in stored and "13812345678" not in stored


def test_a_forged_receipt_link_is_not_found(cast, client):
    _apply(client, cast)
    applied = InfoRequest.objects.get()
    assert client.get(f"{_url(cast)}huizhi/{applied.pk}/").status_code == 404
    assert client.get(f"{_url(cast)}huizhi/{applied.pk}:forged/").status_code == 404


def test_it_lands_on_the_town_officers_todo(cast, client):
    _apply(client, cast)
    applied = InfoRequest.objects.get()
    items = [i for i in todo_for(cast.officer, date.today()) if i.kind == "disclosure.request"]
    assert [i.title for i in items] == [f"答复政府信息公开申请 {applied.number}"]


@pytest.mark.parametrize(
    ("sent", "received"),
    [
        (datetime(2020, 9, 18, 10, 0), date(2020, 9, 18)),  # Friday, office hours
        (datetime(2020, 9, 18, 18, 0), date(2020, 9, 21)),  # Friday evening → Monday
        (datetime(2020, 9, 19, 10, 0), date(2020, 9, 21)),  # Saturday → Monday
    ],
)
def test_an_application_sent_after_hours_is_received_on_the_next_working_day(cast, sent, received):
    applied = services.request_apply_online(
        region=cast.town, now=timezone.make_aware(sent), **_fields()
    )
    assert applied.received_on == received
    assert applied.number.startswith(f"YSQ{received.year}-")


def test_an_organisation_gives_its_credit_code_and_a_contact_person(cast):
    with pytest.raises(Exception, match="统一社会信用代码"):
        services.request_apply_online(
            region=cast.town, **_fields(applicant_kind="organisation", organisation_code="123")
        )
    applied = services.request_apply_online(
        region=cast.town,
        **_fields(
            applicant_kind="organisation", applicant="某农业合作社",
            organisation_code="91500240MA5U1234XY", contact_person="冉某",
        ),
    )  # fmt: skip
    assert applied.id_number == "" and applied.organisation_code == "91500240MA5U1234XY"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"id_number": "500240199001011230"}, "证件号码"),
        ({"id_type": ""}, "证件类型"),
        ({"phone": "=1+1"}, "联系电话"),
        ({"phone": ""}, "联系电话"),
        ({"delivery": "email", "email": "<script>"}, "电子邮箱"),
        ({"delivery": "paper", "address": ""}, "通信地址"),
        ({"delivery": "carrier-pigeon"}, "获取信息的方式"),
        ({"applicant": "谭\x00某"}, ""),
        ({"description": ""}, "所需政府信息"),
        ({"applicant_kind": "robot"}, "申请人类型"),
    ],
)
def test_hostile_or_incomplete_input_is_refused_naming_the_field(cast, client, overrides, message):
    response = _apply(client, cast, **overrides)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert not InfoRequest.objects.exists()


def test_markup_and_formulas_are_kept_as_text(cast, client):
    response = _apply(
        client, cast, applicant="<script>alert(1)</script>", description='=HYPERLINK("x")'
    )
    applied = InfoRequest.objects.get()
    assert applied.applicant == "<script>alert(1)</script>"
    html = client.get(response["Location"]).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_a_wrong_or_reused_captcha_is_refused(cast, client):
    token, answer = _captcha(client, cast)
    assert "验证题答案不正确" in _apply(client, cast, (token, "99")).content.decode()
    assert _apply(client, cast, (token, answer)).status_code == 302
    assert "验证题已使用过" in _apply(client, cast, (token, answer)).content.decode()
    assert InfoRequest.objects.count() == 1


def test_queries_and_applications_share_the_per_address_limit(cast, client):
    for _ in range(QUERY_LIMIT):
        assert _apply(client, cast).status_code == 302
    assert "提交过多" in _apply(client, cast).content.decode()
    assert InfoRequest.objects.count() == QUERY_LIMIT


@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_twice_at_once_registers_one_application(cast, client):
    from django.test import Client

    captcha = _captcha(client, cast)
    results = run_at_once(lambda index: _apply(Client(), cast, captcha).status_code, 2)
    assert sorted(results) == [200, 302]
    assert InfoRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_applications_sent_at_once_get_distinct_numbers(cast):
    moment = timezone.make_aware(datetime(2020, 9, 18, 10))
    results = run_at_once(
        lambda index: (
            services.request_apply_online(region=cast.town, now=moment, **_fields()).number
        ),
        4,
    )
    assert sorted(results) == [f"YSQ2020-{n:04d}" for n in range(1, 5)]
