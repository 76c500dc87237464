from fazhi.accounts.roles import Role
from fazhi.regions.models import Region

SESSION_KEY = "active_region"


class ActiveRegionMiddleware:
    """A county user may narrow their view to one region under their own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        code = request.session.get(SESSION_KEY) if user.is_authenticated else None
        if code and user.role == Role.COUNTY_ADMIN and user.region_id:
            region = Region.objects.filter(code=code).first()
            if region and user.region.contains(region):
                user.active_region = region
        return self.get_response(request)
