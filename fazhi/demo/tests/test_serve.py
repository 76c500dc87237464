"""`fazhi serve` (what `make run` starts) runs the background worker beside the
server and stops it with the server."""

import subprocess
import sys

import pytest

from fazhi.demo.management.commands import serve

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


@pytest.fixture
def fake_runserver(monkeypatch):
    seen = {}

    def runserver(name, addrport, *, use_reloader):
        seen.update(name=name, addrport=addrport, use_reloader=use_reloader)
        seen["worker_alive"] = [p.poll() is None for p in started]
        if seen.get("raise"):
            raise seen["raise"]

    started = []
    real_popen = subprocess.Popen

    def popen(command, *args, **kwargs):
        seen["command"] = command
        process = real_popen(SLEEPER, *args, **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(serve, "call_command", runserver)
    monkeypatch.setattr(serve.subprocess, "Popen", popen)
    monkeypatch.delenv("RUN_MAIN", raising=False)
    seen["started"] = started
    return seen


def test_the_worker_runs_while_the_server_runs_and_stops_with_it(fake_runserver):
    serve.Command().run_from_argv(["fazhi", "serve", "127.0.0.1:8123"])
    assert fake_runserver["command"][-1] == "db_worker"
    assert fake_runserver["name"] == "runserver" and fake_runserver["addrport"] == "127.0.0.1:8123"
    assert fake_runserver["worker_alive"] == [True]
    assert [p.poll() is not None for p in fake_runserver["started"]] == [True]


def test_the_worker_stops_when_the_server_is_interrupted(fake_runserver):
    fake_runserver["raise"] = KeyboardInterrupt()
    serve.Command().run_from_argv(["fazhi", "serve", "--noreload"])
    assert fake_runserver["use_reloader"] is False
    assert all(p.poll() is not None for p in fake_runserver["started"])


def test_the_reloaders_child_starts_no_second_worker(fake_runserver, monkeypatch):
    monkeypatch.setenv("RUN_MAIN", "true")
    serve.Command().run_from_argv(["fazhi", "serve"])
    assert fake_runserver["name"] == "runserver"
    assert fake_runserver["started"] == []


def test_the_worker_command_is_the_projects_db_worker():
    command = serve.worker_command()
    result = subprocess.run([*command[:-1], "help", "db_worker"], capture_output=True, text=True)
    assert result.returncode == 0 and "db_worker" in result.stdout
