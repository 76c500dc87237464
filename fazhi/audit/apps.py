from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "fazhi.audit"
    verbose_name = "审计日志"
    nav = {"label": "审计日志", "url": "audit:log", "capability": "audit", "order": 90}

    def ready(self):
        from fazhi.audit import handlers  # noqa: F401
