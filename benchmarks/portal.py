"""Throughput of the public portal next to a trivial view of the same server.

    .venv/bin/python benchmarks/portal.py [--seconds 5] [--workers 2] [--clients 8]

Builds a throw-away SQLite database, loads the regions, the accounts and the
村务公开 demo (2020, eight villages), starts gunicorn on 127.0.0.1 with the
benchmark settings (`benchmarks.portal_settings`: the product plus one trivial
view at /bench/trivial/, which the product's URLs never hold), then sends
requests from several client threads over keep-alive connections, first to
the trivial view, then to a village page of the portal, and prints requests
per second of each and their ratio. Goal: portal ≥ 0.5 × trivial (the portal
pages come from Django's cache once rendered).
"""

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SETTINGS = "benchmarks.portal_settings"


def prepare(var_dir: str) -> None:
    os.environ["FAZHI_VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from fazhi.accounts.demo import users
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD, DemoContext
    from fazhi.disclosure.demo import disclosure
    from fazhi.regions.demo import regions
    from fazhi.regions.models import Region

    context = DemoContext(password=DEFAULT_PASSWORD, say=lambda line: None)
    regions(context)
    users(context)
    context.town = Region.objects.get(code="500240105000")
    disclosure(context)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/bench/trivial/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer")


def hammer(port: int, path: str, seconds: float, clients: int) -> float:
    counts = [0] * clients
    errors = []
    stop = time.monotonic() + seconds

    def client(i):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
                return
            counts[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path} answered {errors[0]}")
    return sum(counts) / (time.monotonic() - started)


def control_socket_flags() -> list[str]:
    """`--no-control-socket` where gunicorn has a control socket (newer releases);
    23.0.0, the pinned one, opens none and does not know the flag."""
    help_text = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--help"], capture_output=True, text=True
    ).stdout
    return ["--no-control-socket"] if "--no-control-socket" in help_text else []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        prepare(var_dir)
        port = free_port()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "FAZHI_VAR_DIR": var_dir}
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "fazhi.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
                "--worker-class", "gthread", "--threads", "4", *control_socket_flags(),
                "--chdir", str(ROOT), "--log-level", "warning",
            ],
            env=env,
        )  # fmt: skip
        try:
            wait_until_up(port)
            village = "/gongkai/500240105002/"
            hammer(port, village, 1, args.clients)  # warm the cache of every worker
            trivial = hammer(port, "/bench/trivial/", args.seconds, args.clients)
            portal = hammer(port, village, args.seconds, args.clients)
        finally:
            server.terminate()
            server.wait(timeout=30)
    ratio = portal / trivial
    print(f"trivial view  /bench/trivial/      {trivial:8.1f} req/s")
    print(f"portal page   {village}  {portal:8.1f} req/s")
    print(f"ratio portal/trivial: {ratio:.2f} (goal ≥ 0.50)")


if __name__ == "__main__":
    main()
