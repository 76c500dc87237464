from django.db import models, transaction
from django.utils import timezone

from fazhi.attachments.models import Attachment, Kind
from fazhi.attachments.validation import validate_upload
from fazhi.core.scope import ensure_region_in_scope


@transaction.atomic
def attachment_create(
    *,
    upload,
    user,
    region,
    owner: models.Model | None = None,
    kind: str = Kind.OTHER,
    description: str = "",
    field_label: str = "附件",
) -> Attachment:
    """Check an uploaded file by its content and keep it for `owner`."""
    ensure_region_in_scope(user, region)
    content_type = validate_upload(upload, field_label=field_label)
    attachment = Attachment(
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
        kind=kind,
        description=description,
        region=region,
        owner=owner,
        uploaded_by=user,
        uploaded_at=timezone.now(),
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


def attach_uploads(uploads, *, user, owner: models.Model, region, kind: str, label: str) -> None:
    """Keep every file handed in with `owner`, each checked as `attachment_create` checks one."""
    for upload in uploads or []:
        attachment_create(
            upload=upload, user=user, region=region, owner=owner, kind=kind, field_label=label
        )
