"""The 人民调解协议书 of a case, filled from its record into the official template.

The parties' own words (facts, terms, names, addresses) go into the file, so
the template is filled in `docx_environment`: every value XML-escaped and
cleaned of characters XML cannot hold, so that `甲方&乙方各半` and
`</w:t>…` come out exactly as typed.

The signed agreement is the parties' own record and the committee's file for
follow-up visits: like the official sample (司法部《人民调解文书格式》) it
names each party with sex, age, ID number, address and contact phone in full.
It is printed by those who handle the case (its mediators, the town officer),
who may see these in full; each full read is logged. Anyone else who may open
the case gets the ID number and phone masked.
"""

from datetime import date
from io import BytesIO
from pathlib import Path

from docxtpl import DocxTemplate

from fazhi.audit.services import PersonalReads
from fazhi.documents.safetext import docx_environment, docx_text

TEMPLATE = Path(__file__).parent / "agreement_template.docx"


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _sex_and_age(id_number: str, on: date) -> tuple[str, str]:
    if len(id_number) != 18:
        return "", ""
    born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return ("男" if int(id_number[16]) % 2 else "女"), str(age)


def _lines(text: str) -> list[str]:
    """One entry per line typed: each becomes its own indented paragraph."""
    lines = [line.strip() for line in docx_text(text).split("\n")]
    return [line for line in lines if line] or ["—"]


def agreement_context(agreement, *, user, request=None) -> dict:
    dispute = agreement.dispute
    full = dispute.full_id_visible_to(user)
    parties = []
    reads = PersonalReads(user=user, request=request)
    for party in dispute.parties.all():
        if full:
            for field in ("id_number", "phone"):
                if getattr(party, field):
                    reads.add(party, field)
        sex, age = _sex_and_age(party.id_number, agreement.signed_on)
        parties.append(
            {
                "role": party.get_role_display(),
                "name": party.name,
                "sex": sex,
                "age": age,
                "id_number": party.id_number if full else party.id_number_masked,
                "phone": party.phone if full else party.phone_masked,
                "address": party.address,
            }
        )
    reads.log()
    return {
        "number": f"编号：{dispute.number}",
        "parties": parties,
        "facts": _lines(agreement.facts),
        "terms": _lines(agreement.terms),
        "performance_method": _lines(agreement.performance_method),
        "copies": agreement.copies,
        "mediators": "、".join(str(m) for m in dispute.mediators.all()),
        "organisation": dispute.organisation.name if dispute.organisation else "人民调解委员会",
        "signed_on": _chinese_date(agreement.signed_on),
    }


def agreement_docx(agreement, *, user, request=None) -> bytes:
    template = DocxTemplate(TEMPLATE)
    template.render(agreement_context(agreement, user=user, request=request), docx_environment())
    out = BytesIO()
    template.save(out)
    return out.getvalue()
