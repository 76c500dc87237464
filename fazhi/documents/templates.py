"""A town's own Word template (docxtpl / Jinja placeholders).

A template changes the layout around the report (a 红头, a different
signature block, a cover page…). The placeholders it may use are listed in
`PLACEHOLDERS` and in docs/reports.md. `{{ body }}`, alone in its paragraph,
is replaced by the whole report body (title to date) already in the GB/T 9704
layout; the other names let a template lay the report out itself.

A template is code written by whoever uploads it, so it is treated as such:
at upload (and again before every render, for templates kept from before)
its Jinja source — body, headers, footers, footnotes and document properties,
as docxtpl extracts them — may use only the documented names and their
documented attributes, `for` over the documented lists, `if`, and the
filters in FILTERS; anything else (`{% set %}`, `{% include %}`, calls,
`__class__`, unknown names) is refused with a message naming it. It is then
rendered in the sandboxed, escaping environment of `safetext`, so that even
what got past the check cannot reach Python internals or inject Word markup.
"""

import copy
import zipfile
from io import BytesIO

import jinja2
from django.core.exceptions import ValidationError
from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import nodes

from fazhi.core.uploads import DOCX, docx_paragraphs_check, ooxml_check
from fazhi.documents.safetext import docx_environment

PLACEHOLDERS = {
    "title": "报告标题（单行）",
    "region": "区划名称，如 黄水镇",
    "year": "年度，如 2020",
    "issuer": "落款（发文机关署名）",
    "issued_on": "成文日期，如 2021年1月20日",
    "intro": "开头段落",
    "parts": "各部分列表：part.heading 标题，part.sections 小节列表（section.lead 小标题、section.text 正文）",
    "figures": "数据列表：figure.label、figure.text（如 2000余人次）、figure.url",
    "body": "整篇正文（已按 GB/T 9704 排版），{{ body }} 须单独成段",
}


class TemplateError(ValueError):
    """A template that cannot be used, with a message for the person who uploaded it."""


# What a template may use, beyond PLACEHOLDERS: the types of the documented
# names, the attributes of each, the loops' own `loop` and a few filters.
_TEXT, _PART, _SECTION, _FIGURE, _LOOP = "text", "part", "section", "figure", "loop"
_NAMES = {
    **dict.fromkeys(("title", "region", "year", "issuer", "issued_on", "intro", "body"), _TEXT),
    "parts": f"list:{_PART}",
    "figures": f"list:{_FIGURE}",
}
_ATTRIBUTES = {
    _PART: {"heading": _TEXT, "sections": f"list:{_SECTION}"},
    _SECTION: {"lead": _TEXT, "text": _TEXT},
    _FIGURE: {"label": _TEXT, "text": _TEXT, "url": _TEXT},
    _LOOP: dict.fromkeys(("index", "index0", "first", "last", "length", "revindex"), _TEXT),
}
FILTERS = ("default", "upper", "lower", "trim", "title", "capitalize", "replace", "truncate")
FILTERS += ("length", "first", "last")
_TESTS = ("defined", "undefined", "none", "string", "number", "odd", "even")
_TAGS = {
    "Assign": "{% set %}",
    "AssignBlock": "{% set %}",
    "Include": "{% include %}",
    "Import": "{% import %}",
    "FromImport": "{% from … import %}",
    "Macro": "{% macro %}",
    "CallBlock": "{% call %}",
    "FilterBlock": "{% filter %}",
    "With": "{% with %}",
    "Block": "{% block %}",
    "Extends": "{% extends %}",
    "ExprStmt": "{% do %}",
    "Call": "函数或方法调用（括号）",
    "Getitem": "下标取值（方括号 [ ]）",
    "Slice": "切片",
    "Dict": "字典",
    "List": "列表",
    "Tuple": "元组",
}
_ALLOWED_HINT = (
    f"模板只能使用下列占位符：{'、'.join(PLACEHOLDERS)}"
    "（及其说明中列出的属性），{% for %} 循环、{% if %} 判断和简单过滤器"
    f"（{'、'.join(FILTERS)}）。"
)


def _refuse(what: str) -> TemplateError:
    return TemplateError(f"模板中不允许使用{what}。{_ALLOWED_HINT}")


