"""Builds `agreement_template.docx`, the 人民调解协议书 in the official layout.

The template is committed; run this only to change its layout:

    .venv/bin/python -m fazhi.disputes.documents.build_template

Layout: the 人民调解协议书 form of the Ministry of Justice's 人民调解文书格式,
on A4 with GB/T 9704 margins, title in 方正小标宋简体 二号, body in 仿宋_GB2312
三号. Placeholders are docxtpl (Jinja) tags filled by `agreement.render`.
"""

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).parent
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _para(
    document,
    text: str = "",
    *,
    align=None,
    indent: bool = False,
    size: float = 16,
    keep_with_next: bool = False,
):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(28)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.keep_with_next = keep_with_next
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None:
        paragraph.alignment = align
    if text:
        _font(paragraph.add_run(text), BODY_FONT, size)
    return paragraph


def build(path: Path = HERE / "agreement_template.docx") -> Path:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run("人民调解协议书"), TITLE_FONT, 22)
    _para(document, "{{ number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)

    # docxtpl: a row holding only {%tr for %} / {%tr endfor %} repeats the row between.
    table = document.add_table(rows=4, cols=7)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Mm(20), Mm(20), Mm(11), Mm(11), Mm(11), Mm(50), Mm(33)]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    headers = ["当事人", "姓名", "性别", "民族", "年龄", "身份证号码", "联系方式"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), BODY_FONT, 10.5, bold=True)
    table.rows[1].cells[0].text = "{%tr for p in parties %}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    row = table.rows[2].cells
    values = [
        "{{ p.role }}",
        "{{ p.name }}",
        "{{ p.sex }}",
        "",
        "{{ p.age }}",
        "{{ p.id_number }}",
        "{{ p.phone }}",
    ]
    for cell, text in zip(row, values, strict=True):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), BODY_FONT, 10.5)

    _para(
        document, "住址：{% for p in parties %}{{ p.name }}，{{ p.address or '—' }}；{% endfor %}"
    )
    for heading, lines in (
        ("纠纷主要事实、争议事项：", "facts"),
        ("经调解，自愿达成如下协议：", "terms"),
        ("履行协议的方式、地点、期限：", "performance_method"),
    ):
        _para(document, heading, keep_with_next=True)
        # One paragraph per line typed (docxtpl's {%p %} repeats the paragraph
        # between), so every clause gets the two-character indent.
        _para(document, f"{{%p for line in {lines} %}}")
        _para(document, "{{ line }}", indent=True)
        _para(document, "{%p endfor %}")
    # From here to the date the paragraphs keep with the next: the seal and the
    # date never stand alone on a page, the closing clause goes with them.
    _para(
        document,
        "本协议一式{{ copies }}份，当事人、人民调解委员会各持一份。"
        "当事人可自本协议生效之日起三十日内共同向人民法院申请司法确认。",
        indent=True,
        keep_with_next=True,
    )
    _para(document, keep_with_next=True)
    _para(document, "当事人（签名盖章或按指印）：", keep_with_next=True)
    _para(
        document,
        "{% for p in parties %}{{ p.name }}：__________    {% endfor %}",
        keep_with_next=True,
    )
    _para(document, keep_with_next=True)
    _para(document, "人民调解员（签名）：{{ mediators }}", keep_with_next=True)
    _para(document, "记录人（签名）：", keep_with_next=True)
    _para(document, "（{{ organisation }}印）", align=WD_ALIGN_PARAGRAPH.RIGHT, keep_with_next=True)
    _para(document, "{{ signed_on }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    document.save(path)
    return path


if __name__ == "__main__":
    print(build())
