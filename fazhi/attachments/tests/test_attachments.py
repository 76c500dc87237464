import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.attachments.models import Attachment, Kind
from fazhi.attachments.services import attachment_create

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%test\n"


def _docx(extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def test_it_keeps_a_photo_with_its_detected_type(cast):
    attachment = attachment_create(
        upload=_upload("现场.png", PNG), user=cast.cadre, region=cast.qilong, kind=Kind.PHOTO
    )
    assert attachment.content_type == "image/png"
    assert attachment.original_name == "现场.png"
    assert attachment.file.name.endswith(".png")
    assert attachment.file.read() == PNG


def test_it_judges_by_content_not_by_the_name(cast):
    with pytest.raises(ValidationError) as error:
        attachment_create(
            upload=_upload("photo.jpg", b"MZ\x90\x00 not an image"),
            user=cast.cadre,
            region=cast.qilong,
        )
    assert "文件内容不是允许的类型" in error.value.messages[0]
    assert Attachment.objects.count() == 0
    pdf_named_txt = attachment_create(
        upload=_upload("scan.txt", PDF), user=cast.cadre, region=cast.qilong
    )
    assert pdf_named_txt.content_type == "application/pdf"


def test_it_accepts_word_and_refuses_macros(cast):
    ok = attachment_create(
        upload=_upload("合同.docx", _docx()), user=cast.officer, region=cast.town
    )
    assert "wordprocessingml" in ok.content_type
    with pytest.raises(ValidationError) as error:
        attachment_create(
            upload=_upload("合同.docm", _docx({"word/vbaProject.bin": "x"})),
            user=cast.officer,
            region=cast.town,
        )
    assert "宏" in error.value.messages[0]


def test_it_refuses_files_over_the_limit(cast, settings):
    settings.ATTACHMENT_MAX_BYTES = 50
    with pytest.raises(ValidationError) as error:
        attachment_create(
            upload=_upload("big.png", PNG + b"\x00" * 100), user=cast.cadre, region=cast.qilong
        )
    assert "超过上限" in error.value.messages[0]


def test_it_refuses_a_region_outside_the_scope(cast):
    with pytest.raises(PermissionDenied):
        attachment_create(upload=_upload("p.png", PNG), user=cast.cadre, region=cast.huangshui)


def test_it_lists_the_files_of_a_record(cast):
    attachment_create(
        upload=_upload("a.png", PNG), user=cast.officer, region=cast.town, owner=cast.qilong
    )
    attachment_create(
        upload=_upload("b.png", PNG), user=cast.officer, region=cast.town, owner=cast.huangshui
    )
    assert [a.original_name for a in Attachment.objects.of(cast.qilong)] == ["a.png"]


def test_images_open_inline_and_documents_download(cast, client):
    photo = attachment_create(upload=_upload("p.png", PNG), user=cast.officer, region=cast.town)
    doc = attachment_create(upload=_upload("d.pdf", PDF), user=cast.officer, region=cast.town)
    client.force_login(cast.officer)
    assert client.get(f"/attachments/{photo.pk}/")["Content-Disposition"].startswith("inline")
    assert client.get(f"/attachments/{doc.pk}/")["Content-Disposition"].startswith("attachment")
    client.logout()
    assert client.get(f"/attachments/{photo.pk}/").status_code == 404
