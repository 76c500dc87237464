from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "fazhi.legal"
    verbose_name = "法律顾问与重大决策"
