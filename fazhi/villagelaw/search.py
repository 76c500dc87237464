"""What the global search finds here: consultations, legal-aid referrals and 村规民约,
by their plain-text fields (never a phone or an ID number, which are encrypted)."""

from fazhi.core.global_search import SearchSource
from fazhi.villagelaw.models import Compact, Consultation, Referral

SOURCES = [
    SearchSource(
        key="villagelaw.consultations",
        label="法律咨询",
        capability="villagelaw",
        model=Consultation,
        fields=("person_name", "question", "answer"),
        list_url="villagelaw:consultations",
        title=lambda c: f"{c.person_name}：{c.question[:40]}",
        url=lambda c: c.get_absolute_url(),
        note=lambda c: f"{c.region.name} · {c.date:%Y-%m-%d}",
        related=("region",),
        ordering=("-date", "-pk"),
    ),
    SearchSource(
        key="villagelaw.referrals",
        label="法律援助转介",
        capability="villagelaw",
        model=Referral,
        fields=("applicant", "summary", "lawyer"),
        list_url="villagelaw:referrals",
        title=lambda r: f"{r.applicant}：{r.summary[:40]}",
        url=lambda r: r.get_absolute_url(),
        note=lambda r: f"{r.region.name} · {r.received_on:%Y-%m-%d}",
        related=("region",),
        ordering=("-received_on", "-pk"),
    ),
    SearchSource(
        key="villagelaw.compacts",
        label="村规民约",
        capability="villagelaw",
        model=Compact,
        fields=("title", "text"),
        list_url="villagelaw:compacts",
        title=lambda c: str(c),
        url=lambda c: c.get_absolute_url(),
        note=lambda c: c.get_stage_display(),
        related=("region",),
    ),
]
