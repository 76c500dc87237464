"""Run every benchmark against databases they build, and write the results into
docs/performance.md between the markers.

    .venv/bin/python benchmarks/run_all.py [--towns 30 --villages 10 --years 10] [--small]

Runs benchmarks/pages.py and benchmarks/cockpit.py (with the sizes given),
benchmarks/report.py, and
benchmarks/import.py when it exists, each in its own process with its own
throw-away database (a fresh PostgreSQL database when DATABASE_URL is set).
Each one's output goes into the section of docs/performance.md between
`<!-- results:<database>:begin -->` and `<!-- results:<database>:end -->`,
so an SQLite run and a PostgreSQL run sit side by side.
"""

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = (
        f", load average {os.getloadavg()[0]:.1f} at the start" if hasattr(os, "getloadavg") else ""
    )
    return f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}{load}"


def run(script: str, args: list[str], *, fenced: bool = True) -> str:
    """Run one benchmark; its output as Markdown (plain text fenced, tables as they are)."""
    command = [sys.executable, str(ROOT / "benchmarks" / script), *args]
    print("$", " ".join(command[1:]), flush=True)
    start = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = done.stdout.strip()
    print(output, flush=True)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr, flush=True)
        output += f"\n\n(failed with exit status {done.returncode}; see stderr)"
    if fenced:
        output = f"```\n{output}\n```"
    command_line = " ".join(["benchmarks/" + script, *args])
    return f"`{command_line}` ({time.monotonic() - start:.0f} s)\n\n{output}"


def replace_between(text: str, key: str, body: str) -> str:
    """`text` with what lies between the two markers of `key` replaced (appended if missing)."""
    begin, end = f"<!-- results:{key}:begin -->", f"<!-- results:{key}:end -->"
    block = f"{begin}\n{body.strip()}\n{end}"
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        return before + block + rest.split(end, 1)[1]
    return text.rstrip() + "\n\n" + block + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", default="30")
    parser.add_argument("--villages", default="10")
    parser.add_argument("--years", default="10")
    parser.add_argument("--requests", default="40")
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    database = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    sizes = ["--towns", args.towns, "--villages", args.villages, "--years", args.years]
    sizes += ["--requests", args.requests] + (["--small"] if args.small else [])
    sections = [
        f"Run on {date.today():%Y-%m-%d}, {database}, {machine()}.",
        run("pages.py", sizes, fenced=False),
        run("report.py", []),
        run("cockpit.py", sizes, fenced=False),
    ]
    if (ROOT / "benchmarks" / "import.py").exists():
        sections.append(run("import.py", []))
    if not args.no_write:
        text = DOC.read_text(encoding="utf-8")
        DOC.write_text(replace_between(text, database, "\n\n".join(sections)), encoding="utf-8")
        print(f"written to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
