from django.apps import AppConfig


class LedgersConfig(AppConfig):
    name = "fazhi.ledgers"
    verbose_name = "台账"
