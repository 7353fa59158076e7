#!/usr/bin/env python
"""LKS and workers (PSKS) imports at national scale: time and peak memory, and two code revisions compared.

A server in national mode (SINERGI_PROVINCE=nasional) with the whole Kemendagri region tree. For each database
(SQLite in a temp dir, PostgreSQL sinergi_bench_registry_<label>), fresh, each step in its own process so that its
peak memory (ru_maxrss) is its own; the steps of one run share the database and the key files (SINERGI_VAR_DIR),
so that a re-import finds the NIK hashes of the first import:
- prepare: migrate, load the region tree of every province, and (once per invocation, the same files for every
  database and revision) generate the two files: --lks LKS (18 columns) spread over the desa of all provinces, with
  tanda daftar numbers that repeat across kabupaten/kota (TD/000001/BENCH in each), and --workers-per-lks workers
  per LKS (the 16 columns of the workers template), synthetic names, about 70 % with a valid synthetic NIK, each
  naming their LKS by its number and its "Kabupaten/Kota LKS". Not in the comparison: its own process so that the
  region tree's memory does not count as the import's.
- setup: the LKS import through the pipeline (every row created), then the LKS made active (see ACTIVATED);
- lks-reimport: `manage.py export_data lks` to an .xlsx, then that file imported (every row unchanged);
- workers-import: the workers file imported (every row created);
- workers-reimport: `manage.py export_data workers` to an .xlsx, then that file imported (every row unchanged).
Each step prints seconds (the import alone), peak MB and start MB (the peak right after django.setup()).

With --baseline REV the same four steps also run with the code of revision REV (a git worktree, the same venv), on
their own databases and key files, and the final table sets the two side by side with the difference of the peaks.
Usage: .venv/bin/python bench/registry.py [--lks 25000] [--workers-per-lks 6] [--sqlite-only | --postgres-only]
       [--baseline REV]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
# DEBUG off, as in production; a national server (config/settings/base.py deployment_area).
PRODUCTION_LIKE = {"SINERGI_DEBUG": "0", "SINERGI_PROVINCE": "nasional"}
STEPS = ["setup", "lks-reimport", "workers-import", "workers-reimport"]

STEP = r"""
import datetime, io, json, os, random, resource, sys, time
import django


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


step, workdir, n_lks, per_lks = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
django.setup()
import sinergi
from django.conf import settings

# The code measured is the one of the working directory (the current tree or the baseline's worktree).
assert os.path.dirname(os.path.dirname(os.path.abspath(sinergi.__file__))) == os.getcwd(), sinergi.__file__
assert settings.SINERGI["NATIONAL"], "SINERGI_PROVINCE=nasional expected"
out = {"start_mb": peak_mb()}
LKS_FILE = os.path.join(workdir, "lks.xlsx")
WORKERS_FILE = os.path.join(workdir, "workers.xlsx")
LKS_HEADERS = ["Nama LKS", "Jenis layanan utama", "Jenis layanan lain", "Bentuk layanan", "Kapasitas (orang)",
               "Bentuk badan hukum", "Berbadan hukum", "Alamat", "Kode wilayah", "Telepon", "Surel", "Nama pimpinan",
               "Nomor izin operasional", "Tanggal izin operasional", "Nomor tanda daftar", "Tanggal tanda daftar",
               "Peringkat akreditasi", "Tanggal akreditasi"]
# The workers template's columns (sinergi/people/exchange/workers/columns.py COLUMNS, those in the template), in
# its order.
WORKER_HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Kategori PSKS", "Peran", "Jabatan", "LKS",
                  "Kabupaten/Kota LKS", "Telepon", "Mulai bertugas", "Berhenti bertugas", "Sertifikasi/pelatihan",
                  "Bekerja dengan anak", "Tanggal pemeriksaan latar belakang", "Hasil pemeriksaan latar belakang"]
FIRST = ["Ahmad", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lestari",
         "Muhammad", "Nur", "Putri", "Rizky", "Siti", "Taufik", "Umi", "Wahyu", "Yusuf", "Zahra", "Aulia", "Bayu"]
LAST = ["Rahman", "Hidayat", "Saputra", "Lestari", "Wijaya", "Santoso", "Syahputra", "Anggraini", "Maulana",
        "Rahmawati", "Kurniawan", "Pratama", "Hasanah", "Fitriani", "Ramadhan", "Nugroho", "Susanti", "Firdaus"]
