from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "fazhi.synthetic"
    verbose_name = "模拟县数据"
