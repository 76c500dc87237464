"""What the disclosure capability gives the global search: posts and queries
(by title, text and the village; never a phone, which is encrypted)."""

from fazhi.core.global_search import SearchSource
from fazhi.disclosure.models import Post, Query

SOURCES = [
    SearchSource(
        key="disclosure_posts",
        label="村务公开",
        capability="disclosure",
        model=Post,
        fields=("title", "body", "region__name"),
        list_url="disclosure:posts",
        title=lambda p: p.title,
        url=lambda p: p.get_absolute_url(),
        note=lambda p: f"{p.region.name} · {p.get_status_display()}",
        related=("region",),
        ordering=("-year", "-pk"),
    ),
    SearchSource(
        key="disclosure_queries",
        label="群众质询",
        capability="disclosure",
        model=Query,
        fields=("content", "name", "region__name"),
        list_url="disclosure:queries",
        title=lambda q: q.content[:40],
        url=lambda q: q.get_absolute_url(),
        note=lambda q: f"{q.region.name} · {q.get_status_display()}",
        related=("region",),
        ordering=("-received_at", "-pk"),
    ),
]
