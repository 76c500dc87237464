"""The one workbook writer: strings are text (never formulas), numbers and
dates keep their types, characters XML cannot hold are dropped."""

from datetime import date
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from fazhi.ledgers.writer import Layout, workbook_bytes

HOSTILE = ['=HYPERLINK("http://x","y")', "=CMD|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\t=1+1"]


def cells(content: bytes, row: int = 2) -> list:
    sheet = load_workbook(BytesIO(content)).active
    return list(sheet.iter_rows(min_row=row, max_row=row))[0]


def test_a_string_that_looks_like_a_formula_is_written_as_the_same_text():
    content = workbook_bytes(Layout(sheet="台账", headers=["文本"] * 6), [HOSTILE])
    row = cells(content)
    assert [cell.value for cell in row] == HOSTILE
    assert {cell.data_type for cell in row} == {"s"}
    assert all(cell.quotePrefix for cell in row)


def test_no_formula_reaches_the_file():
    content = workbook_bytes(Layout(sheet="台账", headers=["文本"]), [[HOSTILE[0]]])
    with __import__("zipfile").ZipFile(BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "HYPERLINK" in sheet


def test_numbers_and_dates_keep_their_types():
    layout = Layout(sheet="台账", headers=["整数", "小数", "金额", "日期"], date_columns=[3])
    row = cells(workbook_bytes(layout, [[-2, 1.5, Decimal("12.50"), date(2020, 5, 1)]]))
    assert [cell.data_type for cell in row] == ["n", "n", "n", "d"]
    assert row[0].value == -2 and row[2].value == 12.5
    assert row[3].value.date() == date(2020, 5, 1)


def test_ordinary_text_is_not_marked():
    row = cells(workbook_bytes(Layout(sheet="台账", headers=["文本"]), [["普法宣传"]]))
    assert row[0].value == "普法宣传" and not row[0].quotePrefix


def test_characters_xml_cannot_hold_are_dropped_and_tab_newline_kept():
    layout = Layout(sheet="台\x07账", headers=["标\x00题"], title="黄水镇\x1b台账")
    content = workbook_bytes(layout, [["宪法\u0007进\x0b村\ufffe\n第二行\t完"]])
    sheet = load_workbook(BytesIO(content)).active
    assert sheet.title == "台账"
    assert sheet["A1"].value == "黄水镇台账"
    assert sheet["A2"].value == "标题"
    assert sheet["A3"].value == "宪法进村\n第二行\t完"
