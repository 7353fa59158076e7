#!/usr/bin/env python
"""Spreadsheet import/export of the LKS registry on SQLite and PostgreSQL (issue 4, "Performance").

For each database, in a fresh database: generates an XLSX of --rows LKS (18 columns, every row valid, spread over
the desa/kelurahan of Kalimantan Selatan), then times
- the full import through the pipeline (read, validate with the services' rules, write in one transaction);
- the same file again (every row unchanged: the natural-key lookups and comparisons, no writes);
- the floor: reading the file alone (calamine) plus a raw batched INSERT of the same rows; ours as a multiple;
- export of the rows: streamed CSV and XLSX;
and prints rows/s and the process's peak memory.

Clients (100,000 rows, django-import-export comparison) are still to come: the people app's import columns are
not written yet (see the exchange report). Usage: .venv/bin/python bench/exchange.py [--rows 10000] [--sqlite-only]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://postgres@127.0.0.1:5432/sinergi_bench_exchange"

CODE = r"""
import io, json, os, random, resource, sys, time, datetime, tempfile
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from sinergi.regions.services import region_tree_load
region_tree_load(provinces=["63"])
import xlsxwriter
from python_calamine import CalamineWorkbook
from sinergi.core.downloads import table_write
from sinergi.exchange.columns import get_entity
from sinergi.exchange.pipeline import run_import
from sinergi.exchange.services import SystemActor
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region

rows_wanted = int(sys.argv[1])
rng = random.Random(4)
villages = list(Region.objects.filter(level=4, code__startswith="63.").values_list("code", flat=True))
headers = ["Nama LKS", "Jenis layanan utama", "Jenis layanan lain", "Bentuk layanan", "Kapasitas (orang)",
           "Bentuk badan hukum", "Berbadan hukum", "Alamat", "Kode wilayah", "Telepon", "Surel", "Nama pimpinan",
           "Nomor izin operasional", "Tanggal izin operasional", "Nomor tanda daftar", "Tanggal tanda daftar",
           "Peringkat akreditasi", "Tanggal akreditasi"]
kinds = ["anak", "lanjut_usia", "disabilitas", "napza", "lainnya"]
path = os.path.join(tempfile.mkdtemp(), "lks.xlsx")
book = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False})
sheet = book.add_worksheet("Data LKS")
sheet.write_row(0, 0, headers)
for i in range(rows_wanted):
    issued = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 1500))
    grade = rng.choice(["A", "B", "C", ""])
    sheet.write_row(i + 1, 0, [
        f"LKS Bench {i:06d}", rng.choice(kinds), rng.choice(["", "anak"]), "Dalam panti", rng.randint(5, 120),
        "Yayasan", "Ya", f"Jl. Bench No. {i}", rng.choice(villages), f"0811-{i:07d}", f"lks{i}@contoh.test",
        f"Pimpinan {i}", f"IO/{i:06d}/BENCH", issued.strftime("%d-%m-%Y"), f"TD/{i:06d}/BENCH",
        issued.isoformat(), grade, issued.strftime("%d/%m/%Y") if grade else "",
    ])
book.close()
entity = get_entity("lks")
actor = SystemActor()

def timed(dry_run=False):
    started = time.perf_counter()
    result = run_import(entity=entity, path=path, kind="xlsx", actor=actor, dry_run=dry_run)
    return time.perf_counter() - started, result

first, result = timed()
assert result.status == "succeeded" and result.created == rows_wanted, (result.message, result.problems[:3])
again, result2 = timed()
assert result2.unchanged == rows_wanted, result2.counts

# Floor: read the file, then one raw batched INSERT of the same values (no validation, no lookups).
started = time.perf_counter()
book = CalamineWorkbook.from_path(path)
raw_rows = list(book.get_sheet_by_index(0).iter_rows())[1:]
read_seconds = time.perf_counter() - started
columns = ["kind", "name", "care_setting", "legal_form", "has_legal_entity", "deed_number", "notary_name",
           "kemenkumham_number", "npwp", "address", "province_code", "regency_code", "district_code",
           "village_code", "phone", "email", "website", "head_name", "head_phone", "capacity", "permit_number",
           "permit_issuer", "registration_number", "registration_issuer", "accreditation_certificate_number",
           "status", "inactive_reason", "version", "created_at", "updated_at", "region_id"]
now = datetime.datetime.now(datetime.timezone.utc)
params = [("lks", r[0] + " raw", "residential", "yayasan", True, "", "", "", "", r[7], r[8][:2], r[8][:5],
           r[8][:8], r[8], r[9], r[10], "", r[11], "", int(r[4]), r[12] + "R", "", r[14] + "R", "", "", "draft", "",
           1, now, now, r[8]) for r in raw_rows]
sql = f"INSERT INTO organisations_organisation ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
started = time.perf_counter()
with connection.cursor() as cursor:
    for start in range(0, len(params), 1000):
        cursor.executemany(sql, params[start:start + 1000])
insert_seconds = time.perf_counter() - started

queryset = entity.export_queryset(actor=actor).filter(permit_number__endswith="/BENCH")
timings = {}
for fmt in ("csv", "xlsx"):
    started = time.perf_counter()
    with open(os.path.join(tempfile.mkdtemp(), f"out.{fmt}"), "wb") as handle:
        table_write(handle=handle, headers=[str(c.header) for c in entity.export_columns()],
                    rows=entity.export_rows(queryset.iterator(chunk_size=2000)), file_format=fmt)
    timings[fmt] = time.perf_counter() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import": first, "reimport": again, "read": read_seconds, "insert": insert_seconds,
                  "csv": timings["csv"], "xlsx": timings["xlsx"], "peak_mb": peak_mb,
                  "file_mb": os.path.getsize(path) / 1048576}))
"""


def run(database_url: str, rows: int) -> dict:
    env = os.environ | {"DATABASE_URL": database_url, "SINERGI_VAR_DIR": tempfile.mkdtemp()}
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(rows)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    targets = [("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")]
    if not args.sqlite_only:
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "sinergi_bench_exchange"])
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "sinergi_bench_exchange"], check=True)
        targets.append(("PostgreSQL", PG_URL))
    n = args.rows
    print(f"LKS import/export, {n:,} rows × 18 columns")
    for name, url in targets:
        r = run(url, n)
        floor = r["read"] + r["insert"]
        print(
            f"{name:<11} import {r['import']:.2f} s ({n / r['import']:,.0f} rows/s) · re-import (unchanged) "
            f"{r['reimport']:.2f} s ({n / r['reimport']:,.0f} rows/s) · floor (read {r['read']:.2f} s + raw insert "
            f"{r['insert']:.2f} s) = {floor:.2f} s → ours ×{r['import'] / floor:.1f} · export CSV {r['csv']:.2f} s, "
            f"XLSX {r['xlsx']:.2f} s · peak {r['peak_mb']:.0f} MB · file {r['file_mb']:.1f} MB"
        )


if __name__ == "__main__":
    main()
