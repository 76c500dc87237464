"""Downloads: the owning record's capability and scope, and never a page in the browser."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.attachments.models import Kind
from fazhi.attachments.services import attachment_create
from fazhi.attachments.views import download_name
from fazhi.publicity.tests.builders import make_activity

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%test\n"


@pytest.fixture
def sign_in_sheet(cast):
    record = make_activity(cast.qilong, title="七龙社区宪法宣传")
    return attachment_create(
        upload=SimpleUploadedFile("签到表.pdf", PDF),
        user=cast.cadre,
        region=cast.qilong,
        owner=record,
        kind=Kind.SIGN_IN,
    )


def test_the_mediator_cannot_download_a_publicity_sign_in_sheet(cast, client, sign_in_sheet):
    client.force_login(cast.mediator)
    activity_page = client.get(f"/publicity/activities/{sign_in_sheet.owner_id}/")
    response = client.get(f"/attachments/{sign_in_sheet.pk}/")
    assert response.status_code == activity_page.status_code == 403


def test_the_village_cadre_and_the_officer_can(cast, client, sign_in_sheet):
    for user in (cast.cadre, cast.officer, cast.leader):
        client.force_login(user)
        response = client.get(f"/attachments/{sign_in_sheet.pk}/")
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == PDF


def test_another_villages_cadre_gets_not_found(cast, client, sign_in_sheet):
    client.force_login(cast.other_cadre)
    assert client.get(f"/publicity/activities/{sign_in_sheet.owner_id}/").status_code == 404
    assert client.get(f"/attachments/{sign_in_sheet.pk}/").status_code == 404


def test_an_attachment_whose_record_is_out_of_scope_is_not_found(cast, client):
    record = make_activity(cast.huangshui, title="黄水社区活动")
    misfiled = attachment_create(
        upload=SimpleUploadedFile("s.pdf", PDF), user=cast.officer, region=cast.qilong, owner=record
    )
    client.force_login(cast.cadre)
    assert client.get(f"/attachments/{misfiled.pk}/").status_code == 404


def test_the_auditor_and_the_sysadmin_get_nothing(cast, client, sign_in_sheet):
    for user in (cast.auditor, cast.sysadmin):
        client.force_login(user)
        assert client.get(f"/attachments/{sign_in_sheet.pk}/").status_code in (403, 404)


def test_documents_download_with_a_safe_name_and_nosniff(cast, client):
    pdf = attachment_create(
        upload=SimpleUploadedFile("../../etc/报告\u202egpj.html", PDF),
        user=cast.officer,
        region=cast.town,
    )
    client.force_login(cast.officer)
    response = client.get(f"/attachments/{pdf.pk}/")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%E6%8A%A5%E5%91%8Agpj.pdf" in disposition
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_real_image_may_open_inline_with_nosniff(cast, client):
    photo = attachment_create(
        upload=SimpleUploadedFile("现场.jpg", PNG), user=cast.officer, region=cast.town
    )
    client.force_login(cast.officer)
    response = client.get(f"/attachments/{photo.pk}/")
    assert response["Content-Disposition"].startswith("inline;")
    assert "%E7%8E%B0%E5%9C%BA.png" in response["Content-Disposition"]
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_stored_type_that_is_not_known_is_never_served_as_a_page(cast, client):
    pdf = attachment_create(
        upload=SimpleUploadedFile("x.pdf", PDF), user=cast.officer, region=cast.town
    )
    type(pdf).objects.filter(pk=pdf.pk).update(content_type="text/html")
    client.force_login(cast.officer)
    response = client.get(f"/attachments/{pdf.pk}/")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith('attachment; filename="x.bin"')


@pytest.mark.parametrize(
    "original, content_type, expected",
    [
        ("合同.docx", "application/pdf", "合同.pdf"),
        ("C:\\Users\\a\\照片.jpeg", "image/jpeg", "照片.jpg"),
        ("a\x00b\r\nc\u202e.png", "image/png", "abc.png"),
        ('he"llo;.pdf', "application/pdf", "he_llo_.pdf"),
        ("...", "application/pdf", "附件.pdf"),
        ("noext", "image/gif", "noext.gif"),
    ],
)
def test_download_names_are_cleaned(original, content_type, expected):
    assert download_name(original, content_type) == expected
