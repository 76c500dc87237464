"""A post's text: the personal-data check and the safe rendering of its simple markup.

Posts are plain text. The rendering escapes every character a person typed
and knows only four shapes, none of them HTML:
- a blank line separates paragraphs;
- a line starting with "# " is a sub-heading;
- lines starting with "- " form a list;
- lines containing "|" form a table, the first of them its header row.

Personal data: an 18-digit number whose GB 11643 check digit is right is an
ID-card number; 1[3-9] followed by 9 digits is a mobile number. Publishing
refuses a post where either appears unmasked (in its text or in the text of
an attached .docx or .xlsx); the portal masks what it shows all the same.
"""

import re
import zipfile
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from fazhi.personal import mask_id_number, mask_phone
from fazhi.personal.validators import id_check_character

ID_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")


@dataclass(frozen=True)
class Finding:
    kind: str  # 身份证号码 | 手机号码
    masked: str


def _is_id(number: str) -> bool:
    return id_check_character(number[:17]) == number[17].upper()


def personal_data_in(text: str) -> list[Finding]:
    found = [
        Finding("身份证号码", mask_id_number(m.group(1)))
        for m in ID_CANDIDATE.finditer(text or "")
        if _is_id(m.group(1))
    ]
    without_ids = ID_CANDIDATE.sub(" ", text or "")
    found += [Finding("手机号码", mask_phone(m.group(1))) for m in MOBILE.finditer(without_ids)]
    return found


def mask_personal_data(text: str) -> str:
    """The text with every ID-card and mobile number masked."""

    def id_mask(match):
        number = match.group(1)
        return mask_id_number(number) if _is_id(number) else number

    text = ID_CANDIDATE.sub(id_mask, text or "")
    return MOBILE.sub(lambda m: mask_phone(m.group(1)), text)


def office_text(file, content_type: str) -> str:
    """The text of a .docx (paragraphs and table cells) or an .xlsx (cell values)."""
    from fazhi.core.uploads import DOCX, XLSX

    try:
        file.seek(0)
        if content_type == DOCX:
            import docx

            document = docx.Document(file)
            parts = [p.text for p in document.paragraphs]
            for table in document.tables:
                parts += [cell.text for row in table.rows for cell in row.cells]
            return "\n".join(parts)
        if content_type == XLSX:
            import openpyxl

            book = openpyxl.load_workbook(file, read_only=True, data_only=True)
            cells = [
                str(value)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for value in row
                if value is not None
            ]
            book.close()
            return "\n".join(cells)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return ""
    return ""


def _table(rows: list[str]) -> str:
    cells = [[escape(c.strip()) for c in row.strip().strip("|").split("|")] for row in rows]
    cells = [row for row in cells if not all(set(c) <= set("-: ") for c in row)]  # |---|
    head, *body = cells
    html = "<div class='table-wrap'><table><thead><tr>"
    html += "".join(f"<th scope='col'>{c}</th>" for c in head) + "</tr></thead><tbody>"
    for row in body:
        html += "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
    return html + "</tbody></table></div>"


def render_body(text: str) -> SafeString:
    """The post's text as HTML, personal data masked, every typed character escaped."""
    text = mask_personal_data(text or "").replace("\r\n", "\n")
    blocks = re.split(r"\n\s*\n", text.strip())
    html = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        i = 0
        while i < len(lines):
            line = lines[i]
            if "|" in line:
                j = i
                while j < len(lines) and "|" in lines[j]:
                    j += 1
                html.append(_table(lines[i:j]))
                i = j
            elif line.startswith("- "):
                j = i
                while j < len(lines) and lines[j].startswith("- "):
                    j += 1
                html.append("<ul>" + "".join(f"<li>{escape(x[2:])}</li>" for x in lines[i:j]))
                html[-1] += "</ul>"
                i = j
            elif line.startswith("# "):
                html.append(f"<h3>{escape(line[2:])}</h3>")
                i += 1
            else:
                j = i
                while j < len(lines) and not ("|" in lines[j] or lines[j].startswith(("- ", "# "))):
                    j += 1
                html.append("<p>" + "<br>".join(escape(x) for x in lines[i:j]) + "</p>")
                i = j
    return mark_safe("".join(html))  # noqa: S308 - built only from escaped text
