"""The one scope rule.

Every list, detail, export, API call and report fetches its records through
`Model.objects.for_user(user)` (a `ScopedQuerySet`), and nothing else decides
which rows a person may see:

- a record belongs to a region; a user sees the records whose region code
  starts with the code prefix of their scope (a county, a town or a village);
- a county user may narrow the view to one town with the region switcher
  (`user.active_region`, set per request by `ActiveRegionMiddleware`);
- organisation-bound roles (mediators) see only their organisation's records
  where a model names its organisation (`scope_organisation`);
- legal advisors see only records sent to them (`scope_person`), nothing else;
- the system administrator and the auditor see no business records (三员分立).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404

from fazhi.core.roles import Role


def region_prefix_for(user, *, records: str = "business") -> str | None:
    """The code prefix of the regions whose records `user` may see, or None for none."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.role == Role.AUDITOR:
        return None
    if user.role == Role.SYSADMIN:
        return "" if records == "regions" else None
    region = getattr(user, "active_region", None) or user.region
    if region is None:
        return None
    return region.prefix


def code_range(path: str, prefix: str) -> dict:
    """Lookups for "the code starts with `prefix`" as a range an index serves
    on every database (`LIKE 'prefix%'` is not indexable on SQLite):
    500240105 ≤ code < 500240106 holds exactly the codes under 黄水镇."""
    if not prefix:
        return {}
    if not prefix.isdigit():
        return {f"{path}__startswith": prefix}
    lookups = {f"{path}__gte": prefix}
    if prefix.strip("9"):  # 999… has no next prefix of the same length
        following = str(int(prefix) + 1).zfill(len(prefix))
        lookups[f"{path}__lt"] = following
    return lookups


class ScopedQuerySet(models.QuerySet):
    """Base queryset of every business model. Subclasses name their paths."""

    scope_region: str | None = "region"  # None: the record is a Region itself
    scope_organisation: str | None = None
    scope_person: str | None = None
    scope_records = "business"  # "regions": the tree itself, which the sysadmin manages

    def in_prefix(self, prefix: str):
        path = "code" if self.scope_region is None else f"{self.scope_region}__code"
        return self.filter(**code_range(path, prefix))

    def in_region(self, region):
        """Records at or under `region`: the scope of a metric or a report."""
        return self.in_prefix(region.prefix)

    def for_user(self, user):
        prefix = region_prefix_for(user, records=self.scope_records)
        if prefix is None:
            return self.none()
        queryset = self.in_prefix(prefix)
        if user.role == Role.LEGAL_ADVISOR:
            if self.scope_person is None:
                return self.none()
            return queryset.filter(**{self.scope_person: user})
        if user.role == Role.MEDIATOR and self.scope_organisation is not None:
            return queryset.filter(**{self.scope_organisation: user.organisation_id})
        return queryset

    def choosable_by(self, user):
        """Records a user may pick in a form field or a list filter; by default
        those they may see (a model widens it where the rule says so)."""
        return self.for_user(user)


def get_for_user_or_404(model_or_queryset, user, **lookup):
    """A record the user may see, else 404 (never a 403 that confirms it exists)."""
    queryset = model_or_queryset
    if isinstance(model_or_queryset, type):
        queryset = model_or_queryset.objects.all()  # type: ignore[attr-defined]
    return get_object_or_404(queryset.for_user(user), **lookup)


# --- the write side ------------------------------------------------------------
# One rule for what a person may write, used alike by services, forms and API
# serializers: a related record may only be chosen from what the scope reaches
# (`choosable_by`), and a record may only be written into a region the scope
# covers (`ensure_region_in_scope`, 403). A record outside the scope that a URL
# names stays a 404 (`get_for_user_or_404`).


def ensure_region_in_scope(user, region) -> None:
    """Refuse to write a record into a region outside the user's scope."""
    prefix = region_prefix_for(user)
    if prefix is None or region is None or not region.code.startswith(prefix):
        raise PermissionDenied("所选区划不在您的管辖范围内。")


def scope_choices(queryset, user):
    """What `user` may pick from `queryset`: its records their scope reaches."""
    return queryset.choosable_by(user) if hasattr(queryset, "choosable_by") else queryset


def limit_fields_to_scope(fields, user) -> None:
    """Narrow every related-record field (form or serializer) to the user's scope."""
    for field in fields.values():
        target = getattr(field, "child_relation", field)  # DRF many=True wraps the field
        queryset = getattr(target, "queryset", None)
        if queryset is not None:
            target.queryset = scope_choices(queryset, user)


class ScopedFormMixin:
    """A form whose related-record choices come from the user's scope.

    Takes `user=`; every ModelChoiceField over a scoped model offers (and
    accepts) only what `choosable_by(user)` returns, so a record outside the
    scope is refused as an invalid choice, and the region starts on the
    user's current scope (the switcher's town for a county user)."""

    fields: dict[str, Any]  # the form's, once Form.__init__ has run

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit_fields_to_scope(self.fields, user)
        region, scope = self.fields.get("region"), user.scope_region
        is_new = not getattr(getattr(self, "instance", None), "pk", None)
        if (
            region is not None
            and scope is not None
            and is_new
            and region.queryset.filter(pk=scope.pk).exists()
        ):
            region.initial = scope.pk


class ScopedSerializerMixin:
    """The API's counterpart of `ScopedFormMixin`: related fields accept only
    records within the requesting user's scope (others answer 400)."""

    context: dict[str, Any]  # the serializer's

    def get_fields(self):
        fields = super().get_fields()  # type: ignore[misc]
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            limit_fields_to_scope(fields, request.user)
        return fields
