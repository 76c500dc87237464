"""Serving kept files.

A file is served only to whom the record it belongs to is served: the
attachment must be in the user's scope, the user's role must reach the
owner's capability (the role table of `accounts.roles`, as the record's own
pages check it: 403 otherwise) and the owner record itself must be in the
user's scope (404 otherwise).

What is served is never interpreted by the browser as a page: everything but
a real raster image (JPEG, PNG, GIF, WEBP) is a download, the name is cleaned
of paths and control characters and carries the extension of the detected
content type, and `nosniff` and a sandboxing CSP go with every response.
"""

import unicodedata
from pathlib import PurePosixPath

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404

from fazhi.attachments.models import Attachment
from fazhi.attachments.validation import EXTENSIONS
from fazhi.core import capabilities
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404

INLINE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
_UNSAFE_IN_NAMES = set('\\/:*?"<>|;')


def download_name(original: str, content_type: str) -> str:
    """A file name safe to offer: no folders, no control or format characters
    (no right-to-left override hiding an extension), the extension of the content."""
    name = PurePosixPath(original.replace("\\", "/")).name
    name = "".join(
        "_" if char in _UNSAFE_IN_NAMES else char
        for char in name
        if unicodedata.category(char)[0] not in ("C", "Z") or char == " "
    )
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem.strip(" .")[:100] or "附件"
    return stem + EXTENSIONS.get(content_type, ".bin")


def attachment_response(attachment: Attachment) -> FileResponse:
    """The file as a download (a raster image may open inline), never as a page."""
    known = attachment.content_type in EXTENSIONS
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=attachment.content_type not in INLINE_TYPES,
        filename=download_name(attachment.original_name, attachment.content_type),
        content_type=attachment.content_type if known else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _check_owner(user, attachment: Attachment) -> None:
    """The owner's capability (403) and the owner record's scope (404), as its pages check."""
    if attachment.owner_type_id is None:
        return
    capability = attachment.owner_type.app_label
    if not capabilities.exists(capability):
        raise Http404
    if not can(user, capability):
        raise PermissionDenied("您的角色无权访问此附件所属的功能。")
    model = attachment.owner_type.model_class()
    manager = getattr(model, "objects", None) if model is not None else None
    if manager is None:
        raise Http404
    records = manager.all()
    if hasattr(records, "for_user"):
        records = records.for_user(user)
    if not records.filter(pk=attachment.owner_id).exists():
        raise Http404


def download(request, pk: int):
    """A file the user's scope and the owning record's capability reach."""
    if not request.user.is_authenticated:
        raise Http404
    attachment = get_for_user_or_404(
        Attachment.objects.select_related("owner_type"), request.user, pk=pk
    )
    _check_owner(request.user, attachment)
    return attachment_response(attachment)
