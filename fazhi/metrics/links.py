"""The one way a figure links to the list of its records.

Every metric's `Result.list_url` is built here, so every link names the
region and the period the figure was computed for: `region=<code>` and the
period as `since=YYYY-MM-DD&until=YYYY-MM-DD`, followed by the list's own
filters (`status=held`, `by=decided`). Followed by someone whose scope holds
the region, the list shows exactly the figure's records
(`fazhi/metrics/tests/test_links.py` follows every registered metric's link).
A list reads such a link with `fazhi.regions.selectors.in_linked_region` and
`fazhi.core.periods.linked_period`.
"""

from urllib.parse import urlencode

from django.urls import reverse

from fazhi.core.periods import Period


def records_url(view: str, *, region, period: Period | None = None, **filters: object) -> str:
    """The URL of list page `view` filtered to `region`, `period` and `filters`.

    A filter whose value is None is left out; `period=None` is for a list of
    what stands now (a roster), which takes no dates."""
    query: dict[str, object] = {"region": region.code}
    if period is not None:
        query.update(since=period.start.isoformat(), until=period.end.isoformat())
    query.update({name: value for name, value in filters.items() if value is not None})
    return f"{reverse(view)}?{urlencode(query)}"
