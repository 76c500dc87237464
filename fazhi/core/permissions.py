"""Capability checks for views and API views: 403 when the role may not."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rest_framework import permissions

from fazhi.core.roles import can


def capability_required(capability: str, *, edit: bool = False):
    """Anonymous users go to the login page; a role without access gets 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, capability, edit=edit):
                raise PermissionDenied("您的角色无权访问此功能。")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class HasCapability(permissions.BasePermission):
    """For API views: set `capability` on the view; unsafe methods need edit access."""

    message = "您的角色无权访问此接口。"

    def has_permission(self, request, view):
        capability = getattr(view, "capability", None)
        if capability is None or not request.user.is_authenticated:
            return False
        edit = request.method not in permissions.SAFE_METHODS
        return can(request.user, capability, edit=edit)


class ScopedViewSetMixin:
    """API views fetch through the scope rule; a record outside it answers 404."""

    permission_classes = [permissions.IsAuthenticated, HasCapability]
    capability: str = ""

    def get_queryset(self):
        return super().get_queryset().for_user(self.request.user)  # type: ignore[misc,attr-defined]
