"""From a report to its text and its file.

`assemble(report)` is what the report says, section by section, as a
`Document` (see `fazhi.reports.types`; the page, the API and the file all
read it); a final report returns the copy frozen in its snapshot.
`render(report, format)` makes the .docx (GB/T 9704 layout, or the region's
own template) or the PDF.
"""

from datetime import date

from django.utils import timezone

from fazhi.documents import numbers, pdf
from fazhi.documents import templates as docx_templates
from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx
from fazhi.reports import content as report_content
from fazhi.reports.models import Report, ReportTemplate
from fazhi.reports.snapshot import Snapshot
from fazhi.reports.structure import CANDIDATE_SECTIONS, OPENING, PARTS
from fazhi.reports.types import (
    Content,
    Document,
    Figure,
    Paragraph,
    PartText,
    SectionText,
    TemplateContext,
    TemplateFigure,
    TemplatePart,
    TemplateSection,
)

NO_RECORDS = "本年度平台未记录该项工作的相关数据。"
FIRST_STEPS = "一二三四五六七八九十"


def _intro(report: Report, content: Content) -> str:
    if report.narratives.get("intro", "").strip():
        return report.narratives["intro"].strip()
    county = content.region.level <= 3
    leaders = "县委、县政府" if county else "镇党委、政府"
    opening = [item.text for item in content.paragraphs.get(OPENING.key, ())]
    text = "".join(opening) or (
        f"{report.year}年，{leaders}按照上级对法治政府建设的安排，"
        "明确专人牵头，把各项任务分解到单位、落实到人。"
    )
    if county:
        text += f"本报告数据汇总了全县{content.region.towns}个乡镇（街道）的工作记录。"
    if not content.has_records:
        text += (
            f"本平台中没有{report.region.name}{report.year}年度的工作记录，"
            "本报告未引用任何统计数据，所述情况以文字叙述为准。"
        )
    return text + "现将有关情况报告如下："


def _accepted(report: Report, content: Content, kind: str) -> list[str]:
    accepted = []
    for item in content.candidates:
        if item.kind != kind:
            continue
        decision = report.decisions.get(item.key, {})
        if decision.get("status") == "accepted":
            accepted.append((decision.get("text") or item.text).strip().rstrip("。；;"))
    return accepted


def _enumerate(items: list[str]) -> str:
    return "".join(
        f"{FIRST_STEPS[i] if i < 10 else numbers.ordinal(i + 1)}是{text}。"
        for i, text in enumerate(items)
    )


def _figures_of(content: Content, codes: tuple[str, ...]) -> tuple[Figure, ...]:
    return tuple(content.figures[code] for code in codes if code in content.figures)


def _sections(report: Report, content: Content, part_sections) -> list[SectionText]:
    sections: list[SectionText] = []
    for section in part_sections:
        narrative = report.narratives.get(section.key, "").strip()
        written = tuple(
            Paragraph(
                text=item.text,
                metrics=item.metrics,
                key=item.key,
                figures=_figures_of(content, item.metrics),
            )
            for item in content.paragraphs.get(section.key, ())
        )
        kind = next((k for k, key in CANDIDATE_SECTIONS.items() if key == section.key), None)
        texts = [narrative] if narrative else []
        if kind:
            accepted = _accepted(report, content, kind)
            if accepted:
                texts.append(_enumerate(accepted))
            if not texts:
                continue
        else:
            texts += [item.text for item in written]
        number = len(sections) + 1
        sections.append(
            SectionText(
                key=section.key,
                heading=section.heading,
                narrative=narrative,
                paragraphs=written,
                text="".join(texts) if texts else NO_RECORDS,
                empty=not texts,
                lead=f"（{numbers.ordinal(number)}）{section.heading}。",
            )
        )
    return sections


def assemble_from(report: Report, content: Content) -> Document:
    """The report's text from computed `content` and the officer's own text."""
    parts = tuple(
        PartText(
            key=part.key,
            heading=f"{numbers.ordinal(part_number)}、{part.heading}",
            sections=tuple(_sections(report, content, part.sections)),
        )
        for part_number, part in enumerate(PARTS, start=1)
    )
    return Document(
        title=report.title or report.default_title(),
        issuer=report.issuer or report.default_issuer(),
        issued_on=_date(report.issued_on or timezone.localdate()),
        intro=_intro(report, content),
        parts=parts,
        figures=tuple(content.figures.values()),
        has_records=content.has_records,
        candidates=content.candidates,
        computed_at=content.computed_at,
    )


def _date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def assemble(report: Report) -> Document:
    if report.is_final and report.snapshot:
        return Snapshot.from_dict(report.snapshot).document
    return assemble_from(report, report_content.compute(report.region, report.year))


def _appendix(document: Document) -> list[Block]:
    blocks = []
    for number, figure in enumerate(document.figures, start=1):
        value = numbers.exact(figure.value, figure.unit) or "无数据"
        records = f"，对应记录{figure.records}条" if figure.records is not None else ""
        link = f"，记录清单：{figure.list_url}" if figure.list_url else ""
        blocks.append(
            Block(f"{number}. {figure.label}：{value}{records}（指标 {figure.code}{link}）。")
        )
    if not blocks:
        blocks.append(Block("本报告未引用平台统计数据。"))
    return blocks


NOTHING_OUTSTANDING = "本年度暂未梳理出需要报告的问题和举措。"


def _title_lines(title: str) -> str:
    """Break a long title before 情况报告, as such titles are set (2号 fits ~20 characters)."""
    if "\n" not in title and len(title) > 20 and title.endswith("情况报告"):
        return title[: -len("情况报告")] + "\n情况报告"
    return title


def official_document(document: Document, *, appendix: bool = False) -> OfficialDocument:
    blocks = [Block(document.intro)]
    for part in document.parts:
        blocks.append(Block(part.heading, kind="heading"))
        for section in part.sections:
            blocks.append(Block(section.text, lead=section.lead))
        if not part.sections:
            blocks.append(Block(NOTHING_OUTSTANDING))
    return OfficialDocument(
        title=_title_lines(document.title),
        blocks=blocks,
        issuer=document.issuer,
        issued_on=document.issued_on,
        appendix_title="数据来源" if appendix else "",
        appendix=_appendix(document) if appendix else [],
    )


def template_context(report: Report, document: Document) -> TemplateContext:
    return TemplateContext(
        title=document.title,
        region=report.region.name,
        year=report.year,
        issuer=document.issuer,
        issued_on=document.issued_on,
        intro=document.intro,
        parts=tuple(
            TemplatePart(
                heading=part.heading,
                sections=tuple(TemplateSection(lead=s.lead, text=s.text) for s in part.sections),
            )
            for part in document.parts
        ),
        figures=tuple(
            TemplateFigure(
                label=f.label, text=numbers.approx(f.value, f.unit), url=f.list_url or ""
            )
            for f in document.figures
        ),
    )


def render_docx(
    report: Report, *, appendix: bool = False, document: Document | None = None
) -> bytes:
    document = document or assemble(report)
    body = build_docx(official_document(document, appendix=appendix))
    template = ReportTemplate.objects.active_for(report.region)
    if template is None:
        return body
    with template.file.open("rb") as handle:
        data = handle.read()
    context = template_context(report, document).as_context()
    return docx_templates.render(data, context, body_docx=body)


def render(report: Report, fmt: str = "docx", *, appendix: bool = False) -> bytes:
    """The report as .docx or PDF bytes (PDF raises pdf.OfficeMissing without LibreOffice)."""
    data = render_docx(report, appendix=appendix)
    if fmt == "pdf":
        return pdf.docx_to_pdf(data)
    return data
