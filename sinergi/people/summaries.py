"""Summary tables for the people indicators, kept current inside the caller's transaction.

Every placement counts in three areas (its kabupaten/kota, its province and the nation), so a dashboard at any
level reads a few hundred pre-added rows and never scans the person or placement tables.

- PlacementActive: placements active now per area × PPKS category × setting.
- PlacementMonthly: admissions (by month of `admitted_on`) and discharges (by month of `discharged_on`).
- WorkerCount: workers without an end date per area × PSKS category × role.

A placement adds +1 admission in its admission month, +1 active while its status is active, and once
discharged +1 discharge in its discharge month instead of the +1 active. So for every key
active = Σ admissions − Σ discharges, which lets the indicators compute "active at the end of month M" as
the active count minus the admissions plus the discharges after M.

Services call the `summary_*` functions in the same transaction as the change; `summaries_rebuild()`
recomputes everything with plain GROUP BYs and must give identical rows (tests/test_summaries.py proves it).
Increments are single `INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n` statements, which SQLite
(≥ 3.24) and PostgreSQL both understand and which cannot lose an update between concurrent transactions.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth

from .choices import PlacementStatus
from .models import Placement, PlacementActive, PlacementMonthly, SummaryLevel, Worker, WorkerCount

BATCH_SIZE = 5000
UPSERT_CHUNK = 500

# (level, area_code, parent_code)
Area = tuple[int, str, str]


def areas_of(province_code: str, regency_code: str) -> list[Area]:
    """The areas a row located at these codes counts in: nation, province and kabupaten/kota (when known)."""
    areas: list[Area] = [(SummaryLevel.NATION, "", "")]
    if province_code:
        areas.append((SummaryLevel.PROVINCE, province_code, ""))
        if regency_code:
            areas.append((SummaryLevel.REGENCY, regency_code, province_code))
    return areas


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


# --- snapshots -------------------------------------------------------------------------------------------


def summary_snapshot(placement: Placement) -> dict:
    """What of a placement the summaries depend on; take it before changing the placement."""
    return {
        "province_code": placement.province_code,
        "regency_code": placement.regency_code,
        "ppks_code": placement.ppks_category.code,
        "setting": placement.setting,
        "admitted_on": placement.admitted_on,
        "status": placement.status,
        "discharged_on": placement.discharged_on,
    }


def summary_snapshot_worker(worker: Worker) -> dict:
    """What of a worker the summaries depend on; take it before changing the worker."""
    return {
        "province_code": worker.province_code,
        "regency_code": worker.regency_code,
        "psks_code": worker.psks_category.code,
        "role": worker.role,
        "active": worker.ended_on is None,
    }


# --- contributions of one row ----------------------------------------------------------------------------


class _Delta:
    """Net changes to the three summary tables, collected before writing so opposite changes cancel out."""

    def __init__(self) -> None:
        self.active: dict[tuple, int] = defaultdict(int)
        self.monthly: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.workers: dict[tuple, int] = defaultdict(int)

    def add_placement(self, snap: dict | None, sign: int) -> None:
        if not snap:
            return
        for level, area, parent in areas_of(snap["province_code"], snap["regency_code"]):
            key = (level, area, parent, snap["ppks_code"], snap["setting"])
            self.monthly[(*key[:3], month_start(snap["admitted_on"]), *key[3:])][0] += sign
            if snap["status"] == PlacementStatus.DISCHARGED:
                # A discharge without a date counts in the admission month, so the identity above still holds.
                left = snap["discharged_on"] or snap["admitted_on"]
                self.monthly[(*key[:3], month_start(left), *key[3:])][1] += sign
            else:
                self.active[key] += sign

    def add_worker(self, snap: dict | None, sign: int) -> None:
        if not snap or not snap["active"]:
            return
        for level, area, parent in areas_of(snap["province_code"], snap["regency_code"]):
            self.workers[(level, area, parent, snap["psks_code"], snap["role"])] += sign

    def write(self) -> None:
        active = [(*k, v) for k, v in self.active.items() if v]
        monthly = [(*k, *v) for k, v in self.monthly.items() if any(v)]
        workers = [(*k, v) for k, v in self.workers.items() if v]
        _upsert(PlacementActive, ["ppks_code", "setting"], ["active"], active)
        _upsert(PlacementMonthly, ["month", "ppks_code", "setting"], ["admissions", "discharges"], monthly)
        _upsert(WorkerCount, ["psks_code", "role"], ["active"], workers)
        # Rows that fell to zero are removed, so the incremental tables hold exactly what a rebuild would.
        _drop_zero(PlacementActive, active, ["active"])
        _drop_zero(PlacementMonthly, monthly, ["admissions", "discharges"])
        _drop_zero(WorkerCount, workers, ["active"])


# Public name for callers that collect many changes before writing them (imports).
SummaryDelta = _Delta


def _upsert(model, key_fields: list[str], count_fields: list[str], rows: list[tuple]) -> None:
    """Adds the counts of `rows` to `model`, creating missing rows; one statement per table."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ["level", "area_code", "parent_code", *key_fields, *count_fields]
    conflict = ["area_code", *key_fields]
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in count_fields)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {{values}} "
        f"ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        # Chunked so a bulk import's thousands of keys stay under SQLite's limit of bound variables per statement.
        for start in range(0, len(rows), UPSERT_CHUNK):
            chunk = rows[start : start + UPSERT_CHUNK]
            values = ", ".join([placeholders] * len(chunk))
            cursor.execute(sql.format(values=values), [value for row in chunk for value in row])


