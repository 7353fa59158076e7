#!/usr/bin/env python
"""People indicators at national scale, on SQLite and PostgreSQL (issue 3, "Performance").

Generates the full region tree, 25,000 LKS, 1,000,000 clients each with a placement, and 100,000 workers (all
multiplied by --scale) with raw bulk inserts (executemany on SQLite, COPY on PostgreSQL; no services, no NIKs),
builds the summary tables with `summaries_rebuild()`, then times with Django's test Client:

- the public indicator page and the indicator API (anonymous, small cells suppressed) and the signed-in page,
  at nation, province (63) and kabupaten/kota (63.71) level, with several filters: p50/p95 over --runs runs;
- the same numbers from the summary tables (the selectors alone) against a plain GROUP BY over the placement and
  worker tables, in the same run, with the ratio — and a check that both give identical numbers.

Goal: p95 under 100 ms server time for every page and API call, on both databases.

Usage: .venv/bin/python bench/statistics.py [--sqlite-only] [--scale 0.1] [--runs 30]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and its name would hide the standard library's
# `statistics` (which Django's SQLite backend imports): put the project root there instead.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

PG_ADMIN = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
PG_DB = "sinergi_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
GOAL_MS = 100.0

LKS_FULL, CLIENTS_FULL, WORKERS_FULL = 25_000, 1_000_000, 100_000
BATCH = 20_000


# --- the orchestrator: one fresh process per database (Django reads DATABASE_URL once) ---------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--baseline-runs", type=int, default=5, help="runs of each plain GROUP BY (slow by design)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    targets = [("SQLite", f"sqlite:///{tempfile.mkdtemp(prefix='sinergi-bench-')}/bench.sqlite3")]
    if not args.sqlite_only:
        subprocess.run([*PG_ADMIN, f"DROP DATABASE IF EXISTS {PG_DB}"], check=True)
        subprocess.run([*PG_ADMIN, f"CREATE DATABASE {PG_DB}"], check=True)
        targets.append(("PostgreSQL", PG_URL))
    results = {}
    for name, url in targets:
        print(f"\n=== {name} ({url}) ===", flush=True)
        result_file = Path(tempfile.mkstemp(suffix=".json")[1])
        env = os.environ | {
            "DATABASE_URL": url,
            "SINERGI_VAR_DIR": tempfile.mkdtemp(prefix="sinergi-bench-var-"),
            # Production-like: no DEBUG query log, cached templates.
            "SINERGI_DEBUG": "0",
            "SINERGI_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            # The bench is one client asking thousands of times: the public API's per-address limit is not measured.
            "SINERGI_API_ANON_RATE": "1000000/minute",
        }
        command = [sys.executable, __file__, "--worker", name, "--result", str(result_file)]
        command += ["--scale", str(args.scale), "--runs", str(args.runs), "--baseline-runs", str(args.baseline_runs)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        results[name] = json.loads(result_file.read_text())
        result_file.unlink()
    print_summary(results)


def print_summary(results: dict) -> None:
    print("\n=== Summary ===")
    print(
        f"{'database':<11} {'rows':>28} {'generate':>9} {'rebuild':>8} {'worst p95':>10} {'goal':>6} "
        f"{'GROUP BY/summary':>17}"
    )
    for name, r in results.items():
        rows = f"{r['counts']['lks']}/{r['counts']['clients']}/{r['counts']['workers']}"
        worst = max(case["p95"] for case in r["cases"])
        ratios = [c["ratio"] for c in r["baseline"]]
        print(
            f"{name:<11} {rows:>28} {r['generate_s']:>8.0f}s {r['rebuild_s']:>7.1f}s {worst:>8.1f}ms "
            f"{'OK' if worst < GOAL_MS else 'MISS':>6} {min(ratios):>7.0f}–{max(ratios):.0f}×"
        )


# --- the worker --------------------------------------------------------------------------------------------


def worker(args) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f}s", flush=True)
    generate_started = time.perf_counter()
    counts = generate(args.scale)
    generate_s = time.perf_counter() - generate_started
    print(f"generated in {generate_s:.0f}s: {counts}", flush=True)

    from sinergi.people.summaries import summaries_rebuild

    started = time.perf_counter()
    rows = summaries_rebuild()
    rebuild_s = time.perf_counter() - started
    print(f"summaries_rebuild: {rebuild_s:.1f}s {rows}", flush=True)
    analyse()
    cases = time_endpoints(args.runs)
    baseline = time_baseline(args.runs, args.baseline_runs)
    Path(args.result).write_text(
        json.dumps(
            {
                "counts": counts,
                "generate_s": generate_s,
                "rebuild_s": rebuild_s,
                "summary_rows": rows,
                "cases": cases,
                "baseline": baseline,
            }
        )
    )


def _columns(model, overrides: list[str]):
    """All concrete columns of `model`, a template row of defaults, and the positions of `overrides`."""
    import datetime

    from django.db import models

    now = datetime.datetime.now(datetime.UTC)
    fields = list(model._meta.concrete_fields)
    template = []
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            template.append(now)
        elif f.has_default():
            template.append(f.get_default())
        elif f.null:
            template.append(None)
        elif isinstance(f, models.CharField | models.TextField):
            template.append("")
        else:
            template.append(None)
    names = [f.column for f in fields]
    return names, template, [names.index(name) for name in overrides]


def insert(model, overrides: list[str], values) -> int:
    """Inserts rows (tuples of `overrides` values; other columns get their defaults) the fastest portable way:
    COPY on PostgreSQL, executemany in one transaction per batch on SQLite."""
    import datetime

    from django.db import connection, transaction

    names, template, positions = _columns(model, overrides)
    table = connection.ops.quote_name(model._meta.db_table)
    column_list = ", ".join(connection.ops.quote_name(n) for n in names)
    sqlite = connection.vendor == "sqlite"

    def full(row):
        out = list(template)
        for position, value in zip(positions, row, strict=True):
            out[position] = value
        if sqlite:
            # The sqlite3 module's date adapters are deprecated; Django stores ISO text anyway.
            for i, value in enumerate(out):
                if isinstance(value, datetime.datetime):
                    out[i] = value.replace(tzinfo=None).isoformat(" ")
                elif isinstance(value, datetime.date):
                    out[i] = value.isoformat()
        return out

    written = 0
    with connection.cursor() as cursor:
        if sqlite:
            sql = f"INSERT INTO {table} ({column_list}) VALUES ({', '.join(['%s'] * len(names))})"
            batch = []
            for row in values:
                batch.append(full(row))
                if len(batch) >= BATCH:
                    with transaction.atomic():
                        cursor.executemany(sql, batch)
                    written += len(batch)
                    batch = []
            if batch:
                with transaction.atomic():
                    cursor.executemany(sql, batch)
                written += len(batch)
        else:
            with transaction.atomic(), cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(full(row))
                    written += 1
            sequence_reset(model)
    return written


def sequence_reset(model) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


def generate(scale: float) -> dict:
    """The national data set; deterministic (seeded) so both databases get the same rows."""
    import datetime

    from django.db import connection

    from sinergi.organisations.models import Organisation
    from sinergi.people.models import Person, Placement, Worker
    from sinergi.regions.models import Region, RegionLevel
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term

    rng = random.Random(63)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # Generation only; the timed reads below run with the project's own settings.
            cursor.execute("PRAGMA synchronous=OFF")
    started = time.perf_counter()
    region_tree_load()
    print(f"region_tree_load: {time.perf_counter() - started:.1f}s", flush=True)
    regencies = list(Region.objects.filter(level=RegionLevel.REGENCY, is_current=True).values_list("code", flat=True))
    # Uneven, like reality: some kabupaten/kota have many LKS, some few.
    weights = [rng.lognormvariate(0, 0.8) for _ in regencies]
    terms = {(t.vocabulary, t.code): t.pk for t in Term.objects.all()}
    kinds = [("anak", 0.7), ("lanjut_usia", 0.1), ("disabilitas", 0.1), ("napza", 0.05), ("lainnya", 0.05)]
    ppks_by_kind = {
        "anak": [
            "anak_telantar",
            "anak_telantar",
            "anak_telantar",
            "anak_balita_telantar",
            "anak_jalanan",
            "anak_berhadapan_hukum",
            "anak_dengan_kedisabilitasan",
            "anak_korban_kekerasan",
            "anak_perlindungan_khusus",
        ],
        "lanjut_usia": ["lansia_telantar"],
        "disabilitas": ["penyandang_disabilitas", "anak_dengan_kedisabilitasan"],
        "napza": ["korban_napza"],
        "lainnya": ["gelandangan", "pengemis", "fakir_miskin", "korban_tindak_kekerasan", "prse", "odha", "kat"],
    }
    n_lks = max(20, int(LKS_FULL * scale))
    n_clients = max(200, int(CLIENTS_FULL * scale))
    n_workers = max(50, int(WORKERS_FULL * scale))

    started = time.perf_counter()
    lks_regencies = rng.choices(regencies, weights=weights, k=n_lks)
    lks_kinds = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds], k=n_lks)
    lks = [(i, lks_regencies[i - 1], lks_kinds[i - 1], rng.randint(10, 80)) for i in range(1, n_lks + 1)]
    insert(
        Organisation,
        [
            "id",
            "kind",
            "name",
            "primary_service_kind_id",
            "region_id",
            "province_code",
            "regency_code",
            "capacity",
            "status",
        ],
        (
            (
                i,
                "lks",
                f"LKS Sintetis {i:05d}",
                terms[("lks_kind", kind)],
                regency,
                regency[:2],
                regency,
                capacity,
                "active",
            )
            for i, regency, kind, capacity in lks
        ),
    )
    print(f"  LKS: {n_lks} in {time.perf_counter() - started:.1f}s", flush=True)

    today = datetime.date.today()
    capacities = [c for *_, c in lks]

    started = time.perf_counter()
    # Larger LKS serve more clients.
    chosen = rng.choices(range(n_lks), weights=capacities, k=n_clients)
    clients = [(pid, *lks[index][:3]) for pid, index in enumerate(chosen, start=1)]
    insert(
        Person,
        [
            "id",
            "organisation_id",
            "province_code",
            "regency_code",
            "full_name",
            "sex",
            "nik_missing_reason",
            "kk_missing_reason",
        ],
        (
            (
                pid,
                org_id,
                regency[:2],
                regency,
                f"Klien Sintetis {pid:07d}",
                "L" if pid % 2 else "P",
                "unknown",
                "unknown",
            )
            for pid, org_id, regency, _kind in clients
        ),
    )
    print(f"  persons: {n_clients} in {time.perf_counter() - started:.1f}s", flush=True)

    started = time.perf_counter()

    def placements():
        for pid, org_id, regency, kind in clients:
            # Admissions over ten years, more of them recent; a third already discharged.
            admitted = today - datetime.timedelta(days=min(3650, int(rng.expovariate(1 / 900))))
            category = rng.choice(ppks_by_kind[kind])
            setting = "residential" if rng.random() < (0.65 if kind == "anak" else 0.5) else "community"
            if rng.random() < 0.35:
                left = admitted + datetime.timedelta(days=rng.randint(0, max(0, (today - admitted).days)))
                yield (
                    pid,
                    pid,
                    org_id,
                    regency[:2],
                    regency,
                    terms[("ppks", category)],
                    setting,
                    admitted,
                    "discharged",
                    left,
                    "reunified",
                )
            else:
                yield (
                    pid,
                    pid,
                    org_id,
                    regency[:2],
                    regency,
                    terms[("ppks", category)],
                    setting,
                    admitted,
                    "active",
                    None,
                    "",
                )

    insert(
        Placement,
        [
            "id",
            "person_id",
            "organisation_id",
            "province_code",
            "regency_code",
            "ppks_category_id",
            "setting",
            "admitted_on",
            "status",
            "discharged_on",
            "discharge_reason",
        ],
        placements(),
    )
    print(f"  placements: {n_clients} in {time.perf_counter() - started:.1f}s", flush=True)

    started = time.perf_counter()
    psks = [
        ("lks", 0.45),
        ("peksos_profesional", 0.1),
        ("psm", 0.15),
        ("tksk", 0.1),
        ("karang_taruna", 0.05),
        ("tagana", 0.05),
        ("penyuluh_sosial", 0.05),
        ("wpks", 0.05),
    ]
    roles = {"lks": "pengasuh", "peksos_profesional": "peksos", "psm": "psm", "tksk": "tksk"}

    def workers():
        for wid in range(1, n_workers + 1):
            org_id, regency, _kind, _capacity = lks[rng.randrange(n_lks)]
            category = rng.choices([c for c, _ in psks], [w for _, w in psks])[0]
            ended = today - datetime.timedelta(days=rng.randint(1, 900)) if rng.random() < 0.1 else None
            yield (
                wid,
                org_id,
                regency[:2],
                regency,
                f"Pekerja Sintetis {wid:06d}",
                "P" if wid % 3 else "L",
                terms[("psks", category)],
                roles.get(category, "relawan"),
                ended,
            )

    insert(
        Worker,
        [
            "id",
            "organisation_id",
            "province_code",
            "regency_code",
            "full_name",
            "sex",
            "psks_category_id",
            "role",
            "ended_on",
        ],
        workers(),
    )
    print(f"  workers: {n_workers} in {time.perf_counter() - started:.1f}s", flush=True)
    return {"lks": n_lks, "clients": n_clients, "workers": n_workers}


def analyse() -> None:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"ANALYZE: {time.perf_counter() - started:.1f}s", flush=True)


# --- timing ------------------------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered))) - 1))]
    return statistics.median(ordered), p95


def timed(fn, runs: int, warmup: int = 2) -> tuple[float, float]:
    """p50 and p95 of `runs` calls, in ms. A call answered with anything but 200 stops the bench: a refusal (a limit, a
    permission) is quick, and timing it would flatter the figures."""

    def checked() -> None:
        answer = fn()
        if getattr(answer, "status_code", 200) != 200:
            raise SystemExit(f"HTTP {answer.status_code} while timing: the figures would not be of the answer")

    for _ in range(warmup):
        checked()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        checked()
        samples.append((time.perf_counter() - started) * 1000)
    return percentiles(samples)


LEVELS = [("nation", ""), ("province 63", "63"), ("kab/kota 63.71", "63.71")]


def filters_for(level_code: str):
    import datetime

    from sinergi.people.indicators import add_months

    month = add_months(datetime.date.today().replace(day=1), -12).strftime("%Y-%m")
    return [
        ("none", {}),
        ("setting=residential", {"setting": "residential"}),
        ("ppks=anak_telantar", {"ppks": "anak_telantar"}),
        (f"month={month}", {"month": month}),
        ("role=pengasuh", {"role": "pengasuh"}),
    ]


def time_endpoints(runs: int) -> list[dict]:
    """Server time of each page and API call through Django's test Client (middleware, views, templates)."""
    from django.test import Client, RequestFactory

    from sinergi.accounts.models import Membership, Role, User
    from sinergi.people.views_indicators import IndicatorDashboardView

    board = User.objects.create_user(username="bench.board", password="x")
    Membership.objects.create(user=board, role=Role.REGENCY_BOARD, region_id="63.71")
    viewer = User.objects.create_user(username="bench.dinsos", password="x")
    Membership.objects.create(user=viewer, role=Role.DINSOS_VIEWER, region_id="63")
    superuser = User.objects.create_superuser(username="bench.super", password="x")
    anonymous = Client()
    signed_in = {"63": Client(), "63.71": Client()}
    signed_in["63"].force_login(viewer)
    signed_in["63.71"].force_login(board)
    factory = RequestFactory()

    def superuser_view(params):
        # A superuser must pass TOTP in a real session; the view itself is what is timed here.
        request = factory.get("/people/indicators/", params)
        request.user = superuser
        request.session = {}
        response = IndicatorDashboardView.as_view()(request)
        response.render() if hasattr(response, "render") else None
        return response

    cases = []
    print(f"\n{'level':<15} {'filter':<22} {'surface':<30} {'p50 ms':>8} {'p95 ms':>8}", flush=True)
    for level, code in LEVELS:
        for filter_name, params in filters_for(code):
            query = {"region": code, **params}
            # The public gets the clients and workers tables of an area, without breakdowns and without the trend
            # (both refused to it since the privacy reviews: see the API's description); signed-in users get all.
            surfaces = [] if params else [
                ("public page", lambda q=query: anonymous.get("/people/indicators/public/", q)),
                ("API clients (public)", lambda q=query: anonymous.get("/api/v1/indicators/clients/", q)),
                ("API workers (public)", lambda q=query: anonymous.get("/api/v1/indicators/workers/", q)),
            ]  # fmt: skip
            if code:
                surfaces.append(("signed-in page", lambda q=query, c=code: signed_in[c].get("/people/indicators/", q)))
            else:
                surfaces.append(("signed-in page (superuser view)", lambda q=query: superuser_view(q)))
            for surface, call in surfaces:
                status = call().status_code
                if status != 200:
                    raise SystemExit(f"{surface} {query}: HTTP {status}")
                p50, p95 = timed(call, runs)
                cases.append({"level": level, "filter": filter_name, "surface": surface, "p50": p50, "p95": p95})
                print(f"{level:<15} {filter_name:<22} {surface:<30} {p50:>8.1f} {p95:>8.1f}", flush=True)
    return cases


