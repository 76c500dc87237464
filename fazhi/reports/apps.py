from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    verbose_name = "年度报告"

    def ready(self):
        # Ledger imports write records with their history and audit entries in
        # bulk (fazhi/ledgers/bulk.py): the audit app's writers, wired here
        # because the ledgers package cannot import the audit app without a cycle.
        from fazhi.audit.bulk import bulk_create_audited, bulk_update_audited
        from fazhi.ledgers.bulk import use_writers

        use_writers(create=bulk_create_audited, update=bulk_update_audited)
