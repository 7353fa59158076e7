#!/usr/bin/env python
"""Spreadsheet import/export of the LKS registry on SQLite and PostgreSQL (issue 4, "Performance").

For each database, in a fresh database: generates an XLSX of --rows LKS (18 columns, every row valid, spread over
the desa/kelurahan of Kalimantan Selatan), then times
- the full import through the pipeline (read, validate with the services' rules, write in one transaction);
- the same file again (every row unchanged: the natural-key lookups and comparisons, no writes);
- the floor: reading the file alone (calamine) plus a raw batched INSERT of the same rows; ours as a multiple;
- export of the rows: streamed CSV and XLSX;
and prints rows/s and the process's peak memory.

Then the same for clients with their placement (--client-rows, 100,000 by default, 20 columns): see CLIENTS below.
Usage: .venv/bin/python bench/exchange.py [--rows 10000] [--client-rows 100000] [--sqlite-only] [--skip-lks]
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
# DEBUG off, as in production: with it on, Django formats and keeps every query it runs (ours and
# django-import-export's alike).
PRODUCTION_LIKE = {"SINERGI_DEBUG": "0"}

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
    env = os.environ | {"DATABASE_URL": database_url, "SINERGI_VAR_DIR": tempfile.mkdtemp(), **PRODUCTION_LIKE}
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(rows)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------- clients
# Each step runs in its own process, so that its peak memory (ru_maxrss) is its own. Steps share the database and
# the key files (SINERGI_VAR_DIR), so that a re-import finds the NIK hashes of the first import.
CLIENTS = r"""
import datetime, json, os, random, resource, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
django.setup()
from django.db import connection

step, path, rows_wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Tempat lahir", "NIK", "Nomor KK", "Kode desa asal",
           "Kategori PPKS", "Nama ibu kandung", "Nama ayah", "LKS", "Bentuk layanan", "Tanggal masuk",
           "Tanggal keluar", "Alasan keluar", "Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan",
           "Dasar pemrosesan", "Cakupan persetujuan"]
out = {}


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup():
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from sinergi.regions.services import region_tree_load
    region_tree_load(provinces=["63"])
    from sinergi.organisations.models import Organisation
    from sinergi.regions.models import Region
    from sinergi.vocabularies.models import Term
    rng = random.Random(7)
    villages = list(Region.objects.filter(level=4, code__startswith="63.").values_list("code", flat=True))
    kinds = {t.code: t for t in Term.objects.filter(vocabulary="lks_kind")}
    lks = []
    for i in range(300):
        village = rng.choice(villages)
        kind = "anak" if i % 20 < 14 else ("lanjut_usia" if i % 20 < 17 else "disabilitas")
        lks.append(Organisation(kind="lks", name=f"LKS Bench {i:03d}", primary_service_kind=kinds[kind],
                                status="active", region_id=village, province_code="63", regency_code=village[:5],
                                district_code=village[:8], village_code=village, care_setting="residential",
                                registration_number=f"TD/BENCH/{i:04d}", capacity=500))
    Organisation.objects.bulk_create(lks)
    if not os.path.exists(path):
        started = time.perf_counter()
        generate(rng, villages, [(o.registration_number, o.primary_service_kind.code) for o in lks])
        out["generate"] = time.perf_counter() - started
    out["file_mb"] = os.path.getsize(path) / 1048576


FIRST = ["Ahmad", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lestari",
         "Muhammad", "Nur", "Putri", "Rizky", "Siti", "Taufik", "Umi", "Wahyu", "Yusuf", "Zahra", "Aulia", "Bayu"]
LAST = ["Rahman", "Hidayat", "Saputra", "Lestari", "Wijaya", "Santoso", "Syahputra", "Anggraini", "Maulana",
        "Rahmawati", "Kurniawan", "Pratama", "Hasanah", "Fitriani", "Ramadhan", "Nugroho", "Susanti", "Firdaus"]
PLACES = ["Banjarmasin", "Banjarbaru", "Martapura", "Barabai", "Kandangan", "Rantau", "Pelaihari", "Kotabaru",
          "Tanjung", "Paringin", "Amuntai", "Marabahan", "Batulicin"]


