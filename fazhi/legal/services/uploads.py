"""Files handed in with a legal record, stored as its attachments."""

from fazhi.attachments.services import attachment_create


def attach_uploads(uploads, *, user, owner, region, kind, label):
    for upload in uploads or []:
        attachment_create(
            upload=upload, user=user, region=region, owner=owner, kind=kind, field_label=label
        )
