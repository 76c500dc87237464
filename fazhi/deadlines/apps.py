from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "fazhi.deadlines"
    verbose_name = "法定期限"
    nav = {"label": "法定期限", "url": "deadlines:index", "capability": "regions", "order": 75}
