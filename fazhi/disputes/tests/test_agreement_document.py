from datetime import date
from io import BytesIO

from django.urls import reverse
from docx import Document
from docx.shared import Pt

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes import services
from fazhi.disputes.tests.builders import GOOD_ID, make_assignment, make_dispute, make_party
from fazhi.personal import mask_id_number, mask_phone


def _agreed(cast):
    dispute = make_assignment(cast, make_dispute(cast))
    make_party(dispute, name="张某华")
    make_party(dispute, name="李某军", role="respondent", id_number="")
    services.agreement_make(
        dispute=dispute,
        facts="屋后排水沟改道积水入户。",
        terms="一、张某华于十日内恢复排水沟原走向。",
        performance_method="十日内当场履行",
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    return dispute


def _text(response) -> str:
    document = Document(BytesIO(response.content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_agreement_is_filled_from_the_case(cast, client):
    dispute = _agreed(cast)
    client.force_login(cast.mediator)
    response = client.get(reverse("disputes:agreement_docx", args=[dispute.pk]))
    assert response["Content-Type"].endswith("wordprocessingml.document")
    text = _text(response)
    assert text.startswith("人民调解协议书")
    for expected in [
        f"编号：{dispute.number}",
        "张某华",
        "李某军",
        "被申请人",
        "一、张某华于十日内恢复排水沟原走向。",
        "本协议一式3份",
        "人民调解员（签名）：向贵和",
        "（七龙社区贵和工作室印）",
        "2020年6月10日",
        GOOD_ID,
        "13902341234",
        "男",
    ]:
        assert expected in text, expected
    read = AuditEntry.objects.get(action=Action.VIEW_PERSONAL, user=cast.mediator)
    assert "共2条" in read.detail  # one entry for the document, naming both parties
    zhang, li = dispute.parties.get(name="张某华"), dispute.parties.get(name="李某军")
    assert f"张某华（#{zhang.pk}）：身份证号码、联系电话" in read.detail
    assert f"李某军（#{li.pk}）：联系电话" in read.detail  # 李某军 has no ID number


def test_someone_who_may_not_see_full_numbers_gets_them_masked(cast, client):
    dispute = _agreed(cast)
    client.force_login(cast.cadre)
    text = _text(client.get(reverse("disputes:agreement_docx", args=[dispute.pk])))
    assert GOOD_ID not in text and mask_id_number(GOOD_ID) in text
    assert "13902341234" not in text and mask_phone("13902341234") in text
    assert not AuditEntry.objects.filter(action=Action.VIEW_PERSONAL).exists()


def test_the_agreement_concludes_the_case_as_a_success(cast):
    dispute = _agreed(cast)
    dispute.refresh_from_db()
    assert dispute.status == "concluded" and dispute.outcome == "success"
    assert dispute.concluded_on == date(2020, 6, 10)


def _agreement_paragraphs(cast, client, **fields):
    dispute = make_assignment(cast, make_dispute(cast))
    make_party(dispute, name="张某华")
    services.agreement_make(
        dispute=dispute,
        facts=fields.get("facts", "屋后排水沟改道。"),
        terms=fields.get("terms", "一、恢复排水沟。"),
        performance_method=fields.get("performance_method", "当场履行"),
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    client.force_login(cast.mediator)
    response = client.get(reverse("disputes:agreement_docx", args=[dispute.pk]))
    return Document(BytesIO(response.content)).paragraphs


def test_every_clause_of_the_agreement_is_its_own_indented_paragraph(cast, client):
    terms = "一、张某华于十日内恢复排水沟原走向。\n二、李某军赔偿五百元。\r\n\n三、双方不再争执。"
    paragraphs = _agreement_paragraphs(cast, client, terms=terms, facts="甲事实。\n乙事实。")
    by_text = {p.text: p for p in paragraphs}
    for clause in [
        "一、张某华于十日内恢复排水沟原走向。",
        "二、李某军赔偿五百元。",
        "三、双方不再争执。",
        "甲事实。",
        "乙事实。",
    ]:
        assert clause in by_text, clause
        assert by_text[clause].paragraph_format.first_line_indent == Pt(32), clause
    assert not any("{%" in p.text or "{{" in p.text for p in paragraphs)


def test_the_seal_and_the_date_are_kept_with_the_lines_before_them(cast, client):
    paragraphs = _agreement_paragraphs(cast, client)
    texts = [p.text for p in paragraphs]
    closing = next(i for i, t in enumerate(texts) if t.startswith("本协议一式"))
    date_line = texts.index("2020年6月10日")
    assert texts[date_line - 1].endswith("印）")
    assert date_line - closing >= 7
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[closing:date_line])
    for heading in ("纠纷主要事实、争议事项：", "经调解，自愿达成如下协议："):
        assert paragraphs[texts.index(heading)].paragraph_format.keep_with_next
