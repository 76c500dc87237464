"""What may be uploaded: checked by the file's content, not its name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from fazhi.core.uploads import DOCX, XLSX, ooxml_check

# Content signatures of the types Fazhi accepts, with the type they prove.
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)
ALLOWED_DESCRIPTION = "JPG、PNG、GIF、WEBP 图片，PDF，Word（.docx）或 Excel（.xlsx）"
EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
    DOCX: ".docx",
    XLSX: ".xlsx",
}


def _office_type(upload) -> str | None:
    """The Office type of a zip upload, after the kernel's bounds and active-content checks."""
    return ooxml_check(upload, field_label="").content_type


def detect_content_type(upload) -> str | None:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, mime in _SIGNATURES:
        if head.startswith(signature):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"PK\x03\x04":
        return _office_type(upload)
    return None


def validate_upload(upload, *, field_label: str = "附件", allowed: set[str] | None = None) -> str:
    """The file's real content type, or a ValidationError naming the field and the reason."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size == 0:
        raise ValidationError(f"{field_label}：文件是空的。", code="empty")
    if upload.size > limit:
        raise ValidationError(
            f"{field_label}：文件大小 {filesizeformat(upload.size)}，超过上限 {filesizeformat(limit)}。",
            code="too_large",
        )
    try:
        mime = detect_content_type(upload)
    except ValidationError as error:
        reason = error.messages[0].removeprefix("：")
        raise ValidationError(f"{field_label}：{reason}", code=error.code) from None
    if mime is None or (allowed is not None and mime not in allowed):
        raise ValidationError(
            f"{field_label}：文件内容不是允许的类型（{ALLOWED_DESCRIPTION}），请检查后重新上传。",
            code="type",
        )
    return mime
