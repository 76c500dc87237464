from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "fazhi.deadlines"
    verbose_name = "法定期限"
