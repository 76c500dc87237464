"""The 人民调解协议书 shows the parties' words exactly as they were typed."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from fazhi.disputes import services
from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_party

TYPED = [
    "甲方&乙方各半",
    "‹约定›",
    "<b>加粗</b>",
    "</w:t></w:r><w:r><w:t>injected",
    "\"双引号\" '单引号' “中文引号”",
    "赔偿😀，𠀀𪚥",
]


def _agreement_text(cast, client, *, stored_terms: str = "", **fields) -> list[str]:
    dispute = make_assignment(cast, make_dispute(cast))
    make_party(dispute, name=fields.pop("name", "张某华"))
    services.agreement_make(
        dispute=dispute,
        facts=fields.get("facts", "事实。"),
        terms=fields.get("terms", "条款。"),
        performance_method="当场履行",
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    if stored_terms:  # as an old row holds it, past today's input checks
        type(dispute.agreement).objects.filter(pk=dispute.agreement.pk).update(terms=stored_terms)
    client.force_login(cast.mediator)
    response = client.get(reverse("disputes:agreement_docx", args=[dispute.pk]))
    assert response.status_code == 200
    document = Document(BytesIO(response.content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


@pytest.mark.parametrize("typed", TYPED)
def test_terms_and_facts_come_out_as_typed(cast, client, typed):
    texts = _agreement_text(cast, client, facts=f"事实：{typed}", terms=typed)
    assert typed in texts
    assert f"事实：{typed}" in texts
    assert not any("injected" in text and text != typed and "事实" not in text for text in texts)


def test_a_party_name_with_markup_stays_one_name(cast, client):
    texts = _agreement_text(cast, client, name="张&李<某>")
    assert any("张&李<某>" in text for text in texts)


def test_control_characters_in_old_records_do_not_break_the_file(cast, client):
    texts = _agreement_text(cast, client, stored_terms="一、\x07赔偿\x0b五百元。")
    assert "一、赔偿五百元。" in texts


def test_an_imported_number_with_quotes_still_gives_one_clean_file_name(cast, client):
    dispute = make_assignment(cast, make_dispute(cast))
    make_party(dispute, name="张某华")
    services.agreement_make(
        dispute=dispute,
        facts="事实。",
        terms="条款。",
        performance_method="当场履行",
        signed_on=date(2020, 6, 10),
        effective_on=date(2020, 6, 10),
    )
    type(dispute).objects.filter(pk=dispute.pk).update(number='JF2020-"旧;编号')
    client.force_login(cast.mediator)
    response = client.get(reverse("disputes:agreement_docx", args=[dispute.pk]))
    header = response["Content-Disposition"]
    assert header.startswith("attachment; filename*=utf-8''")
    assert '"' not in header.split("''", 1)[1]
    assert ";" not in header.split("''", 1)[1]
