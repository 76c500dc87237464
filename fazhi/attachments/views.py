from django.http import FileResponse, Http404

from fazhi.accounts.scope import get_for_user_or_404
from fazhi.attachments.models import Attachment


def download(request, pk: int):
    """A file the user's scope reaches; images open inline, the rest download."""
    if not request.user.is_authenticated:
        raise Http404
    attachment = get_for_user_or_404(Attachment, request.user, pk=pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=not attachment.is_image,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
