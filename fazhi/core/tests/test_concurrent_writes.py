"""Several people saving at the same moment wait for each other; none gets a 500.

On the embedded SQLite database two transactions that both read and then write
used to fail with "database is locked": the settings now open write
transactions with BEGIN IMMEDIATE, in WAL mode, with a busy timeout.
"""

import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from fazhi.core.models import Counter
from fazhi.core.tests.concurrency import run_at_once


def test_the_embedded_database_is_set_up_for_concurrent_writers():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite settings only")
    options = database["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


@pytest.mark.django_db(transaction=True)
def test_threads_that_read_then_write_at_once_all_succeed():
    def save(index):
        with transaction.atomic():
            seen = Counter.objects.filter(key="writers").count()
            time.sleep(0.05)  # both have read: a deferred transaction would now deadlock
            Counter.objects.create(key="writers", year=2000 + index, last_value=seen)
        return index

    results = run_at_once(save, 8)
    assert results == list(range(8))
    seen = sorted(Counter.objects.filter(key="writers").values_list("last_value", flat=True))
    assert len(seen) == 8
    if connection.vendor == "sqlite":  # the write lock is taken at BEGIN: writers took turns
        assert seen == list(range(8))
