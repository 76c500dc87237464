from django.apps import AppConfig


class VillagelawConfig(AppConfig):
    name = "fazhi.villagelaw"
    verbose_name = "公共法律服务与法治乡村"
