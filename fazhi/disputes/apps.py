from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "fazhi.disputes"
    verbose_name = "矛盾纠纷化解"
