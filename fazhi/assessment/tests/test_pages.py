"""The pages: who sees what, query counts, hostile input."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fazhi.assessment import services
from fazhi.assessment.models import Indicator, System
from fazhi.assessment.tests.helpers import build_system, entry, self_assess_and_submit, town_sheet
from fazhi.assessment.tests.test_excel_import import workbook


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_pages_open_for_each_reader(cast, client):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    for who in ("county_admin", "officer", "leader"):
        client.force_login(getattr(cast, who))
        for url in [
            reverse("assessment:index"),
            sheet.system.get_absolute_url(),
            sheet.get_absolute_url(),
            item.get_absolute_url(),
            reverse("assessment:ranking", args=[sheet.system.pk]),
            reverse("assessment:villages"),
        ]:
            assert client.get(url).status_code == 200, (who, url)
    client.force_login(cast.cadre)
    assert client.get(sheet.get_absolute_url()).status_code == 404


def test_the_sheet_page_runs_as_many_queries_with_many_files_as_with_one(cast, client):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    client.force_login(cast.officer)
    services.entry_self_assess(
        user=cast.officer, entry=item, score=5, uploads=[SimpleUploadedFile("a.png", png)]
    )
    one = _queries(client, sheet.get_absolute_url())
    for other in sheet.entries.all():
        services.entry_self_assess(
            user=cast.officer,
            entry=other,
            score=0,
            links=[{"label": "活动", "url": "/publicity/"}],
            uploads=[SimpleUploadedFile("b.png", png)] * 3,
        )
    assert _queries(client, sheet.get_absolute_url()) == one


def test_the_list_runs_as_many_queries_with_more_sheets(cast, client):
    client.force_login(cast.county_admin)
    town_sheet(cast)
    one = _queries(client, reverse("assessment:index"))
    for year in (2019, 2021):
        town_sheet(cast, build_system(cast.county_admin, year=year))
    assert _queries(client, reverse("assessment:index")) == one


def test_the_officer_self_assesses_with_a_file_through_the_page(cast, client):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    client.force_login(cast.officer)
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    response = client.post(
        reverse("assessment:entry_self", args=[item.pk]),
        {
            "score": "8",
            "note": "研究2次",
            "links": "纠纷台账 /disputes/",
            "files": [SimpleUploadedFile("纪要.png", png)],
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.self_score, item.links) == (8, [{"url": "/disputes/", "label": "纠纷台账"}])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"score": "11"}, "0 至 10"),
        ({"score": "abc"}, "自评得分"),
        ({"score": "1e999"}, "自评得分"),
        ({"score": "5", "links": "javascript:alert(1)"}, "本平台内的页面地址"),
        ({"score": "5", "links": "恶意 //evil.example/x"}, "本平台内的页面地址"),
        ({"score": "5", "note": "x" * 6000}, "自评说明"),
    ],
)
def test_hostile_self_assessments_are_refused_with_a_message(cast, client, data, message):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    client.force_login(cast.officer)
    response = client.post(reverse("assessment:entry_self", args=[item.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    item.refresh_from_db()
    assert item.self_score is None


def test_a_hostile_file_is_refused(cast, client):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    client.force_login(cast.officer)
    response = client.post(
        reverse("assessment:entry_self", args=[item.pk]),
        {"score": "5", "files": [SimpleUploadedFile("x.png", b"<script>alert(1)</script>")]},
    )
    assert response.status_code == 200
    assert "佐证材料" in response.content.decode()
    assert not item.history.exclude(self_score=None).exists()


def test_a_return_with_a_past_due_date_is_refused_on_the_page(cast, client):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    item = entry(sheet, "专题研究法治建设")
    client.force_login(cast.county_admin)
    past = (timezone.localdate() - timedelta(days=3)).isoformat()
    response = client.post(
        reverse("assessment:entry_return", args=[item.pk]), {"note": "补充", "due": past}
    )
    assert "补充期限不能早于今天" in response.content.decode()


def test_a_bad_rule_in_the_tree_editor_is_named(cast, client):
    system = build_system(cast.county_admin, publish=False)
    client.force_login(cast.county_admin)
    response = client.post(
        reverse("assessment:indicator_create", args=[system.pk]),
        {
            "name": "出庭率",
            "points": "5",
            "method": "threshold",
            "metric": "nope",
            "params": "{",
            "min_score": "0",
        },
    )
    text = response.content.decode()
    assert "数据指标代码“nope”不存在" in text or "JSON" in text
    assert not Indicator.objects.filter(name="出庭率").exists()


def test_the_tree_editor_adds_edits_and_deletes_on_a_draft(cast, client):
    system = build_system(cast.county_admin, publish=False)
    client.force_login(cast.county_admin)
    parent = system.indicators.get(name="组织领导")
    response = client.post(
        reverse("assessment:indicator_add_child", args=[parent.pk]),
        {
            "name": "述法",
            "points": "2",
            "method": "manual",
            "metric": "",
            "params": "",
            "min_score": "0",
        },
    )
    assert response.status_code == 302
    added = system.indicators.get(name="述法")
    assert added.number == "1.3"
    client.post(
        reverse("assessment:indicator_edit", args=[added.pk]),
        {
            "name": "年终述法",
            "points": "3",
            "method": "manual",
            "metric": "",
            "params": "",
            "min_score": "0",
        },
    )
    assert Indicator.objects.get(pk=added.pk).name == "年终述法"
    client.post(reverse("assessment:indicator_delete", args=[added.pk]))
    assert not Indicator.objects.filter(pk=added.pk).exists()


def test_a_published_system_refuses_the_tree_editor(cast, client):
    system = build_system(cast.county_admin)
    client.force_login(cast.county_admin)
    leaf = system.indicators.get(name="专题研究法治建设")
    client.post(reverse("assessment:indicator_delete", args=[leaf.pk]))
    assert Indicator.objects.filter(pk=leaf.pk).exists()


def test_the_import_page_previews_then_imports(cast, client):
    client.force_login(cast.county_admin)
    data = {"name": "页面导入", "year": "2020", "level": "town"}
    response = client.post(
        reverse("assessment:system_import"), {**data, "file": workbook(), "preview": "1"}
    )
    assert "将导入 7 项指标" in response.content.decode()
    assert not System.objects.filter(name="页面导入").exists()
    response = client.post(
        reverse("assessment:system_import"), {**data, "file": workbook(), "confirm": "1"}
    )
    assert response.status_code == 302
    assert System.objects.get(name="页面导入").indicators.count() == 7


def test_the_evidence_pack_downloads_as_a_zip(cast, client):
    sheet = town_sheet(cast)
    client.force_login(cast.leader)
    response = client.get(reverse("assessment:sheet_pack", args=[sheet.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert b"".join(response.streaming_content)[:2] == b"PK"


@pytest.mark.parametrize("who", ["leader", "cadre"])
def test_readers_cannot_write(cast, client, who):
    sheet = town_sheet(cast)
    client.force_login(getattr(cast, who))
    item = entry(sheet, "专题研究法治建设")
    assert (
        client.post(reverse("assessment:entry_self", args=[item.pk]), {"score": "5"}).status_code
        == 403
    )
    assert client.post(reverse("assessment:system_create"), {"name": "x"}).status_code == 403
