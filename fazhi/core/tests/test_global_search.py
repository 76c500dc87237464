"""The global search finds records in the user's scope only, grouped by kind,
each group capped, in a fixed number of queries whatever the number of hits."""

from pathlib import Path

import pytest
from django.urls import reverse

from fazhi.core import global_search
from fazhi.core.global_search import search_run, search_sources
from fazhi.core.tests.search_records import seed
from fazhi.disputes.tests.builders import make_assignment
from fazhi.publicity.tests import builders as publicity

BUSINESS = {
    "disclosure_posts",
    "disclosure_queries",
    "villagelaw.consultations",
    "villagelaw.referrals",
    "villagelaw.compacts",
    "disputes",
    "screening",
    "deliberations",
    "lawsuits",
    "reconsiderations",
    "adjudications",
    "advisors",
    "services",
    "decisions",
    "reviews",
    "activities",
    "campaigns",
    "understanders",
    "screens",
}


def _kinds(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return {group.source.key: group for group in response.context["groups"]}, response


def _titles(group):
    return [hit.title for hit in group.hits]


@pytest.fixture
def two_villages(cast):
    return seed(cast, "梧桐", cast.qilong, number=1), seed(cast, "梧桐", cast.huangshui, number=2)


def test_every_app_declares_its_sources_in_its_own_search_module():
    keys = [source.key for source in search_sources()]
    assert len(keys) == len(set(keys))
    assert BUSINESS | {"regions", "organisations", "users", "notices", "tasks"} == set(keys)
    for source in search_sources():
        assert not any("phone" in f or "id_number" in f for f in source.fields), source.key
    # The search view and its runner name no app: they only discover.
    core = Path(global_search.__file__).parent
    for name in ("global_search.py", "search_view.py"):
        text = (core / name).read_text()
        for app in ("disputes", "cases", "legal", "publicity", "regions", "accounts.models"):
            assert f"fazhi.{app}" not in text, (name, app)


def test_the_town_officer_finds_every_kind_in_the_town(cast, client, two_villages):
    client.force_login(cast.officer)
    kinds, response = _kinds(client, "梧桐")
    assert BUSINESS | {"organisations"} <= set(kinds)
    assert "users" not in kinds
    disputes = kinds["disputes"]
    assert len(disputes.hits) == 2
    assert disputes.list_url == "/disputes/?q=%E6%A2%A7%E6%A1%90"
    assert 'href="/disputes/?q=%E6%A2%A7%E6%A1%90"' in response.content.decode()


def test_a_village_cadre_of_qilong_never_sees_huangshui_records(cast, client, two_villages):
    qilong, huangshui = two_villages
    client.force_login(cast.cadre)
    kinds, response = _kinds(client, "梧桐")
    assert set(kinds) <= {
        "disputes", "screening", "deliberations", "activities", "understanders", "screens",
        "organisations", "campaigns", "disclosure_posts", "disclosure_queries",
        "villagelaw.consultations", "villagelaw.referrals", "villagelaw.compacts",
    }  # fmt: skip
    for key in (
        "disputes", "screening", "deliberations", "activities", "understanders",
        "disclosure_posts", "disclosure_queries",
    ):  # fmt: skip
        urls = [hit.url for hit in kinds[key].hits]
        assert len(urls) == 1, key
    body = response.content.decode()
    assert qilong["disputes"].number in body
    assert huangshui["disputes"].number not in body
    assert "黄水社区" not in "".join(hit.note for group in kinds.values() for hit in group.hits)
    # No legal or cases record reaches a village cadre's search.
    assert not {"lawsuits", "decisions", "reviews", "advisors"} & set(kinds)


def test_the_mediator_finds_only_his_organisations_disputes(cast, client, two_villages):
    qilong, _ = two_villages
    make_assignment(cast, qilong["disputes"])
    other = seed(cast, "梧桐", cast.qilong, number=3)["disputes"]  # same village, not assigned
    client.force_login(cast.mediator)
    kinds, _ = _kinds(client, "梧桐")
    numbers = [hit.title.split()[0] for hit in kinds["disputes"].hits]
    assert numbers == [qilong["disputes"].number]
    assert other.number not in numbers
    assert not {"lawsuits", "decisions", "activities", "users"} & set(kinds)


def test_a_party_name_is_found_but_never_an_encrypted_phone(cast, client, two_villages):
    client.force_login(cast.officer)
    kinds, _ = _kinds(client, "梧桐张")
    assert set(kinds) == {"disputes"}
    kinds, _ = _kinds(client, "13902341234")  # the party's phone, encrypted at rest
    assert kinds == {}


def test_the_auditor_and_the_sysadmin_see_no_business_records(cast, client, two_villages):
    client.force_login(cast.auditor)
    kinds, response = _kinds(client, "梧桐")
    assert kinds == {}
    assert "没有找到" in response.content.decode()
    client.force_login(cast.sysadmin)
    kinds, _ = _kinds(client, "梧桐")
    assert not BUSINESS & set(kinds)
    assert set(kinds) == {"users", "organisations"}  # account management and the region tree


def test_the_legal_advisor_finds_only_reviews_sent_to_him(cast, client, two_villages):
    from fazhi.legal.tests.builders import make_advisor

    mine = make_advisor(cast.town, user=cast.advisor, name="陈律师")
    review = two_villages[0]["reviews"]
    review.reviewer = mine
    review.save()
    client.force_login(cast.advisor)
    kinds, _ = _kinds(client, "梧桐")
    assert set(kinds) == {"reviews"}
    assert _titles(kinds["reviews"]) == [review.title]


def test_each_group_is_capped_and_says_so(cast, client):
    for n in range(14):
        publicity.make_activity(cast.qilong, title=f"院坝会第{n}场")
    client.force_login(cast.officer)
    kinds, response = _kinds(client, "院坝会")
    assert len(kinds["activities"].hits) == 10
    assert kinds["activities"].more
    assert "仅显示前 10 条" in response.content.decode()


def test_the_query_count_does_not_grow_with_the_number_of_hits(
    cast, client, django_assert_max_num_queries
):
    client.force_login(cast.officer)
    seed(cast, "梧桐", cast.qilong, number=1)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("search"), {"q": "梧桐"})
    for n in range(2, 9):
        seed(cast, "梧桐", cast.huangshui if n % 2 else cast.qilong, number=n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("search"), {"q": "梧桐"})
    assert len(response.context["groups"][0].hits) == 8


def test_search_run_costs_one_query_per_source_open_to_the_user(
    cast, django_assert_num_queries, two_villages
):
    open_sources = [s for s in search_sources() if s.open_to(cast.officer)]
    with django_assert_num_queries(len(open_sources)):
        groups = search_run(user=cast.officer, query="梧桐")
    assert groups


def test_an_empty_query_searches_nothing_and_asks_for_a_word(cast, client):
    client.force_login(cast.officer)
    kinds, response = _kinds(client, "  ")
    assert kinds == {}
    assert "请输入关键词" in response.content.decode()


def test_every_word_must_match(cast, client, two_villages):
    client.force_login(cast.officer)
    kinds, _ = _kinds(client, "梧桐 停车场")
    assert set(kinds) == {"decisions"}
    kinds, _ = _kinds(client, "梧桐 不存在的词")
    assert kinds == {}


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("search"), {"q": "梧桐"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_every_page_has_the_search_box_in_its_header(cast, client):
    client.force_login(cast.cadre)
    body = client.get("/").content.decode()
    assert 'class="topsearch"' in body and 'action="/search/"' in body
