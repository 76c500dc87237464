from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "fazhi.regions"
    verbose_name = "行政区划与组织"
    nav = {"label": "区划与组织", "url": "regions:list", "capability": "regions", "order": 70}
