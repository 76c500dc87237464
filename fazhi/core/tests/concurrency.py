"""Run one piece of work in several threads at the same moment, on a real database.

The SQLite test database lives in memory with a shared cache, where SQLite
reports a lock at once instead of waiting: nothing like the file a town runs
on. So on SQLite the threads work on a file copy of the test database, opened
with the product's own connection options (WAL, busy timeout, IMMEDIATE), and
the result is copied back for the test to look at. On PostgreSQL the threads
use the test database itself, each through its own connection.
"""

import sqlite3
import tempfile
import threading
from pathlib import Path

from django.db import connections
from django.db.utils import load_backend


def run_at_once(work, times: int) -> list:
    """Call `work(index)` in `times` threads released together; results or raised errors."""
    connection = connections["default"]
    connection.ensure_connection()
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "db.sqlite3"
            _copy(connection.connection, path, into_file=True)
            settings = {**connection.settings_dict, "NAME": str(path)}
            results = _threads(work, times, settings)
            _copy(connection.connection, path, into_file=False)
        return results
    return _threads(work, times, None)


def _copy(memory, path: Path, *, into_file: bool) -> None:
    other = sqlite3.connect(path)
    try:
        if into_file:
            memory.backup(other)
            other.execute("PRAGMA journal_mode=WAL")
        else:
            other.backup(memory)
    finally:
        other.close()


def _threads(work, times: int, settings: dict | None) -> list:
    barrier = threading.Barrier(times)
    results: list = [None] * times

    def run(index):
        if settings is not None:
            backend = load_backend(settings["ENGINE"])
            connections["default"] = backend.DatabaseWrapper(settings, "default")
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread met
            results[index] = error
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
