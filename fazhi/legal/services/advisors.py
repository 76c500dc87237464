"""Advisors, their engagement contracts and their service log."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.attachments.models import Kind
from fazhi.attachments.services import attach_uploads
from fazhi.core.locking import version_check
from fazhi.core.scope import ensure_region_in_scope
from fazhi.legal.models import (
    Advisor,
    Contract,
    Service,
)

# What a person may set on an advisor record; `account` is the advisor's login (`Advisor.user`).
ADVISOR_FIELDS = ("kind", "name", "firm", "licence_number", "phone", "speciality", "account")


def advisor_fields(data: Mapping) -> dict:
    """A form's or serializer's advisor values as the services take them (`user` → `account`)."""
    fields = {name: value for name, value in data.items() if name != "version"}
    if "user" in fields:
        fields["account"] = fields.pop("user")
    return fields


def _advisor_apply(*, user, advisor: Advisor, fields: Mapping) -> None:
    unknown = set(fields) - set(ADVISOR_FIELDS)
    if unknown:
        raise TypeError(f"advisor fields not editable: {sorted(unknown)}")
    account = fields.get("account", advisor.user)
    linking = account is not None and account.pk != advisor.user_id
    if linking and not Advisor.linkable_accounts(user).filter(pk=account.pk).exists():
        raise ValidationError({"user": "所选登录账号不是本辖区在用的法律顾问账号。"})
    for name, value in fields.items():
        setattr(advisor, "user" if name == "account" else name, value)
    advisor.full_clean()
    advisor.save()


@transaction.atomic
def advisor_create(
    *,
    user,
    region=None,
    kind: str,
    name: str,
    firm: str = "",
    licence_number: str = "",
    phone: str = "",
    speciality: str = "",
    account=None,
) -> Advisor:
    """Register an advisor of `region` (default: the user's scope)."""
    region = region or user.scope_region
    ensure_region_in_scope(user, region)
    advisor = Advisor(region=region)
    fields = {
        "kind": kind,
        "name": name,
        "firm": firm,
        "licence_number": licence_number,
        "phone": phone,
        "speciality": speciality,
        "account": account,
    }
    _advisor_apply(user=user, advisor=advisor, fields=fields)
    return advisor


@transaction.atomic
def advisor_update(*, user, advisor: Advisor, version: int | None, **fields) -> Advisor:
    """Change the `fields` given (ADVISOR_FIELDS) of an advisor read at `version`.

    `version=None` (nothing was read, e.g. an import) skips the edit-conflict check.
    """
    ensure_region_in_scope(user, advisor.region)
    submitted = {("user" if k == "account" else k): v for k, v in fields.items()}
    version_check(instance=advisor, version=version, submitted=submitted)
    _advisor_apply(user=user, advisor=advisor, fields=fields)
    return advisor


@transaction.atomic
def advisor_service_record(
    *,
    user,
    advisor: Advisor,
    date: date,
    kind: str,
    subject: str,
    detail: str = "",
    hours: Decimal | None = None,
) -> Service:
    """One entry of the advisor's service log, in the advisor's region."""
    ensure_region_in_scope(user, advisor.region)
    service = Service(
        advisor=advisor,
        region=advisor.region,
        date=date,
        kind=kind,
        subject=subject,
        detail=detail,
        hours=hours,
    )
    service.full_clean()
    service.save()
    return service


@transaction.atomic
def contract_create(
    *,
    user,
    advisor: Advisor,
    start: date,
    end: date,
    number: str = "",
    fee: Decimal = Decimal(0),
    scope: str = "",
    signed_copies=(),
) -> Contract:
    ensure_region_in_scope(user, advisor.region)
    contract = Contract(
        advisor=advisor,
        region=advisor.region,
        start=start,
        end=end,
        number=number,
        fee=fee,
        scope=scope,
    )
    contract.full_clean()
    contract.save()
    attach_uploads(
        signed_copies,
        user=user,
        owner=contract,
        region=contract.region,
        kind=Kind.CONTRACT,
        label="签订的合同",
    )
    return contract
