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


class ScopedQuerySet(models.QuerySet):
    """Base queryset of every business model. Subclasses name their paths."""

    scope_region: str | None = "region"  # None: the record is a Region itself
    scope_organisation: str | None = None
    scope_person: str | None = None
    scope_records = "business"  # "regions": the tree itself, which the sysadmin manages

    def in_prefix(self, prefix: str):
        path = "code" if self.scope_region is None else f"{self.scope_region}__code"
        return self.filter(**{f"{path}__startswith": prefix})

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
        queryset = model_or_queryset.objects.all()
    return get_object_or_404(queryset.for_user(user), **lookup)


def ensure_region_in_scope(user, region) -> None:
    """Refuse to write a record into a region outside the user's scope."""
    prefix = region_prefix_for(user)
    if prefix is None or region is None or not region.code.startswith(prefix):
        raise PermissionDenied("所选区划不在您的管辖范围内。")
