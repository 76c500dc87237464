from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "fazhi.legal"
    verbose_name = "法律顾问与重大决策"
    nav = {"label": "法律顾问与决策", "url": "legal:index", "capability": "legal", "order": 30}