def _drop_zero(model, rows: list[tuple], count_fields: list[str]) -> None:
    if not any(value < 0 for row in rows for value in row[-len(count_fields) :]):
        return
    areas = {row[1] for row in rows}
    model.objects.filter(area_code__in=areas, **dict.fromkeys(count_fields, 0))._raw_delete(connection.alias)


# --- the interface the services call ---------------------------------------------------------------------


def summary_placement_added(placement: Placement) -> None:
    """Counts a newly admitted placement."""
    delta = _Delta()
    delta.add_placement(summary_snapshot(placement), +1)
    delta.write()


def summary_placement_changed(before: dict, placement: Placement) -> None:
    """Moves a placement's counts from what `before` (its earlier snapshot) said to what it says now."""
    delta = _Delta()
    delta.add_placement(before, -1)
    delta.add_placement(summary_snapshot(placement), +1)
    delta.write()


def summary_placement_discharged(placement: Placement) -> None:
    """Turns a placement's active count into a discharge in its discharge month."""
    after = summary_snapshot(placement)
    before = {**after, "status": PlacementStatus.ACTIVE, "discharged_on": None}
    delta = _Delta()
    delta.add_placement(before, -1)
    delta.add_placement(after, +1)
    delta.write()


def summary_worker_changed(before: dict | None, worker: Worker) -> None:
    """Moves a worker's count from `before` (None for a new worker) to what the worker says now."""
    delta = _Delta()
    delta.add_worker(before, -1)
    delta.add_worker(summary_snapshot_worker(worker), +1)
    delta.write()


# --- rebuild ---------------------------------------------------------------------------------------------


def _rolled_up(grouped: Iterable[dict], key_fields: list[str], count_fields: list[str]) -> dict[tuple, list[int]]:
    """Adds kabupaten-level GROUP BY rows into every area they count in."""
    totals: dict[tuple, list[int]] = defaultdict(lambda: [0] * len(count_fields))
    for row in grouped:
        keys = tuple(row[f] for f in key_fields)
        for area in areas_of(row["province_code"], row["regency_code"]):
            bucket = totals[(*area, *keys)]
            for i, field in enumerate(count_fields):
                bucket[i] += row[field]
    return totals


