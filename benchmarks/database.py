"""A throw-away database for one benchmark run.

SQLite: a file in a temporary directory (FAZHI_VAR_DIR, which also holds the
run's secret and encryption keys). PostgreSQL, when DATABASE_URL is set: a
fresh database named fazhi_bench_<pid> on the same server, dropped at the end.
"""

import contextlib
import os
import tempfile
from urllib.parse import urlsplit, urlunsplit


def _pg_admin(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


@contextlib.contextmanager
def throwaway(prefix: str = "fazhi-bench-"):
    """Set FAZHI_VAR_DIR (and DATABASE_URL for PostgreSQL) for this process and its children."""
    with tempfile.TemporaryDirectory(prefix=prefix) as var_dir:
        saved = {key: os.environ.get(key) for key in ("FAZHI_VAR_DIR", "DATABASE_URL")}
        os.environ["FAZHI_VAR_DIR"] = var_dir
        url = saved["DATABASE_URL"]
        name = None
        try:
            if url and url.startswith(("postgres://", "postgresql://")):
                name = f"fazhi_bench_{os.getpid()}"
                with _pg_admin(url) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
                    connection.execute(f'CREATE DATABASE "{name}"')
                parts = urlsplit(url)
                os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path="/" + name))
            yield describe()
        finally:
            if name is not None:
                _close_django_connections()
                with _pg_admin(url) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def describe() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def _close_django_connections() -> None:
    with contextlib.suppress(Exception):
        from django.db import connections

        connections.close_all()
