"""The report pages: scope, roles, editing, finalising, generating with
progress and downloading, templates."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from fazhi.regions.models import Level, Region
from fazhi.reports import services
from fazhi.reports.models import FileStatus, Report, ReportFile, ReportTemplate, Status

pytestmark = pytest.mark.usefixtures("registered")


@pytest.fixture
def other_town(cast):
    return Region.objects.create(
        code="500240106000", name="冷水镇", level=Level.TOWN, parent=cast.county
    )


def docx_upload(*paragraphs, name="模板.docx"):
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    data = BytesIO()
    document.save(data)
    return SimpleUploadedFile(name, data.getvalue())


def test_the_officer_opens_a_draft_for_the_town(cast, client):
    client.force_login(cast.officer)
    response = client.post("/reports/", {"region": cast.town.code, "year": 2020})
    report = Report.objects.get(region=cast.town, year=2020)
    assert response.status_code == 302 and response.url == f"/reports/{report.pk}/"
    page = client.get(response.url)
    assert "普法宣传教育" in page.content.decode()


def test_a_region_outside_the_scope_cannot_be_chosen(cast, client, other_town):
    client.force_login(cast.officer)
    response = client.post("/reports/", {"region": other_town.code, "year": 2020})
    assert response.status_code == 200
    assert "不在您的管辖范围内" in response.content.decode()
    assert not Report.objects.exists()


def test_a_report_outside_the_scope_answers_404(cast, client, other_town):
    report = services.report_create(user=None, region=other_town, year=2020)
    client.force_login(cast.officer)
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    assert client.post(f"/reports/{report.pk}/finalise/").status_code == 404


def test_roles_without_reports_get_403_and_the_leader_reads_only(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.cadre)
    assert client.get(f"/reports/{report.pk}/").status_code == 403
    client.force_login(cast.leader)
    assert client.get(f"/reports/{report.pk}/").status_code == 200
    assert client.post(f"/reports/{report.pk}/finalise/").status_code == 403


def test_the_officer_edits_the_narrative_and_finalises(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    client.post(
        f"/reports/{report.pk}/edit/",
        {"title": "标题", "issuer": "黄水镇人民政府", "n_publicity": "开展宪法宣传周活动。"},
    )
    report.refresh_from_db()
    assert report.narratives == {"publicity": "开展宪法宣传周活动。"}
    client.post(f"/reports/{report.pk}/finalise/")
    report.refresh_from_db()
    assert report.status == Status.FINAL and report.snapshot
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "开展宪法宣传周活动。" in page and "基于此定稿新建草稿" in page


def test_the_generate_button_makes_a_file_to_download(
    cast, client, django_capture_on_commit_callbacks
):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/reports/{report.pk}/generate/", {"format": "docx"}, headers={"HX-Request": "true"}
        )
    report_file = ReportFile.objects.get(report=report)
    assert report_file.status == FileStatus.DONE  # the immediate backend ran the task
    progress = client.get(f"/reports/files/{report_file.pk}/").content.decode()
    assert f"/reports/files/{report_file.pk}/download/" in progress
    download = client.get(f"/reports/files/{report_file.pk}/download/")
    assert download.status_code == 200
    assert ".docx" in download.headers["Content-Disposition"]
    data = b"".join(download.streaming_content)
    assert Document(BytesIO(data)).paragraphs[0].text.startswith("黄水镇2020年度")


def test_a_file_still_generating_polls_for_progress(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    pending = ReportFile.objects.create(report=report, format="pdf", requested_by=cast.officer)
    client.force_login(cast.officer)
    page = client.get(f"/reports/files/{pending.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page and "正在生成" in page


def test_another_towns_file_cannot_be_downloaded(cast, client, other_town):
    report = services.report_create(user=None, region=other_town, year=2020)
    other = ReportFile.objects.create(report=report, format="docx", status=FileStatus.DONE)
    client.force_login(cast.officer)
    assert client.get(f"/reports/files/{other.pk}/download/").status_code == 404


def test_a_good_template_is_used_for_the_file(cast, client):
    client.force_login(cast.officer)
    upload = docx_upload("黄水镇人民政府文件 {{ year }}", "{{ body }}", "抄送：{{ issuer }}")
    response = client.post(
        "/reports/templates/", {"region": cast.town.code, "name": "红头", "file": upload}
    )
    assert response.status_code == 302
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    from fazhi.reports.document import render_docx

    texts = [p.text for p in Document(BytesIO(render_docx(report))).paragraphs]
    assert texts[0] == "黄水镇人民政府文件 2020"
    assert texts[1].startswith("黄水镇2020年度") and texts[-1] == "抄送：黄水镇人民政府"


def macro_docx():
    import zipfile

    data = BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
        archive.writestr("word/vbaProject.bin", "macro")
    return SimpleUploadedFile("模板.docm", data.getvalue())


@pytest.mark.parametrize(
    "upload, message",
    [
        (docx_upload("{{ nonsense }}"), "不认识的占位符"),
        (docx_upload("{% for x in %}"), "占位符写法有误"),
        (docx_upload("前言 {{ body }}"), "单独占一段"),
        (SimpleUploadedFile("模板.docx", b"not a word file"), "文件内容不是允许的类型"),
        (macro_docx(), "宏"),
    ],
)
def test_a_bad_template_gets_a_clear_message(cast, client, upload, message):
    client.force_login(cast.officer)
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReportTemplate.objects.exists()


def test_the_report_list_runs_the_same_queries_for_many_reports(
    cast, client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.officer)
    for year in range(2000, 2003):  # 26 years of reports (two pages), none in the future
        services.report_create(user=cast.officer, region=cast.town, year=year)
    with CaptureQueriesContext(connection) as few:
        client.get("/reports/")
    for year in range(2003, 2026):
        services.report_create(user=cast.officer, region=cast.town, year=year)
    with django_assert_max_num_queries(len(few)):
        page = client.get("/reports/")
    assert "共 26 条" in page.content.decode() or "第 1 / 2 页" in page.content.decode()


def test_a_pdf_without_libreoffice_fails_with_the_reason_on_the_page(
    cast, client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("FAZHI_SOFFICE", "no-such-soffice")
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/{report.pk}/generate/", {"format": "pdf"})
    report_file = ReportFile.objects.get(report=report)
    assert report_file.status == FileStatus.FAILED
    page = client.get(f"/reports/files/{report_file.pk}/").content.decode()
    assert "生成失败" in page and "未安装 LibreOffice" in page
    assert "未安装 LibreOffice" in client.get(f"/reports/{report.pk}/").content.decode()


def test_a_bad_date_is_named_and_nothing_is_saved(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    response = client.post(
        f"/reports/{report.pk}/edit/", {"issued_on": "去年", "n_publicity": "不应保存。"}
    )
    assert response.status_code == 400
    assert "成文日期：" in response.content.decode()
    report.refresh_from_db()
    assert report.narratives.get("publicity") != "不应保存。"


def test_the_leader_cannot_edit(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.leader)
    assert client.post(f"/reports/{report.pk}/edit/", {"n_publicity": "x"}).status_code == 403


def test_the_sample_template_can_be_uploaded_as_it_is(cast, client):
    client.force_login(cast.officer)
    sample = client.get("/reports/templates/sample.docx")
    upload = SimpleUploadedFile("示例.docx", sample.content)
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": upload})
    assert response.status_code == 302
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    from fazhi.reports.document import render_docx

    texts = [p.text for p in Document(BytesIO(render_docx(report))).paragraphs]
    assert texts[0] == "黄水镇人民政府文件" and texts[-1] == "抄送：县司法局。"


def test_the_api_lists_reports_in_scope_and_returns_the_text(cast, client, other_town):
    mine = services.report_create(user=cast.officer, region=cast.town, year=2020)
    services.report_create(user=None, region=other_town, year=2020)
    client.force_login(cast.officer)
    listing = client.get("/api/v1/reports/").json()
    assert [item["id"] for item in listing["results"]] == [mine.pk]
    detail = client.get(f"/api/v1/reports/{mine.pk}/").json()
    assert detail["document"]["title"].startswith("黄水镇2020年度")
    client.force_login(cast.cadre)
    assert client.get("/api/v1/reports/").status_code == 403


def test_generating_saves_the_edits_sent_with_it_first(
    cast, client, django_capture_on_commit_callbacks
):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/reports/{report.pk}/generate/",
            {"format": "docx", "with_edits": "1", "intro": "屏幕上刚写的开头。"},
            headers={"HX-Request": "true"},
        )
    assert "已保存本页上的修改" in response.content.decode()
    report.refresh_from_db()
    assert report.narratives.get("intro") == "屏幕上刚写的开头。"
    report_file = ReportFile.objects.get(report=report)
    texts = [p.text for p in Document(report_file.file.open("rb")).paragraphs]
    assert "屏幕上刚写的开头。" in texts


def test_generating_with_a_bad_edit_saves_and_queues_nothing(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    response = client.post(
        f"/reports/{report.pk}/generate/",
        {"format": "docx", "with_edits": "1", "issued_on": "去年", "intro": "不应保存。"},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert "未生成" in page and "成文日期" in page
    report.refresh_from_db()
    assert report.narratives.get("intro") != "不应保存。"
    assert not ReportFile.objects.filter(report=report).exists()


def test_the_leader_generating_cannot_change_the_text(
    cast, client, django_capture_on_commit_callbacks
):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/reports/{report.pk}/generate/",
            {"format": "docx", "with_edits": "1", "intro": "领导不能改。"},
        )
    assert response.status_code == 403  # the leader only reads and downloads
    report.refresh_from_db()
    assert report.narratives.get("intro") != "领导不能改。"
    assert not ReportFile.objects.filter(report=report).exists()


def test_a_file_no_worker_picked_up_says_why_and_what_to_do(cast, client):
    from datetime import timedelta

    from django.utils import timezone

    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    client.post(f"/reports/{report.pk}/generate/", {"format": "docx"})  # no worker runs it
    report_file = ReportFile.objects.get(report=report)
    fresh = client.get(f"/reports/files/{report_file.pk}/").content.decode()
    assert "正在生成" in fresh and "fazhi db_worker" not in fresh
    ReportFile.objects.filter(pk=report_file.pk).update(
        requested_at=timezone.now() - timedelta(seconds=40)
    )
    page = client.get(f"/reports/files/{report_file.pk}/").content.decode()
    assert "还没有开始生成" in page and "没有这个进程在运行" in page
    assert "make run" in page and "fazhi db_worker" in page
    assert 'hx-trigger="every 1s"' in page  # starts by itself once a worker runs


def test_a_file_being_generated_is_not_reported_as_lacking_a_worker(cast, client):
    from datetime import timedelta

    from django.utils import timezone

    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    client.post(f"/reports/{report.pk}/generate/", {"format": "docx"})
    ReportFile.objects.filter(report=report).update(
        status=FileStatus.RUNNING, requested_at=timezone.now() - timedelta(seconds=40)
    )
    report_file = ReportFile.objects.get(report=report)
    page = client.get(f"/reports/files/{report_file.pk}/").content.decode()
    assert "正在生成" in page and "没有这个进程在运行" not in page