def baseline_numbers(code: str, params: dict) -> dict:
    """Every number of the indicator page by plain GROUP BYs over the placement and worker tables."""
    import datetime

    from django.db.models import Count, Q
    from django.db.models.functions import TruncMonth

    from sinergi.people.indicators import TREND_MONTHS, add_months, child_ppks_codes, parse_month
    from sinergi.people.models import Placement, Worker

    level = 0 if not code else (1 if len(code) == 2 else 2)
    where = Q() if level == 0 else Q(province_code=code) if level == 1 else Q(regency_code=code)
    group = "province_code" if level == 0 else "regency_code"
    placements = Placement.objects.filter(where)
    if params.get("setting"):
        placements = placements.filter(setting=params["setting"])
    if params.get("ppks"):
        placements = placements.filter(ppks_category__code=params["ppks"])
    month = parse_month(params.get("month"))
    if month:
        end = add_months(month, 1) - datetime.timedelta(days=1)
        at = placements.filter(admitted_on__lte=end).exclude(status="discharged", discharged_on__lte=end)
    else:
        at = placements.filter(status="active")
    clients = {
        (r["ppks_category__code"], r[group]): r["n"]
        for r in at.values(group, "ppks_category__code").annotate(n=Count("id")).order_by()
    }
    today = datetime.date.today()
    first = add_months(today.replace(day=1), -(TREND_MONTHS - 1))
    admissions = dict(
        placements.filter(admitted_on__gte=first)
        .annotate(m=TruncMonth("admitted_on"))
        .values("m")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("m", "n")
    )
    discharges = dict(
        placements.filter(status="discharged", discharged_on__gte=first)
        .annotate(m=TruncMonth("discharged_on"))
        .values("m")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("m", "n")
    )
    active_now = placements.filter(status="active").count()
    # Children in care now, or at the end of the month asked for (as the clients, and as the page shows them)
    in_care = Placement.objects.filter(where, ppks_category__code__in=child_ppks_codes())
    if month:
        in_care = in_care.filter(admitted_on__lte=end).exclude(status="discharged", discharged_on__lte=end)
    else:
        in_care = in_care.filter(status="active")
    children = {
        (r[group], r["setting"]): r["n"] for r in in_care.values(group, "setting").annotate(n=Count("id")).order_by()
    }
    workers = Worker.objects.filter(where, ended_on__isnull=True)
    if params.get("role"):
        workers = workers.filter(role=params["role"])
    worker_counts = {
        (r["psks_category__code"], r[group]): r["n"]
        for r in workers.values(group, "psks_category__code").annotate(n=Count("id")).order_by()
    }
    return {
        "clients": clients,
        "trend": (active_now, admissions, discharges),
        "children": children,
        "workers": worker_counts,
    }


