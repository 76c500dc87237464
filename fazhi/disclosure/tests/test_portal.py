"""The public portal: no login, published posts only, nothing personal, cached, flat queries."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.disclosure import services
from fazhi.disclosure.models import Post, Status
from fazhi.disclosure.text import ID_CANDIDATE, MOBILE, _is_id
from fazhi.regions.models import Region

pytestmark = pytest.mark.django_db


def _unmasked(text: str) -> list[str]:
    ids = [m.group(1) for m in ID_CANDIDATE.finditer(text) if _is_id(m.group(1))]
    return ids + [m.group(1) for m in MOBILE.finditer(text)]


def _links(html: str) -> set[str]:
    return {
        href.replace("&amp;", "&")
        for href in re.findall(r'href="([^"]+)"', html)
        if href.startswith("/gongkai/") and "/fujian/" not in href  # files: checked at publishing
    }


def test_a_crawl_of_the_demo_portal_finds_no_unmasked_id_or_mobile(demo, client):
    seen, queue, pages = set(), ["/gongkai/", "/gongkai/shuju/posts.json"], 0
    queue += [f"/gongkai/shuju/posts.json?page={n}" for n in range(2, 10)]
    queue += ["/gongkai/sousuo/?q=补贴", "/gongkai/sousuo/?q=电话"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code == 404 and "page=" in url:
            continue
        assert response.status_code == 200, url
        text = response.content.decode()
        assert not _unmasked(text), f"{url}: {_unmasked(text)}"
        pages += 1
        queue += list(_links(text) - seen)
    assert pages > 40
    # the demo does hold personal data: a query's phone, an applicant's contact
    assert "13812345678" not in "".join(seen)


def test_the_portal_needs_no_login_and_shows_published_posts_only(demo, client):
    qilong = Region.objects.get(name="七龙社区")
    page = client.get(f"/gongkai/{qilong.code}/")
    assert page.status_code == 200
    assert "七龙社区村级财务收支情况" in page.content.decode()
    returned = Post.objects.get(title="黄水社区路灯安装项目公示")
    assert client.get(f"/gongkai/neirong/{returned.pk}/").status_code == 404
    submitted = Post.objects.get(title="黄水镇2020年财政预算公开")
    assert client.get(f"/gongkai/neirong/{submitted.pk}/").status_code == 404


def test_the_public_json_lists_published_posts_masked(demo, client):
    body = client.get("/gongkai/shuju/posts.json?region=500240105002&limit=3").json()
    assert body["count"] > 10 and len(body["results"]) == 3
    assert "5002**********" in client.get("/gongkai/shuju/posts.json").content.decode()


def test_a_published_post_appears_at_once_although_pages_are_cached(demo, client):
    qilong = Region.objects.get(name="七龙社区")
    before = client.get(f"/gongkai/{qilong.code}/")
    assert "public" in before["Cache-Control"]
    officer_post = Post.objects.filter(region=qilong, status=Status.PUBLISHED).first()
    from fazhi.accounts.models import User

    cadre = User.objects.get(username="qilong_cadre")
    services.post_withdraw(user=cadre, post=officer_post, reason="数据有误")
    after = client.get(f"/gongkai/neirong/{officer_post.pk}/")
    assert after.status_code == 404


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path", ["{village}", "{village}shixiang/{category}/", "", "sousuo/?q=财务"]
)
def test_portal_pages_run_the_same_number_of_queries_whatever_the_posts(demo, client, path):
    from django.core.cache import cache

    qilong = Region.objects.get(name="七龙社区")
    post = Post.objects.filter(region=qilong, status=Status.PUBLISHED).first()
    url = "/gongkai/" + path.format(village=f"{qilong.code}/", category=post.category_id)
    cache.clear()
    few = _count(client, url)
    for n in range(5):
        clone = Post.objects.get(pk=post.pk)
        clone.pk = clone.id = None
        clone.title = f"复制{n}财务"
        clone._state.adding = True
        clone.save()
    cache.clear()
    assert _count(client, url) == few


def test_a_control_character_in_a_query_is_refused(demo, client):
    response = client.post("/gongkai/500240105002/zhixun/", {"name": "a\x00b", "content": "x"})
    assert response.status_code == 400


def test_a_far_date_in_a_period_answers_400_not_500(demo, client):
    client.force_login(demo.officer)
    assert client.get("/disclosure/overview/?year=99999").status_code == 400
    assert client.get("/disclosure/catalogue/?year=0").status_code == 400


def test_the_portal_is_mobile_first_printable_and_has_no_external_asset(demo, client):
    html = client.get("/gongkai/").content.decode()
    assert 'name="viewport"' in html and 'lang="zh-CN"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert 'href="#main"' in html and '<label for="portal-q">' in html
    from django.contrib.staticfiles import finders

    css = Path(finders.find("disclosure/portal.css")).read_text(encoding="utf-8")
    assert "@media print" in css and "url(" not in css


def test_the_demo_has_late_and_missing_posts(demo):
    from fazhi.disclosure.selectors import coverage

    slots = coverage(demo.town, 2020, date(2021, 3, 1))
    states = {(s.region.name, s.category.name, s.period): s.state for s in slots}
    assert states[("金花村", "村级财务收支情况", 3)] == "late"
    assert states[("洋洞村", "村级财务收支情况", 10)] == "missing"
    assert states[("七龙社区", "村级财务收支情况", 5)] == "on_time"


@pytest.mark.parametrize("name", ["disclosure:posts", "disclosure:queries", "disclosure:overview"])
def test_staff_lists_run_the_same_number_of_queries_whatever_the_records(demo, client, name):
    from fazhi.disclosure.models import Query

    client.force_login(demo.officer)
    url = reverse(name) + "?year=2020"
    few = _count(client, url)
    post = Post.objects.filter(status=Status.PUBLISHED).first()
    query = Query.objects.first()
    for n in range(5):
        for record in (Post.objects.get(pk=post.pk), Query.objects.get(pk=query.pk)):
            record.pk = record.id = None
            record._state.adding = True
            if isinstance(record, Post):
                record.title = f"复制{n}"
            record.save()
    assert _count(client, url) == few