def _insert_all(model, fields: list[str], totals: dict[tuple, list[int]]) -> int:
    objs = (
        model(**dict(zip(fields, (*key, *counts), strict=True)))
        for key, counts in sorted(totals.items(), key=lambda item: tuple(str(v) for v in item[0]))
        if any(counts)
    )
    written = 0
    batch: list = []
    for obj in objs:
        batch.append(obj)
        if len(batch) >= BATCH_SIZE:
            model.objects.bulk_create(batch)
            written += len(batch)
            batch = []
    if batch:
        model.objects.bulk_create(batch)
        written += len(batch)
    return written


def summaries_rebuild() -> dict:
    """Recomputes every summary table from the placements and workers; returns the number of rows written."""
    area = ["level", "area_code", "parent_code"]
    located = ["province_code", "regency_code"]
    active = _rolled_up(
        Placement.objects.filter(status=PlacementStatus.ACTIVE)
        .values(*located, "ppks_category__code", "setting")
        .annotate(n=Count("id"))
        .order_by()
        .iterator(chunk_size=BATCH_SIZE),
        ["ppks_category__code", "setting"],
        ["n"],
    )
    admissions = (
        Placement.objects.annotate(m=TruncMonth("admitted_on"))
        .values(*located, "m", "ppks_category__code", "setting")
        .annotate(n=Count("id"))
        .order_by()
    )
    discharged = Placement.objects.filter(status=PlacementStatus.DISCHARGED)
    discharges = (
        discharged.filter(discharged_on__isnull=False)
        .annotate(m=TruncMonth("discharged_on"))
        .values(*located, "m", "ppks_category__code", "setting")
        .annotate(d=Count("id"))
        .order_by()
    )
    # Same rule as the incremental path: a discharge without a date counts in the admission month.
    undated = (
        discharged.filter(discharged_on__isnull=True)
        .annotate(m=TruncMonth("admitted_on"))
        .values(*located, "m", "ppks_category__code", "setting")
        .annotate(d=Count("id"))
        .order_by()
    )

    def both() -> Iterable[dict]:
        for row in admissions.iterator(chunk_size=BATCH_SIZE):
            yield {**row, "d": 0}
        for query in (discharges, undated):
            for row in query.iterator(chunk_size=BATCH_SIZE):
                yield {**row, "n": 0}

    monthly = _rolled_up(both(), ["m", "ppks_category__code", "setting"], ["n", "d"])
    # TruncMonth gives a date on PostgreSQL and may give a datetime/str elsewhere; the table stores dates.
    monthly = _dates_normalised(monthly)
    workers = _rolled_up(
        Worker.objects.filter(ended_on__isnull=True)
        .values(*located, "psks_category__code", "role")
        .annotate(n=Count("id"))
        .order_by()
        .iterator(chunk_size=BATCH_SIZE),
        ["psks_category__code", "role"],
        ["n"],
    )
    with transaction.atomic():
        for model in (PlacementActive, PlacementMonthly, WorkerCount):
            model.objects.all()._raw_delete(connection.alias)
        counts = {
            "placement_active": _insert_all(PlacementActive, [*area, "ppks_code", "setting", "active"], active),
            "placement_monthly": _insert_all(
                PlacementMonthly, [*area, "month", "ppks_code", "setting", "admissions", "discharges"], monthly
            ),
            "worker_count": _insert_all(WorkerCount, [*area, "psks_code", "role", "active"], workers),
        }
    return counts


def _dates_normalised(totals: dict[tuple, list[int]]) -> dict[tuple, list[int]]:
    fixed: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for key, counts in totals.items():
        month = key[3]
        if isinstance(month, datetime.datetime):
            month = month.date()
        elif isinstance(month, str):
            month = datetime.date.fromisoformat(month[:10])
        bucket = fixed[(*key[:3], month, *key[4:])]
        bucket[0] += counts[0]
        bucket[1] += counts[1]
    return fixed
