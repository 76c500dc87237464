"""Page and API latency under a bounded loopback load, next to a trivial view.

    .venv/bin/python benchmarks/pages.py [--towns 30 --villages 10 --years 10] [--small]

Builds a throw-away database (SQLite in a temporary directory, or a fresh
PostgreSQL database when DATABASE_URL is set), migrates it, loads the demo,
counts the SQL queries of each page in-process (django.test.Client), loads
the synthetic county (`fazhi loadsynthetic`), counts again, then starts
gunicorn (2 sync workers, `--no-control-socket`) on a free loopback port and
requests each page at concurrency 4 as the county administrator and as
黄水镇's officer. Prints p50/p95 per page, the ratio of its p95 to the trivial
view's p95 in the same run, and the goal: p95 ≤ 5× trivial and ≤ 150 ms.
"""

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_RATIO = 5
GOAL_MS = 150
PASSWORD = "Huangshui@2020"
USERS = [("county_admin", "县级管理员（全县）"), ("hs_officer", "黄水镇法治专干")]
# label, path ({report} is 黄水镇's 2020 report)
PAGES = [
    ("首页 home", "/"),
    ("纠纷列表 disputes", "/disputes/"),
    ("法律明白人 list", "/publicity/understanders/"),
    ("案件 cases", "/cases/"),
    ("法律顾问 legal", "/legal/"),
    ("报告 report page", "/reports/{report}/"),
    ("API disputes", "/api/v1/disputes/"),
    ("API parties", "/api/v1/disputes/parties/"),
    ("API activities", "/api/v1/publicity/activities/"),
]


