"""The demo's commands refuse a real server's settings: the demo's users share a published password (fifty-first
review m5)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sinergi.accounts.models import User

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def real_server(settings):
    settings.SINERGI = {**settings.SINERGI, "DEMO_ALLOWED": False}


@pytest.mark.django_db
def test_load_demo_refuses_a_real_server_and_creates_nobody(real_server):
    with pytest.raises(CommandError, match="SINERGI_ALLOW_DEMO=1") as refused:
        call_command("load_demo", "--if-empty")
    assert "sinergi-demo-2025" in str(refused.value)
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_demo_totp_refuses_a_real_server(real_server):
    with pytest.raises(CommandError, match="SINERGI_ALLOW_DEMO=1"):
        call_command("demo_totp", "admin.provinsi")


def _load_demo(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SINERGI_", "DJANGO_"))} | {
        "SINERGI_VAR_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_settings_and_debug_off_turn_the_demo_off(tmp_path):
    production = _load_demo(
        tmp_path,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SINERGI_SECRET_KEY="uji-" + "k" * 60,
        SINERGI_FIELD_KEYS="a" * 43 + "=",
        SINERGI_HASH_KEY="uji-hash-key",
        SINERGI_BASE_URL="https://sinergi.example.org",
        # A leftover of development in the environment file does not turn it back on.
        SINERGI_DEBUG="1",
    )
    assert production.returncode != 0
    assert "Refused: these are a real server's settings" in production.stderr
    debug_off = _load_demo(tmp_path, DJANGO_SETTINGS_MODULE="config.settings.base", SINERGI_DEBUG="0")
    assert debug_off.returncode != 0
    assert "Refused: these are a real server's settings" in debug_off.stderr
