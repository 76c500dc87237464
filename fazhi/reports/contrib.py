"""How a capability adds to the yearly report and the ledgers.

Each app may have a `report.py`, imported when Django starts (see
`ReportsConfig.ready`), that registers three kinds of things:

    from fazhi.reports.contrib import candidate, paragraph

    @paragraph("publicity", metrics=["publicity.activities", "publicity.person_times"])
    def publicity_reach(f, ctx):
        if not f.has_data("publicity.activities"):
            return None          # nothing recorded: the report says so itself
        return f"{ctx.we}全年开展普法宣传活动{f.approx('publicity.activities')}……"

    @candidate("problem", metrics=["publicity.underserved_villages"])
    def remote_villages(f, ctx):
        if f.value("publicity.underserved_villages"):
            return "偏远村（社区）普法覆盖不足……"

and ledgers (`fazhi.ledgers.base.register_ledger`, see the `fazhi.ledgers` package).

- `paragraph(section, metrics=, order=)`: `section` is a key of
  `fazhi.reports.structure.SECTIONS`, or "opening" for the report's opening
  sentence (the notices it answers). The function gets the figures of the
  metrics it names and the context, and returns official prose or None.
  Every metric it names is listed under its paragraph with a link to its
  records, so it must name every metric whose figure it writes.
- `candidate(kind, metrics=)`: kind "problem" or "next_step"; returns a
  sentence (or None); the officer accepts, edits or drops it.

Write figures with `f.approx(code)` (2000余人次) or `f.exact(code)` (6次);
never state a number that is not a metric. A paragraph whose metrics are
not registered (a capability not installed) is skipped.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fazhi.documents import numbers
from fazhi.reports.structure import OPENING, SECTIONS
from fazhi.reports.types import Figure

# A contribution: the figures and the context in, official prose (or None) out.
Writer = Callable[["Figures", "Context"], str | None]


@dataclass(frozen=True)
class Contribution:
    name: str
    section: str  # a section key, or "problem" / "next_step" for candidates
    metrics: tuple[str, ...]
    order: int
    write: Writer


_PARAGRAPHS: dict[str, Contribution] = {}
_CANDIDATES: dict[str, Contribution] = {}


def _name(write: Writer) -> str:
    return f"{write.__module__}.{write.__qualname__}"


def paragraph(
    section: str, *, metrics: list[str] | tuple[str, ...] = (), order: int = 50
) -> Callable[[Writer], Writer]:
    if section not in SECTIONS and section != OPENING.key:
        raise ValueError(f"unknown report section {section!r}; see fazhi.reports.structure")

    def register(write: Writer) -> Writer:
        name = _name(write)
        _PARAGRAPHS[name] = Contribution(name, section, tuple(metrics), order, write)
        return write

    return register


# The report's own order (as in the seed): problems first, then next steps.
CANDIDATE_KINDS = ("problem", "next_step")


def candidate(
    kind: str, *, metrics: list[str] | tuple[str, ...] = (), order: int = 50
) -> Callable[[Writer], Writer]:
    if kind not in CANDIDATE_KINDS:
        raise ValueError("candidate kind is 'problem' or 'next_step'")

    def register(write: Writer) -> Writer:
        name = _name(write)
        _CANDIDATES[name] = Contribution(name, kind, tuple(metrics), order, write)
        return write

    return register


def paragraphs() -> list[Contribution]:
    return sorted(_PARAGRAPHS.values(), key=lambda c: (c.section, c.order, c.name))


def candidates() -> list[Contribution]:
    return sorted(
        _CANDIDATES.values(),
        key=lambda c: (CANDIDATE_KINDS.index(c.section), c.order, c.name),
    )


def unregister(name: str) -> None:
    """For tests: forget a paragraph or candidate registered under `name`."""
    _PARAGRAPHS.pop(name, None)
    _CANDIDATES.pop(name, None)


@dataclass(frozen=True)
class Context:
    region_name: str
    region_code: str
    is_county: bool
    year: int

    @property
    def we(self) -> str:
        """How the report names its own region: 我镇 / 我县."""
        return "我县" if self.is_county else "我镇"

    @property
    def towns(self) -> str:
        """Who did the work the records show: 我镇, or for a county roll-up 全县各乡镇（街道）."""
        return "全县各乡镇（街道）" if self.is_county else "我镇"


class Figures:
    """The computed figures a contribution may write, keyed by metric code.

    Backed by `Figure`s, which a frozen report reads back from its snapshot,
    so a final report writes the same prose as the draft did from the records.
    """

    def __init__(self, figures: dict[str, Figure]):
        self._figures = figures

    def __contains__(self, code: str) -> bool:
        return code in self._figures

    def get(self, code: str) -> Figure:
        return self._figures[code]

    def value(self, code: str) -> Any:
        return self._figures[code].value

    def has_data(self, *codes: str) -> bool:
        """True when any of `codes` has a non-zero value."""
        return any(self._figures[code].value not in (None, 0) for code in codes)

    def approx(self, code: str) -> str:
        figure = self._figures[code]
        return numbers.approx(figure.value, figure.unit)

    def exact(self, code: str) -> str:
        figure = self._figures[code]
        return numbers.exact(figure.value, figure.unit)

    def percent(self, code: str) -> str:
        return numbers.percent(self._figures[code].value)

    def parts(self, code: str) -> dict[str, Any]:
        return self._figures[code].parts
