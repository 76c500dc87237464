"""What a refused delete answers.

A record other records still point at (`on_delete=PROTECT`, e.g. a 专项活动
its activities name, a cadre with exam scores) cannot be deleted: Django
raises `ProtectedError`, which used to reach the user as a 500. API views
answer 409 with a Chinese message saying what still refers to the record;
delete forms show the same message and keep the record.

    record_delete(record)  # raises RecordInUse; DRF answers it as 409
"""

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from rest_framework import status
from rest_framework.exceptions import APIException


class RecordInUse(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "protected"
    default_detail = "该记录仍被其他记录引用，不能删除。"


def in_use_message(record, error: ProtectedError | RestrictedError) -> str:
    referring = (
        error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects
    )
    kinds: dict[str, int] = {}
    for other in referring:
        name = str(other._meta.verbose_name)
        kinds[name] = kinds.get(name, 0) + 1
    listed = "、".join(f"{count} 条「{name}」" for name, count in kinds.items())
    return f"不能删除「{record}」：仍有 {listed}引用它，请先删除或改动这些记录。"


def record_delete(record) -> None:
    """Delete `record` in one transaction, or raise RecordInUse naming what refers to it."""
    try:
        with transaction.atomic():
            record.delete()
    except (ProtectedError, RestrictedError) as error:
        raise RecordInUse(in_use_message(record, error)) from None