def _type_of(node, names: dict[str, str]) -> str:
    """The documented type of expression `node`, or TemplateError for anything else."""
    if isinstance(node, nodes.Name):
        if node.name not in names:
            raise TemplateError(f"模板使用了不认识的占位符 {node.name}。{_ALLOWED_HINT}")
        return names[node.name]
    if isinstance(node, nodes.Getattr):
        if node.attr.startswith("_"):
            raise _refuse(f"以下划线开头的属性 {node.attr}")
        base = _type_of(node.node, names)
        if node.attr not in _ATTRIBUTES.get(base, {}):
            raise _refuse(f"属性 .{node.attr}")
        return _ATTRIBUTES[base][node.attr]
    if isinstance(node, nodes.Const):
        if not isinstance(node.value, str | int | float | bool | type(None)):
            raise _refuse("这种常量")
        return _TEXT
    if isinstance(node, nodes.Filter):
        return _filter_type(node, names)
    if isinstance(node, nodes.Test):
        if node.name not in _TESTS or node.args or node.kwargs or node.dyn_args:
            raise _refuse(f"判断 is {node.name}")
        _type_of(node.node, names)
        return _TEXT
    if isinstance(node, nodes.Not):
        _type_of(node.node, names)
        return _TEXT
    if isinstance(node, nodes.And | nodes.Or | nodes.Concat | nodes.Compare | nodes.CondExpr):
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Operand):
                _type_of(child.expr, names)
            else:
                _type_of(child, names)
        return _TEXT
    name = type(node).__name__
    raise _refuse(_TAGS.get(name, f"表达式（{name}）"))


def _filter_type(node, names: dict[str, str]) -> str:
    if node.name not in FILTERS:
        raise _refuse(f"过滤器 {node.name}")
    if node.dyn_args or node.dyn_kwargs:
        raise _refuse(f"过滤器 {node.name} 的动态参数")
    for argument in [*node.args, *(pair.value for pair in node.kwargs)]:
        if not isinstance(argument, nodes.Const):
            _type_of(argument, names)
    base = _type_of(node.node, names)
    if node.name in ("first", "last") and base.startswith("list:"):
        return base.removeprefix("list:")
    if node.name == "default":
        return base
    if base != _TEXT and node.name != "length":
        raise _refuse(f"对列表使用过滤器 {node.name}")
    return _TEXT


def _check_statements(body, names: dict[str, str]) -> None:
    for node in body:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    continue
                if _type_of(child, names) != _TEXT:
                    raise _refuse("直接输出列表或对象（请用 {% for %} 逐项输出其属性）")
        elif isinstance(node, nodes.For):
            iterated = _type_of(node.iter, names)
            if not iterated.startswith("list:"):
                raise _refuse("对非列表的 {% for %} 循环")
            if not isinstance(node.target, nodes.Name) or node.recursive:
                raise _refuse("这种写法的 {% for %} 循环")
            inner = {**names, node.target.name: iterated.removeprefix("list:"), "loop": _LOOP}
            if node.test is not None:
                _type_of(node.test, inner)
            _check_statements(node.body, inner)
            _check_statements(node.else_, names)
        elif isinstance(node, nodes.If):
            _type_of(node.test, names)
            _check_statements(node.body, names)
            _check_statements(node.elif_, names)
            _check_statements(node.else_, names)
        else:
            name = type(node).__name__
            raise _refuse(_TAGS.get(name, f"语句（{name}）"))


def _sources(document: DocxTemplate) -> list[str]:
    """Every Jinja source docxtpl renders: body, headers, footers, footnotes, properties."""
    sources = [document.patch_xml(document.get_xml())]
    for uri in (document.HEADER_URI, document.FOOTER_URI):
        for _key, part in document.get_headers_footers(uri):
            sources.append(document.patch_xml(document.get_part_xml(part)))
    for part in document.docx.part.package.parts:
        if part.content_type == _FOOTNOTES:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            sources.append(document.patch_xml(blob))
    properties = document.docx.core_properties
    for name in ("author", "comments", "identifier", "language", "subject", "title"):
        sources.append(getattr(properties, name) or "")
    return sources


_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _check_sources(document: DocxTemplate) -> None:
    environment = docx_environment()
    for source in _sources(document):
        try:
            tree = environment.parse(source)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateError(
                f"模板占位符写法有误（{error.message}）。占位符应写成 {{{{ title }}}} 这样的形式。"
            ) from error
        _check_statements(tree.body, dict(_NAMES))


