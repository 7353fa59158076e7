"""Running an import (run_import): opening the file, checking it, comparing a confirmed trial's plan
(plan_digest), and otherwise writing every changed row in one transaction (_write, or the concurrent writer), with
the refusals for a stale trial and for a write another process holds (STALE_TRIAL, BUSY).
"""

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import OperationalError, connection, transaction
from django.utils.translation import gettext_lazy

from sinergi.core.bulk import cyclic_gc_paused
from sinergi.core.busy import is_busy
from sinergi.core.errors import ConflictError

from .. import lockwaits
from ..columns import Entity, ImportContext, RowPlan
from ..files import FileRefused, open_table
from ..writer import ConcurrentWriter, writes_alongside
from ._common import CREATE, UNCHANGED, ImportCancelled, ImportResult, Progress
from .check import _check
from .header_names import header_test

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


BATCH_SIZE = 1000


def _no_progress(phase: str, done: int, total: int) -> bool:
    return False


def plan_digest(plans: list[RowPlan]) -> str:
    """What a file would do, row by row: each row's action, whom it names, and every change with its value before
    and after. The same digest at a trial's confirm means the user approved exactly what is written; a record
    changed since the trial (by a form or another import) changes it, even where the counts stay the same."""
    digest = hashlib.blake2b(digest_size=16)
    for plan in plans:
        changes = sorted((str(header), [str(value) for value in values]) for header, values in plan.changes.items())
        digest.update(repr((plan.row, plan.action, str(plan.key), changes)).encode())
    return digest.hexdigest()


STALE_TRIAL = gettext_lazy(
    "Data tersimpan berubah sejak uji coba file ini (lewat formulir atau impor lain), jadi impor ini tidak lagi sama "
    "dengan yang Anda periksa dan setujui. Tidak ada yang disimpan. Periksa file ini lagi untuk melihat apa yang kini "
    "akan diubah, lalu impor."
)


# The cyclic collector walked the whole heap dozens of times per import and freed nearly nothing (docs/performance.md).
@cyclic_gc_paused()
def run_import(
    *,
    entity: Entity,
    path: str | Path,
    kind: str,
    actor: "User | SystemActor",
    dry_run: bool,
    progress: Progress = _no_progress,
    on_saved: Callable[[ImportResult], None] | None = None,
    batch_size: int = BATCH_SIZE,
    expected_plan: str = "",
    audit_via: dict | None = None,
    sheet: str = "",
    absent_elsewhere: dict[str, set[int]] | None = None,
    stop_requested: Callable[[], bool] | None = None,
    on_lock_wait: lockwaits.LockWaitCallback | None = None,
) -> ImportResult:
    """Checks (and unless `dry_run`, imports) the file (its sheet `sheet`, when the user chose one). `on_saved(result)`
    runs inside the write transaction (for the audit event), so the event exists exactly when the rows do.
    `expected_plan`: the plan_digest of the trial this import confirms; nothing is written unless the file would still
    do what the trial showed. `audit_via`: added to the audit events of the records the import changes through the
    services (its job). `absent_elsewhere`: for a sheet of several, the other sheets of the same file imported before
    it, each with the records its import found absent from it (ImportJob.absent_person_ids). `stop_requested()`: whether
    the user cancelled, asked from another thread while the write waits for a lock (lockwaits.CancelWatch; `progress`
    is asked between batches). `on_lock_wait`: told when the write has waited a while for a lock another session
    holds, and when that wait is over (PostgreSQL)."""
    absent_elsewhere = absent_elsewhere or {}
    started = time.monotonic()
    try:
        table = open_table(
            path, kind, preferred_sheets=entity.sheet_names(), is_header=header_test(entity), sheet=sheet
        )
    except FileRefused as refused:
        return ImportResult(status="refused", message=refused.message, sheets=refused.sheets)
    # One context for checking and writing: what the check learnt (lookups, the file's own keys, when it began)
    # is what the write relies on.
    ctx = ImportContext(actor=actor, entity=entity)
    ctx.cache["date_1904"] = table.date_1904
    ctx.cache["file_kind"] = kind  # (a column's file-wide checks may hold only for some: IdentityNumberColumn)
    ctx.cache["audit_via"] = audit_via
    # Sheets with records not read this time (the user chose one): what is "not in this file" may be on them.
    ctx.cache["sheets_left"] = table.sheets_left
    ctx.cache["absent_elsewhere"] = {name: ids for name, ids in absent_elsewhere.items() if name in table.sheets_left}
    ctx.cache["dry_run"] = dry_run  # (what a trial may say that a real run says only once it flags it for the board)
    # A large file on PostgreSQL is written by a second thread while it is still being checked (see writer.py).
    writer = ConcurrentWriter(entity, ctx, batch_size) if not dry_run and writes_alongside(table.total) else None
    try:
        result = _check(entity, table, ctx, progress, batch_size, on_plans=writer.add if writer else None)
    except FileRefused as refused:
        if writer is not None:
            writer.abort()
        return ImportResult(status="refused", message=refused.message)
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        table.close()
    if result.status != "refused" and (dry_run or expected_plan):
        result.plan_digest = plan_digest(result.preview["_plans"])  # type: ignore[arg-type]
    refused = result.status == "refused"
    # A refused run's rows are not kept past this point, as before (their warnings and problems are in the result).
    valid: list[RowPlan] = result.preview.pop("_plans", []) if refused else []  # type: ignore[assignment]
    quoting: list[RowPlan] = result.preview.pop("_quoting", []) if refused else []  # type: ignore[assignment]
    if refused or dry_run:
        if writer is not None:
            writer.abort()
        # What the trial's or the refused import's page and report will show of stored records is logged as a view
        # of them (UU PDP): a refusal quotes stored values whether or not it was a trial.
        with transaction.atomic():
            entity.result_checked(
                valid if refused else result.preview["_plans"],  # type: ignore[arg-type]
                ctx,
                refused=refused,
                quoting=quoting,
            )
        result.seconds = time.monotonic() - started
        return result
    if expected_plan and result.plan_digest != expected_plan:
        if writer is not None:
            writer.abort()  # what it wrote alongside the check is rolled back
        return ImportResult(status="refused", message=str(STALE_TRIAL), rows_total=result.rows_total)
    plans: list[RowPlan] = result.preview.pop("_plans")  # type: ignore[assignment]
    try:
        if writer is not None:
            changing = sum(1 for plan in plans if plan.action != UNCHANGED)
            writer.finish(
                result, on_saved, wait=lambda done: progress("saving", done, changing), on_lock_wait=on_lock_wait
            )
        else:
            _write(entity, plans, result, ctx, progress, batch_size, on_saved, stop_requested, on_lock_wait)
    except ConflictError as conflict:
        return ImportResult(status="refused", message=str(conflict), rows_total=result.rows_total)
    except OperationalError as error:
        if not is_busy(error):
            raise
        if writer is not None:
            writer.abort()
        # Two imports writing at the same LKS in opposite order (the database ends one of them), or SQLite's write
        # lock held by another import for longer than the wait: everything of this one is rolled back.
        return ImportResult(status="refused", message=str(BUSY), rows_total=result.rows_total)
    except BaseException:
        # Ctrl+C or a worker's shutdown while saving: the writer must not commit after the run said it stopped.
        if writer is not None:
            writer.abort()
        raise
    _link_created(result, plans)
    result.status = "succeeded"
    result.seconds = time.monotonic() - started
    return result


