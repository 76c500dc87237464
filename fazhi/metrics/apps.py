from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class MetricsConfig(AppConfig):
    name = "fazhi.metrics"
    verbose_name = "指标口径"

    def ready(self):
        autodiscover_modules("metrics")
