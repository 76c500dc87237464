"""The 消息中心: the header's count, the list, opening and marking read, and the
e-mail choice; someone else's notice is not there (404), hostile input refused."""

import pytest
from rest_framework.test import APIClient

from fazhi.notices.models import Notice, NoticePreference
from fazhi.notices.services import notice_send

pytestmark = pytest.mark.django_db


def _send(user, n=0, url=""):
    url = url or f"/disputes/?n={n}"
    return notice_send(recipients=[user], kind="tests.page", title=f"第{n}条消息", url=url)[0]


def test_the_header_shows_the_unread_count_on_every_page(cast, client):
    for n in range(3):
        _send(cast.officer, n)
    client.force_login(cast.officer)
    for url in ("/", "/disputes/", "/legal/", "/notices/"):
        page = client.get(url).content.decode()
        assert 'class="notice-count" aria-label="未读消息">3</span>' in page, url


def test_unread_come_first_and_the_filter_shows_only_unread(cast, client):
    read = _send(cast.officer, 1)
    unread = _send(cast.officer, 2)
    client.force_login(cast.officer)
    client.post(f"/notices/{read.pk}/read/")
    listed = list(client.get("/notices/").context["page"])
    assert listed == [unread, Notice.objects.get(pk=read.pk)]
    assert list(client.get("/notices/?unread=1").context["page"]) == [unread]


def test_opening_a_notice_marks_it_read_and_goes_to_its_record(cast, client):
    notice = _send(cast.officer, url="/disputes/?status=registered")
    client.force_login(cast.officer)
    response = client.get(f"/notices/{notice.pk}/")
    assert response.status_code == 302 and response["Location"] == "/disputes/?status=registered"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_mark_all_read(cast, client):
    for n in range(3):
        _send(cast.officer, n)
    _send(cast.leader)
    client.force_login(cast.officer)
    response = client.post("/notices/read-all/", {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/notices/"
    assert not Notice.objects.for_user(cast.officer).unread().exists()
    assert Notice.objects.for_user(cast.leader).unread().count() == 1


def test_someone_elses_notice_is_not_found(cast, client):
    notice = _send(cast.leader)
    client.force_login(cast.officer)
    assert client.get(f"/notices/{notice.pk}/").status_code == 404
    assert client.post(f"/notices/{notice.pk}/read/").status_code == 404
    api = APIClient()
    api.force_authenticate(cast.officer)
    assert api.get(f"/api/v1/notices/{notice.pk}/").status_code == 404
    assert api.post(f"/api/v1/notices/{notice.pk}/read/").status_code == 404
    assert api.post("/api/v1/notices/read-all/").json() == {"marked": 0}
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_read_is_a_post_only(cast, client):
    notice = _send(cast.officer)
    client.force_login(cast.officer)
    assert client.get(f"/notices/{notice.pk}/read/").status_code == 405


def test_the_preference_form_refuses_an_unknown_kind(cast, client):
    client.force_login(cast.officer)
    for hostile in ("no.such.kind", "<script>", "disputes.alert\x00", "x" * 500):
        response = client.post("/notices/settings/", {"email_kinds": ["digest", hostile]})
        assert response.status_code in (200, 400)  # a control character: refused at the door
        if response.status_code == 200:
            assert "以下消息同时发送到我的邮箱：选择一个有效的选项" in response.content.decode()
    assert not NoticePreference.objects.exists()
    response = client.post("/notices/settings/", {"email_kinds": ["digest", "disputes.alert"]})
    assert response.status_code == 302
    assert NoticePreference.objects.get(user=cast.officer).email_kinds == [
        "digest",
        "disputes.alert",
    ]
    client.post("/notices/settings/", {})
    assert NoticePreference.objects.get(user=cast.officer).email_kinds == []


def test_the_list_refuses_odd_kind_filters_quietly(cast, client):
    _send(cast.officer)
    client.force_login(cast.officer)
    for kind in ("'; drop table", "%00", "disputes" * 20):
        response = client.get("/notices/", {"kind": kind, "page": "x"})
        assert response.status_code == 200


def test_the_api_lists_only_my_notices_and_marks_them_read(cast):
    mine = _send(cast.officer)
    _send(cast.leader)
    api = APIClient()
    api.force_authenticate(cast.officer)
    listed = api.get("/api/v1/notices/").json()
    assert [n["id"] for n in listed["results"]] == [mine.pk]
    answer = api.post(f"/api/v1/notices/{mine.pk}/read/").json()
    assert answer["read"] is True
    assert api.get("/api/v1/notices/?unread=true").json()["count"] == 0
    assert APIClient().get("/api/v1/todo/").status_code == 401
