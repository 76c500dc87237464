from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.history import audited_history
from fazhi.core.roles import Role
from fazhi.core.scope import code_range
from fazhi.personal import EncryptedCharField, validate_phone
from fazhi.regions.models import Level

# The region level each role's scope must be at.
ROLE_LEVEL = {
    Role.COUNTY_ADMIN: Level.COUNTY,
    Role.TOWN_OFFICER: Level.TOWN,
    Role.TOWN_LEADER: Level.TOWN,
    Role.VILLAGE_CADRE: Level.VILLAGE,
}


class UserQuerySet(models.QuerySet):
    def for_user(self, user):
        """Accounts a system administrator manages; nobody else lists accounts."""
        if user.is_authenticated and user.role == Role.SYSADMIN:
            return self.all()
        return self.none()

    def colleagues_of(self, user, *, roles):
        """Active accounts of `roles` within the region `user` is looking at now
        (the switcher's town for a county user): whom a record may be given to."""
        region = user.scope_region
        if region is None:
            return self.none()
        return self.filter(
            is_active=True, role__in=roles, **code_range("region__code", region.prefix)
        )


class FazhiUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    full_name = models.CharField("姓名", max_length=40, blank=True)
    # Empty until a second person approves the first role grant (三员分立).
    role = models.CharField("角色", max_length=20, choices=Role.choices, blank=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="管辖区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name="所属组织",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    phone = EncryptedCharField("手机号", blank=True, validators=[validate_phone])
    must_change_password = models.BooleanField("下次登录须修改密码", default=False)

    history = audited_history(excluded_fields=["password", "last_login", "must_change_password"])
    objects = FazhiUserManager()

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def clean(self) -> None:
        super().clean()
        if self.role and self.role != Role.SYSADMIN and self.region_id is None:
            raise ValidationError({"region": "除系统管理员外，每个账号都必须指定管辖区划。"})
        wanted = ROLE_LEVEL.get(self.role)
        if wanted and self.region_id and self.region.level != wanted:
            raise ValidationError(
                {"region": f"{Role(self.role).label}的管辖区划应为{Level(wanted).label}。"}
            )
        if self.role == Role.MEDIATOR and self.organisation_id is None:
            raise ValidationError({"organisation": "调解员必须指定所属调解组织。"})
        if (
            self.organisation_id
            and self.region_id
            and not self.organisation.region.code.startswith(self.region.prefix)
        ):
            raise ValidationError({"organisation": "所属组织不在该账号的管辖区划内。"})

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else "（未授予角色）"

    @property
    def scope_region(self):
        """The region the user is looking at now: the switcher's choice or their own."""
        return getattr(self, "active_region", None) or self.region


class GrantStatus(models.TextChoices):
    PENDING = "pending", "待审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "已驳回"


class RoleGrantQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=GrantStatus.PENDING)

    def for_user(self, user):
        """The system administrator sees every request; an approver those he may decide."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role in (Role.SYSADMIN, Role.AUDITOR):
            return self.all()
        if user.role == Role.COUNTY_ADMIN and user.region_id:
            return self.filter(
                models.Q(region__isnull=True)
                | models.Q(region__code__startswith=user.region.prefix)
            )
        return self.none()


class RoleGrant(models.Model):
    """A role or scope the system administrator asks for an account.

    三员分立: the system administrator manages accounts but must not hand out
    business roles alone, or he could grant himself an officer's role and read
    every ID number. A change of role, region or organisation waits here until
    a county administrator (or the auditor) approves it.
    """

    account = models.ForeignKey(
        User, verbose_name="账号", on_delete=models.CASCADE, related_name="role_grants"
    )
    role = models.CharField("申请角色", max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="申请管辖区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name="申请所属组织",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        User, verbose_name="申请人", on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    status = models.CharField(
        "状态", max_length=10, choices=GrantStatus.choices, default=GrantStatus.PENDING
    )
    decided_by = models.ForeignKey(
        User,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    note = models.CharField("审批意见", max_length=200, blank=True)

    history = audited_history()
    objects = RoleGrantQuerySet.as_manager()

    class Meta:
        verbose_name = "角色授予申请"
        verbose_name_plural = "角色授予申请"
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        place = f"（{self.region.name}）" if self.region_id else ""
        return f"{self.account.username} → {Role(self.role).label}{place}"


class ApiTokenQuerySet(models.QuerySet):
    def live(self):
        from django.utils import timezone

        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def for_user(self, user):
        """Each person sees his own tokens; the system administrator sees everyone's."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.SYSADMIN:
            return self.all()
        return self.filter(user=user)


class ApiToken(models.Model):
    """A named API credential with a fixed lifetime. Only its SHA-256 is stored."""

    user = models.ForeignKey(
        User, verbose_name="账号", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("名称", max_length=60)
    key_hash = models.CharField("令牌摘要", max_length=64, unique=True)
    prefix = models.CharField("令牌前缀", max_length=8)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    expires_at = models.DateTimeField("到期时间")
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API令牌"
        verbose_name_plural = "API令牌"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.prefix}…）"

    @property
    def is_live(self) -> bool:
        from django.utils import timezone

        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def state_label(self) -> str:
        if self.revoked_at is not None:
            return "已吊销"
        return "有效" if self.is_live else "已过期"
