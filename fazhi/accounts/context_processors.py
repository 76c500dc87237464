from fazhi.core.navigation import navigation_for
from fazhi.core.roles import Role
from fazhi.regions.models import Level, Region


def shell(request):
    """What the base layout needs: the navigation, the user's scope, the region switcher."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    context = {"nav_items": navigation_for(user), "scope_region": user.scope_region}
    if user.role == Role.COUNTY_ADMIN and user.region_id:
        context["switch_regions"] = Region.objects.under(user.region.prefix).filter(
            level=Level.TOWN
        )
    return context
