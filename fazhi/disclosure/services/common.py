"""What every write of the disclosure app shares."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from fazhi.core.numbering import Sequence
from fazhi.core.roles import can
from fazhi.disclosure.guard import portal_changed
from fazhi.disclosure.models import (
    InfoRequest,
)

REQUEST_NUMBERS = Sequence("disclosure.request", "YSQ", InfoRequest)


def _portal_changed() -> None:
    """Cached portal pages are stale: now, and again once the change is committed
    (a page rendered in between from the old rows is dropped by the second bump)."""
    portal_changed()
    transaction.on_commit(portal_changed)


def _ensure_editor(user) -> None:
    if not can(user, "disclosure", edit=True):
        raise PermissionDenied("您的角色无权修改村务公开。")


def _today(today: date | None) -> date:
    return today or timezone.localdate()
