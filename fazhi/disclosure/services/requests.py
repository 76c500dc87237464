"""Information requests (依申请公开): intake at the counter and online, 补正, consultation, extension, answer."""

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.core.numbering import number_allocate
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.disclosure import deadlines
from fazhi.disclosure.models import (
    ApplicantKind,
    Channel,
    Delivery,
    IdType,
    InfoRequest,
    RequestStatus,
)
from fazhi.disclosure.services.common import REQUEST_NUMBERS, _ensure_editor
from fazhi.personal import validate_id_number, validate_phone

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
