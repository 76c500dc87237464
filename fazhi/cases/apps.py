from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "fazhi.cases"
    verbose_name = "行政诉讼复议裁决"
    nav = {"label": "诉讼复议", "url": "cases:index", "capability": "cases", "order": 30}
