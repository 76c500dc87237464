"""What the cases capability gives the global search: lawsuits,
reconsiderations and adjudications, by the same fields as their lists."""

from fazhi.cases.models import Adjudication, Lawsuit, Reconsideration
from fazhi.core.global_search import SearchSource

LAWSUIT_FIELDS = ("case_number", "plaintiffs", "cause", "court")
RECONSIDERATION_FIELDS = ("case_number", "applicant", "organ", "contested_act")
ADJUDICATION_FIELDS = ("case_number", "parties", "claim")

SOURCES = [
    SearchSource(
        key="lawsuits",
        label="行政诉讼",
        capability="cases",
        model=Lawsuit,
        fields=LAWSUIT_FIELDS,
        list_url="cases:lawsuits",
        title=lambda c: f"{c.case_number} {c.plaintiffs}诉{c.cause}",
        url=lambda c: c.get_absolute_url(),
        note=lambda c: c.court,
        ordering=("-pk",),
    ),
    SearchSource(
        key="reconsiderations",
        label="行政复议",
        capability="cases",
        model=Reconsideration,
        fields=RECONSIDERATION_FIELDS,
        list_url="cases:reconsiderations",
        title=lambda c: f"{c.case_number} {c.applicant}",
        url=lambda c: c.get_absolute_url(),
        note=lambda c: c.organ,
        ordering=("-pk",),
    ),
    SearchSource(
        key="adjudications",
        label="行政裁决",
        capability="cases",
        model=Adjudication,
        fields=ADJUDICATION_FIELDS,
        list_url="cases:adjudications",
        title=lambda c: f"{c.case_number} {c.parties}",
        url=lambda c: c.get_absolute_url(),
        note=lambda c: c.claim[:40],
        ordering=("-pk",),
    ),
]
