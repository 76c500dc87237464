"""What the disputes capability gives the global search: disputes (by number,
summary and a party's name, which is plain text; never ID numbers or phones,
which are encrypted), screening reports and deliberations."""

from urllib.parse import urlencode

from django.urls import reverse

from fazhi.core.global_search import SearchSource
from fazhi.disputes.models import Deliberation, Dispute, ScreeningReport

DISPUTE_FIELDS = ("number", "summary", "parties__name")
SCREENING_FIELDS = ("region__name", "notes", "findings__summary")
DELIBERATION_FIELDS = ("topic", "participants", "resolution")

SOURCES = [
    SearchSource(
        key="disputes",
        label="矛盾纠纷",
        capability="disputes",
        model=Dispute,
        fields=DISPUTE_FIELDS,
        list_url="disputes:index",
        title=lambda d: f"{d.number} {d.summary[:40]}",
        url=lambda d: d.get_absolute_url(),
        note=lambda d: f"{d.region.name} · {d.registered_on:%Y-%m-%d} · {d.get_status_display()}",
        related=("region",),
        ordering=("-registered_on", "-pk"),
    ),
    SearchSource(
        key="screening",
        label="矛盾纠纷排查报告",
        capability="disputes",
        model=ScreeningReport,
        fields=SCREENING_FIELDS,
        list_url="disputes:screening",
        title=lambda r: f"{r.region.name} {r.month:%Y年%m月}排查报告",
        url=lambda r: reverse("disputes:screening_detail", args=[r.pk]),
        note=lambda r: r.notes[:40],
        related=("region",),
        ordering=("-month", "-pk"),
    ),
    SearchSource(
        key="deliberations",
        label="议事",
        capability="disputes",
        model=Deliberation,
        fields=DELIBERATION_FIELDS,
        list_url="disputes:deliberations",
        title=lambda d: d.topic,
        url=lambda d: f"{reverse('disputes:deliberations')}?{urlencode({'q': d.topic})}",
        note=lambda d: f"{d.region.name} · {d.held_on:%Y-%m-%d}",
        related=("region",),
        ordering=("-held_on", "-pk"),
    ),
]
