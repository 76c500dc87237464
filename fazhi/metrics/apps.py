from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "fazhi.metrics"
    verbose_name = "指标口径"