def generate(rng, villages, lks):
    import xlsxwriter
    from sinergi.people.nik import nik_compose
    book = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False})
    dates = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet = book.add_worksheet("Data penerima layanan")
    sheet.write_row(0, 0, HEADERS)
    serials = {}
    today = datetime.date(2025, 6, 30)
    for i in range(1, rows_wanted + 1):
        number, kind = rng.choice(lks)
        admitted = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2300))
        low, high, category, giver = {"anak": (6, 16, "anak_telantar", "Orang tua"),
                                      "lanjut_usia": (60, 90, "lansia_telantar", "Yang bersangkutan"),
                                      "disabilitas": (18, 50, "penyandang_disabilitas", "Yang bersangkutan")}[kind]
        birth = admitted - datetime.timedelta(days=rng.randint(low * 366, high * 365))
        sex = rng.choice("LP")
        village = rng.choice(villages)
        key = (village[:8], birth, sex)
        serials[key] = serials.get(key, 0) + 1
        nik = nik_compose(district_code=village[:8], birth_date=birth, sex=sex, serial=serials[key])
        name = f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}"
        mother = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        discharged = admitted + datetime.timedelta(days=rng.randint(30, 700)) if rng.random() < 0.1 else None
        if discharged and discharged > today:
            discharged = None
        consent_on = admitted.strftime("%d-%m-%Y")
        sheet.write_row(i, 0, [name, sex])
        sheet.write_datetime(i, 2, birth, dates)
        sheet.write_row(i, 3, [rng.choice(PLACES), nik, f"63{rng.randrange(10**13, 10**14)}", village, category,
                               mother, f"{rng.choice(FIRST)} {rng.choice(LAST)}", number,
                               "Dalam panti (residensial)"])
        sheet.write_datetime(i, 12, admitted, dates)
        if discharged:
            sheet.write_datetime(i, 13, discharged, dates)
            sheet.write_string(i, 14, "Kembali ke keluarga")
        sheet.write_row(i, 15, [giver, mother if giver == "Orang tua" else name, consent_on, "Persetujuan yang sah",
                                "Pelayanan dan pengasuhan di LKS"])
    book.close()


def our_import(expect):
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.pipeline import run_import
    from sinergi.exchange.services import SystemActor
    from sinergi.people.models import Person, Placement, PlacementActive, PlacementMonthly
    from sinergi.people.summaries import summaries_rebuild
    out["baseline_mb"] = peak_mb()
    started = time.perf_counter()
    result = run_import(entity=get_entity("clients"), path=path, kind="xlsx", actor=SystemActor(), dry_run=False)
    out["seconds"] = time.perf_counter() - started
    out["peak_mb"] = peak_mb()
    assert result.status == "succeeded", (result.message, [p.as_list() for p in result.problems[:5]])
    out.update(created=result.created, unchanged=result.unchanged, warnings=len(result.warnings))
    assert getattr(result, expect) == rows_wanted, result.counts
    if expect == "created":
        assert Person.objects.count() == rows_wanted and Placement.objects.count() == rows_wanted
        # The summaries kept by the import must equal a rebuild from scratch.
        def rows():
            return (sorted(PlacementActive.objects.values_list("area_code", "ppks_code", "setting", "active")),
                    sorted(PlacementMonthly.objects.values_list("area_code", "month", "ppks_code", "setting",
                                                                "admissions", "discharges")))
        kept = rows()
        summaries_rebuild()
        out["summaries_equal_rebuild"] = kept == rows()


def floor():
    from python_calamine import CalamineWorkbook
    started = time.perf_counter()
    book = CalamineWorkbook.from_path(path)
    raw = list(book.get_sheet_by_index(0).iter_rows())[1:]
    out["read"] = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT registration_number, id FROM organisations_organisation")
        lks = dict(cursor.fetchall())
    now = datetime.datetime.now(datetime.timezone.utc)
    columns = ["organisation_id", "province_code", "regency_code", "full_name", "sex", "birth_date",
               "birth_date_estimated", "birth_place", "nik_encrypted", "nik_hash", "nik_masked", "nik_missing_reason",
               "kk_encrypted", "kk_hash", "kk_masked", "kk_missing_reason", "origin_region_id", "disability_type",
               "mother_name", "father_name", "guardian_name", "guardian_relation", "guardian_phone", "notes",
               "match_key", "is_restricted", "version", "created_at", "updated_at"]
    # The NIK and KK go (unencrypted, unhashed) into the indexed hash columns: the same index work as ours.
    params = [(lks[r[10]], "63", r[6][:5], r[0], r[1], r[2], False, r[3], "", r[4], "", "", "", r[5], "", "", r[6],
               "", r[8], r[9], "", "", "", "", "", False, 1, now, now) for r in raw]
    sql = f"INSERT INTO people_person ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    started = time.perf_counter()
    from django.db import transaction
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(params), 1000):
            cursor.executemany(sql, params[start:start + 1000])
    out["insert"] = time.perf_counter() - started
    out["peak_mb"] = peak_mb()


