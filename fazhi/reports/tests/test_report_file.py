"""The generated file: GB/T 9704-2012 layout in the .docx, and the demo's
2020 report through LibreOffice into a PDF with embedded CJK fonts on A4."""

import os
import shutil
import subprocess
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.documents import gbt9704
from fazhi.regions.models import Region
from fazhi.reports import document, services

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("FAZHI_REQUIRE_OFFICE"),
    reason="LibreOffice (soffice) is not installed; CI sets FAZHI_REQUIRE_OFFICE",
)


def close(length, millimetres):
    return abs(length - Mm(millimetres)) < Mm(0.1)


@pytest.fixture
def demo_report(cast):
    call_command("loaddemo", stdout=StringIO())
    town = Region.objects.get(code="500240105000")
    return services.report_create(user=cast.officer, region=town, year=2020)


def test_the_docx_has_the_gbt9704_page(demo_report):
    docx = Document(BytesIO(document.render_docx(demo_report)))
    section = docx.sections[0]
    assert close(section.page_width, 210) and close(section.page_height, 297)
    assert close(section.top_margin, 37) and close(section.left_margin, 28)
    assert close(section.page_width - section.left_margin - section.right_margin, 156)
    assert close(section.page_height - section.top_margin - section.bottom_margin, 225)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == str(gbt9704.LINE_PITCH_TWIPS)
    pitch = gbt9704.LINE_PITCH.pt
    assert pitch * 22 <= Mm(225).pt < pitch * 23  # exactly 22 lines fill the block


def test_the_docx_names_the_windows_fonts_and_sizes(demo_report):
    docx = Document(BytesIO(document.render_docx(demo_report)))
    title = docx.paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.size == Pt(22)
    assert title.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    body = [p for p in docx.paragraphs if p.text.endswith("现将有关情况报告如下：")][0]
    assert body.runs[0].font.size == Pt(16)
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.paragraph_format.line_spacing == gbt9704.LINE_PITCH
    # 28 condensed 3号 characters fit the 156 mm line
    assert Mm(156).pt >= 28 * (16 + gbt9704.CONDENSE_TWIPS / 20)


def test_page_numbers_are_right_on_odd_and_left_on_even_pages(demo_report):
    docx = Document(BytesIO(document.render_docx(demo_report)))
    section = docx.sections[0]
    assert docx.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd.runs[0].font.size == Pt(14)
    assert "PAGE" in odd._element.xml and "PAGE" in even._element.xml


def test_the_issuing_body_and_date_close_the_report(demo_report):
    demo_report.issued_on = __import__("datetime").date(2021, 1, 20)
    demo_report.save()
    texts = [p.text for p in Document(BytesIO(document.render_docx(demo_report))).paragraphs]
    assert texts[-2:] == ["黄水镇人民政府", "2021年1月20日"]


def test_the_appendix_lists_every_figure_when_asked(demo_report):
    texts = [
        p.text
        for p in Document(BytesIO(document.render_docx(demo_report, appendix=True))).paragraphs
    ]
    assert "附件" in texts and "数据来源" in texts


@needs_office
def test_the_demo_2020_report_converts_to_an_a4_pdf_with_embedded_cjk_fonts(demo_report, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(document.render(demo_report, "pdf"))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, fonts.stdout
    assert all(" yes " in row for row in rows), fonts.stdout  # every font embedded
    names = " ".join(row.split()[0] for row in rows)
    assert "UMing" in names  # 仿宋_GB2312 → AR PL UMing CN
    assert "NotoSerifCJK" in names  # 方正小标宋简体 → Noto Serif CJK SC
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "黄水镇2020年度法治政府建设情况报告" in text.replace(" ", "")


def test_a_pdf_without_libreoffice_gets_a_clear_message(demo_report, monkeypatch):
    from fazhi.documents import pdf

    monkeypatch.setenv("FAZHI_SOFFICE", "no-such-soffice")
    with pytest.raises(pdf.OfficeMissing, match="未安装 LibreOffice"):
        document.render(demo_report, "pdf")


@needs_office
def test_a_full_page_has_22_lines_of_28_characters(tmp_path):
    from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx
    from fazhi.documents.pdf import docx_to_pdf

    text = "坚持以示范创建为抓手全面推进法治政府建设工作" * 12
    doc = OfficialDocument(
        "版式检查", [Block(text) for _ in range(8)], "黄水镇人民政府", "2021年1月20日"
    )
    pdf = tmp_path / "grid.pdf"
    pdf.write_bytes(docx_to_pdf(build_docx(doc)))
    page = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    lines = [line.replace(" ", "") for line in page.splitlines() if line.strip()]
    lines = [line for line in lines if line != "\f"]
    body = [line for line in lines if not line.startswith("—")]
    assert len(body) == 22
    assert max(len(line) for line in body) == 28
