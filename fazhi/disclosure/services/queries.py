"""The public's queries and objections (质询): intake, moderation, escalation, answer."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.core.locking import version_check
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.disclosure import deadlines
from fazhi.disclosure.models import (
    Addressee,
    Query,
    QueryStatus,
    Status,
)
from fazhi.disclosure.services.common import _ensure_editor, _portal_changed, _today
from fazhi.disclosure.text import personal_data_in
from fazhi.personal import validate_phone

# --- queries (质询) -----------------------------------------------------------------


@transaction.atomic
def query_submit(*, region, name: str, phone: str, content: str, post=None, now=None) -> Query:
    """A member of the public's query; nobody is signed in."""
    if region.level != 5:
        raise ValidationError({"region": "村(社区)：请选择一个村(社区)。"})
    if phone:
        try:
            validate_phone(phone)
        except ValidationError as error:
            raise ValidationError({"phone": f"联系电话：{error.messages[0]}"}) from None
    if post is not None and (post.region_id != region.id or post.status != Status.PUBLISHED):
        raise ValidationError({"post": "针对的公开内容：不是该村已公开的内容。"})
    query = Query(
        region=region,
        post=post,
        name=name.strip(),
        phone=phone.strip(),
        content=content.strip(),
        received_at=now or timezone.now(),
    )
    query.full_clean()
    query.save()
    return query


def _ensure_query_handler(user, query: Query) -> None:
    _ensure_editor(user)
    ensure_region_in_scope(user, query.region)
    if query.addressee == Addressee.TOWN and user.role == Role.VILLAGE_CADRE:
        raise PermissionDenied("该质询已转乡镇人民政府答复。")


@transaction.atomic
def query_moderate(*, user, query: Query, accept: bool, reason: str = "") -> Query:
    _ensure_query_handler(user, query)
    if query.status != QueryStatus.PENDING:
        raise ValidationError(f"该质询{query.get_status_display()}，已审核过。")
    if accept:
        received = timezone.localtime(query.received_at).date()
        query.status = QueryStatus.OPEN
        query.due_on = deadlines.query_due(query.addressee, received).due
    else:
        if not reason.strip():
            raise ValidationError({"reason": "不予受理理由：请写明理由。"})
        query.status, query.reject_reason = QueryStatus.REJECTED, reason.strip()
    query.full_clean()
    query.save()
    return query


@transaction.atomic
def query_escalate(*, user, query: Query, today: date | None = None) -> Query:
    """The villager turns to the township (组织法第三十一条): 10 days from now."""
    _ensure_query_handler(user, query)
    if query.status != QueryStatus.OPEN:
        raise ValidationError("只有待答复的质询可以转乡镇答复：请先审核受理。")
    query.addressee = Addressee.TOWN
    query.due_on = deadlines.query_due(Addressee.TOWN, _today(today)).due
    query.full_clean()
    query.save()
    return query


@transaction.atomic
def query_answer(
    *, user, query: Query, answer: str, public: bool, today: date | None = None,
    version: int | None = None,
) -> Query:  # fmt: skip
    _ensure_query_handler(user, query)
    if query.status == QueryStatus.PENDING:
        raise ValidationError("该质询尚未审核受理：请先审核受理，再答复。")
    if query.status != QueryStatus.OPEN:
        raise ValidationError(f"该质询{query.get_status_display()}，不能再答复。")
    if not answer.strip():
        raise ValidationError({"answer": "答复内容：不能为空。"})
    if public and personal_data_in(answer):
        raise ValidationError({"answer": "答复内容：含未遮蔽的身份证号码或手机号码，不能公开。"})
    version_check(instance=query, version=version, submitted={"answer": answer})
    query.answer, query.answer_public = answer.strip(), public
    query.answered_on, query.answered_by, query.status = _today(today), user, QueryStatus.ANSWERED
    query.full_clean()
    query.save()
    _portal_changed()
    return query
