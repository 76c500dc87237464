from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class DemoConfig(AppConfig):
    name = "fazhi.demo"
    verbose_name = "演示数据"

    def ready(self):
        autodiscover_modules("demo")
