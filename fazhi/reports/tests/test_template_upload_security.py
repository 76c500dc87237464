"""A template upload is refused, with a Chinese message next to the field, when it
carries code, is a bomb or is broken; never a server error, never a command run."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.reports import services
from fazhi.reports.models import ReportTemplate
from fazhi.reports.tests.test_report_pages import docx_upload

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _replaced(upload, name: str, data) -> SimpleUploadedFile:
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(upload.read())) as original,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in original.infolist():
            if info.filename != name:
                copy.writestr(info, original.read(info))
        copy.writestr(name, data)
    return SimpleUploadedFile("模板.docx", output.getvalue())


@pytest.mark.parametrize(
    "payload, named",
    [
        ("{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}", "函数或方法调用"),
        ("{{ ''.__class__.__mro__ }}", "__mro__"),
        ("{{ cycler.__init__.__globals__ }}", "__globals__"),
        ("{% set x = title %}", "{% set %}"),
    ],
)
def test_an_injection_payload_is_refused_at_upload(cast, client, tmp_path, payload, named):
    marker = tmp_path / "ran"
    client.force_login(cast.officer)
    upload = docx_upload(payload.replace("MARKER", str(marker)), "{{ body }}")
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "模板中不允许使用" in page and named in page.replace("&#x27;", "'")
    assert not ReportTemplate.objects.exists()
    assert not marker.exists()


def test_a_payload_in_the_header_is_refused_by_the_service(cast):
    from docx import Document

    document = Document()
    document.add_paragraph("{{ body }}")
    document.sections[0].header.paragraphs[0].text = "{{ self.__init__.__globals__ }}"
    data = io.BytesIO()
    document.save(data)
    with pytest.raises(ValidationError) as error:
        services.report_template_upload(
            user=cast.officer,
            region=cast.town,
            upload=SimpleUploadedFile("模板.docx", data.getvalue()),
        )
    assert "以下划线开头的属性" in error.value.message_dict["file"][0]


def test_a_paragraph_bomb_is_a_form_error(cast, client):
    body = f"<w:document {W}><w:body>" + "<w:p/>" * 5_000_000 + "</w:body></w:document>"
    bomb = _replaced(docx_upload("{{ body }}"), "word/document.xml", body)
    client.force_login(cast.officer)
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": bomb})
    assert response.status_code == 200
    assert "压缩比超过 100 倍" in response.content.decode()


def test_many_paragraphs_under_the_ratio_are_refused_by_count(cast, client):
    client.force_login(cast.officer)
    upload = docx_upload(*[f"第{n}段" for n in range(5001)], "{{ body }}")
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": upload})
    assert response.status_code == 200
    assert "段落数超过上限 5000 段" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\x00" * 40,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b" " * 200,
    ],
)
def test_a_truncated_file_is_a_form_error(cast, client, data):
    client.force_login(cast.officer)
    upload = SimpleUploadedFile("模板.docx", data)
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": upload})
    assert response.status_code == 200
    assert "模板文件：" in response.content.decode()
    assert not ReportTemplate.objects.exists()


def test_a_truncated_real_word_file_is_a_form_error(cast, client):
    data = docx_upload("{{ body }}").read()
    client.force_login(cast.officer)
    upload = SimpleUploadedFile("模板.docx", data[: len(data) // 2])
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": upload})
    assert response.status_code == 200
    assert "文件已损坏" in response.content.decode()


def test_broken_xml_inside_is_a_form_error(cast, client):
    broken = _replaced(docx_upload("{{ body }}"), "word/document.xml", "<w:document><w:body>")
    client.force_login(cast.officer)
    response = client.post("/reports/templates/", {"region": cast.town.code, "file": broken})
    assert response.status_code == 200
    assert "无法解析" in response.content.decode()
