"""What account management gives the global search: the system
administrator finds accounts by login name or full name (never by phone,
which is encrypted)."""

from django.urls import reverse

from fazhi.accounts.models import User
from fazhi.core.global_search import SearchSource

USER_FIELDS = ("username", "full_name")

SOURCES = [
    SearchSource(
        key="users",
        label="账号",
        capability="accounts",
        edit=True,
        model=User,
        fields=USER_FIELDS,
        list_url="accounts:users",
        title=lambda u: f"{u.username} {u.full_name}".strip(),
        url=lambda u: reverse("accounts:user_edit", args=[u.pk]),
        note=lambda u: u.role_label,
        ordering=("username",),
    ),
]
