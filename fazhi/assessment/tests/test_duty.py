"""第一责任人: the yearly record, the 述法 .docx, 评议."""

from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document

from conftest import build_second_town
from fazhi.assessment import duty
from fazhi.assessment.models import DutyRecord


def _record(cast, **fields):
    return duty.duty_save(
        user=cast.officer,
        region=cast.town,
        year=2020,
        role="secretary",
        person="冉书记",
        duties="主持党委会专题研究法治建设3次\n带头讲授法治课1次",
        **fields,
    )


def test_the_officer_keeps_the_record_and_the_statement_is_drafted_from_it(cast):
    record = _record(cast)
    paragraphs = duty.draft_statement(record)
    assert "黄水镇党委书记" in paragraphs[0]
    assert "主持党委会专题研究法治建设3次；带头讲授法治课1次。" in paragraphs


def test_the_statement_docx_is_an_official_document(cast):
    record = _record(cast, statement="全年履职情况如下。\n一是带头学法。")
    document = Document(BytesIO(duty.statement_docx(record)))
    texts = [p.text for p in document.paragraphs]
    assert "黄水镇党委书记2020年度述法报告" in texts
    assert "一是带头学法。" in texts
    assert document.sections[0].top_margin.mm == pytest.approx(37, abs=0.5)


def test_the_panel_scores_average_and_are_bounded(cast):
    record = _record(cast)
    duty.duty_panel_record(
        user=cast.county_admin, record=record, scores=[("甲", "92"), ("乙", "87")]
    )
    assert DutyRecord.objects.get(pk=record.pk).panel_average == pytest.approx(89.5)
    for bad in [[("甲", "101")], [("甲", "abc")], [("", "90")], [("甲", "nan")]]:
        with pytest.raises(ValidationError):
            duty.duty_panel_record(user=cast.county_admin, record=record, scores=bad)
    with pytest.raises(PermissionDenied):
        duty.duty_panel_record(user=cast.officer, record=record, scores=[("甲", "100")])


def test_another_towns_officer_cannot_write_this_towns_record(cast):
    xituo = build_second_town()
    with pytest.raises(PermissionDenied):
        duty.duty_save(user=xituo.officer, region=cast.town, year=2020, role="head", person="某")
    record = _record(cast)
    with pytest.raises(PermissionDenied):
        duty.duty_save(
            user=xituo.officer,
            region=xituo.town,
            year=2020,
            role="head",
            record=record,
            person="改",
        )


def test_the_pages_show_the_record_and_download_the_statement(cast, client):
    record = _record(cast)
    client.force_login(cast.leader)
    assert "主持党委会专题研究法治建设3次" in client.get(record.get_absolute_url()).content.decode()
    response = client.get(reverse("assessment:duty_docx", args=[record.pk]))
    assert response.status_code == 200 and response.content[:2] == b"PK"
    client.force_login(cast.county_admin)
    response = client.post(
        reverse("assessment:duty_panel", args=[record.pk]), {"scores": "张评议 95\n李评议 abc"}
    )
    assert "不是数字" in response.content.decode()
    client.force_login(cast.officer)
    response = client.post(
        reverse("assessment:duty_create"),
        {"year": "2020", "role": "head", "person": "马镇长", "duties": "出庭应诉1件"},
    )
    assert response.status_code == 302
    assert DutyRecord.objects.filter(role="head", region=cast.town).exists()


HOSTILE = "<script>alert(1)</script> =1+1 @SUM(A1) <w:p>&amp;"


def test_the_statement_docx_keeps_markup_and_formulas_as_plain_text(cast):
    record = _record(cast, statement=f'{HOSTILE}\n=HYPERLINK("x")')
    document = Document(BytesIO(duty.statement_docx(record)))
    texts = [p.text for p in document.paragraphs]
    assert HOSTILE in texts and '=HYPERLINK("x")' in texts


def test_control_characters_are_refused_and_a_stored_one_does_not_break_the_docx(cast):
    with pytest.raises(ValidationError):
        _record(cast, statement="述法\x01报告")
    record = _record(cast, statement="全年履职情况如下。")
    # Stored before the validators existed (no NUL: PostgreSQL text cannot hold one).
    DutyRecord.objects.filter(pk=record.pk).update(statement="第一段\x07\n第二段\x1b\ufffe")
    record.refresh_from_db()
    texts = [p.text for p in Document(BytesIO(duty.statement_docx(record))).paragraphs]
    assert "第一段" in texts and "第二段" in texts
    assert not any(char in "".join(texts) for char in "\x07\x1b")
