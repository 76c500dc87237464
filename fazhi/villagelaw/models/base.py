"""What every record of the app shares: deadline rule codes, targets, the village scope."""

from decimal import Decimal

from django.core.exceptions import ValidationError

from fazhi.core.roles import Role
from fazhi.core.scope import ScopedQuerySet
from fazhi.regions.models import Level

# Deadline rules (fazhi/deadlines/rules.py).
AID_DECIDE = "legal_aid.decide"
AID_ASSIGN = "legal_aid.assign"
COMPACT_FILE = "village_compact.file"
# 法律援助法 Art. 44: urgent handling when the limitation period is about to run out.
URGENT_DAYS = 7
# The county's usual yearly targets for a village's advisor.
DEFAULT_HOURS_TARGET = Decimal("24")
DEFAULT_VISITS_TARGET = 12  # one a month


class VillageQuerySet(ScopedQuerySet):
    """Records of a village: the scope rule, and for a legal advisor the villages assigned to them."""

    scope_region = "region"

    def for_user(self, user):
        if getattr(user, "role", None) != Role.LEGAL_ADVISOR:
            return super().for_user(user)
        from fazhi.core.scope import region_prefix_for
        from fazhi.villagelaw.models.advisors import Assignment  # defined on this queryset

        prefix = region_prefix_for(user)
        if prefix is None:
            return self.none()
        assigned = Assignment.objects.filter(advisor__user=user).values("region")
        return self.in_prefix(prefix).filter(**{f"{self.scope_region}__in": assigned})

    def in_year(self, year: int, field: str = "date"):
        return self.filter(**{f"{field}__year": year})

    def in_period(self, period, field: str = "date"):
        return self.filter(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _village_check(region) -> None:
    if region is not None and region.level != Level.VILLAGE:
        raise ValidationError({"region": "请选择村（社区），不能选择镇或县。"})
