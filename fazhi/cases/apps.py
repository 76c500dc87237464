from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "fazhi.cases"
    verbose_name = "行政诉讼复议裁决"
