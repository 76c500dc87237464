"""法律咨询台账 and 法律援助转介台账 through fazhi/ledgers: export, then import
back (dry run writes nothing; a bad row writes nothing; no duplicates)."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.metrics import Period
from fazhi.villagelaw.models import Consultation, Referral
from fazhi.villagelaw.tests.builders import make_consultation

pytestmark = pytest.mark.django_db
YEAR = Period.year(2020)


def upload(*rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    data = BytesIO()
    book.save(data)
    return SimpleUploadedFile("台账.xlsx", data.getvalue())


def run(cast, key, file, *, dry_run=False):
    return import_workbook(
        ledger=get_ledger(key), file=file, user=cast.officer, region=cast.town, dry_run=dry_run
    )


def test_the_consultation_ledger_round_trips(cast):
    make_consultation(cast.officer, cast.qilong, answer="先协商", referred_to="mediation")
    ledger = get_ledger("villagelaw.consultations")
    content = export_workbook(
        ledger, ledger.records(user=cast.officer, region=cast.town, period=YEAR), title="台账"
    )
    before = list(Consultation.objects.values_list("date", "person_name", "referred_to", "answer"))
    Consultation.objects.all().delete()
    result = run(cast, "villagelaw.consultations", SimpleUploadedFile("a.xlsx", content))
    assert not result.errors, result.errors
    after = list(Consultation.objects.values_list("date", "person_name", "referred_to", "answer"))
    assert after == before
    again = run(cast, "villagelaw.consultations", SimpleUploadedFile("a.xlsx", content))
    assert not again.errors and Consultation.objects.count() == 1


def test_the_export_carries_no_phone(cast):
    make_consultation(cast.officer, cast.qilong, phone="13812345678")
    ledger = get_ledger("villagelaw.consultations")
    content = export_workbook(
        ledger, ledger.records(user=cast.officer, region=cast.town, period=YEAR), title="台账"
    )
    cells = [
        str(c)
        for row in load_workbook(BytesIO(content)).active.iter_rows(values_only=True)
        for c in row
    ]
    assert not any("13812345678" in c for c in cells)


def test_a_referral_ledger_is_imported_and_a_bad_row_writes_nothing(cast):
    good = (
        "2020-03-05",
        "七龙社区",
        "谭某英",
        "请求确认劳动关系或者支付劳动报酬",
        "经济困难（经核查）",
        "被拖欠工资",
        "2020-03-06",
        "",
        "",
        "",
        "",
        "",
    )
    bad = (
        "2020-13-05",
        "七龙社区",
        "冉某",
        "请求发给抚恤金",
        "经济困难（经核查）",
        "=1+1",
        "",
        "",
        "",
        "",
        "",
        "",
    )
    headers = (
        "受理日期",
        "村（社区）",
        "申请人",
        "援助事项",
        "援助条件",
        "案情摘要",
        "转送日期",
        "决定日期",
        "决定",
        "指派日期",
        "承办律师",
        "办理结果",
    )
    result = run(cast, "villagelaw.referrals", upload(headers, good, bad))
    assert result.errors or any(row.errors for row in getattr(result, "rows", []))
    assert not Referral.objects.exists()
    dry = run(cast, "villagelaw.referrals", upload(headers, good), dry_run=True)
    assert not Referral.objects.exists()
    result = run(cast, "villagelaw.referrals", upload(headers, good))
    referral = Referral.objects.get()
    assert referral.forwarded_on == date(2020, 3, 6) and referral.decision == ""
    assert dry is not None