def summary_numbers(code: str, params: dict) -> dict:
    """The same numbers from the summary tables, through the indicator selectors (exact, no suppression)."""
    from django.http import QueryDict

    from sinergi.accounts.models import User
    from sinergi.people.indicators import TOTAL, IndicatorFilters, Indicators

    query = QueryDict(mutable=True)
    query.update({"region": code, **params})
    # Exact figures for everything: what a superuser sees.
    superuser = User.objects.get(username="bench.super")
    ind = Indicators(actor=superuser, filters=IndicatorFilters.from_query(query))

    def cells(m):
        return {(k[0], k[1]): v for k, v in m.counts.items() if v and TOTAL not in k}

    return {
        "clients": cells(ind.clients),
        "trend": ind.trend,
        "children": cells(ind.children),
        "workers": cells(ind.workers),
    }


def same_numbers(base: dict, summ: dict) -> bool:
    import datetime

    def month(value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, str):
            return datetime.date.fromisoformat(value[:10])
        return value

    trend = summ["trend"]
    active_now, admissions, discharges = base["trend"]
    admissions = {month(k): v for k, v in admissions.items()}
    discharges = {month(k): v for k, v in discharges.items()}
    trend_ok = trend.months[-1].active == active_now - sum(
        v for k, v in admissions.items() if k > trend.months[-1].month
    ) + sum(v for k, v in discharges.items() if k > trend.months[-1].month) and all(
        (m.admissions, m.discharges) == (admissions.get(m.month, 0), discharges.get(m.month, 0)) for m in trend.months
    )
    return (
        trend_ok
        and base["clients"] == summ["clients"]
        and base["children"] == summ["children"]
        and base["workers"] == summ["workers"]
    )


