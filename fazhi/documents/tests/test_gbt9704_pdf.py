"""GB/T 9704 through LibreOffice: the 署名 and 成文日期 never stand alone on the
last page, and the Windows font names come out in the closest free faces."""

import os
import shutil
import subprocess
from io import BytesIO

import pytest
from docx import Document

from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx
from fazhi.documents.pdf import docx_to_pdf

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("FAZHI_REQUIRE_OFFICE"),
    reason="LibreOffice (soffice) is not installed; CI sets FAZHI_REQUIRE_OFFICE",
)

ISSUER, ISSUED_ON = "黄水镇人民政府", "2021年1月20日"
FULL = "法治政府建设" * 18 + "。"  # four lines of 28 characters with the indent


def _document(last_lines: int) -> OfficialDocument:
    """Title, blank and 20 body lines fill page 1 exactly when the last paragraph
    has 4 lines; with fewer the body ends one to three lines short of the page
    foot, where the signature block (two blank lines, 署名, 日期) does not fit."""
    last = ("依法行政" * 30)[: 26 + 28 * (last_lines - 1) - 1] + "。"
    return OfficialDocument(
        title="黄水镇2020年度法治政府建设情况报告",
        blocks=[Block(FULL) for _ in range(4)] + [Block(last)],
        issuer=ISSUER,
        issued_on=ISSUED_ON,
    )


def _pages(pdf: bytes) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    pages = [page for page in text.split("\f") if page.strip()]
    return [[line.replace(" ", "") for line in page.splitlines() if line.strip()] for page in pages]


def test_the_end_of_the_body_is_kept_with_the_signature_in_the_docx():
    paragraphs = Document(BytesIO(build_docx(_document(2)))).paragraphs
    texts = [p.text for p in paragraphs]
    issuer = texts.index(ISSUER)
    assert texts[issuer + 1] == ISSUED_ON
    last_body = issuer - 3  # the two blank lines between
    assert texts[last_body].startswith("依法行政")
    chain = paragraphs[last_body : issuer + 1]
    assert all(p.paragraph_format.keep_with_next for p in chain)


@needs_office
@pytest.mark.parametrize("last_lines", [1, 2, 3])
def test_the_last_page_carries_body_text_with_the_signature(last_lines):
    pages = _pages(docx_to_pdf(build_docx(_document(last_lines))))
    assert len(pages) == 2
    last = [line for line in pages[-1] if not line.startswith("—")]
    assert last[-2:] == [ISSUER, ISSUED_ON]
    body = last[:-2]  # the body's closing lines came over with the signature
    assert body, last
    assert body[-1].startswith("依法行政") or body[-1].startswith("行政"), last
    assert body[-1].endswith("。"), last


@needs_office
def test_the_pdf_sets_kai_lead_ins_in_a_kai_face_and_the_title_in_bold_song(tmp_path):
    doc = OfficialDocument(
        title="版式检查",
        blocks=[Block("正文。", lead="（一）楷体引领。")],
        issuer=ISSUER,
        issued_on=ISSUED_ON,
    )
    pdf = tmp_path / "fonts.pdf"
    pdf.write_bytes(docx_to_pdf(build_docx(doc)))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    names = [row.split()[0] for row in fonts.stdout.splitlines()[2:]]
    assert any("UKai" in name for name in names), names  # 楷体_GB2312 → AR PL UKai CN
    assert any("UMing" in name for name in names), names  # 仿宋_GB2312 → AR PL UMing CN
    assert any("NotoSerifCJK" in name and "Bold" in name for name in names), names
