"""`manage.py check --deploy` must be clean with the production settings (issue 2)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_env(var_dir: Path) -> dict[str, str]:
    """The environment of a deployment: the production settings and their required keys."""
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SINERGI_SECRET_KEY": "uji-" + "k" * 60,
        "SINERGI_FIELD_KEYS": "a" * 43 + "=",
        "SINERGI_HASH_KEY": "uji-hash-key",
        "SINERGI_ALLOWED_HOSTS": "sinergi.example.org",
        "SINERGI_BASE_URL": "https://sinergi.example.org",
        "SINERGI_VAR_DIR": str(var_dir),
    }


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_static_files_collect_with_the_production_storage(tmp_path):
    """collectstatic of the deployment (hashed names, compressed ahead of time) fails on a reference to a missing
    file, such as the source maps that vendored libraries point to."""
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "vendor/chartjs/chart.umd.min.js" in manifest and "exchange/upload.js" in manifest
    assert list((tmp_path / "static" / "vendor" / "htmx").glob("htmx.min.*.js.gz"))


def test_production_refuses_to_start_without_its_keys(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SINERGI_")} | {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SINERGI_SECRET_KEY": "uji-" + "k" * 60,
        "SINERGI_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SINERGI_FIELD_KEYS must be set in production" in result.stderr


def test_production_refuses_to_start_without_an_https_base_url(tmp_path):
    """The invitations' RSVP and check-in links are built on SINERGI_BASE_URL: unset, they led to 127.0.0.1
    (fifty-first review m9)."""
    for value in (None, "", "http://sinergi.example.org", "sinergi.example.org", "https://"):
        env = production_env(tmp_path)
        if value is None:
            del env["SINERGI_BASE_URL"]
        else:
            env["SINERGI_BASE_URL"] = value
        result = subprocess.run(
            [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode != 0, value
        assert "SINERGI_BASE_URL must be set in production to the https:// address" in result.stderr, value


def test_production_base_url_is_kept_without_a_trailing_slash(tmp_path):
    env = production_env(tmp_path) | {"SINERGI_BASE_URL": "https://sinergi.example.org/"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.SINERGI['BASE_URL'])",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1] == "https://sinergi.example.org", result.stderr
