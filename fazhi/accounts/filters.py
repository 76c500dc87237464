"""List filters that name a record choose only among the records in scope.

A filter such as `?dispute=<id>` used to accept any id that exists: a record
of another town gave an empty 200 list, a made-up id a 400. The difference
told a caller which ids exist outside their scope. Every filter that names a
scoped record now draws its choices through `for_user`, so an out-of-scope id
is refused exactly like one that does not exist (400, "选择一个有效的选项").

The API's default filter backend builds its filter sets on `ScopedFilterSet`;
hand-written filter sets (the dispute list's, the publicity lists') derive
from it too.
"""

from django_filters import rest_framework as filters
from django_filters.filters import QuerySetRequestMixin


def _in_scope(choices):
    """The choices of a filter, narrowed to what the request's user may see."""

    def resolve(request):
        queryset = choices(request) if callable(choices) else choices
        if queryset is None or not hasattr(queryset, "choosable_by"):
            return queryset
        user = getattr(request, "user", None)
        if user is None:
            return queryset.none()
        return queryset.choosable_by(user)

    return resolve


class ScopedFilterSet(filters.FilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, QuerySetRequestMixin):
                filter_.queryset = _in_scope(filter_.queryset)


class ScopedFilterBackend(filters.DjangoFilterBackend):
    filterset_base = ScopedFilterSet
