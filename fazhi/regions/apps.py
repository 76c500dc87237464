from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "fazhi.regions"
    verbose_name = "行政区划与组织"
