"""The public's queries: captcha, rate limit, moderation, answer timers on the 待办."""

import re
from datetime import date

import pytest
from django.core import signing
from django.db import connection
from django.utils import timezone

from fazhi.core.navigation import todo_for
from fazhi.disclosure import services
from fazhi.disclosure.guard import CAPTCHA_SALT, QUERY_LIMIT
from fazhi.disclosure.models import Query, QueryStatus
from fazhi.disclosure.tests.helpers import build_world

pytestmark = pytest.mark.django_db


def _form(client, code):
    html = client.get(f"/gongkai/{code}/zhixun/").content.decode()
    token = re.search(r'name="captcha_token" value="([^"]+)"', html).group(1)
    answer = signing.loads(token, salt=CAPTCHA_SALT)["a"]
    return token, str(answer)


def _send(client, code, token, answer, **fields):
    data = {"name": "谭某", "phone": "13812345678", "content": "账目有疑问", **fields}
    return client.post(
        f"/gongkai/{code}/zhixun/", {**data, "captcha_token": token, "captcha": answer}
    )


def test_a_member_of_the_public_sends_a_query_without_login(cast, client):
    token, answer = _form(client, cast.qilong.code)
    response = _send(client, cast.qilong.code, token, answer)
    assert response.status_code == 302
    query = Query.objects.get()
    assert query.status == QueryStatus.PENDING and query.phone == "13812345678"
    with connection.cursor() as cursor:  # stored encrypted
        cursor.execute("SELECT phone FROM disclosure_query WHERE id = %s", [query.pk])
        assert "13812345678" not in cursor.fetchone()[0]


def test_a_wrong_or_reused_captcha_is_refused(cast, client):
    token, answer = _form(client, cast.qilong.code)
    wrong = _send(client, cast.qilong.code, token, str(int(answer) + 1))
    assert "验证题答案不正确" in wrong.content.decode()
    assert _send(client, cast.qilong.code, token, answer).status_code == 302
    again = _send(client, cast.qilong.code, token, answer)
    assert "验证题已使用过" in again.content.decode()
    forged = _send(client, cast.qilong.code, "abc:def", "3")
    assert "验证题无效" in forged.content.decode()
    assert Query.objects.count() == 1


def test_one_address_may_send_only_a_few_queries_an_hour(cast, client):
    for _ in range(QUERY_LIMIT):
        assert _send(client, cast.qilong.code, *_form(client, cast.qilong.code)).status_code == 302
    refused = _send(client, cast.qilong.code, *_form(client, cast.qilong.code))
    assert "提交过多" in refused.content.decode()
    other = client.get("/", REMOTE_ADDR="10.0.0.9")  # another address is not held up
    assert other.status_code in (200, 302)
    assert Query.objects.count() == QUERY_LIMIT


def test_a_bad_phone_is_refused_naming_the_field(cast, client):
    response = _send(client, cast.qilong.code, *_form(client, cast.qilong.code), phone="12345")
    assert "联系电话" in response.content.decode()
    assert not Query.objects.exists()


def _query(cast, **kwargs):
    return services.query_submit(
        region=cast.qilong, name="谭某", phone="13812345678", content="疑问",
        now=timezone.make_aware(timezone.datetime(2020, 9, 17, 10)), **kwargs,
    )  # fmt: skip


def test_an_accepted_query_is_due_in_three_days_on_the_cadres_todo(cast):
    query = services.query_moderate(user=cast.cadre, query=_query(cast), accept=True)
    assert query.due_on == date(2020, 9, 21)
    items = [item for item in todo_for(cast.cadre) if item.kind == "disclosure.query"]
    assert items and items[0].due == date(2020, 9, 21) and items[0].level == "bad"
    assert not [i for i in todo_for(cast.other_cadre) if i.kind == "disclosure.query"]


def test_a_query_escalated_to_the_town_is_due_in_ten_days_and_leaves_the_village(cast):
    query = services.query_moderate(user=cast.cadre, query=_query(cast), accept=True)
    services.query_escalate(user=cast.cadre, query=query, today=date(2020, 8, 5))
    assert query.due_on == date(2020, 8, 17)
    assert not [i for i in todo_for(cast.cadre) if i.kind == "disclosure.query"]
    assert [i for i in todo_for(cast.officer) if i.kind == "disclosure.query"]


def test_an_answer_needs_moderation_first_and_may_stay_private(cast, client):
    query = _query(cast)
    with pytest.raises(Exception, match="请先审核受理"):
        services.query_answer(user=cast.cadre, query=query, answer="答复", public=True)
    services.query_moderate(user=cast.cadre, query=query, accept=True)
    services.query_answer(
        user=cast.cadre, query=query, answer="已电话答复本人", public=False,
        today=date(2020, 9, 18),
    )  # fmt: skip
    assert query.in_time
    assert "已电话答复本人" not in client.get(f"/gongkai/{cast.qilong.code}/").content.decode()


def test_a_public_answer_appears_on_the_village_page_without_the_phone(cast, client):
    query = services.query_moderate(user=cast.cadre, query=_query(cast), accept=True)
    client.get(f"/gongkai/{cast.qilong.code}/")  # cached before the answer
    services.query_answer(user=cast.cadre, query=query, answer="账目已核对无误", public=True)
    html = client.get(f"/gongkai/{cast.qilong.code}/").content.decode()
    assert "账目已核对无误" in html and "13812345678" not in html and "138****" not in html


def test_spam_is_rejected_with_a_reason(cast):
    with pytest.raises(Exception, match="不予受理理由"):
        services.query_moderate(user=cast.cadre, query=_query(cast), accept=False)


def test_missing_posts_land_on_the_cadres_todo(cast):
    world = build_world(cast, year=timezone.localdate().year)
    items = [i for i in todo_for(cast.cadre) if i.kind == "disclosure.post_due"]
    assert items, "a monthly category with nothing published is due or overdue"
    assert all(world.monthly.name in i.title or world.quarterly.name in i.title for i in items)
