from django.db import models

from fazhi.audit.models import Action, AuditEntry


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    user=None,
    request=None,
    obj: models.Model | None = None,
    detail: str = "",
    username: str = "",
) -> AuditEntry:
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    return AuditEntry.objects.create(
        action=action,
        user=user if user is not None and user.pk else None,
        username=username or (user.get_username() if user is not None else ""),
        ip_address=client_ip(request),
        object_type=obj._meta.verbose_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        detail=detail,
    )


def personal_data_viewed(*, user, obj: models.Model, field: str, request=None) -> None:
    """Log that `user` saw the full, unmasked value of `field` on `obj`."""
    label = obj._meta.get_field(field).verbose_name
    audit_record(
        action=Action.VIEW_PERSONAL, user=user, request=request, obj=obj, detail=f"查看完整{label}"
    )
