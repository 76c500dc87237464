"""Every write of the disclosure app: catalogue, posts, queries, information requests.

The post's way is enforced here and nowhere else:

    draft ──submit──▶ submitted ──approve──▶ published ──withdraw──▶ withdrawn
      ▲                   │
      └──── returned ◀────┘ return (with a reason)

Approving publishes and files the post with the township (recorded as a
step); a step out of order is refused with a ValidationError naming the step
that is missing, which pages show and the API answers with 400.
"""

import re
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.attachments.models import Attachment
from fazhi.attachments.services import attachment_create
from fazhi.core.locking import version_check
from fazhi.core.numbering import Sequence, number_allocate
from fazhi.core.roles import Role, can
from fazhi.core.scope import ensure_region_in_scope
from fazhi.core.uploads import DOCX, XLSX
from fazhi.disclosure import deadlines
from fazhi.disclosure.guard import portal_changed
from fazhi.disclosure.models import (
    Addressee,
    ApplicantKind,
    Category,
    Channel,
    Delivery,
    Frequency,
    IdType,
    InfoRequest,
    Level,
    Post,
    Query,
    QueryStatus,
    RequestStatus,
    Status,
    Supervisor,
)
from fazhi.disclosure.text import office_text, personal_data_in
from fazhi.personal import validate_id_number, validate_phone

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


# --- catalogue --------------------------------------------------------------------


@transaction.atomic
def category_save(
    *, user, region, year: int, name: str, frequency: str, level: str = Level.VILLAGE,
    source: str = "county", villages=(), basis: str = "", order: int = 0, active: bool = True,
    category: Category | None = None, version: int | None = None,
) -> Category:  # fmt: skip
    """Create or change one line of a town's catalogue (the town officer's work)."""
    _ensure_editor(user)
    if user.role not in (Role.TOWN_OFFICER,):
        raise PermissionDenied("公开目录由乡镇维护。")
    ensure_region_in_scope(user, region)
    if region.level != 4:
        raise ValidationError({"region": "公开目录按乡镇维护，请选择乡镇。"})
    outside = [v.name for v in villages if not v.code.startswith(region.prefix)]
    if outside:
        raise ValidationError({"villages": f"适用村(社区)：{'、'.join(outside)}不属于本乡镇。"})
    if category is None:
        category = Category(region=region)
    else:
        version_check(instance=category, version=version, submitted={"name": name})
    category.year, category.name, category.frequency = year, name, frequency
    category.level, category.source, category.basis = level, source, basis
    category.order, category.active = order, active
    category.full_clean()
    category.save()
    category.villages.set(villages)
    return category


def category_import_row(values: dict, *, user, region) -> Category:
    """One row of an imported catalogue (the ledger's save): by year and name."""
    existing = Category.objects.filter(
        region=region, year=values["year"], name=values["name"]
    ).first()
    return category_save(
        user=user,
        region=region,
        year=values["year"],
        name=values["name"],
        frequency=values["frequency"],
        level=values.get("level") or Level.VILLAGE,
        source=values.get("source") or "county",
        villages=values.get("villages") or [],
        basis=values.get("basis", ""),
        category=existing,
    )


@transaction.atomic
def supervisor_assign(*, user, region, person, since: date) -> Supervisor:
    """Name the 村务监督委员会 member who reviews `region`'s posts."""
    _ensure_editor(user)
    if user.role != Role.TOWN_OFFICER:
        raise PermissionDenied("村务监督委员会成员由乡镇登记。")
    ensure_region_in_scope(user, region)
    if person.region_id != region.id:
        raise ValidationError({"person": f"审核人：{person}不是{region.name}的账号。"})
    supervisor, _ = Supervisor.objects.get_or_create(
        region=region, user=person, defaults={"since": since}
    )
    return supervisor


def is_supervisor(user, region) -> bool:
    return Supervisor.objects.filter(region=region, user=user).exists()


# --- posts ------------------------------------------------------------------------


def _check_period(category: Category, period: int, event_on) -> None:
    if category.frequency == Frequency.ONE_OFF:
        if event_on is None:
            raise ValidationError({"event_on": "事项发生日：一事一公开的事项须填写发生日期。"})
    elif period not in category.periods:
        kind = "季度（1–4）" if category.frequency == Frequency.QUARTERLY else "月份（1–12）"
        raise ValidationError({"period": f"期次：{category.name}按{kind}公开。"})


