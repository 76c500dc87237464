"""Time a 10,000-row ledger import, dry run and import, on a throw-away database.

    .venv/bin/python benchmarks/import.py [--rows 10000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fazhi .venv/bin/python benchmarks/import.py

Builds a throw-away SQLite database in a temporary directory, or, with
DATABASE_URL, a fresh test database beside the one named (test_<name>, dropped
at the end); loads the demo; writes a 10,000-row dispute ledger and a
10,000-row activity ledger for 黄水镇 with the product's own workbook writer;
then imports each into the town as its officer, first as a dry run, then for
real, and prints rows/s (and the CPU time of this process, the figure to read
on a machine shared with other work; the database server's time is in the
wall-clock figure only). Goal: ≥ 5,000 rows/s for every run (issue 18), the
file's reading and header matching included.
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL = 5_000  # rows per second
TOWN = "500240105000"


def setup(var_dir: str):
    """Django set up on a fresh database with the demo; returns a teardown."""
    os.environ.setdefault("FAZHI_VAR_DIR", var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    teardown = lambda: None  # noqa: E731 - the SQLite file goes with the directory
    if connection.vendor != "sqlite":
        name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        teardown = lambda: connection.creation.destroy_test_db(name, verbosity=0)  # noqa: E731
    else:
        call_command("migrate", verbosity=0)
    call_command("loaddemo", stdout=StringIO())
    return teardown


def _workbook(ledger, rows) -> bytes:
    from fazhi.ledgers.writer import Layout, workbook_bytes

    layout = Layout(sheet=ledger.title, headers=[column.header for column in ledger.columns])
    return workbook_bytes(layout, rows)


def dispute_rows(count: int, villages, organisations: dict, types: list[str]):
    from fazhi.disputes.demo import demo_id_number

    first = date(2016, 1, 1)
    for n in range(count):
        village = villages[n % len(villages)]
        registered = first + timedelta(days=n % 3500)
        concluded = n % 3 == 0
        yield [
            "",  # 编号: numbered by the import
            registered,
            village.name,
            "排查发现",
            types[n % len(types)],
            f"{village.name}第{n}号纠纷：两户因宅基地界址发生争执",
            2,
            1000 + n % 500,
            "一般",
            organisations.get(village.pk, ""),
            registered + timedelta(days=1),
            "已办结" if concluded else "已登记",
            "调解成功" if concluded else "",
            registered + timedelta(days=5) if concluded else None,
            f"张某{n}（申请人）、李某{n}（被申请人）",
            f"{demo_id_number('19800101', n % 900)}、{demo_id_number('19850505', n % 900)}",
        ]


def activity_rows(count: int, villages):
    first = date(2016, 1, 1)
    for n in range(count):
        village = villages[n % len(villages)]
        yield [
            first + timedelta(days=n % 3500),
            f"第{n}期宪法进村宣讲",
            f"{village.name}村委会",
            f"{village.name}、{villages[(n + 1) % len(villages)].name}",
            "专题讲座",
            "否",
            50 + n % 100,
            100 + n % 50,
            village.name,
        ]


def timed(ledger, data: bytes, *, user, region, dry_run: bool):
    from fazhi.ledgers.io import import_workbook

    start, cpu = time.perf_counter(), time.process_time()
    result = import_workbook(
        ledger=ledger, file=BytesIO(data), user=user, region=region, dry_run=dry_run
    )
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if not result.ok:
        raise SystemExit(f"{ledger.title} import failed: {result.errors[:5]}")
    return result, seconds, cpu


def measure(ledger, data: bytes, rows: int, *, user, region) -> bool:
    from fazhi.audit.models import AuditEntry

    met = True
    for dry_run in (True, False):
        before = AuditEntry.objects.count()
        result, seconds, cpu = timed(ledger, data, user=user, region=region, dry_run=dry_run)
        rate = rows / seconds
        met &= rate >= GOAL
        what = "dry run" if dry_run else "import "
        print(
            f"  {what}: {seconds:6.2f} s, {rate:8.0f} rows/s "
            f"(this process's CPU: {cpu:.2f} s, {rows / cpu:.0f} rows/s) "
            f"({result.count('created')} new, {AuditEntry.objects.count() - before} audit entries)"
            f" {'goal met' if rate >= GOAL else 'goal NOT met'}"
        )
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as var_dir:
        teardown = setup(var_dir)
        try:
            from django.db import connection

            from fazhi.accounts.models import User
            from fazhi.disputes.models import DisputeType
            from fazhi.ledgers.base import get_ledger
            from fazhi.regions.models import Organisation, Region

            town = Region.objects.get(code=TOWN)
            villages = list(Region.objects.filter(parent=town).order_by("code"))
            officer = User.objects.get(username="hs_officer")
            organisations = {
                o.region_id: o.name
                for o in Organisation.objects.filter(
                    region__in=villages, name__endswith="人民调解委员会"
                )
            }
            types = list(DisputeType.objects.filter(active=True).values_list("name", flat=True))
            print(f"{connection.vendor}, {args.rows} rows per ledger, goal ≥ {GOAL} rows/s")
            met = True
            for key, rows in (
                ("disputes.cases", dispute_rows(args.rows, villages, organisations, types)),
                ("publicity.activities", activity_rows(args.rows, villages)),
            ):
                ledger = get_ledger(key)
                start = time.perf_counter()
                data = _workbook(ledger, rows)
                print(
                    f"{ledger.title}: workbook written in {time.perf_counter() - start:.2f} s "
                    f"({len(data) // 1024} KB)"
                )
                met &= measure(ledger, data, args.rows, user=officer, region=town)
            print(f"goal (≥ {GOAL} rows/s, dry run and import):", "met" if met else "NOT met")
        finally:
            teardown()


if __name__ == "__main__":
    main()
