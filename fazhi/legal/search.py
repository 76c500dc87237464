"""What the legal capability gives the global search. Advisors, services and
decisions are the town office's pages, which a legal advisor may not open:
for them only the review requests sent to them (the scope rule's
`scope_person`) are searched. An advisor's phone is encrypted, never searched."""

from django.urls import reverse

from fazhi.core.global_search import SearchSource
from fazhi.core.roles import Role
from fazhi.legal.models import Advisor, Decision, ReviewRequest, Service

ADVISOR_FIELDS = ("name", "firm", "licence_number", "speciality")
SERVICE_FIELDS = ("subject", "detail", "advisor__name")
DECISION_FIELDS = ("title", "summary", "sponsor")
REVIEW_FIELDS = ("title", "questions")


def _office(user) -> bool:
    return user.role != Role.LEGAL_ADVISOR


SOURCES = [
    SearchSource(
        key="decisions",
        label="重大行政决策",
        capability="legal",
        model=Decision,
        fields=DECISION_FIELDS,
        list_url="legal:decisions",
        title=lambda d: d.title,
        url=lambda d: reverse("legal:decision_detail", args=[d.pk]),
        note=lambda d: f"{d.year} · {d.sponsor} · {d.get_stage_display()}",
        reaches=_office,
    ),
    SearchSource(
        key="reviews",
        label="合法性审查",
        capability="legal",
        model=ReviewRequest,
        fields=REVIEW_FIELDS,
        list_url="legal:reviews",
        title=lambda r: r.title,
        url=lambda r: reverse("legal:review_detail", args=[r.pk]),
        note=lambda r: f"{r.sent_on:%Y-%m-%d} · {r.get_opinion_display() or '待出具'}",
    ),
    SearchSource(
        key="advisors",
        label="法律顾问",
        capability="legal",
        model=Advisor,
        fields=ADVISOR_FIELDS,
        list_url="legal:advisors",
        title=lambda a: a.name,
        url=lambda a: reverse("legal:advisor_detail", args=[a.pk]),
        note=lambda a: a.firm,
        ordering=("name", "pk"),
        reaches=_office,
    ),
    SearchSource(
        key="services",
        label="法律顾问服务",
        capability="legal",
        model=Service,
        fields=SERVICE_FIELDS,
        list_url="legal:services",
        title=lambda s: s.subject,
        url=lambda s: reverse("legal:advisor_detail", args=[s.advisor_id]),
        note=lambda s: f"{s.date:%Y-%m-%d} · {s.advisor.name}",
        related=("advisor",),
        ordering=("-date", "-pk"),
        reaches=_office,
    ),
]
