"""What the report says: paragraphs from metrics, plain words for an empty
year, candidates, and a final report frozen against later record changes."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.documents.numbers import approx
from fazhi.regions.models import Organisation, OrganisationKind
from fazhi.reports import document, services
from fazhi.reports.models import Status

pytestmark = pytest.mark.usefixtures("registered")
THIS_YEAR = timezone.localdate().year


def add_committees(region, count, prefix="调委会"):
    for n in range(count):
        Organisation.objects.create(
            name=f"{prefix}{n}", kind=OrganisationKind.MEDIATION_COMMITTEE, region=region
        )


def section(doc, key):
    return next(s for part in doc.parts for s in part.sections if s.key == key)


def test_it_writes_paragraphs_from_the_metrics_in_official_style(cast):
    add_committees(cast.qilong, 9)
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    disputes = section(document.assemble(report), "disputes")
    committees = Organisation.objects.filter(
        region__code__startswith=cast.town.prefix, kind=OrganisationKind.MEDIATION_COMMITTEE
    ).count()
    reached = Organisation.objects.filter(region__code__startswith=cast.town.prefix).count() * 257
    assert f"新建人民调解委员会{committees}个" in disputes.text
    assert f"受教群众{approx(reached, '人次')}" in disputes.text


def test_each_figure_links_to_its_records(cast):
    add_committees(cast.qilong, 2)
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    paragraph = section(document.assemble(report), "disputes").paragraphs[0]
    figures = {f.code: f for f in paragraph.figures}
    assert figures["test.committees"].list_url == "/regions/?kind=committee"
    assert figures["test.committees"].records == figures["test.committees"].value


def test_a_year_without_records_says_so_plainly(cast):
    report = services.report_create(user=cast.officer, region=cast.town, year=2019)
    doc = document.assemble(report)
    assert not doc.has_records
    assert "没有黄水镇2019年度的工作记录" in doc.intro
    disputes = section(doc, "disputes")
    assert disputes.text == document.NO_RECORDS
    assert "0个" not in disputes.text


def test_the_officer_narrative_comes_before_the_figures(cast):
    add_committees(cast.qilong, 1)
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    report = services.report_update(
        user=cast.officer, report=report, narratives={"disputes": "深化“枫桥经验”。"}
    )
    text = section(document.assemble(report), "disputes").text
    assert text.startswith("深化“枫桥经验”。我镇新建人民调解委员会")


def test_accepted_candidates_become_the_problems_and_dropped_ones_do_not(cast):
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    candidate = next(
        c for c in document.assemble(report).candidates if c.key.endswith("propose_more")
    )
    assert candidate.kind == "problem"
    report = services.report_update(
        user=cast.officer,
        report=report,
        decisions={candidate.key: {"status": "accepted", "text": "调解力量偏弱"}},
    )
    assert "调解力量偏弱。" in section(document.assemble(report), "problems").text
    report = services.report_update(
        user=cast.officer, report=report, decisions={candidate.key: {"status": "dropped"}}
    )
    problems = [s for s in document.assemble(report).parts[3].sections if s.key == "problems"]
    assert not problems or "调解力量偏弱" not in problems[0].text


def test_a_final_report_does_not_change_when_records_change(cast):
    add_committees(cast.qilong, 3)
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    report = services.report_update(
        user=cast.officer, report=report, narratives={"intro": "开头。"}
    )
    final = services.report_finalise(user=cast.officer, report=report)
    before = document.assemble(final)
    docx_before = document.render_docx(final)

    add_committees(cast.huangshui, 5, prefix="新调委会")
    Organisation.objects.filter(name="调委会0").update(kind=OrganisationKind.OTHER)

    final.refresh_from_db()
    assert final.status == Status.FINAL
    assert document.assemble(final) == before
    draft = services.report_new_draft(user=cast.officer, report=final)
    assert section(document.assemble(draft), "disputes").text != section(before, "disputes").text
    from io import BytesIO

    from docx import Document

    def text_of(data):
        return "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)

    assert text_of(document.render_docx(final)) == text_of(docx_before)


def test_a_final_report_refuses_edits(cast):
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    services.report_finalise(user=cast.officer, report=report)
    with pytest.raises(ValidationError, match="定稿后的报告不能修改"):
        services.report_update(user=cast.officer, report=report, narratives={"intro": "x"})


def test_a_new_draft_is_the_next_version_and_keeps_the_text(cast):
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    report = services.report_update(
        user=cast.officer, report=report, narratives={"publicity": "宣传。"}
    )
    final = services.report_finalise(user=cast.officer, report=report)
    draft = services.report_new_draft(user=cast.officer, report=final)
    assert (draft.version, draft.status, draft.based_on) == (2, Status.DRAFT, final)
    assert draft.narratives == {"publicity": "宣传。"}
    with pytest.raises(ValidationError, match="已有草稿"):
        services.report_new_draft(user=cast.officer, report=final)


def test_a_county_report_rolls_up_its_towns(cast):
    add_committees(cast.qilong, 2)
    report = services.report_create(user=cast.county_admin, region=cast.county, year=THIS_YEAR)
    doc = document.assemble(report)
    assert "县委、县政府" in doc.intro
    assert "汇总了全县1个乡镇（街道）的工作记录" in doc.intro
    assert section(doc, "disputes").text.startswith("我县新建人民调解委员会")


def test_a_report_is_for_a_town_or_a_county(cast):
    with pytest.raises(ValidationError, match="乡镇"):
        services.report_create(user=cast.officer, region=cast.qilong, year=2020)


def test_opening_a_year_that_has_only_a_final_starts_from_it(cast):
    report = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    report = services.report_update(
        user=cast.officer, report=report, narratives={"intro": "开头。"}
    )
    final = services.report_finalise(user=cast.officer, report=report)
    draft = services.report_create(user=cast.officer, region=cast.town, year=THIS_YEAR)
    assert draft.based_on == final and draft.version == 2
    assert draft.narratives == {"intro": "开头。"}
