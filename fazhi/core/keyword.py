"""Keyword search: one rule for every list's `q` filter and the global search.

Each word of the query must appear in at least one of the named text fields
(case-insensitive `icontains`); the words are AND-ed, the fields OR-ed. The
fields are plain-text columns only: ID numbers and phones are encrypted at
rest and can neither be searched nor should be. A field reached through a
to-many relation (a dispute's parties) may repeat a row, so the caller's
match is made in a subquery then.
"""

from django.db.models import Q, QuerySet

MAX_WORDS = 5


def keyword_words(value: str | None) -> list[str]:
    """The words of a query: split on any space (full-width too), at most a few."""
    return (value or "").replace("\u3000", " ").split()[:MAX_WORDS]


def keyword_condition(*, value: str | None, fields: list[str] | tuple[str, ...]) -> Q | None:
    """The Q that keeps rows matching every word, or None for an empty query."""
    words = keyword_words(value)
    if not words or not fields:
        return None
    condition = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def keyword_filter(queryset: QuerySet, *, value: str | None, fields) -> QuerySet:
    """`queryset` narrowed to the rows matching the query (all rows when it is empty)."""
    condition = keyword_condition(value=value, fields=fields)
    if condition is None:
        return queryset
    if any("__" in field for field in fields):
        # A match through a to-many relation would repeat the row: match in a
        # subquery so each record comes once and the caller's annotations and
        # ordering stay as they are.
        matching = queryset.model._base_manager.filter(condition).values("pk")
        return queryset.filter(pk__in=matching)
    return queryset.filter(condition)
