"""What one import of workers keeps between its rows and batches: WorkerRow (a worker as the row leaves it),
WorkersState (the LKS index, the checks, the stored workers by LKS, the summary delta), the summary snapshot of a
worker and the access-log line of the workers an import touches.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from sinergi.exchange.columns import ImportContext
from sinergi.vocabularies.models import Vocabulary

from ...models import WorkerAccess
from ...summaries import SummaryDelta
from ..common import Hasher, Lks, LksIndex, NikChecker, access_lines_write


@dataclass(eq=False)
class WorkerRow:
    """A worker as the row leaves it: every stored field, and what it was before (None for a new worker)."""

    lks: Lks
    data: dict[str, Any]
    nik: str = ""
    nik_hash: str = ""
    pk: int | None = None
    version: int = 0
    before: dict[str, Any] | None = None
    changed: list[str] = field(default_factory=list)
    # Where a stored worker is counted: the province and kabupaten/kota stored with them (the LKS may have moved
    # since), which a change keeps, as worker_update does.
    area: tuple[str, str] | None = None


class WorkersState:
    def __init__(self, ctx: ImportContext) -> None:
        self.lks = LksIndex(ctx.actor)
        # What the NIKs say of the order of the birth dates, for that column's check of the file (DateColumn).
        self.nik = NikChecker(ctx.cache.setdefault(("nik_date_order", "birth_date"), {"agrees": 0, "swapped": []}))
        self.hash = Hasher()
        self.today = timezone.localdate()
        self.terms = ctx.terms(Vocabulary.PSKS)
        self.stored: dict[int, dict[tuple, list[dict]]] = {}
        self.shared = {}.setdefault  # the stored workers' values that repeat, kept once
        self.delta = SummaryDelta()
        # (LKS, name) -> (row, birth date, with a NIK?, registers?) of the rows without an ID so far in this file
        self.rows_by_name: dict[tuple[int, str], list[tuple[int, Any, bool, bool]]] = {}
        self.locked: set[int] = set()  # the LKS this import has locked, once writing began
        self.created_ids: set[int] = set()  # the workers this import has written
        self.elsewhere: dict[int, str] = {}  # ID -> name of the other LKS the user may see where that worker is
        # A file without "Peran": the job titles that name no role, read as "Lainnya" (title -> rows)
        self.titles_as_other: Counter[str] = Counter()
        # Stored workers whose values a refused row's problems quote (their name, where they work, their record
        # with the row's cells): a trial shows them, so it logs them (result_checked).
        self.quoted: set[int] = set()


def _state(ctx: ImportContext) -> WorkersState:
    if "workers" not in ctx.cache:
        ctx.cache["workers"] = WorkersState(ctx)
    return ctx.cache["workers"]


def _log_access(ctx: ImportContext, worker_ids: list[int], what: str) -> None:
    """An access-log line per worker the import registered, changed or showed, as a form's save writes one."""
    access_lines_write(WorkerAccess, "worker_id", ctx, worker_ids, what)


def _snapshot(data: dict, area: tuple[str, str], *, code_key: str = "psks_category__code") -> dict[str, Any]:
    """summaries.summary_snapshot_worker of a stored or planned worker counted in `area` (province, regency)."""
    return {
        "province_code": area[0],
        "regency_code": area[1],
        "psks_code": data[code_key],
        "role": data["role"],
        "active": data["ended_on"] is None,
    }
