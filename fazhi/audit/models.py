from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    CREATE = "create", "新增"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    VIEW_PERSONAL = "view_personal", "查看个人信息"
    EXPORT = "export", "导出"
    LOGIN = "login", "登录"
    LOGOUT = "logout", "退出"
    LOGIN_FAILED = "login_failed", "登录失败"
    PASSWORD_RESET = "password_reset", "重置密码"
    PASSWORD_CHANGE = "password_change", "修改密码"
    TOKEN_CREATE = "token_create", "创建API令牌"
    TOKEN_REVOKE = "token_revoke", "吊销API令牌"


class AuditEntryQuerySet(models.QuerySet):
    def for_user(self, user):
        """Only the auditor reads the audit log (三员分立)."""
        from fazhi.core.roles import can

        return self.all() if can(user, "audit") else self.none()


class AuditEntry(models.Model):
    """One line of the audit log. Written by the system, never edited."""

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField("账号", max_length=150, blank=True)
    ip_address = models.GenericIPAddressField("来源地址", null=True, blank=True)
    action = models.CharField("操作", max_length=20, choices=Action.choices, db_index=True)
    object_type = models.CharField("对象类型", max_length=100, blank=True, db_index=True)
    object_id = models.CharField("对象编号", max_length=40, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    detail = models.TextField("内容", blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.object_repr}"
