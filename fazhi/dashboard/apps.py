from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "fazhi.dashboard"
    verbose_name = "驾驶舱"
    nav = {"label": "首页", "url": "home", "capability": "dashboard", "order": 0}