# (role, PSKS category, job title, weight): most of an LKS's staff are its caregivers.
STAFF = [("pengasuh", "lks", "Pengasuh", 50), ("peksos", "peksos_profesional", "Pekerja sosial", 12),
         ("pengurus", "lks", "Ketua", 12), ("psm", "psm", "Pendamping", 8), ("tksk", "tksk", "TKSK", 4),
         ("relawan", "karang_taruna", "Relawan", 8), ("lainnya", "lks", "Juru masak", 6)]


def prepare():
    from django.core.management import call_command
    from sinergi.regions.models import Region
    from sinergi.regions.services import region_tree_load

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    out["migrate"] = time.perf_counter() - started
    started = time.perf_counter()
    region_tree_load()  # every province: a national server's tree
    out["regions_load"] = time.perf_counter() - started
    out["regions"] = Region.objects.count()
    if not os.path.exists(WORKERS_FILE):
        started = time.perf_counter()
        generate()
        out["generate"] = time.perf_counter() - started
    out["lks_file_mb"] = os.path.getsize(LKS_FILE) / 1048576
    out["workers_file_mb"] = os.path.getsize(WORKERS_FILE) / 1048576
    out["peak_mb"] = peak_mb()


def generate():
    import xlsxwriter
    from sinergi.people.choices import BackgroundCheckResult, WorkerRole
    from sinergi.people.nik import nik_compose
    from sinergi.regions.models import Region
    from sinergi.vocabularies.models import Term

    rng = random.Random(11)
    villages = list(Region.objects.filter(level=4, is_current=True).order_by("code").values_list("code", flat=True))
    regency_names = dict(Region.objects.filter(level=2).values_list("code", "name"))
    kinds = ["anak"] * 6 + ["lanjut_usia"] * 2 + ["disabilitas"] * 2 + ["napza", "lainnya"]
    per_regency = {}
    lks = []  # (number, kabupaten/kota name, kecamatan code, kind)
    book = xlsxwriter.Workbook(LKS_FILE, {"constant_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet("Data LKS")
    sheet.write_row(0, 0, LKS_HEADERS)
    for i in range(n_lks):
        village = rng.choice(villages)
        # The tanda daftar is numbered by each kabupaten/kota's office: the same numbers recur across the country.
        per_regency[village[:5]] = per_regency.get(village[:5], 0) + 1
        number = f"TD/{per_regency[village[:5]]:06d}/BENCH"
        kind = rng.choice(kinds)
        issued = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 1500))
        grade = rng.choice(["A", "B", "C", ""])
        sheet.write_row(i + 1, 0, [
            f"LKS Bench {i:06d}", kind, rng.choice(["", "anak"]) if kind != "anak" else "", "Dalam panti",
            rng.randint(5, 120), "Yayasan", "Ya", f"Jl. Bench No. {i}", village, f"0811-{i:07d}",
            f"lks{i}@contoh.test", f"Pimpinan {i}", f"IO/{i:06d}/BENCH", issued.strftime("%d-%m-%Y"), number,
            issued.isoformat(), grade, issued.strftime("%d/%m/%Y") if grade else "",
        ])
        lks.append((number, regency_names[village[:5]], village[:8], kind))
    book.close()

    psks = dict(Term.objects.filter(vocabulary="psks").values_list("code", "label_id"))
    roles = dict(WorkerRole.choices)
    staff = [(str(roles[role]), psks[category], title) for role, category, title, n in STAFF for _ in range(n)]
    clear = str(BackgroundCheckResult.CLEAR.label)
    today = datetime.date(2025, 6, 30)
    serials = {}
    book = xlsxwriter.Workbook(WORKERS_FILE, {"constant_memory": True, "strings_to_numbers": False})
    dates = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet = book.add_worksheet("Data pekerja")
    sheet.write_row(0, 0, WORKER_HEADERS)
    row = 0
    names = [(first, last) for first in FIRST for last in LAST]
    for number, regency, district, kind in lks:
        # Distinct names within one LKS: two rows of one name there would be (rightly) asked to be told apart.
        for first, last in rng.sample(names, per_lks):
            row += 1
            sex = rng.choice("LP")
            birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 42))
            started = birth + datetime.timedelta(days=rng.randint(19 * 366, (today - birth).days))
            nik = ""
            if rng.random() < 0.7:
                key = (district, birth, sex)
                serials[key] = serials.get(key, 0) + 1
                nik = nik_compose(district_code=district, birth_date=birth, sex=sex, serial=serials[key])
            role, category, title = rng.choice(staff)
            children = kind == "anak" and rng.random() < 0.8
            sheet.write_row(row, 0, [f"{first} {rng.choice(FIRST)} {last}", sex])
            sheet.write_datetime(row, 2, birth, dates)
            sheet.write_row(row, 3, [nik, category, role, title, number, regency,
                                     f"0812{row:08d}" if rng.random() < 0.5 else ""])
            sheet.write_datetime(row, 10, started, dates)
            sheet.write_row(row, 12, ["Pelatihan pengasuhan" if rng.random() < 0.3 else "",
                                      "Ya" if children else "Tidak"])
            if children and rng.random() < 0.9:
                sheet.write_datetime(row, 14, started, dates)
                sheet.write_string(row, 15, clear)
    book.close()


