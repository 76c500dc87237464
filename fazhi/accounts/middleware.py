from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from fazhi.core.roles import Role
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


class PasswordChangeRequiredMiddleware:
    """After an administrator's reset, the owner may do nothing but choose a new password."""

    allowed = ("accounts:password_change", "accounts:logout", "accounts:login")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.must_change_password:
            allowed = {reverse(name) for name in self.allowed}
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"detail": "管理员重置了您的密码，请先在网页上修改密码。"}, status=403
                    )
                messages.warning(request, "管理员重置了您的密码，请先设置一个新密码。")
                return redirect("accounts:password_change")
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages for a signed-in person may hold decrypted personal data: no cache keeps them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