@transaction.atomic
def post_save(
    *, user, region, category, year: int, period: int = 0, title: str, body: str,
    event_on: date | None = None, uploads=(), post: Post | None = None, version: int | None = None,
) -> Post:  # fmt: skip
    """Draft a post, or change a draft or a returned one."""
    _ensure_editor(user)
    ensure_region_in_scope(user, region)
    if not Category.objects.applying_to(region).filter(pk=category.pk).exists():
        raise ValidationError({"category": f"公开事项：{category.name}不适用于{region.name}。"})
    if category.year != year:
        raise ValidationError({"year": f"年度：{category.name}属于{category.year}年目录。"})
    period = 0 if category.frequency == Frequency.ONE_OFF else period
    _check_period(category, period, event_on)
    if post is None:
        post = Post(region=region, created_by=user)
    else:
        if post.status not in (Status.DRAFT, Status.RETURNED):
            raise ValidationError(
                f"「{post.title}」已{post.get_status_display()}，只有草稿或退回的内容可以修改。"
            )
        version_check(instance=post, version=version, submitted={"title": title, "body": body})
    post.region, post.category, post.year, post.period = region, category, year, period
    post.event_on = event_on if category.frequency == Frequency.ONE_OFF else None
    post.title, post.body = title, body
    due = deadlines.post_due(category.frequency, year, period, post.event_on)
    post.due_on = due.due if due else None
    post.due_provisional = bool(due and due.provisional)
    post.full_clean()
    post.save()
    for upload in uploads:
        attachment_create(
            upload=upload, user=user, region=region, owner=post, field_label="附件/照片"
        )
    return post


@transaction.atomic
def post_submit(*, user, post: Post) -> Post:
    _ensure_editor(user)
    ensure_region_in_scope(user, post.region)
    if post.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError(f"「{post.title}」已{post.get_status_display()}，不能再次提交审核。")
    post.status, post.submitted_at = Status.SUBMITTED, timezone.now()
    post.full_clean()
    post.save()
    return post


def _ensure_reviewer(user, post: Post) -> None:
    if not is_supervisor(user, post.region):
        raise PermissionDenied(f"只有{post.region.name}的村务监督委员会成员可以审核。")
    if post.created_by_id == user.id:
        raise PermissionDenied("起草人不能审核自己起草的内容。")


def attachments_of(post: Post):
    return Attachment.objects.filter(
        owner_type=ContentType.objects.get_for_model(Post), owner_id=post.pk
    )


def served_publicly(attachment: Attachment) -> bool:
    """Whether the portal may hand out an attachment of a published post: a photo, or a
    Word or Excel file whose text publishing checked. Publishing cannot read a PDF's
    text, so a PDF is listed by name only."""
    return attachment.is_image or attachment.content_type in (DOCX, XLSX)


def personal_data_problems(post: Post) -> list[str]:
    """Where an unmasked ID-card or mobile number appears: title, text or an attachment."""
    problems = []
    for where, text in (("标题", post.title), ("正文", post.body)):
        problems += [f"{where}含未遮蔽的{f.kind}（{f.masked}）" for f in personal_data_in(text)]
    for attachment in attachments_of(post):
        with attachment.file.open("rb") as handle:
            text = office_text(handle, attachment.content_type)
        problems += [
            f"附件「{attachment.original_name}」含未遮蔽的{f.kind}（{f.masked}）"
            for f in personal_data_in(text)
        ]
    return problems


@transaction.atomic
def post_approve(*, user, post: Post, today: date | None = None) -> Post:
    """The supervisor approves: the post is published and filed with the township."""
    if post.status != Status.SUBMITTED:
        missing = "请先提交审核" if post.status in (Status.DRAFT, Status.RETURNED) else ""
        raise ValidationError(
            f"「{post.title}」{post.get_status_display()}，不能审核发布"
            + (f"：{missing}。" if missing else "。")
        )
    _ensure_reviewer(user, post)
    problems = personal_data_problems(post)
    if problems:
        raise ValidationError(
            "不能公开："
            + "；".join(problems)
            + "。请遮蔽后（如 5002**********1234、138****5678）再提交。"
        )
    day = _today(today)
    post.status, post.reviewed_by, post.return_reason = Status.PUBLISHED, user, ""
    post.published_on, post.display_until = day, deadlines.display_until(day)
    post.filed_at = timezone.now()
    post.full_clean()
    post.save()
    _portal_changed()
    return post


