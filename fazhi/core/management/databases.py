"""Each database's own dump and restore tools behind one small interface.

A backup must be consistent while the server keeps running, and it must never
pass personal data through Python in clear (`dumpdata` would decrypt every
encrypted field on the way out). So the dump is made by the database itself:
SQLite's online backup API, or PostgreSQL's `pg_dump` in custom format inside
the very snapshot in which the row counts of the manifest are taken. Restoring
is one transaction on both: SQLite's backup API copies every page in one step,
`pg_restore --single-transaction` rolls back on the first error.
"""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
DUMP_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class DatabaseToolError(Exception):
    """A dump or restore the database's own tools could not do; the message is for people."""


@dataclass(frozen=True)
class Snapshot:
    """What one consistent read of the database saw."""

    row_counts: dict[str, int]
    migrations: list[tuple[str, str]]


def vendor_name(vendor: str) -> str:
    return VENDOR_NAMES.get(vendor, vendor)


def require_supported(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor not in DUMP_FILES:
        raise DatabaseToolError(
            f"不支持备份 {connection.vendor} 数据库：fazhi backup 只支持 SQLite 和 PostgreSQL。"
        )
    if connection.in_atomic_block:
        raise DatabaseToolError("备份和恢复不能在数据库事务中进行。")


def database_dump(*, connection: BaseDatabaseWrapper, target: Path) -> Snapshot:
    """Write the whole database to `target` and return what that copy holds."""
    require_supported(connection)
    if connection.vendor == "sqlite":
        return _sqlite_dump(connection, target)
    return _postgresql_dump(connection, target)


def database_restore(*, connection: BaseDatabaseWrapper, source: Path) -> None:
    """Replace the whole database by the dump at `source`, all or nothing."""
    require_supported(connection)
    if connection.vendor == "sqlite":
        _sqlite_restore(connection, source)
    else:
        _postgresql_restore(connection, source)


def database_read(*, connection: BaseDatabaseWrapper) -> Snapshot:
    """Row counts and applied migrations of the live database, as a restore left it."""
    require_supported(connection)
    with connection.cursor() as cursor:
        return Snapshot(
            row_counts=_row_counts(cursor, connection, _table_names(cursor, connection.vendor)),
            migrations=_migrations(cursor, connection),
        )


# SQLite ---------------------------------------------------------------------


def _sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> Snapshot:
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        # One step (pages=-1): the whole file is read under one read lock, so
        # the copy is consistent even while other processes write (WAL).
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        cursor = copy.cursor()
        tables = _table_names(cursor, "sqlite")
        return Snapshot(
            row_counts={
                table: cursor.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                for table in tables
            },
            migrations=_sqlite_migrations(cursor, tables),
        )


def _sqlite_migrations(cursor, tables: list[str]) -> list[tuple[str, str]]:
    if "django_migrations" not in tables:
        return []
    rows = cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [(app, name) for app, name in rows.fetchall()]


def _sqlite_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as dump:
        # One step: SQLite writes every page of the target in one transaction,
        # so a failure leaves the live database as it was.
        dump.backup(connection.connection)


# PostgreSQL -------------------------------------------------------------------


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise DatabaseToolError(
            f"找不到 PostgreSQL 的 {name} 命令：请在本机安装与数据库服务器同一主版本的"
            f" PostgreSQL 客户端（Debian：apt-get install postgresql-client），并确保 {name} 在 PATH 中。"
        )
    return path


def _postgresql_command(connection: BaseDatabaseWrapper) -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump / pg_restore (password in the environment)."""
    settings_dict = connection.settings_dict
    _, env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    args = ["--no-password"]  # never wait for a prompt under cron
    if settings_dict.get("USER"):
        args.append(f"--username={settings_dict['USER']}")
    if settings_dict.get("HOST"):
        args.append(f"--host={settings_dict['HOST']}")
    if settings_dict.get("PORT"):
        args.append(f"--port={settings_dict['PORT']}")
    if settings_dict.get("NAME"):
        args.append(f"--dbname={settings_dict['NAME']}")
    return args, {**os.environ, **(env or {})}


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        detail = (finished.stderr or finished.stdout).strip()[-2000:]
        raise DatabaseToolError(
            f"{what}失败（{Path(command[0]).name} 退出码 {finished.returncode}）：{detail}"
        )


def _postgresql_dump(connection: BaseDatabaseWrapper, target: Path) -> Snapshot:
    pg_dump = _tool("pg_dump")
    args, env = _postgresql_command(connection)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot_id,) = cursor.fetchone()
        snapshot = Snapshot(
            row_counts=_row_counts(cursor, connection, _table_names(cursor, "postgresql")),
            migrations=_migrations(cursor, connection),
        )
        # pg_dump reads the snapshot this transaction exported: the dump holds
        # exactly the rows just counted, whatever the server does meanwhile.
        _run(
            [pg_dump, "--format=custom", f"--snapshot={snapshot_id}", f"--file={target}", *args],
            env,
            "数据库导出",
        )
    return snapshot


def _postgresql_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    pg_restore = _tool("pg_restore")
    args, env = _postgresql_command(connection)
    connection.close()  # hold no lock or cached plan across the tables being replaced
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(source),
        ],
        env,
        "数据库恢复（数据库未改变）",
    )


def postgresql_tables(*, connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        return _table_names(cursor, "postgresql")


# Both -----------------------------------------------------------------------------


def _table_names(cursor, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
    else:
        cursor.execute(
            "SELECT tablename FROM pg_catalog.pg_tables"
            " WHERE schemaname = ANY (current_schemas(false)) ORDER BY tablename"
        )
    return [name for (name,) in cursor.fetchall()]


def _row_counts(cursor, connection: BaseDatabaseWrapper, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _migrations(cursor, connection: BaseDatabaseWrapper) -> list[tuple[str, str]]:
    if "django_migrations" not in _table_names(cursor, connection.vendor):
        return []
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [(app, name) for app, name in cursor.fetchall()]
