"""Account changes, with 三员分立 enforced here rather than in the pages.

The system administrator creates and edits accounts, but a role or a scope
(region, organisation) only takes effect when a second person approves it:
`account_save` files a `RoleGrant`, and `role_grant_approve` applies it. He
never changes his own role, never demotes or deactivates the last active
system administrator, and a password he sets is a reset: the owner must
choose a new one at the next login, and the reset is audited as a reset.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.accounts.models import ApiToken, GrantStatus, RoleGrant, User
from fazhi.audit.models import Action
from fazhi.audit.services import audit_record
from fazhi.core.roles import Role

SCOPE_FIELDS = ("role", "region_id", "organisation_id")


def _scope_of(user: User) -> tuple:
    return tuple(getattr(user, name) for name in SCOPE_FIELDS)


def _save_without_history(user: User, fields: list[str]) -> None:
    """Save fields the history leaves out (password, flags), so no empty edit is logged."""
    user.skip_history_when_saving = True
    try:
        user.save(update_fields=fields)
    finally:
        del user.skip_history_when_saving


def _ensure_not_last_sysadmin(*, stored: User, role: str, is_active: bool) -> None:
    if stored.role != Role.SYSADMIN or not stored.is_active:
        return
    if role == Role.SYSADMIN and is_active:
        return
    others = User.objects.filter(role=Role.SYSADMIN, is_active=True).exclude(pk=stored.pk)
    if not others.exists():
        raise ValidationError(
            {"role": "这是最后一个启用的系统管理员账号，不能降级或停用，否则无人能管理账号。"}
        )


@transaction.atomic
def account_save(
    *, actor: User, account: User, password: str | None = None, request=None
) -> RoleGrant | None:
    """Save an account the system administrator edited; file a grant for a new role or scope.

    `account` carries the edited values (unsaved). Returns the pending grant, if any.
    """
    stored = User.objects.select_for_update().get(pk=account.pk) if account.pk else None
    wanted = _scope_of(account)
    scope_changed = stored is None or wanted != _scope_of(stored)
    if stored is not None and stored.pk == actor.pk:
        if scope_changed:
            raise ValidationError({"role": "不能修改自己的角色、管辖区划或所属组织。"})
        if not account.is_active:
            raise ValidationError({"is_active": "不能停用自己的账号。"})
    if stored is not None:
        _ensure_not_last_sysadmin(stored=stored, role=account.role, is_active=account.is_active)
    account.full_clean(exclude=["password"])

    grant = None
    if scope_changed and account.role:
        grant = RoleGrant(
            account=account,
            role=account.role,
            region=account.region,
            organisation=account.organisation,
            requested_by=actor,
        )
        # Until approved, the account keeps what it had (a new one: no role at all).
        previous = _scope_of(stored) if stored else ("", None, None)
        for name, value in zip(SCOPE_FIELDS, previous, strict=True):
            setattr(account, name, value)

    deactivated = stored is not None and stored.is_active and not account.is_active
    if stored is None:
        account.set_password(password)
        account.save()
    elif _changed_fields(stored, account):
        account.save()
    if grant is not None:
        grant.account = account
        for superseded in RoleGrant.objects.pending().filter(account=account):
            superseded.status = GrantStatus.REJECTED
            superseded.note = "被新的申请取代"
            superseded.save()
        grant.full_clean()
        grant.save()
    if stored is not None and password:
        password_reset(actor=actor, account=account, password=password, request=request)
    if deactivated:
        api_tokens_revoke(user=account, reason="账号停用", request=request)
    return grant


def _changed_fields(stored: User, account: User) -> list[str]:
    names = [f.attname for f in User._meta.concrete_fields if f.name != "password"]
    return [name for name in names if getattr(stored, name) != getattr(account, name)]


@transaction.atomic
def password_reset(*, actor: User, account: User, password: str, request=None) -> None:
    """An administrator sets a password: the owner must change it at the next login."""
    if account.pk == actor.pk:
        raise ValidationError({"password": "请通过“改密码”修改自己的密码。"})
    account.set_password(password)
    account.must_change_password = True
    _save_without_history(account, ["password", "must_change_password"])
    audit_record(
        action=Action.PASSWORD_RESET,
        user=actor,
        request=request,
        obj=account,
        detail="管理员重置密码，下次登录须修改",
    )
    api_tokens_revoke(user=account, reason="密码被重置", request=request)


@transaction.atomic
def password_change(*, user: User, password: str, request=None) -> None:
    """The owner chooses a new password; his API tokens stop working."""
    user.set_password(password)
    user.must_change_password = False
    _save_without_history(user, ["password", "must_change_password"])
    audit_record(action=Action.PASSWORD_CHANGE, user=user, request=request, obj=user)
    api_tokens_revoke(user=user, reason="修改密码", request=request)


def _may_decide(actor: User, grant: RoleGrant) -> bool:
    if actor.pk in (grant.account_id, grant.requested_by_id):
        return False
    return RoleGrant.objects.for_user(actor).filter(pk=grant.pk).exists() and actor.role in (
        Role.COUNTY_ADMIN,
        Role.AUDITOR,
    )


@transaction.atomic
def role_grant_approve(*, grant: RoleGrant, actor: User, note: str = "") -> User:
    grant = RoleGrant.objects.select_for_update().get(pk=grant.pk)
    if not _may_decide(actor, grant):
        raise PermissionDenied("您无权审批这项角色授予申请。")
    if grant.status != GrantStatus.PENDING:
        raise ValidationError("该申请已处理，不能再次审批。")
    account = User.objects.select_for_update().get(pk=grant.account_id)
    _ensure_not_last_sysadmin(stored=account, role=grant.role, is_active=account.is_active)
    account.role = grant.role
    account.region = grant.region
    account.organisation = grant.organisation
    account.full_clean(exclude=["password"])
    account.save()
    grant.status = GrantStatus.APPROVED
    grant.decided_by = actor
    grant.decided_at = timezone.now()
    grant.note = note
    grant.full_clean()
    grant.save()
    return account


@transaction.atomic
def role_grant_reject(*, grant: RoleGrant, actor: User, note: str = "") -> None:
    grant = RoleGrant.objects.select_for_update().get(pk=grant.pk)
    if not _may_decide(actor, grant):
        raise PermissionDenied("您无权审批这项角色授予申请。")
    if grant.status != GrantStatus.PENDING:
        raise ValidationError("该申请已处理，不能再次审批。")
    grant.status = GrantStatus.REJECTED
    grant.decided_by = actor
    grant.decided_at = timezone.now()
    grant.note = note
    grant.full_clean()
    grant.save()


def token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str = "", request=None) -> tuple[ApiToken, str]:
    """A new token for `user`; the clear key is returned once and never stored."""
    if not user.is_active:
        raise PermissionDenied("账号已停用。")
    if user.must_change_password:
        raise PermissionDenied("管理员重置了您的密码，请先登录网页修改密码，再申请API令牌。")
    key = secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=(name or "API令牌").strip()[:60],
        key_hash=token_hash(key),
        prefix=key[:8],
        expires_at=timezone.now() + timedelta(hours=settings.FAZHI_TOKEN_LIFETIME_HOURS),
    )
    token.full_clean()
    token.save()
    audit_record(
        action=Action.TOKEN_CREATE, user=user, request=request, obj=token, detail=token.name
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User, request=None) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        action=Action.TOKEN_REVOKE,
        user=actor,
        request=request,
        obj=token,
        detail=f"{token.user.username} 的令牌",
    )


def api_tokens_revoke(*, user: User, reason: str, request=None) -> int:
    """Revoke every live token of `user` (password change or reset, deactivation)."""
    count = ApiToken.objects.live().filter(user=user).update(revoked_at=timezone.now())
    if count:
        audit_record(
            action=Action.TOKEN_REVOKE,
            request=request,
            user=request.user if request is not None and request.user.is_authenticated else user,
            obj=user,
            detail=f"{reason}：吊销{count}个令牌",
        )
    return count
