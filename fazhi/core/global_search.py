"""The global search (/search/): which records a user may find, found how.

Each app declares what it contributes in its own `search.py` (a list named
`SOURCES` of `SearchSource`: the model, its plain-text fields, the full list
it links to). This module discovers them and runs them; it names no app.

What a user finds is bounded twice, by the same rules as every page:
the role table (`can(user, capability)`, plus a source's own `reaches` test
where a page refuses a role, e.g. legal advisors outside review requests),
and the one scope rule (`Model.objects.for_user(user)`). Each source costs
one query whatever the number of hits: a group is capped and its related
rows are joined, never fetched row by row.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.module_loading import import_string

from fazhi.core import capabilities
from fazhi.core.keyword import keyword_filter, keyword_words
from fazhi.core.roles import can

GROUP_LIMIT = 10


def _everyone(user) -> bool:
    return True


@dataclass(frozen=True)
class SearchSource:
    """One kind of record the global search looks in."""

    key: str
    label: str  # the group's heading, e.g. "矛盾纠纷"
    capability: str
    model: Any  # a model whose queryset subclasses ScopedQuerySet
    fields: tuple[str, ...]  # plain-text fields only, never encrypted ones
    list_url: str  # URL name of the full list, which takes the same ?q=
    title: Callable[[object], str]
    url: Callable[[object], str]
    note: Callable[[object], str] = lambda obj: ""
    related: tuple[str, ...] = ()
    ordering: tuple[str, ...] = ("-pk",)
    edit: bool = False  # the list needs edit access (the account list)
    reaches: Callable[[object], bool] = _everyone

    def open_to(self, user) -> bool:
        return can(user, self.capability, edit=self.edit) and self.reaches(user)

    def full_list_url(self, query: str) -> str:
        return f"{reverse(self.list_url)}?{urlencode({'q': query})}"


@dataclass
class SearchHit:
    title: str
    url: str
    note: str


@dataclass
class SearchGroup:
    source: SearchSource
    hits: list[SearchHit]
    more: bool  # more than the cap matched: follow the list link
    list_url: str


@cache
def search_sources() -> tuple[SearchSource, ...]:
    """Every capability's contribution, in app order (discovered once)."""
    found = []
    for module in capabilities.contributing("search"):
        found.extend(import_string(f"{module}.SOURCES"))
    return tuple(found)


def search_run(*, user, query: str, limit: int = GROUP_LIMIT) -> list[SearchGroup]:
    """The groups of records in `user`'s scope that match `query` (empty groups left out)."""
    if not keyword_words(query):
        return []
    groups = []
    for source in search_sources():
        if not source.open_to(user):
            continue
        queryset = source.model.objects.for_user(user)
        queryset = keyword_filter(queryset, value=query, fields=source.fields)
        if source.related:
            queryset = queryset.select_related(*source.related)
        rows = list(queryset.order_by(*source.ordering)[: limit + 1])
        if not rows:
            continue
        hits = [SearchHit(source.title(r), source.url(r), source.note(r)) for r in rows[:limit]]
        groups.append(SearchGroup(source, hits, len(rows) > limit, source.full_list_url(query)))
    return groups
