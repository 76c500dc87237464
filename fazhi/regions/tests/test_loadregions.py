import pytest
from django.core.management import CommandError, call_command

from fazhi.regions.models import Region

GOOD = """区划代码,名称,级别
500240106000,西沱镇,乡
500240106001,西沱社区,村
500240106002,云梯社区,5
"""

BAD = """区划代码,名称,级别
500240107000,悦崃镇,乡
50024010700X,坏代码,村
500240107001,,村
500240107002,某村,镇
"""


def test_it_loads_a_county_division_list(cast, tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("loadregions", str(path))
    town = Region.objects.get(code="500240106000")
    assert town.parent == cast.county
    assert Region.objects.get(code="500240106002").parent == town


def test_it_reports_bad_rows_by_line_and_loads_nothing(cast, tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("loadregions", str(path))
    message = str(error.value)
    assert "第3行" in message and "12位数字" in message
    assert "第4行" in message and "名称不能为空" in message
    assert "第5行" in message
    assert not Region.objects.filter(code="500240107000").exists()


def test_it_refuses_a_row_whose_parent_is_nowhere(cast, tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text("510100000001,孤村,村\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("loadregions", str(path))
    assert "找不到" in str(error.value)


def test_loading_twice_changes_nothing(cast, tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("loadregions", str(path))
    count = Region.objects.count()
    call_command("loadregions", str(path))
    assert Region.objects.count() == count