def run_import(key, path, expect, wanted):
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.pipeline import run_import
    from sinergi.exchange.services import SystemActor

    started = time.perf_counter()
    result = run_import(entity=get_entity(key), path=path, kind="xlsx", actor=SystemActor(), dry_run=False)
    out["seconds"] = time.perf_counter() - started
    problems = [p.as_list() for p in result.problems[:5]]
    assert result.status == "succeeded", (result.status, result.message, problems)
    out.update(created=result.created, unchanged=result.unchanged, updated=result.updated,
               warnings=len(result.warnings), warning_kinds=warning_kinds(result.warnings))
    assert getattr(result, expect) == wanted, (expect, wanted, result.counts)


def warning_kinds(warnings):
    # By column: how many rows, and one message (a synthetic file should warn only where a real one would).
    kinds = {}
    for warning in warnings:
        _row, column, _value, message = warning.as_list()
        kinds.setdefault(column, [0, str(message)[:110]])[0] += 1
    return sorted(([f"{column}: {message}", count] for column, (count, message) in kinds.items()), key=lambda k: -k[1])


def export(key, purpose=""):
    # As an administrator exports: the command itself (sinergi/exchange/management/commands/export_data.py).
    from django.core.management import call_command

    path = os.path.join(workdir, f"export-{key}.xlsx")
    started = time.perf_counter()
    call_command("export_data", key, path, *(["--purpose", purpose] if purpose else []), stdout=io.StringIO())
    out["export_seconds"] = time.perf_counter() - started
    out["file_mb"] = os.path.getsize(path) / 1048576
    return path


if step == "prepare":
    prepare()
elif step == "setup":
    from sinergi.organisations.choices import OrganisationStatus
    from sinergi.organisations.models import Organisation

    run_import("lks", LKS_FILE, "created", n_lks)
    out["file_mb"] = os.path.getsize(LKS_FILE) / 1048576
    # ACTIVATED: an imported LKS is a draft, and the workers import registers no one at an LKS that is not active
    # (people/services/rules.py lks_closed_reason), as the forms do: the board's verify-and-activate, done here by a
    # direct queryset update, outside the timing.
    out["activated"] = Organisation.objects.filter(name__startswith="LKS Bench ").update(
        status=OrganisationStatus.ACTIVE
    )
elif step == "lks-reimport":
    run_import("lks", export("lks"), "unchanged", n_lks)
elif step == "workers-import":
    run_import("workers", WORKERS_FILE, "created", n_lks * per_lks)
    out["file_mb"] = os.path.getsize(WORKERS_FILE) / 1048576
elif step == "workers-reimport":
    run_import("workers", export("workers", purpose="service"), "unchanged", n_lks * per_lks)
