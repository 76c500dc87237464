from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models

from fazhi.accounts.roles import Role
from fazhi.audit.history import audited_history
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


class FazhiUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    full_name = models.CharField("姓名", max_length=40, blank=True)
    role = models.CharField("角色", max_length=20, choices=Role.choices)
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

    history = audited_history(excluded_fields=["password", "last_login"])
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
        return Role(self.role).label if self.role else ""

    @property
    def scope_region(self):
        """The region the user is looking at now: the switcher's choice or their own."""
        return getattr(self, "active_region", None) or self.region
