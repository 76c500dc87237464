"""A town's own template is code from outside: checked at upload, rendered in a sandbox."""

from io import BytesIO

import pytest
from docx import Document
from docxtpl import DocxTemplate

from fazhi.documents import templates
from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx
from fazhi.documents.templates import TemplateError

BODY = build_docx(
    OfficialDocument(title="标题", blocks=[Block("正文。")], issuer="镇", issued_on="日")
)
PAYLOADS = [
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{% set x = title %}",
    "{% include 'body.xml' %}",
    "{% import 'x' as y %}",
    "{% macro m() %}x{% endmacro %}",
    "{{ title.upper() }}",
    "{{ parts[0] }}",
    "{{ self }}",
    "{{ title * 1000000 }}",
    "{{ title|attr('__class__') }}",
]


def word(*paragraphs: str, header: str = "", footer: str = "", title: str = "") -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    if title:
        document.core_properties.title = title
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def _texts(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(BytesIO(data)).paragraphs]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_it_refuses_anything_but_the_documented_placeholders(payload):
    with pytest.raises(TemplateError) as error:
        templates.check(word(payload, "{{ body }}"), BODY)
    message = str(error.value)
    assert message.startswith("模板") and ("不允许" in message or "不认识" in message)


@pytest.mark.parametrize(
    "where",
    [{"header": PAYLOADS[0]}, {"footer": PAYLOADS[1]}, {"title": PAYLOADS[2]}],
)
def test_it_checks_headers_footers_and_document_properties_too(where):
    with pytest.raises(TemplateError):
        templates.check(word("{{ body }}", **where), BODY)


def test_the_message_names_what_is_not_allowed():
    with pytest.raises(TemplateError) as error:
        templates.check(word("{% set x = 1 %}", "{{ body }}"), BODY)
    assert str(error.value).startswith("模板中不允许使用{% set %}。")
    with pytest.raises(TemplateError) as error:
        templates.check(word("{{ ''.__class__ }}", "{{ body }}"), BODY)
    assert "以下划线开头的属性 __class__" in str(error.value)
    with pytest.raises(TemplateError) as error:
        templates.check(word("{{ part.heading }}", "{{ body }}"), BODY)
    assert "不认识的占位符 part" in str(error.value)


def test_it_accepts_the_documented_names_loops_conditions_and_filters():
    template = word(
        "{{ title|trim }}（{{ region }}{{ year }}）{{ issuer|default('镇政府') }}",
        "{% for part in parts %}{{ loop.index }}{{ part.heading }}"
        "{% for section in part.sections %}{{ section.lead }}{{ section.text|truncate(50) }}"
        "{% endfor %}{% endfor %}",
        "{% for figure in figures %}{% if figure.url %}{{ figure.label|upper }}：{{ figure.text }}"
        "{% endif %}{% endfor %}共{{ figures|length }}项",
        "{{ body }}",
        header="{{ issuer }}文件",
    )
    templates.check(template, BODY)
    context = templates.sample_context()
    context["figures"][0]["url"] = "/x"
    texts = _texts(templates.render(template, context, body_docx=BODY))
    assert texts[0] == "示例镇2020年度法治政府建设情况报告（示例镇2020）示例镇人民政府"
    assert texts[1] == "1一、示例部分（一）示例小节。示例正文。"
    assert texts[2] == "示例指标：6次共1项"


@pytest.mark.parametrize("payload", PAYLOADS[:4])
def test_a_stored_template_from_before_the_check_is_refused_at_render(payload, tmp_path):
    marker = tmp_path / "ran"
    payload = payload.replace("'id'", f"'touch {marker}'")
    with pytest.raises(TemplateError):
        templates.render(word(payload, "{{ body }}"), templates.sample_context(), body_docx=BODY)
    assert not marker.exists()


@pytest.mark.parametrize(
    "payload",
    [
        "{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ title.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% set x = parts.append(1) %}",
    ],
)
def test_the_sandbox_runs_nothing_even_past_the_check(payload, tmp_path):
    marker = tmp_path / "ran"
    document = DocxTemplate(BytesIO(word(payload.replace("MARKER", str(marker)))))
    document.init_docx()
    with pytest.raises(TemplateError):
        templates._fill(document, templates.sample_context())
    assert not marker.exists()


def test_values_come_out_exactly_as_typed():
    typed = "甲方&乙方各半 ‹› <b> </w:t></w:r><w:r><w:t>injected \"引号\" '单' 😀 𠀀𪚥"
    context = {**templates.sample_context(), "title": typed + "\x07\x0b", "intro": "第一行\n第二行"}
    result = templates.render(
        word("{{ title }}", "{{ intro }}", "{{ body }}"), context, body_docx=BODY
    )
    texts = _texts(result)
    assert texts[0] == typed
    assert texts[1] == "第一行\n第二行"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"PK\x03\x04 truncated", "文件已损坏"),
        (word("{{ body }}")[:-100], "文件已损坏"),
        (word(*["段"] * 5001), "段落数超过上限 5000 段"),
    ],
)
def test_a_broken_or_oversized_template_is_a_template_error(data, message):
    with pytest.raises(TemplateError) as error:
        templates.check(data, BODY)
    assert message in str(error.value)
