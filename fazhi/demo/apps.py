from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "fazhi.demo"
    verbose_name = "演示数据"
