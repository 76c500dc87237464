"""The cockpit and the county roll-up under a bounded loopback load, next to a
trivial view of the same server.

    .venv/bin/python benchmarks/cockpit.py [--towns 30 --villages 10 --years 10] [--small]

Builds a throw-away database (as benchmarks/pages.py does), loads the demo and
the synthetic county, counts each page's SQL queries in-process, then starts
gunicorn (`--no-control-socket`) and requests 黄水镇's cockpit (as its leader
and as the county administrator), the roll-up ranked by reach per head and the
dashboard API. Prints p50/p95 and the ratio to the trivial view's p95; the goal
is p95 ≤ 150 ms at county scale. The load runs with the product's settings, so
the figures come from the cache after the first request of each worker
(DASHBOARD_CACHE_SECONDS; set it to 0 in the environment to time cold pages);
the query counts are those of a cold page.
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.pages import (  # noqa: E402
    GOAL_MS,
    Server,
    call,
    django_setup,
    measure,
    parse_args,
    percentile,
)

YEAR = 2020
# user, label, path ({town} is 黄水镇's primary key)
PAGES = [
    ("hs_leader", "首页 leader's cockpit", f"/?year={YEAR}"),
    ("hs_officer", "驾驶舱 town cockpit", f"/dashboard/town/{{town}}/?year={YEAR}"),
    ("county_admin", "驾驶舱 town cockpit", f"/dashboard/town/{{town}}/?year={YEAR}"),
    (
        "county_admin",
        "全县汇总 roll-up",
        f"/dashboard/county/?year={YEAR}&by=assessment.person_times_per_head",
    ),
    ("county_admin", "API figures", f"/api/v1/dashboard/figures/?year={YEAR}"),
]


def town_pk() -> int:
    from fazhi.regions.models import Region

    return Region.objects.get(code="500240105000").pk


def query_counts() -> list[int]:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from fazhi.accounts.models import User

    found = []
    town = town_pk()
    for username, _, path in PAGES:
        client = Client()
        client.force_login(User.objects.get(username=username))
        cold = override_settings(DASHBOARD_CACHE_SECONDS=0)  # count what a cold page runs
        with cold, CaptureQueriesContext(connection) as queries:
            status = client.get(path.format(town=town)).status_code
        found.append(len(queries) if status == 200 else -status)
    return found


def main(argv=None) -> None:
    from benchmarks.database import throwaway

    args = parse_args(argv)
    with throwaway() as vendor:
        django_setup()
        call("migrate", verbosity=0)
        call("loaddemo")
        demo = query_counts()
        start = time.monotonic()
        call("loadsynthetic", towns=args.towns, villages=args.villages, years=args.years,
             seed=args.seed, last_year=YEAR)  # fmt: skip
        built = time.monotonic() - start
        county = query_counts()
        town = town_pk()
        from django.db import connections

        connections.close_all()
        print(
            f"{vendor}, {args.towns} towns × {args.villages} villages × {args.years} years "
            f"(to {YEAR}), built in {built:.0f} s",
            flush=True,
        )
        server = Server(workers=args.workers)
        try:
            trivial, _ = measure(
                server, "/bench/trivial/", requests=args.requests, concurrency=args.concurrency
            )
            trivial_p95 = percentile(trivial, 0.95)
            print(
                f"\ntrivial view: p50 {statistics.median(trivial):.1f} ms, p95 {trivial_p95:.1f} ms\n"
            )
            print(
                f"| user | page | p50 ms | p95 ms | p95 ÷ trivial | queries demo → county | goal (≤ {GOAL_MS} ms) |"
            )
            print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
            cookies = {}
            for (username, label, path), before, after in zip(PAGES, demo, county, strict=True):
                if username not in cookies:
                    cookies[username] = server.login(username)
                ms, errors = measure(
                    server,
                    path.format(town=town),
                    cookie=cookies[username],
                    requests=args.requests,
                    concurrency=args.concurrency,
                )
                p95 = percentile(ms, 0.95)
                goal = "met" if p95 <= GOAL_MS and not errors else "NOT met"
                if errors:
                    goal += f" ({errors} errors)"
                print(
                    f"| {username} | {label} | {statistics.median(ms):.0f} | {p95:.0f} | "
                    f"{p95 / trivial_p95:.1f}× | {before} → {after} | {goal} |",
                    flush=True,
                )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