@transaction.atomic
def post_return(*, user, post: Post, reason: str) -> Post:
    if post.status != Status.SUBMITTED:
        raise ValidationError(f"「{post.title}」{post.get_status_display()}，不在待审核状态。")
    _ensure_reviewer(user, post)
    if not (reason or "").strip():
        raise ValidationError({"reason": "退回理由：请写明退回的理由。"})
    post.status, post.return_reason, post.reviewed_by = Status.RETURNED, reason.strip(), user
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def post_withdraw(*, user, post: Post, reason: str, today: date | None = None) -> Post:
    """Take a published post off the portal; it is kept with the reason."""
    _ensure_editor(user)
    ensure_region_in_scope(user, post.region)
    if post.status != Status.PUBLISHED:
        raise ValidationError(
            f"「{post.title}」{post.get_status_display()}，只有已公开的内容可以撤回。"
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": "撤回理由：请写明撤回的理由。"})
    post.status, post.withdraw_reason = Status.WITHDRAWN, reason.strip()
    post.withdrawn_on = _today(today)
    post.full_clean()
    post.save()
    _portal_changed()
    return post


@transaction.atomic
def post_push_to_screen(*, user, post: Post, today: date | None = None) -> Post:
    """Show a published post's title on the LED screens of its village (a town's post:
    of the town's villages) for the statutory 10 days from today."""
    _ensure_editor(user)
    ensure_region_in_scope(user, post.region)
    if post.status != Status.PUBLISHED:
        raise ValidationError(
            f"「{post.title}」{post.get_status_display()}，只有已公开的内容可以推送到LED屏。"
        )
    post.screen_until = deadlines.display_until(_today(today))
    post.full_clean()
    post.save()
    return post


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


# --- information requests (依申请公开) --------------------------------------------


def _ensure_town_officer(user, region) -> None:
    _ensure_editor(user)
    if user.role != Role.TOWN_OFFICER:
        raise PermissionDenied("政府信息公开申请由乡镇办理。")
    ensure_region_in_scope(user, region)


@transaction.atomic
def request_register(
    *, user, region, applicant: str, contact: str, channel: str, description: str,
    received_on: date,
) -> InfoRequest:  # fmt: skip
    _ensure_town_officer(user, region)
    if region.level != 4:
        raise ValidationError({"region": "受理机关：请选择乡镇。"})
    request = InfoRequest(
        region=region,
        applicant=applicant,
        contact=contact,
        channel=channel,
        description=description,
        received_on=received_on,
        acknowledged_on=received_on,
        created_by=user,
        number=number_allocate(sequence=REQUEST_NUMBERS, year=received_on.year),
    )
    request.full_clean()
    request.save()
    return request


_CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")
_OTHER_ID = re.compile(r"[A-Za-z0-9]{5,30}")
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]+")


def _online_problems(data: dict) -> dict[str, str]:
    """What is wrong in an online application, by field ("label：reason")."""
    problems = {}
    if data["applicant_kind"] == ApplicantKind.PERSON:
        if data["id_type"] not in IdType.values:
            problems["id_type"] = "证件类型：请选择证件类型。"
        elif data["id_type"] == IdType.ID_CARD:
            try:
                validate_id_number(data["id_number"])
            except ValidationError as error:
                problems["id_number"] = f"证件号码：{error.messages[0]}"
        elif not _OTHER_ID.fullmatch(data["id_number"]):
            problems["id_number"] = "证件号码：请填写5至30位字母或数字。"
    elif not _CREDIT_CODE.fullmatch(data["organisation_code"]):
        problems["organisation_code"] = "统一社会信用代码：应为18位数字或大写字母。"
    elif not data["contact_person"]:
        problems["contact_person"] = "联系人：请填写经办人姓名。"
    try:
        validate_phone(data["phone"])
    except ValidationError as error:
        problems["phone"] = f"联系电话：{error.messages[0]}"
    if data["delivery"] not in Delivery.values:
        problems["delivery"] = "获取信息的方式：请选择一种方式。"
    elif data["delivery"] == Delivery.EMAIL and not _EMAIL.fullmatch(data["email"]):
        problems["email"] = "电子邮箱：选择电子邮件方式时请填写有效的邮箱。"
    elif data["delivery"] in (Delivery.PAPER, Delivery.DISC) and not data["address"]:
        problems["address"] = "通信地址：邮寄时请填写通信地址。"
    return problems