def export():
    # As the export view and `export_data` do: CSV through exports.csv_chunks (PostgreSQL's COPY where the entity
    # has it, else row by row), XLSX through table_write.
    import tempfile
    from sinergi.core.downloads import table_write
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.exports import csv_chunks
    from sinergi.exchange.services import SystemActor
    entity = get_entity("clients")
    actor = SystemActor()
    for fmt in ("csv", "xlsx"):
        started = time.perf_counter()
        queryset = entity.export_queryset(actor=actor, purpose="reporting")
        with open(os.path.join(tempfile.mkdtemp(), f"out.{fmt}"), "wb") as handle:
            if fmt == "csv":
                for chunk in csv_chunks(entity=entity, queryset=queryset, actor=actor, purpose="reporting"):
                    handle.write(chunk)
            else:
                table_write(handle=handle, headers=[str(c.header) for c in entity.export_columns()],
                            rows=entity.export_rows(queryset.iterator(chunk_size=2000)), file_format=fmt)
        out[fmt] = time.perf_counter() - started
    out["rows"] = queryset.count()
    out["peak_mb"] = peak_mb()


def die():
    try:
        import tablib
        from import_export import fields, resources, widgets
    except ImportError as error:
        out["error"] = f"django-import-export is not installed ({error})"
        return
    from python_calamine import CalamineWorkbook
    from sinergi.organisations.models import Organisation
    from sinergi.people.models import Person

    class PersonResource(resources.ModelResource):
        # The plain person columns only: no NIK checks or encryption, no placement, categories, consent,
        # summaries or duplicate checks — a fraction of what our import does per row.
        full_name = fields.Field(attribute="full_name", column_name="Nama lengkap")
        sex = fields.Field(attribute="sex", column_name="Jenis kelamin")
        birth_date = fields.Field(attribute="birth_date", column_name="Tanggal lahir", widget=widgets.DateWidget())
        birth_place = fields.Field(attribute="birth_place", column_name="Tempat lahir")
        mother_name = fields.Field(attribute="mother_name", column_name="Nama ibu kandung")
        father_name = fields.Field(attribute="father_name", column_name="Nama ayah")
        organisation = fields.Field(attribute="organisation", column_name="LKS",
                                    widget=widgets.ForeignKeyWidget(Organisation, field="registration_number"))

        class Meta:
            model = Person
            fields = ("full_name", "sex", "birth_date", "birth_place", "mother_name", "father_name", "organisation")
            import_id_fields = ()
            use_bulk = True
            skip_diff = True
            batch_size = 1000
            force_init_instance = True  # every row is new: no lookup per row

    started = time.perf_counter()
    # tablib reads .xlsx through openpyxl, which is not installed: it gets the rows calamine read (its reading
    # time is counted, and calamine is faster than openpyxl would be).
    raw = list(CalamineWorkbook.from_path(path).get_sheet_by_index(0).iter_rows())
    dataset = tablib.Dataset(*[tuple(r) for r in raw[1:]], headers=raw[0])
    result = PersonResource().import_data(dataset, dry_run=False, raise_errors=True)
    out["seconds"] = time.perf_counter() - started
    out["created"] = result.totals["new"]
    out["peak_mb"] = peak_mb()


if step == "setup":
    setup()
elif step == "import":
    our_import("created")
elif step == "reimport":
    our_import("unchanged")
elif step == "floor":
    floor()
elif step == "export":
    export()
elif step == "die":
    die()
