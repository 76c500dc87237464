from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fazhi.accounts"
    verbose_name = "账号与权限"
    nav = {"label": "账号管理", "url": "accounts:users", "capability": "accounts", "order": 80}
