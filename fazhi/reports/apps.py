from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    verbose_name = "年度报告"
    nav = {"label": "年度报告", "url": "reports:index", "capability": "reports", "order": 90}

    def ready(self):
        # Each capability's `report.py` registers its paragraphs, candidates and
        # ledgers (see fazhi/reports/contrib.py and fazhi/ledgers/__init__.py).
        autodiscover_modules("report")
