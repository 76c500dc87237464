"""The shapes that travel through the report pipeline.

    metrics ──compute──▶ Content ──assemble──▶ Document ──▶ page, API, .docx, template

`content.compute` returns a `Content` (the figures and what the capabilities
wrote from them); `document.assemble_from` turns it and the officer's text
into a `Document` (parts, sections, leads); the page, the API, the GB/T 9704
file and a region's docxtpl template all read the `Document`. A final report
keeps both in its snapshot (`fazhi.reports.snapshot`), so each type has a
`to_dict` giving the JSON stored there (the same JSON the API answers) and a
`from_dict` that checks a stored copy field by field.

Every type is frozen, its sequences tuples: what was computed is not edited
on the way, only read.
"""

from dataclasses import dataclass, field
from typing import Any

JSONValue = int | float | str | None


class SchemaError(ValueError):
    """A stored report copy that does not have the declared shape."""


def _get(data: object, key: str, kind: type | tuple[type, ...], path: str) -> Any:
    if not isinstance(data, dict):
        raise SchemaError(f"{path}: expected an object, got {type(data).__name__}")
    if key not in data:
        raise SchemaError(f"{path}.{key}: missing")
    value = data[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        raise SchemaError(f"{path}.{key}: expected {_names(kinds)}, got bool")
    if not isinstance(value, kinds):
        raise SchemaError(f"{path}.{key}: expected {_names(kinds)}, got {type(value).__name__}")
    return value


def _names(kinds: tuple[type, ...]) -> str:
    return " or ".join("null" if k is type(None) else k.__name__ for k in kinds)


def _strings(data: object, key: str, path: str) -> tuple[str, ...]:
    values = _get(data, key, list, path)
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise SchemaError(f"{path}.{key}[{index}]: expected str")
    return tuple(values)


_NUMBER = (int, float, str, type(None))


@dataclass(frozen=True)
class Figure:
    """One metric's figure as the report cites it: value, unit and its records."""

    code: str
    label: str
    unit: str
    value: JSONValue
    list_url: str = ""
    records: int | None = None  # how many records stand behind the value
    parts: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *, with_code: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code} if with_code else {}
        data.update(
            label=self.label,
            unit=self.unit,
            value=self.value,
            list_url=self.list_url,
            records=self.records,
            parts=self.parts,
        )
        return data

    @classmethod
    def from_dict(cls, data: object, path: str, *, code: str | None = None) -> "Figure":
        return cls(
            code=code if code is not None else _get(data, "code", str, path),
            label=_get(data, "label", str, path),
            unit=_get(data, "unit", str, path),
            value=_get(data, "value", _NUMBER, path),
            list_url=_get(data, "list_url", str, path),
            records=_get(data, "records", (int, type(None)), path),
            parts=_get(data, "parts", dict, path)
            if isinstance(data, dict) and "parts" in data
            else {},
        )


@dataclass(frozen=True)
class Paragraph:
    """A paragraph a capability wrote (`report.py`), with the figures it cites."""

    text: str
    metrics: tuple[str, ...]
    key: str  # the contribution's dotted name
    figures: tuple[Figure, ...] = ()  # filled in the Document, empty in the Content

    def to_dict(self, *, with_figures: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "metrics": list(self.metrics), "key": self.key}
        if with_figures:
            data["figures"] = [f.to_dict() for f in self.figures]
        return data

    @classmethod
    def from_dict(cls, data: object, path: str) -> "Paragraph":
        figures = data.get("figures", []) if isinstance(data, dict) else []
        if not isinstance(figures, list):
            raise SchemaError(f"{path}.figures: expected list")
        return cls(
            text=_get(data, "text", str, path),
            metrics=_strings(data, "metrics", path),
            key=_get(data, "key", str, path),
            figures=tuple(
                Figure.from_dict(f, f"{path}.figures[{i}]") for i, f in enumerate(figures)
            ),
        )


@dataclass(frozen=True)
class Candidate:
    """A problem or next step the figures suggest; the officer accepts or drops it."""

    key: str
    kind: str  # "problem" or "next_step"
    text: str
    metrics: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "text": self.text,
            "metrics": list(self.metrics),
        }

    @classmethod
    def from_dict(cls, data: object, path: str) -> "Candidate":
        return cls(
            key=_get(data, "key", str, path),
            kind=_get(data, "kind", str, path),
            text=_get(data, "text", str, path),
            metrics=_strings(data, "metrics", path),
        )


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str
    level: int
    towns: int  # towns rolled up (1 for a town's own report)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level, "towns": self.towns}

    @classmethod
    def from_dict(cls, data: object, path: str) -> "RegionInfo":
        return cls(
            code=_get(data, "code", str, path),
            name=_get(data, "name", str, path),
            level=_get(data, "level", int, path),
            towns=_get(data, "towns", int, path),
        )


