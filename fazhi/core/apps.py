from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fazhi.core"
    label = "core"
    verbose_name = "内核"

    def ready(self):
        # Every app's capability.py, then the metrics, ledgers, report
        # paragraphs, search sources and demo steps each one contributes.
        from fazhi.core import capabilities

        capabilities.discover()