@dataclass
class Timing:
    user: str
    page: str
    path: str
    p50_ms: float
    p95_ms: float
    ratio: float
    errors: int

    @property
    def met(self) -> bool:
        return self.errors == 0 and self.ratio <= GOAL_RATIO and self.p95_ms <= GOAL_MS


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (p95 of 40 values is the 38th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil
    return ordered[int(rank) - 1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- the database and query counts, in-process -----------------------------------------


def django_setup() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()


def call(*args, **kwargs) -> None:
    from io import StringIO

    from django.core.management import call_command

    call_command(*args, stdout=StringIO(), **kwargs)


def report_pk() -> int:
    from fazhi.reports.models import Report

    return Report.objects.filter(region__code="500240105000", year=2020).values_list(
        "pk", flat=True
    )[0]


def query_counts() -> dict[str, dict[str, int]]:
    """SQL queries per page and user, through django.test.Client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from fazhi.accounts.models import User

    counts = {}
    report = report_pk()
    for username, _ in USERS:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for label, path in PAGES:
            url = path.format(report=report)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            status = response.status_code
            counts.setdefault(label, {})[username] = len(queries) if status == 200 else -status
    return counts


# ---- the load, over HTTP against gunicorn ------------------------------------------------


class Server:
    def __init__(self, *, workers: int):
        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "fazhi.wsgi:application",
            "--no-control-socket",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{self.port}",
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
        self.process = subprocess.Popen(command, env=env, cwd=ROOT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/bench/trivial/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer within 60 s")

    def request(self, method, path, *, cookie="", body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            all_headers = {"Cookie": cookie, **(headers or {})}
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            data = response.read()
            return response.status, response.getheaders(), data
        finally:
            connection.close()

    def get(self, path, cookie=""):
        status, _, data = self.request("GET", path, cookie=cookie)
        return status, data

    def login(self, username: str) -> str:
        """The session cookie of `username`, logged in through the login form."""
        status, headers, data = self.request("GET", "/accounts/login/")
        csrf = _cookie(headers, "csrftoken")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)[1].decode()
        body = urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
        status, headers, _ = self.request(
            "POST",
            "/accounts/login/",
            cookie=f"csrftoken={csrf}",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        session = _cookie(headers, "sessionid")
        if status != 302 or not session:
            raise RuntimeError(f"login of {username} failed ({status})")
        return f"sessionid={session}; csrftoken={csrf}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _cookie(headers, name: str) -> str:
    for key, value in headers:
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return ""


def measure(server: Server, path: str, *, cookie="", requests: int, concurrency: int):
    """Latencies (ms) of `requests` GETs of `path`, `concurrency` at a time; and the errors."""

    def one(_):
        start = time.perf_counter()
        status, _ = server.get(path, cookie)
        return (time.perf_counter() - start) * 1000, status

    for _ in range(2):  # warm each worker's caches
        server.get(path, cookie)
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(one, range(requests)))
    errors = sum(1 for _, status in results if status != 200)
    return [ms for ms, _ in results], errors


def load(*, requests: int, concurrency: int, workers: int) -> tuple[dict, list[Timing]]:
    report = report_pk()
    server = Server(workers=workers)
    try:
        trivial_ms, errors = measure(
            server, "/bench/trivial/", requests=requests, concurrency=concurrency
        )
        trivial = {
            "p50_ms": statistics.median(trivial_ms),
            "p95_ms": percentile(trivial_ms, 0.95),
            "errors": errors,
        }
        timings = []
        for username, _ in USERS:
            cookie = server.login(username)
            for label, path in PAGES:
                url = path.format(report=report)
                ms, errors = measure(
                    server, url, cookie=cookie, requests=requests, concurrency=concurrency
                )
                p95 = percentile(ms, 0.95)
                timings.append(
                    Timing(
                        user=username,
                        page=label,
                        path=url,
                        p50_ms=statistics.median(ms),
                        p95_ms=p95,
                        ratio=p95 / trivial["p95_ms"],
                        errors=errors,
                    )
                )
    finally:
        server.stop()
    return trivial, timings


# ---- output -----------------------------------------------------------------------------


def timing_table(trivial: dict, timings: list[Timing]) -> str:
    lines = [
        f"trivial view: p50 {trivial['p50_ms']:.1f} ms, p95 {trivial['p95_ms']:.1f} ms",
        "",
        f"| user | page | p50 ms | p95 ms | p95 ÷ trivial | goal (≤ {GOAL_RATIO}×, ≤ {GOAL_MS} ms) |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for t in timings:
        goal = "met" if t.met else "NOT met"
        if t.errors:
            goal += f" ({t.errors} errors)"
        lines.append(
            f"| {t.user} | {t.page} | {t.p50_ms:.0f} | {t.p95_ms:.0f} | {t.ratio:.1f}× | {goal} |"
        )
    return "\n".join(lines)


def query_table(demo: dict, county: dict) -> str:
    lines = [
        "| page | queries, county_admin: demo → county | hs_officer: demo → county | constant |",
        "| --- | ---: | ---: | --- |",
    ]
    for label, _ in PAGES:
        cells, constant = [], True
        for username, _ in USERS:
            before, after = demo[label][username], county[label][username]
            cells.append(f"{before} → {after}")
            constant = constant and before == after
        lines.append(f"| {label} | {cells[0]} | {cells[1]} | {'yes' if constant else 'no'} |")
    return "\n".join(lines)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=30)
    parser.add_argument("--villages", type=int, default=10)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="2 towns × 3 villages × 2 years")
    parser.add_argument("--requests", type=int, default=40, help="requests per page and user")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.small:
        args.towns, args.villages, args.years = 2, 3, 2
        args.requests = min(args.requests, 20)
    return args


def main(argv=None) -> None:
    from benchmarks.database import throwaway

    args = parse_args(argv)
    with throwaway() as vendor:
        django_setup()
        call("migrate", verbosity=0)
        call("loaddemo")
        demo = query_counts()
        start = time.monotonic()
        call(
            "loadsynthetic",
            towns=args.towns,
            villages=args.villages,
            years=args.years,
            seed=args.seed,
        )
        built = time.monotonic() - start
        county = query_counts()
        from fazhi.disputes.models import Dispute, Party

        size = (
            f"{args.towns} towns × {args.villages} villages × {args.years} years: "
            f"{Dispute.objects.count():,} disputes, {Party.objects.count():,} parties; "
            f"built in {built:.0f} s"
        )
        print(f"{vendor}, {size}", flush=True)
        from django.db import connections

        connections.close_all()
        trivial, timings = load(
            requests=args.requests, concurrency=args.concurrency, workers=args.workers
        )
    print(
        f"\n### Pages and API ({vendor}, gunicorn -w {args.workers}, concurrency "
        f"{args.concurrency}, {args.requests} requests per page)\n"
    )
    print(timing_table(trivial, timings))
    print(f"\n### SQL queries per page ({vendor}): demo → {args.towns} towns\n")
    print(query_table(demo, county))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "database": vendor,
                    "size": size,
                    "trivial": trivial,
                    "timings": [asdict(t) | {"met": t.met} for t in timings],
                    "queries": {"demo": demo, "county": county},
                },
                ensure_ascii=False,
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
