from datetime import date

from fazhi.core.keyword import keyword_filter
from fazhi.regions.selectors import in_linked_region

PAGE_SIZE = 25


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def filter_cases(queryset, params, *, dates: dict[str, tuple[str, str]], search: list[str]):
    """The list filters: a search word, and a year or a date range on one of
    the case's dates (`dates`: key → (field, label); the first is the default,
    `?by=key` picks another, as the metrics' list links do)."""
    by = params.get("by") if params.get("by") in dates else next(iter(dates))
    date_field = dates[by][0]
    filters = {
        "q": params.get("q", "").strip(),
        "year": params.get("year", ""),
        "by": by,
        "by_choices": [(key, label) for key, (_, label) in dates.items()],
    }
    queryset = keyword_filter(queryset, value=filters["q"], fields=search)
    queryset = in_linked_region(queryset, params)
    if filters["year"].isdigit():
        queryset = queryset.filter(**{f"{date_field}__year": int(filters["year"])})
    since, until = _date(params.get("since")), _date(params.get("until"))
    if since:
        queryset = queryset.filter(**{f"{date_field}__gte": since})
        filters["since"] = since
    if until:
        queryset = queryset.filter(**{f"{date_field}__lte": until})
        filters["until"] = until
    if "__" in date_field:  # a date on related rows (hearings): one row per case
        queryset = queryset.distinct()
    return queryset, filters
