"""Helpers the legal pages share: who may change what, lists, exports, form errors."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone

from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role
from fazhi.ledgers.writer import list_response

PAGE_SIZE = 20


def office_required(*, edit: bool = False):
    """The town's own pages: a legal advisor reaches only the review requests sent to them."""

    def decorator(view):
        @capability_required("legal", edit=edit)
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.role == Role.LEGAL_ADVISOR:
                raise PermissionDenied("法律顾问只能查看发给本人的审查请求。")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def excel_response(filename: str, headers: list[str], rows) -> HttpResponse:
    stamp = timezone.localdate().strftime("%Y%m%d")
    return list_response(f"{filename}-{stamp}", filename, headers, rows)


def today():
    return timezone.localdate()