out.setdefault("peak_mb", peak_mb())
print(json.dumps(out))
"""


class StepFailed(Exception):
    pass


def step_run(step: str, code_root: Path, database_url: str, var_dir: str, workdir: str, args) -> dict:
    env = os.environ | {
        "DATABASE_URL": database_url,
        "SINERGI_VAR_DIR": var_dir,
        "PYTHONPATH": str(code_root),
        **PRODUCTION_LIKE,
    }
    command = [sys.executable, "-c", STEP, step, workdir, str(args.lks), str(args.workers_per_lks)]
    started = time.perf_counter()
    out = subprocess.run(command, cwd=code_root, env=env, capture_output=True, text=True, check=False)
    if out.returncode:
        raise StepFailed(f"step {step} failed (exit {out.returncode}) with {code_root}:\n{out.stderr[-4000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def pg_recreate(name: str, drop_only: bool = False) -> None:
    for command in [["dropdb", *PG, "--if-exists", name]] + ([] if drop_only else [["createdb", *PG, name]]):
        out = subprocess.run(command, capture_output=True, text=True, check=False)  # quiet: "does not exist, skipping"
        if out.returncode:
            sys.exit(f"{' '.join(command)} failed: {out.stderr}")


def detail(step: str, r: dict, args) -> str:
    rows = args.lks if step in ("setup", "lks-reimport") else args.lks * args.workers_per_lks
    text = f"{rows:,} rows in {r['seconds']:.1f} s ({rows / r['seconds']:,.0f} rows/s), warnings {r['warnings']:,}"
    if "export_seconds" in r:
        text += f", exported first in {r['export_seconds']:.1f} s"
    text += f", file {r['file_mb']:.1f} MB, peak {r['peak_mb']:.0f} MB (start {r['start_mb']:.0f} MB)"
    return text + "".join(f"\n      warning ×{count:,}: {message}" for message, count in r.get("warning_kinds", []))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lks", type=int, default=25_000)
    parser.add_argument("--workers-per-lks", type=int, default=6)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--sqlite-only", action="store_true")
    only.add_argument("--postgres-only", action="store_true")
    parser.add_argument("--baseline", metavar="REV", help="also run every step with the code of this git revision")
    args = parser.parse_args()
    began = time.perf_counter()
    workdir = tempfile.mkdtemp(prefix="registry-bench-")
    codes: list[tuple[str, Path]] = [("current", ROOT)]
    worktree = None
    if args.baseline:
        short = subprocess.run(
            ["git", "rev-parse", "--short", args.baseline], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        worktree = Path(f"/tmp/registry-baseline-{short}")
        if worktree.exists():
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False)
        subprocess.run(
            ["git", "worktree", "add", "--quiet", "--detach", str(worktree), args.baseline], cwd=ROOT, check=True
        )
        codes.append((f"baseline {short}", worktree))
    databases = [] if args.postgres_only else ["SQLite"]
    databases += [] if args.sqlite_only else ["PostgreSQL"]
    pg_names = []
    results: dict[tuple[str, str, str], dict] = {}  # (step, database, code) -> the step's JSON
    print(
        f"National server, {args.lks:,} LKS × {args.workers_per_lks} workers = {args.lks * args.workers_per_lks:,} "
        f"workers; files in {workdir}"
    )
    try:
        for database in databases:
            for code, root in codes:
                label = code.split()[0]
                if database == "SQLite":
                    url = f"sqlite:///{tempfile.mkdtemp(dir=workdir)}/{label}.sqlite3"
                else:
                    name = f"sinergi_bench_registry_{label}"
                    pg_recreate(name)
                    pg_names.append(name)
                    url = PG_URL.format(name=name)
                var_dir = tempfile.mkdtemp(dir=workdir)
                print(f"\n{database}, {code} code ({root})", flush=True)
                r = step_run("prepare", root, url, var_dir, workdir, args)
                generated = f", files generated in {r['generate']:.1f} s" if "generate" in r else ""
                print(
                    f"  prepare: migrate {r['migrate']:.1f} s, {r['regions']:,} regions in {r['regions_load']:.1f} s"
                    f"{generated} (LKS {r['lks_file_mb']:.1f} MB, workers {r['workers_file_mb']:.1f} MB)",
                    flush=True,
                )
                for step in STEPS:
                    r = results[step, database, code] = step_run(step, root, url, var_dir, workdir, args)
                    print(f"  {step}: {detail(step, r, args)}", flush=True)
                if database == "PostgreSQL":
                    pg_recreate(pg_names.pop(), drop_only=True)
    except StepFailed as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    finally:
        for name in pg_names:
            pg_recreate(name, drop_only=True)
        if worktree is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False)
        if results:
            table(results, codes, databases)
        shutil.rmtree(workdir, ignore_errors=True)
        print(f"\nTotal wall time {time.perf_counter() - began:.0f} s")


def table(results: dict, codes: list[tuple[str, Path]], databases: list[str]) -> None:
    print(
        f"\n{'step':<17} {'database':<11} {'code':<17} {'seconds':>8} {'peak MB':>8} {'start MB':>9} "
        f"{'Δ peak vs current':>18}"
    )
    for step in STEPS:
        for database in databases:
            for code, _root in codes:
                r = results.get((step, database, code))
                if r is None:
                    continue
                current = results.get((step, database, "current"))
                delta = f"{round(r['peak_mb'] - current['peak_mb']):+d} MB" if code != "current" and current else ""
                print(
                    f"{step:<17} {database:<11} {code:<17} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f} "
                    f"{r['start_mb']:>9.0f} {delta:>18}"
                )


if __name__ == "__main__":
    main()
