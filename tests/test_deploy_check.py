"""`manage.py check --deploy` must be clean with the production settings (issue 2)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SINERGI_SECRET_KEY": "uji-" + "k" * 60,
        "SINERGI_FIELD_KEYS": "a" * 43 + "=",
        "SINERGI_HASH_KEY": "uji-hash-key",
        "SINERGI_ALLOWED_HOSTS": "sinergi.example.org",
        "SINERGI_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


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