def time_baseline(runs: int, baseline_runs: int) -> list[dict]:
    print(
        f"\n{'level':<15} {'filter':<22} {'summary p50':>12} {'p95':>7} {'GROUP BY p50':>13} {'p95':>8} "
        f"{'ratio':>7} {'same':>5}",
        flush=True,
    )
    rows = []
    for level, code in LEVELS:
        for filter_name, params in filters_for(code):
            s50, s95 = timed(lambda c=code, p=params: summary_numbers(c, p), runs)
            b50, b95 = timed(lambda c=code, p=params: baseline_numbers(c, p), baseline_runs, warmup=1)
            same = same_numbers(baseline_numbers(code, params), summary_numbers(code, params))
            rows.append(
                {
                    "level": level,
                    "filter": filter_name,
                    "summary_p50": s50,
                    "summary_p95": s95,
                    "baseline_p50": b50,
                    "baseline_p95": b95,
                    "ratio": b50 / s50 if s50 else 0,
                    "same": same,
                }
            )
            print(
                f"{level:<15} {filter_name:<22} {s50:>10.1f}ms {s95:>7.1f} {b50:>11.1f}ms {b95:>8.1f} "
                f"{b50 / s50:>6.0f}× {'yes' if same else 'NO':>5}",
                flush=True,
            )
    return rows


if __name__ == "__main__":
    main()
