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
        # Ledger imports write records with their history and audit entries in
        # bulk (fazhi/ledgers/bulk.py): the audit app's writers, wired here
        # because the ledgers package cannot import the audit app without a cycle.
        from fazhi.audit.bulk import bulk_create_audited, bulk_update_audited
        from fazhi.ledgers.bulk import use_writers

        use_writers(create=bulk_create_audited, update=bulk_update_audited)