def _link_created(result: ImportResult, plans: list[RowPlan]) -> None:
    """Adds to the preview of the records made their ids: the result page links each one (an LKS to verify, a
    client to complete)."""
    made = [plan for plan in plans if plan.action == CREATE][: len(result.preview.get("create", []))]
    for item, plan in zip(result.preview.get("create", []), made, strict=True):
        if isinstance(pk := getattr(plan.obj, "pk", None), int):
            item["id"] = pk


BUSY = gettext_lazy(
    "Data yang akan disimpan impor ini sedang disimpan juga oleh proses lain pada saat bersamaan (impor lain, atau "
    "perubahan di halaman data), sehingga impor ini dihentikan. Tidak ada yang disimpan; ulangi impor sebentar lagi."
)


def _write(
    entity: Entity,
    plans: list[RowPlan],
    result: ImportResult,
    ctx: ImportContext,
    progress: Progress,
    batch_size: int,
    on_saved: Callable[[ImportResult], None] | None,
    stop_requested: Callable[[], bool] | None = None,
    on_lock_wait: lockwaits.LockWaitCallback | None = None,
) -> None:
    """Writes every changed row in one transaction; a cancel between batches, or during a wait for a lock
    (PostgreSQL), rolls all of it back."""
    changing = [plan for plan in plans if plan.action != UNCHANGED]
    progress("saving", 0, len(changing))
    batch_size = entity.write_batch_size or batch_size
    watch = None
    if stop_requested is not None and connection.vendor == "postgresql":
        watch = lockwaits.CancelWatch(stop_requested, on_lock_wait)
    try:
        with lockwaits.lock_waits_bounded(), transaction.atomic():
            try:
                if changing:
                    entity.before_write(changing, ctx)
                for start in range(0, len(changing), batch_size):
                    entity.save(changing[start : start + batch_size], ctx)
                    if progress("saving", min(start + batch_size, len(changing)), len(changing)):
                        raise ImportCancelled
                entity.after_import(ctx)
                # Once more after the summaries, which take a while: the last moment a cancel can still undo
                # everything.
                if progress("saving", len(changing), len(changing)):
                    raise ImportCancelled
                result.extra = entity.audit_data(ctx)
                if on_saved is not None:
                    on_saved(result)
            except Exception as error:
                # Stopped before the rollback, which a cancel must not reach either.
                if watch is not None and watch.stop() and isinstance(error, OperationalError):
                    # The statement the watch cancelled (57014), most often a wait for a row another session holds.
                    raise ImportCancelled from None
                raise
            # No cancel is sent after this, so none can reach the commit; one sent before it undoes everything.
            if watch is not None and watch.stop():
                raise ImportCancelled
    finally:
        if watch is not None:
            watch.stop()
