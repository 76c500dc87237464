"""Every main list takes ?q= and keeps it: found by a word of its title or
name, others left out; paging and the export carry the same filter."""

from io import BytesIO
from urllib.parse import quote

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.tests.search_records import seed
from fazhi.publicity.tests import builders as publicity


def _url(name, *args):
    return reverse(name, args=args)


# kind → (list URL, who looks, what of the record shows in the list)
LISTS = {
    "disputes": ("/disputes/", "officer", lambda r: r.get_absolute_url()),
    "screening": ("/disputes/screening/", "officer", lambda r: f"/disputes/screening/{r.pk}/"),
    "deliberations": ("/disputes/deliberations/", "officer", lambda r: r.topic),
    "lawsuits": ("/cases/lawsuits/", "officer", lambda r: r.get_absolute_url()),
    "reconsiderations": ("/cases/reconsiderations/", "officer", lambda r: r.get_absolute_url()),
    "adjudications": ("/cases/adjudications/", "officer", lambda r: r.get_absolute_url()),
    "advisors": ("/legal/advisors/", "officer", lambda r: _url("legal:advisor_detail", r.pk)),
    "services": ("/legal/services/", "officer", lambda r: r.subject),
    "decisions": ("/legal/decisions/", "officer", lambda r: _url("legal:decision_detail", r.pk)),
    "reviews": ("/legal/reviews/", "officer", lambda r: r.title),
    "activities": (
        "/publicity/activities/",
        "officer",
        lambda r: _url("publicity:activity_detail", r.pk),
    ),
    "campaigns": ("/publicity/campaigns/", "officer", lambda r: r.name),
    "understanders": ("/publicity/understanders/", "officer", lambda r: r.name),
    "screens": ("/publicity/screens/", "officer", lambda r: r.name),
    "organisations": ("/regions/", "officer", lambda r: f"/regions/{r.region.code}/"),
    "users": ("/accounts/users/", "sysadmin", lambda r: f"/accounts/users/{r.pk}/"),
}


@pytest.mark.parametrize("kind", LISTS)
def test_each_lists_keyword_finds_a_record_by_a_word_of_its_name_and_not_others(cast, client, kind):
    wanted = seed(cast, "梧桐", cast.qilong, number=1)[kind]
    other = seed(cast, "银杏", cast.huangshui, number=2)[kind]
    url, who, shown = LISTS[kind]
    client.force_login(getattr(cast, who))
    if kind != "screening":  # without a keyword that list shows one month
        everything = client.get(url).content.decode()
        assert shown(wanted) in everything and shown(other) in everything
    response = client.get(url, {"q": "梧桐"})
    assert response.status_code == 200
    body = response.content.decode()
    assert shown(wanted) in body
    assert shown(other) not in body
    assert 'name="q"' in body and 'value="梧桐"' in body


def test_a_dispute_is_found_by_a_partys_name(cast, client):
    wanted = seed(cast, "梧桐", cast.qilong, number=1)["disputes"]
    other = seed(cast, "银杏", cast.huangshui, number=2)["disputes"]
    client.force_login(cast.officer)
    body = client.get("/disputes/", {"q": "梧桐张"}).content.decode()
    assert wanted.get_absolute_url() in body and other.get_absolute_url() not in body


def test_paging_keeps_the_keyword_and_the_export_holds_exactly_what_is_found(cast, client):
    for n in range(53):
        publicity.make_activity(cast.qilong, title=f"院坝会第{n}场")
    publicity.make_activity(cast.qilong, title="赶集日宣传")
    client.force_login(cast.officer)
    response = client.get("/publicity/activities/", {"q": "院坝会"})
    body = response.content.decode()
    word = quote("院坝会")
    assert f"?q={word}&amp;page=2" in body
    assert "共 53 条" in body
    second = client.get("/publicity/activities/", {"q": "院坝会", "page": 2})
    assert len(second.context["page"].object_list) == 3
    assert "赶集日宣传" not in second.content.decode()
    assert f"?q={word}&amp;format=xlsx" in body
    export = client.get("/publicity/activities/", {"q": "院坝会", "format": "xlsx"})
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert len(rows) - 1 == 53
    assert all("院坝会" in row[1] for row in rows[1:])


def test_the_region_list_pages_and_exports_what_is_found(cast, client):
    client.force_login(cast.officer)
    body = client.get("/regions/", {"q": "社区"}).content.decode()
    assert "format=xlsx" in body and f"q={quote('社区')}" in body
    export = client.get("/regions/", {"q": "七龙", "format": "xlsx"})
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:] if row[1]] == ["七龙社区"]


def test_screening_reports_are_searched_across_months(cast, client):
    wanted = seed(cast, "梧桐", cast.qilong, number=1)["screening"]  # January
    client.force_login(cast.officer)
    by_month = client.get("/disputes/screening/", {"month": "2020-06"}).content.decode()
    assert f"/disputes/screening/{wanted.pk}/" not in by_month
    found = client.get("/disputes/screening/", {"q": "梧桐", "month": "2020-06"})
    assert f"/disputes/screening/{wanted.pk}/" in found.content.decode()


def test_the_dispute_and_decision_exports_hold_only_what_the_keyword_found(cast, client):
    wanted = seed(cast, "梧桐", cast.qilong, number=1)
    seed(cast, "银杏", cast.huangshui, number=2)
    client.force_login(cast.officer)
    body = client.get("/disputes/", {"q": "梧桐"}).content.decode()
    assert f"/disputes/export.xlsx?q={quote('梧桐')}" in body
    export = client.get("/disputes/export.xlsx", {"q": "梧桐"})
    text = " ".join(
        str(cell)
        for row in load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True)
        for cell in row
        if cell
    )
    assert wanted["disputes"].number in text and "银杏" not in text
    export = client.get("/legal/decisions/", {"q": "梧桐", "export": "xlsx"})
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    titles = [cell for row in rows for cell in row if isinstance(cell, str) and "停车场" in cell]
    assert titles == [wanted["decisions"].title]
