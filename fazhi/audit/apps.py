from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "fazhi.audit"
    verbose_name = "审计日志"

    def ready(self):
        from fazhi.audit import handlers  # noqa: F401
