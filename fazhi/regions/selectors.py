"""Reads of regions that several pages share."""

from django.db.models import QuerySet

from fazhi.regions.models import Region


def in_linked_region(queryset: QuerySet, params) -> QuerySet:
    """A list's answer to a figure's records link (`fazhi.metrics.records_url`):
    the records of `queryset` (already limited to the user's scope) in the
    region `?region=<code>` names; none for a code that names no region; all
    of them without the parameter."""
    code = params.get("region", "")
    if not code:
        return queryset
    region = Region.objects.filter(code=code).first()
    return queryset.in_region(region) if region is not None else queryset.none()  # type: ignore[attr-defined]
