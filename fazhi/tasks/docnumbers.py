"""Document numbers (发文字号) in the official form: 机关代字〔年份〕序号号.

    石柱府办发〔2020〕113号, 工作通知〔2020〕113号

Offices type the year's brackets as they can: [2020], (2020), （2020）,
【2020】, ［2020］ all become 〔2020〕. Anything else is refused with a
message that names the field and shows the expected form.
"""

import re

from django.core.exceptions import ValidationError

EXAMPLE = "石柱府办发〔2020〕113号"
MESSAGE = f"文号应写成“机关代字〔年份〕序号号”的形式，例如：{EXAMPLE}。"

_OPEN = "[(（【［〔"
_CLOSE = "])）】］〕"
_BRACKETED_YEAR = re.compile(rf"[{re.escape(_OPEN)}]\s*(\d{{4}})\s*[{re.escape(_CLOSE)}]")
_FORM = re.compile(
    r"^(?P<organ>[\u4e00-\u9fffA-Za-z0-9]{1,30})〔(?P<year>\d{4})〕(?P<number>[1-9]\d{0,4})号$"
)


def normalise(value: str) -> str:
    """The number with its year in 〔〕, spaces removed; not checked."""
    value = re.sub(r"\s+", "", str(value or ""))
    return _BRACKETED_YEAR.sub(r"〔\1〕", value)


def parse(value: str) -> tuple[str, int, int]:
    """(organ abbreviation, year, number) of a well-formed document number, else ValidationError."""
    found = _FORM.match(normalise(value))
    if found is None:
        raise ValidationError(MESSAGE, code="doc_number")
    year = int(found["year"])
    if not 1949 <= year <= 2100:
        raise ValidationError(f"文号中的年份{year}不在合理范围内。{MESSAGE}", code="doc_number")
    return found["organ"], year, int(found["number"])


def validate_doc_number(value: str) -> None:
    parse(value)
