from django.apps import AppConfig


class PublicityConfig(AppConfig):
    name = "fazhi.publicity"
    verbose_name = "普法宣传"
    nav = {"label": "普法宣传", "url": "publicity:index", "capability": "publicity", "order": 40}
