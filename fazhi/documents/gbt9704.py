"""Word files in the layout of GB/T 9704-2012 (党政机关公文格式).

- A4; top margin 37 mm, left 28 mm; text block 156 × 225 mm (so right 26 mm,
  bottom 35 mm);
- 22 lines of 28 characters: a line grid with a 28.95 pt pitch and exact
  line spacing; body characters condensed by 0.25 pt so 28 fit in 156 mm
  (a character grid would do it in Word, but LibreOffice then gives every
  character two cells);
- title in 2号 (22 pt) 方正小标宋简体, body in 3号 (16 pt) 仿宋_GB2312,
  first-level headings in 黑体, second-level lead-ins in 楷体_GB2312;
- page numbers "— 1 —" in 4号 (14 pt) 宋体 at the bottom, right on odd
  pages and left on even pages, one character in from the edge;
- the issuing body and the date at the end, four characters in from the
  right.

Every piece of text goes in through `_run`, which drops the characters XML
cannot hold (`safetext.docx_text`); python-docx escapes the rest.

Fonts are named by their Windows names (the office opens the file in WPS or
Word); `fonts.conf` maps them to free fonts for LibreOffice.
"""

import math
from dataclasses import dataclass, field
from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.documents.safetext import docx_text

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
LEAD_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"

TITLE_SIZE = Pt(22)  # 2号
BODY_SIZE = Pt(16)  # 3号
PAGE_NUMBER_SIZE = Pt(14)  # 4号

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP, LEFT = Mm(37), Mm(28)
TEXT_WIDTH, TEXT_HEIGHT = Mm(156), Mm(225)
LINES, CHARS = 22, 28
# 225 mm / 22 lines = 28.99 pt; in twentieths of a point for the grid, rounded
# down (580 twips = 29 pt would leave room for only 21 lines).
LINE_PITCH_TWIPS = math.floor(TEXT_HEIGHT.pt / LINES * 20)
LINE_PITCH = Pt(LINE_PITCH_TWIPS / 20)
# 156 mm / 28 = 15.79 pt per character: condense 16 pt characters by 0.25 pt
# (in twentieths of a point), leaving a hair of slack for rounding.
CONDENSE_TWIPS = -5
INDENT = Pt(BODY_SIZE.pt * 2)  # 首行缩进二字


@dataclass
class Block:
    """One paragraph: `kind` is "heading" (一、…), "body" or "blank"."""

    text: str
    kind: str = "body"
    lead: str = ""  # a lead-in such as "（一）积极开展……。" set in 楷体


@dataclass
class OfficialDocument:
    title: str
    blocks: list[Block]
    issuer: str
    issued_on: str  # "2021年1月20日": Arabic numerals, as the 2012 standard asks
    appendix_title: str = ""
    appendix: list[Block] = field(default_factory=list)
    author: str = ""


def _fonts(run, name: str, size) -> None:
    run.font.name = name
    run.font.size = size
    r_pr = run._element.get_or_add_rPr()
    if size == BODY_SIZE:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CONDENSE_TWIPS))
        r_pr.append(spacing)
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        r_fonts.set(qn(attribute), name)


def _run(paragraph, text: str, font: str, size):
    run = paragraph.add_run(docx_text(text))
    _fonts(run, font, size)
    return run


def _spacing(paragraph, *, indent=True) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = INDENT if indent else Pt(0)
    fmt.widow_control = False


def _page_setup(section) -> None:
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin = TOP
    section.left_margin = LEFT
    section.right_margin = PAGE_WIDTH - LEFT - TEXT_WIDTH
    section.bottom_margin = PAGE_HEIGHT - TOP - TEXT_HEIGHT
    section.header_distance = Mm(15)
    # The page number's line sits 7 mm below the text block.
    section.footer_distance = section.bottom_margin - Mm(7) - Pt(PAGE_NUMBER_SIZE.pt * 1.2)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))


def _page_number(paragraph) -> None:
    def run(text=""):
        r = paragraph.add_run(text)
        _fonts(r, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        return r

    run("— ")
    begin = run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "begin")
    begin._element.append(char)
    instruction = run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instruction._element.append(text)
    separate = run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "separate")
    separate._element.append(char)
    run("1")
    end = run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._element.append(char)
    run(" —")


def _footers(document, section) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = PAGE_NUMBER_SIZE
        else:
            fmt.left_indent = PAGE_NUMBER_SIZE
        _page_number(paragraph)


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    r_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        r_fonts.set(qn(attribute), BODY_FONT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)


def _add_block(document, block: Block) -> None:
    paragraph = document.add_paragraph()
    _spacing(paragraph)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.kind == "blank":
        return
    if block.kind == "heading":
        _run(paragraph, block.text, HEADING_FONT, BODY_SIZE)
        paragraph.paragraph_format.keep_with_next = True
        return
    if block.lead:
        _run(paragraph, block.lead, LEAD_FONT, BODY_SIZE)
    _run(paragraph, block.text, BODY_FONT, BODY_SIZE)


def _add_title(document, title: str) -> None:
    for line in docx_text(title).split("\n"):
        paragraph = document.add_paragraph()
        _spacing(paragraph, indent=False)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, line, TITLE_FONT, TITLE_SIZE)
    _spacing(document.add_paragraph(), indent=False)  # 标题下空一行


def _add_signature(document, issuer: str, issued_on: str) -> None:
    """署名 and 成文日期, four characters in from the right, two lines below the
    body. GB/T 9704 does not let them stand on a page of their own: the body's
    last paragraph, the blank lines and the 署名 are kept with the next
    paragraph, so when the block does not fit the office carries the end of
    the body over with it."""
    if document.paragraphs:
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    for _ in range(2):
        blank = document.add_paragraph()
        _spacing(blank)
        blank.paragraph_format.keep_with_next = True
    for text in (issuer, issued_on):
        paragraph = document.add_paragraph()
        _spacing(paragraph, indent=False)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = Pt(BODY_SIZE.pt * 4)  # 右空四字
        paragraph.paragraph_format.keep_with_next = text is issuer
        _run(paragraph, text, BODY_FONT, BODY_SIZE)


def _add_appendix(document, title: str, blocks: list[Block]) -> None:
    paragraph = document.add_paragraph()
    _spacing(paragraph, indent=False)
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    paragraph = document.add_paragraph()
    _spacing(paragraph, indent=False)
    _run(paragraph, "附件", HEADING_FONT, BODY_SIZE)
    _add_title(document, title)
    for block in blocks:
        _add_block(document, block)


def build_docx(doc: OfficialDocument) -> bytes:
    """The document as .docx bytes."""
    document = Document()
    _styles(document)
    section = document.sections[0]
    _page_setup(section)
    _footers(document, section)
    document.core_properties.title = docx_text(doc.title.replace("\n", ""))[:255]
    document.core_properties.author = docx_text(doc.author or doc.issuer)[:255]
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    _add_title(document, doc.title)
    for block in doc.blocks:
        _add_block(document, block)
    _add_signature(document, doc.issuer, doc.issued_on)
    if doc.appendix:
        _add_appendix(document, doc.appendix_title, doc.appendix)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
