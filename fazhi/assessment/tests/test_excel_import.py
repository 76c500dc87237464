"""The county's Excel: merged upper levels, row-level errors, dry run, export back."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from fazhi.assessment import excel
from fazhi.assessment.models import Indicator, System
from fazhi.assessment.tests.helpers import build_system

HEADER = [
    "序号",
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "评分标准",
    "佐证材料",
    "计分方式",
    "数据指标",
    "计分参数",
]
# 一级 merged over rows 3–6, 二级 over 3–4 and 5–6 (row 1 is a title, row 2 the header).
ROWS = [
    [
        1,
        "依法决策",
        "法律顾问",
        "聘请法律顾问",
        3,
        "在聘不少于1名",
        "聘用合同",
        "阈值",
        "legal.advisors_under_contract",
        ">=1",
    ],
    [
        2,
        None,
        None,
        "法律顾问参与决策",
        3,
        "按服务次数分档",
        "服务记录",
        "分档",
        "legal.services",
        "10:3;5:2;1:1",
    ],
    [
        3,
        None,
        "重大决策",
        "合法性审查",
        "5",
        "审查率100%",
        "审查意见",
        "阈值",
        "legal.decisions_reviewed_share",
        "≥100%",
    ],
    [4, None, None, "目录公开", 2, "年初公布", "目录", "", "", ""],
]


def workbook(rows=ROWS, merges=("B3:B6", "C3:C4", "C5:C6")) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(["石柱县2020年度乡镇法治政府建设考核指标"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("指标.xlsx", buffer.getvalue())


def run(cast, upload, *, dry_run=False):
    return excel.system_import(
        user=cast.county_admin,
        file=upload,
        name="导入的体系",
        year=2020,
        level="town",
        dry_run=dry_run,
    )


def test_merged_upper_levels_import_as_a_tree(cast):
    parsed, system = run(cast, workbook())
    assert parsed.ok, parsed.errors
    tree = {
        i.number: (i.name, i.parent.name if i.parent else None) for i in system.indicators.all()
    }
    assert tree == {
        "1": ("依法决策", None),
        "1.1": ("法律顾问", "依法决策"),
        "1.1.1": ("聘请法律顾问", "法律顾问"),
        "1.1.2": ("法律顾问参与决策", "法律顾问"),
        "1.2": ("重大决策", "依法决策"),
        "1.2.1": ("合法性审查", "重大决策"),
        "1.2.2": ("目录公开", "重大决策"),
    }
    advisers = system.indicators.get(name="法律顾问参与决策")
    assert (advisers.method, advisers.params) == (
        "banded",
        {"bands": [[10.0, 3.0], [5.0, 2.0], [1.0, 1.0]]},
    )
    review = system.indicators.get(name="合法性审查")
    assert (review.method, review.params["threshold"], review.points) == ("threshold", 100.0, 5)
    assert system.indicators.get(name="目录公开").method == "manual"
    assert system.status == "draft"


def test_a_dry_run_previews_and_writes_nothing(cast):
    parsed, system = run(cast, workbook(), dry_run=True)
    assert parsed.ok and system is None
    assert [row["number"] for row in excel.preview(parsed)][:3] == ["1", "1.1", "1.1.1"]
    assert not System.objects.filter(name="导入的体系").exists()


def _bad(row_index, **changes):
    rows = [list(row) for row in ROWS]
    for column, value in changes.items():
        rows[row_index][HEADER.index(column)] = value
    return rows


@pytest.mark.parametrize(
    ("rows", "merges", "message"),
    [
        (_bad(1, 分值="三分"), ("B3:B6", "C3:C4", "C5:C6"), "第4行：分值“三分”不是数字"),
        (
            _bad(2, 数据指标="cases.no_such"),
            ("B3:B6", "C3:C4", "C5:C6"),
            "第5行：数据指标“cases.no_such”不存在",
        ),
        (ROWS, ("B3:B4", "C3:C4", "C5:C6"), "第5行：三级指标“合法性审查”没有所属的一级指标"),
        (_bad(3, 计分方式="随便"), ("B3:B6", "C3:C4", "C5:C6"), "第6行：计分方式“随便”不认识"),
        (_bad(1, 计分参数="abc"), ("B3:B6", "C3:C4", "C5:C6"), "第4行：计分参数“abc”看不懂"),
    ],
    ids=[
        "points-not-a-number",
        "unknown-metric",
        "leaf-without-parent",
        "unknown-method",
        "bad-params",
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(cast, rows, merges, message):
    parsed, system = run(cast, workbook(rows, merges))
    assert system is None
    assert any(message in error for error in parsed.errors), parsed.errors
    assert not System.objects.filter(name="导入的体系").exists()
    assert not Indicator.objects.filter(name="聘请法律顾问").exists()


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        run(cast, SimpleUploadedFile("指标.xlsx", b"not a workbook"))


def test_a_workbook_without_the_header_is_refused(cast):
    from django.core.exceptions import ValidationError

    book = Workbook()
    book.active.append(["姓名", "电话"])
    buffer = BytesIO()
    book.save(buffer)
    with pytest.raises(ValidationError) as error:
        run(cast, SimpleUploadedFile("x.xlsx", buffer.getvalue()))
    assert "表头" in str(error.value)


def test_the_export_imports_back_to_the_same_tree(cast):
    system = build_system(cast.county_admin)
    content = excel.export(system)
    sheet = load_workbook(BytesIO(content)).active
    assert sheet.cell(row=2, column=2).value == "一级指标"
    parsed, copy = run(cast, SimpleUploadedFile("back.xlsx", content))
    assert parsed.ok, parsed.errors

    def shape(s):
        return sorted(
            (i.number, i.name, i.points, i.method, i.metric, str(i.params))
            for i in s.indicators.all()
        )

    assert shape(copy) == shape(system)
