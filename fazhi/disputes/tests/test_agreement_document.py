from datetime import date
from io import BytesIO

from django.urls import reverse
from docx import Document

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes import services
from fazhi.disputes.tests.helpers import GOOD_ID, add_party, assign, make_dispute
from fazhi.personal import mask_id_number, mask_phone


def _agreed(cast):
    dispute = assign(cast, make_dispute(cast))
    add_party(dispute, name="张某华")
    add_party(dispute, name="李某军", role="respondent", id_number="")
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
    reads = AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, user=cast.mediator)
    assert reads.filter(detail="查看完整身份证号码").count() == 1  # 李某军 has none
    assert reads.filter(detail="查看完整联系电话").count() == 2
    assert reads.count() == 3


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
