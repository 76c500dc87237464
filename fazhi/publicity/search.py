"""What the publicity capability gives the global search: activities,
campaigns, 法律明白人 (by name, plain text; their phones are encrypted and
never searched) and LED screens."""

from urllib.parse import urlencode

from django.urls import reverse

from fazhi.core.global_search import SearchSource
from fazhi.publicity.models import Activity, Campaign, LawUnderstander, Screen

ACTIVITY_FIELDS = ("title", "place", "notes")
CAMPAIGN_FIELDS = ("name", "description")
UNDERSTANDER_FIELDS = ("name",)
SCREEN_FIELDS = ("name", "location")


def _list(name: str, query: str) -> str:
    return f"{reverse(name)}?{urlencode({'q': query})}"


SOURCES = [
    SearchSource(
        key="activities",
        label="普法活动",
        capability="publicity",
        model=Activity,
        fields=ACTIVITY_FIELDS,
        list_url="publicity:activity_list",
        title=lambda a: a.title,
        url=lambda a: reverse("publicity:activity_detail", args=[a.pk]),
        note=lambda a: f"{a.date:%Y-%m-%d} · {a.place}",
        ordering=("-date", "-pk"),
    ),
    SearchSource(
        key="campaigns",
        label="专项宣传",
        capability="publicity",
        model=Campaign,
        fields=CAMPAIGN_FIELDS,
        list_url="publicity:campaign_list",
        title=lambda c: c.name,
        url=lambda c: reverse("publicity:campaign_detail", args=[c.pk]),
        note=lambda c: f"{c.start_date:%Y-%m-%d} 起",
        ordering=("-start_date", "-pk"),
    ),
    SearchSource(
        key="understanders",
        label="法律明白人",
        capability="publicity",
        model=LawUnderstander,
        fields=UNDERSTANDER_FIELDS,
        list_url="publicity:understander_list",
        title=lambda p: p.name,
        url=lambda p: _list("publicity:understander_list", p.name),
        note=lambda p: f"{p.region.name} · {p.get_background_display()}",
        related=("region",),
        ordering=("name", "pk"),
    ),
    SearchSource(
        key="screens",
        label="LED屏",
        capability="publicity",
        model=Screen,
        fields=SCREEN_FIELDS,
        list_url="publicity:screen_list",
        title=lambda s: s.name,
        url=lambda s: _list("publicity:screen_list", s.name),
        note=lambda s: f"{s.region.name} · {s.location}",
        related=("region",),
        ordering=("name", "pk"),
    ),
]