@dataclass(frozen=True)
class Content:
    """What the records say for a region and year: figures, paragraphs, candidates."""

    region: RegionInfo
    year: int
    computed_at: str  # "YYYY-MM-DD HH:MM", local time
    figures: dict[str, Figure]
    paragraphs: dict[str, tuple[Paragraph, ...]]  # by section key
    candidates: tuple[Candidate, ...]
    has_records: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region.to_dict(),
            "year": self.year,
            "computed_at": self.computed_at,
            "figures": {code: f.to_dict(with_code=False) for code, f in self.figures.items()},
            "paragraphs": {
                section: [p.to_dict(with_figures=False) for p in items]
                for section, items in self.paragraphs.items()
            },
            "candidates": [c.to_dict() for c in self.candidates],
            "has_records": self.has_records,
        }

    @classmethod
    def from_dict(cls, data: object, path: str = "content") -> "Content":
        figures = _get(data, "figures", dict, path)
        paragraphs = _get(data, "paragraphs", dict, path)
        for section, items in paragraphs.items():
            if not isinstance(items, list):
                raise SchemaError(f"{path}.paragraphs.{section}: expected list")
        return cls(
            region=RegionInfo.from_dict(_get(data, "region", dict, path), f"{path}.region"),
            year=_get(data, "year", int, path),
            computed_at=_get(data, "computed_at", str, path),
            figures={
                code: Figure.from_dict(f, f"{path}.figures.{code}", code=code)
                for code, f in figures.items()
            },
            paragraphs={
                section: tuple(
                    Paragraph.from_dict(p, f"{path}.paragraphs.{section}[{i}]")
                    for i, p in enumerate(items)
                )
                for section, items in paragraphs.items()
            },
            candidates=tuple(
                Candidate.from_dict(c, f"{path}.candidates[{i}]")
                for i, c in enumerate(_get(data, "candidates", list, path))
            ),
            has_records=_get(data, "has_records", bool, path),
        )


@dataclass(frozen=True)
class SectionText:
    """One numbered section of a part as the report prints it."""

    key: str
    heading: str
    narrative: str  # the officer's own text
    paragraphs: tuple[Paragraph, ...]
    text: str  # what the file prints after the lead
    empty: bool  # nothing recorded: `text` says so
    lead: str  # （一）heading。

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "heading": self.heading,
            "narrative": self.narrative,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "text": self.text,
            "empty": self.empty,
            "lead": self.lead,
        }

    @classmethod
    def from_dict(cls, data: object, path: str) -> "SectionText":
        return cls(
            key=_get(data, "key", str, path),
            heading=_get(data, "heading", str, path),
            narrative=_get(data, "narrative", str, path),
            paragraphs=tuple(
                Paragraph.from_dict(p, f"{path}.paragraphs[{i}]")
                for i, p in enumerate(_get(data, "paragraphs", list, path))
            ),
            text=_get(data, "text", str, path),
            empty=_get(data, "empty", bool, path),
            lead=_get(data, "lead", str, path),
        )


@dataclass(frozen=True)
class PartText:
    key: str
    heading: str  # 一、heading
    sections: tuple[SectionText, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "heading": self.heading,
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: object, path: str) -> "PartText":
        return cls(
            key=_get(data, "key", str, path),
            heading=_get(data, "heading", str, path),
            sections=tuple(
                SectionText.from_dict(s, f"{path}.sections[{i}]")
                for i, s in enumerate(_get(data, "sections", list, path))
            ),
        )


@dataclass(frozen=True)
class Document:
    """What the report says, part by part: the page, the API and the files read it."""

    title: str
    issuer: str
    issued_on: str  # 2021年1月1日
    intro: str
    parts: tuple[PartText, ...] = ()
    figures: tuple[Figure, ...] = ()
    has_records: bool = False
    candidates: tuple[Candidate, ...] = ()
    computed_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "issuer": self.issuer,
            "issued_on": self.issued_on,
            "intro": self.intro,
            "parts": [p.to_dict() for p in self.parts],
            "figures": [f.to_dict() for f in self.figures],
            "has_records": self.has_records,
            "candidates": [c.to_dict() for c in self.candidates],
            "computed_at": self.computed_at,
        }

    @classmethod
    def from_dict(cls, data: object, path: str = "document") -> "Document":
        return cls(
            title=_get(data, "title", str, path),
            issuer=_get(data, "issuer", str, path),
            issued_on=_get(data, "issued_on", str, path),
            intro=_get(data, "intro", str, path),
            parts=tuple(
                PartText.from_dict(p, f"{path}.parts[{i}]")
                for i, p in enumerate(_get(data, "parts", list, path))
            ),
            figures=tuple(
                Figure.from_dict(f, f"{path}.figures[{i}]")
                for i, f in enumerate(_get(data, "figures", list, path))
            ),
            has_records=_get(data, "has_records", bool, path),
            candidates=tuple(
                Candidate.from_dict(c, f"{path}.candidates[{i}]")
                for i, c in enumerate(_get(data, "candidates", list, path))
            ),
            computed_at=_get(data, "computed_at", str, path),
        )

    def figure(self, code: str) -> Figure | None:
        return next((f for f in self.figures if f.code == code), None)


@dataclass(frozen=True)
class TemplateFigure:
    label: str
    text: str  # 2000余人次
    url: str


@dataclass(frozen=True)
class TemplateSection:
    lead: str
    text: str


@dataclass(frozen=True)
class TemplatePart:
    heading: str
    sections: tuple[TemplateSection, ...]


@dataclass(frozen=True)
class TemplateContext:
    """What a region's own Word template may use (placeholders in docs/reports.md).

    Jinja reads `part.heading` and `part["heading"]` alike from these."""

    title: str
    region: str
    year: int
    issuer: str
    issued_on: str
    intro: str
    parts: tuple[TemplatePart, ...]
    figures: tuple[TemplateFigure, ...]

    def as_context(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}