@transaction.atomic
def request_apply_online(
    *, region, applicant_kind: str, applicant: str, id_type: str = "", id_number: str = "",
    organisation_code: str = "", contact_person: str = "", phone: str, address: str = "",
    email: str = "", description: str, purpose: str = "", delivery: str, now=None,
) -> InfoRequest:  # fmt: skip
    """A member of the public applies on the portal; nobody is signed in. The
    application is received today, or on the next working day when it is sent
    after office hours (`deadlines.online_received_on`)."""
    if region.level != 4:
        raise ValidationError({"region": "受理机关：政府信息公开申请向乡镇人民政府提出。"})
    person = applicant_kind == ApplicantKind.PERSON
    data = {
        "applicant_kind": applicant_kind,
        "id_type": id_type if person else "",
        "id_number": (id_number or "").strip().upper() if person else "",
        "organisation_code": "" if person else (organisation_code or "").strip().upper(),
        "contact_person": "" if person else (contact_person or "").strip(),
        "phone": (phone or "").strip(),
        "address": (address or "").strip(),
        "email": (email or "").strip(),
        "delivery": delivery,
    }
    if applicant_kind not in ApplicantKind.values:
        raise ValidationError({"applicant_kind": "申请人类型：请选择公民或法人、其他组织。"})
    problems = _online_problems(data)
    if problems:
        raise ValidationError(problems)
    moment = now or timezone.now()
    received_on = deadlines.online_received_on(moment)
    phone_value = data.pop("phone")
    request = InfoRequest(
        region=region,
        applicant=(applicant or "").strip(),
        contact=phone_value,
        channel=Channel.ONLINE,
        description=(description or "").strip(),
        purpose=(purpose or "").strip(),
        received_on=received_on,
        acknowledged_on=received_on,
        submitted_at=moment,
        **data,
    )
    request.number = "待编号"
    request.full_clean(exclude=["number", "created_by"])
    request.number = number_allocate(sequence=REQUEST_NUMBERS, year=received_on.year)
    request.save()
    return request


def _open(request: InfoRequest) -> None:
    if request.status == RequestStatus.ANSWERED:
        raise ValidationError(f"{request.number}已答复，不能再变更。")


@transaction.atomic
def request_correction(*, user, request: InfoRequest, sent_on: date, what: str) -> InfoRequest:
    """The one 补正 notice, within 7 working days of receipt (Art. 30)."""
    _ensure_town_officer(user, request.region)
    _open(request)
    if request.correction_sent_on:
        raise ValidationError("补正通知只能发一次（条例第三十条：一次性告知）。")
    if not what.strip():
        raise ValidationError({"correction_what": "需补正事项：请写明需要补正的事项。"})
    latest = deadlines.correction_due(request)
    if not request.received_on <= sent_on <= latest:
        raise ValidationError(
            {
                "correction_sent_on": f"发出补正通知日期：应在收到申请后7个工作日内（{latest:%Y-%m-%d}前）。"
            }
        )
    request.correction_sent_on, request.correction_what = sent_on, what.strip()
    request.status = RequestStatus.CORRECTION
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def request_correction_received(*, user, request: InfoRequest, received_on: date) -> InfoRequest:
    _ensure_town_officer(user, request.region)
    if request.status != RequestStatus.CORRECTION:
        raise ValidationError("尚未发出补正通知：请先发出补正通知。")
    if received_on < request.correction_sent_on:
        raise ValidationError(
            {"correction_received_on": "收到补正材料日期：不能早于发出补正通知日期。"}
        )
    request.correction_received_on, request.status = received_on, RequestStatus.PROCESSING
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def request_consult(
    *, user, request: InfoRequest, sent_on: date, ended_on: date | None = None
) -> InfoRequest:
    """Third-party consultation (Art. 32): its working days are not counted."""
    _ensure_town_officer(user, request.region)
    _open(request)
    if request.clock_start is None:
        raise ValidationError("申请人尚未补正：请先登记收到补正材料。")
    request.consultation_sent_on, request.consultation_ended_on = sent_on, ended_on
    request.status = RequestStatus.PROCESSING if ended_on else RequestStatus.CONSULTING
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def request_extend(
    *, user, request: InfoRequest, approved_by: str, approved_on: date, days: int = 20
) -> InfoRequest:
    _ensure_town_officer(user, request.region)
    _open(request)
    if not approved_by.strip():
        raise ValidationError(
            {"extension_approved_by": "批准延期的负责人：延期须经机构负责人同意。"}
        )
    if not 1 <= days <= 20:
        raise ValidationError({"extension_days": "延长工作日：最长不超过20个工作日。"})
    request.extension_approved_by, request.extension_approved_on = approved_by, approved_on
    request.extension_days = days
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def request_answer(
    *, user, request: InfoRequest, answer_type: str, answer_text: str, answered_on: date,
    pages: int = 0, fee=None,
) -> InfoRequest:  # fmt: skip
    from fazhi.disclosure.fees import request_fee

    _ensure_town_officer(user, request.region)
    _open(request)
    if request.clock_start is None:
        raise ValidationError("申请人尚未补正：请先登记收到补正材料，或以其他方式答复。")
    request.answer_type, request.answer_text, request.answered_on = (
        answer_type,
        answer_text,
        answered_on,
    )
    request.pages = pages
    request.fee = request_fee(request) if fee is None else fee
    request.status = RequestStatus.ANSWERED
    request.full_clean()
    request.save()
    return request
