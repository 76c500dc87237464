"""What the regions capability gives the global search: regions (by name or
code) and organisations (by name), both leading to the region's page."""

from django.urls import reverse

from fazhi.core.global_search import SearchSource
from fazhi.regions.models import Organisation, Region

REGION_FIELDS = ("name", "code")
ORGANISATION_FIELDS = ("name",)

SOURCES = [
    SearchSource(
        key="regions",
        label="行政区划",
        capability="regions",
        model=Region,
        fields=REGION_FIELDS,
        list_url="regions:list",
        title=lambda r: r.name,
        url=lambda r: reverse("regions:detail", args=[r.code]),
        note=lambda r: f"{r.code} · {r.get_level_display()}",
        ordering=("code",),
    ),
    SearchSource(
        key="organisations",
        label="组织",
        capability="regions",
        model=Organisation,
        fields=ORGANISATION_FIELDS,
        list_url="regions:list",
        title=lambda o: o.name,
        url=lambda o: reverse("regions:detail", args=[o.region.code]),
        note=lambda o: f"{o.region.name} · {o.get_kind_display()}",
        related=("region",),
        ordering=("name", "pk"),
    ),
]