print(json.dumps(out))
"""


def client_step(step: str, database_url: str, var_dir: str, path: str, rows: int) -> dict:
    env = os.environ | {"DATABASE_URL": database_url, "SINERGI_VAR_DIR": var_dir, **PRODUCTION_LIKE}
    out = subprocess.run(
        [sys.executable, "-c", CLIENTS, step, path, str(rows)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if out.returncode:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def clients(rows: int, targets: list[tuple[str, str]]) -> None:
    workdir = tempfile.mkdtemp()
    path = os.path.join(workdir, "clients.xlsx")
    print(f"\nClients with placement, {rows:,} rows × 20 columns (XLSX)")
    for name, url in targets:
        var_dir = tempfile.mkdtemp()
        setup = client_step("setup", url, var_dir, path, rows)
        if "error" in setup:
            print(f"{name:<11} setup failed: {setup['error']}")
            continue
        if "generate" in setup:
            print(f"(file generated in {setup['generate']:.1f} s, {setup['file_mb']:.1f} MB)")
        ours = client_step("import", url, var_dir, path, rows)
        if "error" in ours:
            print(f"{name:<11} import failed: {ours['error']}")
            continue
        again = client_step("reimport", url, var_dir, path, rows)
        floor = client_step("floor", url, var_dir, path, rows)
        exported = client_step("export", url, var_dir, path, rows)
        die = client_step("die", url, var_dir, path, rows)
        speed = rows / ours["seconds"]
        # SQLite checks, then writes; PostgreSQL writes each checked batch in a second thread (exchange/writer.py).
        print(
            f"{name:<11} import {ours['seconds']:.2f} s = {speed:,.0f} rows/s (goal ≥ 20,000: "
            f"{'met' if speed >= 20000 else 'NOT met'}) · peak memory {ours['peak_mb']:.0f} MB "
            f"(Django + lookups before the import {ours['baseline_mb']:.0f} MB; goal < 500 MB) · "
            f"summaries equal a rebuild: {ours.get('summaries_equal_rebuild')} · warnings {ours['warnings']:,}"
        )
        if "error" in again:
            print(f"{'':<11} re-import failed: {again['error']}")
        else:
            print(
                f"{'':<11} re-import of the same file: {again['seconds']:.2f} s, {again['unchanged']:,} unchanged · "
                f"peak memory {again['peak_mb']:.0f} MB (goal < 500 MB)"
            )
        if "error" in floor:
            print(f"{'':<11} floor failed: {floor['error']}")
        else:
            total = floor["read"] + floor["insert"]
            print(
                f"{'':<11} floor: read {floor['read']:.2f} s + raw batched insert {floor['insert']:.2f} s = "
                f"{total:.2f} s → ours ×{ours['seconds'] / total:.1f} (goal ≤ 4)"
            )
        if "error" in exported:
            print(f"{'':<11} export failed: {exported['error']}")
        else:
            print(
                f"{'':<11} export of {exported['rows']:,} rows: CSV {exported['csv']:.2f} s (goal ≤ 2), "
                f"XLSX {exported['xlsx']:.2f} s (goal ≤ 8)"
            )
        if "error" in die:
            print(f"{'':<11} django-import-export not timed: {die['error']}")
        else:
            print(
                f"{'':<11} django-import-export (use_bulk, skip_diff, batch_size 1000, force_init_instance; person "
                f"columns only): {die['seconds']:.2f} s → ours ×{die['seconds'] / ours['seconds']:.1f} faster "
                f"(goal ≥ 10)"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--client-rows", type=int, default=100_000)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--skip-lks", action="store_true")
    args = parser.parse_args()
    targets = [("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")]
    client_targets = [("SQLite", f"sqlite:///{tempfile.mkdtemp()}/clients.sqlite3")]
    if not args.sqlite_only:
        for database in ("sinergi_bench_exchange", "sinergi_bench_clients"):
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], check=False)
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
        targets.append(("PostgreSQL", PG_URL))
        client_targets.append(("PostgreSQL", PG_URL.replace("sinergi_bench_exchange", "sinergi_bench_clients")))
    if not args.skip_lks:
        n = args.rows
        print(f"LKS import/export, {n:,} rows × 18 columns")
        for name, url in targets:
            r = run(url, n)
            floor = r["read"] + r["insert"]
            print(
                f"{name:<11} import {r['import']:.2f} s ({n / r['import']:,.0f} rows/s) · re-import (unchanged) "
                f"{r['reimport']:.2f} s ({n / r['reimport']:,.0f} rows/s) · floor (read {r['read']:.2f} s + raw "
                f"insert {r['insert']:.2f} s) = {floor:.2f} s → ours ×{r['import'] / floor:.1f} · export CSV "
                f"{r['csv']:.2f} s, XLSX {r['xlsx']:.2f} s · peak {r['peak_mb']:.0f} MB · file {r['file_mb']:.1f} MB"
            )
    clients(args.client_rows, client_targets)


if __name__ == "__main__":
    main()