def _open(template: bytes) -> DocxTemplate:
    """The template as docxtpl sees it, after the upload bounds; TemplateError if not."""
    try:
        ooxml_check(template, field_label="模板文件", expected=DOCX)
        docx_paragraphs_check(template, field_label="模板文件", limit=MAX_TEMPLATE_PARAGRAPHS)
    except ValidationError as error:
        raise TemplateError(error.messages[0]) from None
    with zipfile.ZipFile(BytesIO(template)) as archive:
        for info in archive.infolist():
            if info.filename.startswith("word/") and info.file_size > MAX_TEMPLATE_PART_BYTES:
                raise TemplateError(
                    f"模板文件：{info.filename} 解压后超过 {MAX_TEMPLATE_PART_BYTES // 1024 // 1024} MB，"
                    "模板不应这么大，请删除多余内容后重新上传。"
                )
    try:
        document = DocxTemplate(BytesIO(template))
        document.init_docx()
        _check_sources(document)
    except TemplateError:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on a broken file
        raise TemplateError(
            "模板不是有效的 Word（.docx）文件，无法打开。请用 Word 或 WPS 另存为 .docx 后重新上传。"
        ) from error
    return document


MAX_TEMPLATE_PARAGRAPHS = 5000
MAX_TEMPLATE_PART_BYTES = 8 * 1024 * 1024


def _fill(document: DocxTemplate, context: dict) -> None:
    """Render in the sandbox: what the upload check let through still runs in it."""
    try:
        document.render(context, docx_environment())
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"模板占位符写法有误（{error.message}）。占位符应写成 {{{{ title }}}} 这样的形式。"
        ) from error
    except jinja2.UndefinedError as error:
        raise TemplateError(
            f"模板使用了不认识的占位符（{error.message}）。可用的占位符：{'、'.join(PLACEHOLDERS)}。"
        ) from error
    except jinja2.TemplateError as error:
        raise TemplateError(f"模板无法套用：{error}") from error
    except Exception as error:  # docxtpl's table fixing and lxml on a hostile file
        raise TemplateError("模板无法套用，请检查模板内容后重新上传。") from error


def render(template: bytes, context: dict, *, body_docx: bytes | None = None) -> bytes:
    """Fill `template` with `context`; `body_docx` becomes the `body` subdocument."""
    document = _open(template)
    _fill(document, {**context, "body": BODY_MARKER})
    output = BytesIO()
    try:
        document.save(output)
    except Exception as error:  # a template whose filled XML no longer parses
        raise TemplateError("模板套用后无法生成 Word 文件，请检查模板内容。") from error
    if body_docx is None:
        return output.getvalue()
    return _insert_body(output.getvalue(), body_docx)


BODY_MARKER = "〔FAZHI-BODY〕"


def _insert_body(filled: bytes, body_docx: bytes) -> bytes:
    """Replace the paragraph holding BODY_MARKER with the body's paragraphs."""
    document = Document(BytesIO(filled))
    source = Document(BytesIO(body_docx)).element.body
    for paragraph in document.paragraphs:
        if BODY_MARKER not in paragraph.text:
            continue
        if paragraph.text.strip() != BODY_MARKER:
            raise TemplateError("模板中的 {{ body }} 必须单独占一段，前后不能有其他文字。")
        anchor = paragraph._element
        for element in source.iterchildren(qn("w:p"), qn("w:tbl")):
            anchor.addprevious(copy.deepcopy(element))
        anchor.getparent().remove(anchor)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def sample_context() -> dict:
    section = {"lead": "（一）示例小节。", "text": "示例正文。"}
    return {
        "title": "示例镇2020年度法治政府建设情况报告",
        "region": "示例镇",
        "year": 2020,
        "issuer": "示例镇人民政府",
        "issued_on": "2021年1月20日",
        "intro": "示例开头。",
        "parts": [{"heading": "一、示例部分", "sections": [section]}],
        "figures": [{"label": "示例指标", "text": "6次", "url": ""}],
    }


def check(template: bytes, body_docx: bytes) -> None:
    """Raise TemplateError if `template` cannot be filled with a report."""
    render(template, sample_context(), body_docx=body_docx)


def sample_template() -> bytes:
    """A starting template: a red issuing-body line (红头), the body, a copy-to line."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    from fazhi.documents import gbt9704

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = gbt9704.PAGE_WIDTH, gbt9704.PAGE_HEIGHT
    section.top_margin, section.left_margin = gbt9704.TOP, gbt9704.LEFT
    section.right_margin = Mm(26)
    section.bottom_margin = Mm(35)
    head = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run("{{ issuer }}文件")
    run.font.size = Pt(36)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    run.font.name = gbt9704.TITLE_FONT
    document.add_paragraph("{{ body }}")
    document.add_paragraph("抄送：县司法局。")
    output = BytesIO()
    document.save(output)
    return output.getvalue()
