"""Text a person types comes out of every generated Word file exactly as typed."""

from io import BytesIO

import pytest
from docx import Document

from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx
from fazhi.documents.safetext import docx_text

TYPED = [
    "甲方&乙方各半",
    "‹引›",
    "<b>加粗</b>",
    "</w:t></w:r><w:r><w:t>injected",
    "\"双引号\" '单引号' “中文引号”",
    "表情😀👨‍👩‍👧",
    "扩展字𠀀𪚥𫝀",
    "&amp; &#60; ]]> <![CDATA[x]]>",
    "{{ title }} {% if x %}",
]


def _texts(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(BytesIO(data)).paragraphs]


@pytest.mark.parametrize("typed", TYPED)
def test_the_official_layout_keeps_what_was_typed(typed):
    data = build_docx(
        OfficialDocument(
            title=typed,
            blocks=[Block(typed, kind="heading"), Block(typed, lead=typed)],
            issuer=typed,
            issued_on="2021年1月20日",
        )
    )
    texts = _texts(data)
    assert texts[0] == typed
    assert texts[2] == typed
    assert texts[3] == typed + typed
    assert typed in texts
    assert Document(BytesIO(data)).core_properties.title == typed


def test_control_characters_are_dropped_not_a_crash():
    data = build_docx(
        OfficialDocument(
            title="标题\x07",
            blocks=[Block("正\x00文\x1b[31m\x0b\x0c\ud800\ufffe结束")],
            issuer="镇\x08政府",
            issued_on="2021年1月20日",
        )
    )
    texts = _texts(data)
    assert texts[0] == "标题"
    assert texts[2] == "正文[31m结束"
    assert "镇政府" in texts


def test_line_breaks_and_tabs_survive():
    data = build_docx(
        OfficialDocument(
            title="标题", blocks=[Block("第一行\r\n第二行\t完")], issuer="镇", issued_on="日"
        )
    )
    assert _texts(data)[2] == "第一行\n第二行\t完"


def test_docx_text_drops_only_what_xml_cannot_hold():
    assert (
        docx_text("a\x00b\x1fc\td\ne\rf\U0002a6a5\ufffdg\uffff") == "abc\td\ne\nf\U0002a6a5\ufffdg"
    )
    assert docx_text(None) == ""
    assert docx_text(2020) == "2020"
