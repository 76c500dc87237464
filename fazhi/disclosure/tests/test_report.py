"""Metrics, the report's 三(三) paragraph and problem, the catalogue ledger, requests."""

from datetime import date
from io import BytesIO

import docx
import pytest
from django.core.exceptions import ValidationError

from fazhi.core.periods import Period
from fazhi.disclosure import services
from fazhi.disclosure.letter import reply_letter
from fazhi.disclosure.models import Category, InfoRequest
from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import import_workbook
from fazhi.metrics import compute

pytestmark = pytest.mark.django_db


def test_the_metrics_read_the_demo(demo):
    year = Period.year(2020)
    from fazhi.disclosure.models import Post

    published = Post.objects.filter(published_on__year=2020).count()
    assert compute("disclosure.posts", demo.town, year).value == published > 100
    on_time = compute("disclosure.on_time_rate", demo.town, year)
    assert 90 < on_time.value < 100
    assert set(on_time.parts["late_villages"]) == {"金花村", "清河村", "洋洞村", "大风堡村"}
    assert compute("disclosure.queries_in_time", demo.town, year).parts["received"] == 3
    assert compute("disclosure.requests_handled", demo.town, year).value == 2


def test_the_report_paragraph_and_problem_come_from_the_records(demo):
    from fazhi.reports.content import compute as compute_content

    content = compute_content(demo.town, 2020)
    text = "".join(item.text for item in content.paragraphs["disclosure"])
    assert "公开村务" in text and "按期公开率" in text and "政府信息公开申请2件" in text
    problems = " ".join(c.text for c in content.candidates if c.kind == "problem")
    assert "村务公开不够及时" in problems


def test_the_catalogue_is_imported_from_excel_all_or_nothing(cast):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2021年村务公开目录"])
    sheet.append(["年度", "公开事项", "公开频次", "适用村"])
    sheet.append([2021, "村级财务收支情况", "按月", ""])
    sheet.append([2021, "民主评议村干部结果", "一事一公开", "七龙社区、黄水社区"])
    buffer = BytesIO()
    book.save(buffer)
    buffer.seek(0)
    ledger = get_ledger("disclosure.catalogue")
    result = import_workbook(
        ledger=ledger, file=buffer, user=cast.officer, region=cast.town, dry_run=False
    )
    assert not result.errors, result.errors
    named = Category.objects.get(year=2021, name="民主评议村干部结果")
    assert {v.name for v in named.villages.all()} == {"七龙社区", "黄水社区"}


def test_a_request_goes_through_correction_and_gets_its_reply_letter(cast):
    request = services.request_register(
        user=cast.officer, region=cast.town, applicant="谭某", contact="13812345678",
        channel="online", description="土地流转文件", received_on=date(2020, 9, 21),
    )  # fmt: skip
    with pytest.raises(Exception, match="7个工作日"):
        services.request_correction(
            user=cast.officer, request=request, sent_on=date(2020, 10, 20), what="写明村名"
        )
    services.request_correction(
        user=cast.officer, request=request, sent_on=date(2020, 9, 24), what="写明村名"
    )
    assert request.answer_due() is None
    with pytest.raises(Exception, match="补正"):
        services.request_answer(user=cast.officer, request=request, answer_type="public",
                                answer_text="x", answered_on=date(2020, 10, 1))  # fmt: skip
    services.request_correction_received(
        user=cast.officer, request=request, received_on=date(2020, 10, 12)
    )
    assert request.answer_due() == date(2020, 11, 9)
    services.request_answer(
        user=cast.officer, request=request, answer_type="partly", answer_text="提供备案表",
        answered_on=date(2020, 11, 2), pages=40,
    )  # fmt: skip
    request.refresh_from_db()
    assert request.fee == 100
    text = "\n".join(p.text for p in docx.Document(BytesIO(reply_letter(request))).paragraphs)
    assert "政府信息公开申请答复书" in text and "第三十六条" in text and "补正" in text


HOSTILE = "<script>alert(1)</script> =1+1 @SUM(A1) <w:p>&amp;"


def _answered(cast, **fields):
    request = services.request_register(
        user=cast.officer, region=cast.town, applicant=fields.pop("applicant", "谭某"),
        contact="13812345678", channel="counter", description=fields.pop("description", "文件"),
        received_on=date(2020, 9, 21),
    )  # fmt: skip
    return services.request_answer(
        user=cast.officer, request=request, answer_type="public",
        answered_on=date(2020, 10, 9), answer_text=fields.pop("answer_text", "见附件"),
    )  # fmt: skip


def _letter_text(request) -> str:
    document = docx.Document(BytesIO(reply_letter(request)))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_reply_letter_keeps_markup_and_formulas_as_plain_text(cast):
    request = _answered(cast, applicant=HOSTILE, description=HOSTILE, answer_text=HOSTILE)
    text = _letter_text(request)
    assert f"{HOSTILE}：" in text and f"“{HOSTILE}”" in text
    assert text.count("=1+1") == 3


def test_control_characters_are_refused_and_a_stored_one_does_not_break_the_letter(cast):
    with pytest.raises(ValidationError):
        _answered(cast, description="文件\x01\x0b名称")
    request = _answered(cast)
    # Stored before the validators existed (no NUL: PostgreSQL text cannot hold one).
    InfoRequest.objects.filter(pk=request.pk).update(
        answer_text="第一行\x07第二行\ufffe", applicant="谭\x1b某"
    )
    request.refresh_from_db()
    text = _letter_text(request)
    assert "第一行" in text and "第二行" in text and "\x07" not in text and "\x1b" not in text
