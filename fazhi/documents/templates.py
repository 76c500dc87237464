"""A town's own Word template (docxtpl / Jinja placeholders).

A template changes the layout around the report (a 红头, a different
signature block, a cover page…). The placeholders it may use are listed in
`PLACEHOLDERS` and in docs/reports.md. `{{ body }}`, alone in its paragraph,
is replaced by the whole report body (title to date) already in the GB/T 9704
layout; the other names let a template lay the report out itself.
"""

import copy
import zipfile
from io import BytesIO

import jinja2
from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

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


def _environment() -> jinja2.Environment:
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)


def render(template: bytes, context: dict, *, body_docx: bytes | None = None) -> bytes:
    """Fill `template` with `context`; `body_docx` becomes the `body` subdocument."""
    try:
        document = DocxTemplate(BytesIO(template))
        document.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise TemplateError(
            "模板不是有效的 Word（.docx）文件，无法打开。请用 Word 或 WPS 另存为 .docx 后重新上传。"
        ) from error
    context = {**context, "body": BODY_MARKER}
    try:
        document.render(context, _environment())
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
    output = BytesIO()
    document.save(output)
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
