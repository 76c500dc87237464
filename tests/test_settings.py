"""Settings come from the environment, strictly; production values pass check --deploy."""

import os
import subprocess
import sys

import pytest


def _run(args, **env):
    environment = dict(os.environ)
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"):
        environment.pop(name, None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "fazhi.manage", *args],
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_values_pass_the_deploy_check(tmp_path):
    result = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="false",
        HTTPS="true",
        SECRET_KEY="x" * 20 + "-Qz9!prod-secret-key-long-enough-for-django-checks-1234567890",
        ALLOWED_HOSTS="fazhi.example.gov.cn",
        FAZHI_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "name, value", [("DEBUG", "maybe"), ("SESSION_IDLE_SECONDS", "half an hour")]
)
def test_a_bad_value_fails_loudly(tmp_path, name, value):
    result = _run(["check"], FAZHI_VAR_DIR=str(tmp_path), **{name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_the_secret_key_is_generated_into_var_and_reused(tmp_path):
    env = {"FAZHI_VAR_DIR": str(tmp_path)}
    os.environ.pop("SECRET_KEY", None)
    assert _run(["check"], **env).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) > 40
    assert _run(["check"], **env).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key
