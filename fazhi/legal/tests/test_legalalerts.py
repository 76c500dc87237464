from datetime import date
from io import StringIO

from django.core.management import call_command

from fazhi.legal.services import contract_create


def run(day):
    out = StringIO()
    call_command("legalalerts", f"--date={day.isoformat()}", stdout=out)
    return out.getvalue()


def test_it_warns_60_30_and_7_days_before_expiry_and_is_silent_otherwise(cast, chen):
    contract_create(user=cast.officer, advisor=chen, start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert "还剩 60 天" in run(date(2020, 11, 1))
    assert "还剩 30 天" in run(date(2020, 12, 1))
    assert "还剩 7 天" in run(date(2020, 12, 24))
    assert run(date(2020, 12, 2)) == ""


def test_it_names_a_town_left_without_a_valid_contract(cast, chen):
    contract_create(user=cast.officer, advisor=chen, start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert "黄水镇：目前没有处于有效聘期内的法律顾问" in run(date(2021, 1, 4))
