"""黄水镇's 2020 report, generated from the demo data, says word for word what
it said before the report pipeline was typed (issue 11).

The expected text is `fixtures/huangshui_2020.txt`: every paragraph of the file
`fazhi report` writes, with its data-source appendix; the appendix's record
links are left out (they carry the region and period since issue 11). After a
deliberate change of wording, regenerate it with
`FAZHI_WRITE_REPORT_SNAPSHOT=1 .venv/bin/pytest fazhi/reports/tests/test_report_text_unchanged.py`
and read the diff before committing it.
"""

import os
import re
from io import BytesIO, StringIO
from pathlib import Path

from django.core.management import call_command
from docx import Document

EXPECTED = Path(__file__).parent / "fixtures" / "huangshui_2020.txt"
LINK = re.compile(r"，记录清单：[^（）]*(?=）。$)")


def report_text(tmp_path) -> str:
    output = tmp_path / "report.docx"
    call_command(
        "report",
        "--region=500240105000",
        "--year=2020",
        "--appendix",
        f"--output={output}",
        stdout=StringIO(),
    )
    paragraphs = Document(BytesIO(output.read_bytes())).paragraphs
    lines = [LINK.sub("", p.text) for p in paragraphs if p.text.strip()]
    return "\n".join(lines) + "\n"


def test_the_demo_towns_2020_report_says_exactly_what_it_said_before(cast, tmp_path, settings):
    settings.DEMO_COUNTY = True  # the comparison towns leave 黄水镇's figures as they were
    call_command("loaddemo", stdout=StringIO())
    text = report_text(tmp_path)
    if os.environ.get("FAZHI_WRITE_REPORT_SNAPSHOT") == "1":
        EXPECTED.write_text(text, encoding="utf-8")
    assert text == EXPECTED.read_text(encoding="utf-8")
