"""Writing while the file is still being checked (PostgreSQL, large files).

On PostgreSQL most of a large import's writing is the server's work: index entries, foreign-key checks (about 3 s
at the commit of 100,000 clients), statistics. Done after the check, the import waits for it; done by a second
thread while this one goes on checking, it runs on the server's core while Python checks on its own.

All or nothing still holds: the writer works in ONE transaction on its own connection and commits only when the
check has passed every row; a problem anywhere, a cancel or an error rolls everything back. Nothing is visible to
anyone (the checker included) before that commit, exactly as when writing follows checking.

Not on SQLite: it has one writer at a time and its driver takes the interpreter lock back after every row, so a
second thread would only wait. Not inside a caller's transaction either (tests, nested calls): the writer's
connection could not see that transaction's rows, and its commit would not wait for it.
"""

import contextvars
import queue
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation

from . import lockwaits, runners
from .columns import Entity, ImportContext, RowPlan

DEFAULT_CONCURRENT_ROWS = 5_000
_FINISH, _ABORT = object(), object()


def writes_alongside(total_rows: int) -> bool:
    """Whether an import of `total_rows` rows writes while it checks: PostgreSQL, outside any transaction, and at
    least SINERGI["IMPORT_CONCURRENT_WRITE_ROWS"] rows (below that, the thread costs more than it saves)."""
    threshold = int(getattr(settings, "SINERGI", {}).get("IMPORT_CONCURRENT_WRITE_ROWS", DEFAULT_CONCURRENT_ROWS))
    return connection.vendor == "postgresql" and not connection.in_atomic_block and total_rows >= threshold


class _Aborted(Exception):
    pass


class ConcurrentWriter:
    """A thread that saves the plans it is given, in batches, inside one transaction; `finish` commits, `abort`
    rolls back. Errors raised by the entity while saving (e.g. a ConflictError) come back out of `finish`."""

    def __init__(self, entity: Entity, ctx: ImportContext, batch_size: int) -> None:
        self.entity = entity
        self.ctx = ctx
        self.batch_size = entity.write_batch_size or batch_size
        self.done = 0
        self.error: BaseException | None = None
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._finish_with: tuple[Any, Callable | None] | None = None
        # Messages made while writing (a conflict, the audit event) speak the import's language, which is set
        # per thread.
        self._language = translation.get_language()
        # So are the dates it makes (an entity's "today"): the zone, too, is set per thread.
        self._zone = timezone.get_current_timezone()
        # The job being run: its lock is held by this thread's session too, until the commit has landed.
        self._job = runners.current()
        # Cancel or commit, whichever comes first: the writer commits only if nobody cancelled before.
        self._decision = threading.Lock()
        self._cancelled = self._committing = False
        # The writer's server process while it works (PostgreSQL): a cancel ends the statement it runs or waits in.
        self._pid: int | None = None
        # And the context the import runs in (the upload's address its events carry): a thread starts without it.
        self._thread = threading.Thread(
            target=contextvars.copy_context().run, args=(self._run,), name="sinergi-import-writer", daemon=True
        )
        self._thread.start()

    # ------------------------------------------------------------------ the checker's side
    def add(self, plans: list[RowPlan]) -> None:
        if plans:
            self._queue.put(plans)

    def finish(
        self,
        result,
        on_saved: Callable | None,
        wait: Callable[[int], bool],
        on_lock_wait: lockwaits.LockWaitCallback | None = None,
    ) -> None:
        """Saves what is left, then the entity's after_import, audit data and `on_saved` — all inside the
        transaction — and commits. `wait(done)` is called about twice a second while the writer works; when it
        returns True (the user cancelled), everything is rolled back and ImportCancelled is raised.
        `on_lock_wait`: told when the writer has waited a while for a lock, and when that wait is over."""
        from .pipeline import ImportCancelled

        self._finish_with = (result, on_saved)
        self._queue.put(_FINISH)
        follower = lockwaits.LockWaitFollower(on_lock_wait) if on_lock_wait is not None else None
        try:
            while self._thread.is_alive():
                self._thread.join(timeout=0.5)
                if not self._thread.is_alive():
                    break
                if follower is not None:
                    with self._decision:
                        pid = self._pid
                    follower.look(pid)
                if wait(self.done) and self.abort():
                    raise ImportCancelled
        finally:
            if follower is not None:
                follower.end()
        if self.error is not None:
            raise self.error

    def abort(self) -> bool:
        """Rolls back whatever was written and waits for the thread to end; False when it is too late (the
        writer is already committing: the import then succeeds, and this waits for the commit). What is still
        queued is dropped, and the statement the writer runs (a batch, or a wait for a row another session holds)
        is cancelled: the writer used to save everything queued first, minutes for 8,000 updates."""
        with self._decision:
            committing = self._committing
            self._cancelled = not committing
        if committing:
            self._thread.join()  # the commit is done when this returns: whoever asked then sees the data saved
            return False
        self._queue.put(_ABORT)
        while self._thread.is_alive():
            with self._decision:
                # Only while the writer's connection is open (it forgets its pid under this lock before closing):
                # the number could otherwise be another session's by now.
                if self._pid is not None:
                    lockwaits.cancel_backend(self._pid)
            # Again until it ends: a cancel that reaches the server between two statements is ignored.
            self._thread.join(timeout=0.5)
        return True

    # ------------------------------------------------------------------ the writer's side
    def _run(self) -> None:
        translation.activate(self._language)
        timezone.activate(self._zone)
        try:
            runners.also_held_here(self._job)
            lockwaits.bound_lock_waits()
            with self._decision:
                self._pid = lockwaits.backend_pid()
            with transaction.atomic():
                with connection.cursor() as cursor:
                    # Foreign keys checked as each batch is written (here, beside the checker) instead of all at
                    # the commit, when nothing else is left to run beside them.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                pending: list[RowPlan] = []
                while True:
                    item = self._queue.get()
                    if item is _ABORT or self._cancelled:
                        raise _Aborted
                    if item is _FINISH:
                        self._save(pending)
                        break
                    pending += item
                    while len(pending) >= self.batch_size and not self._cancelled:
                        self._save(pending[: self.batch_size])
                        pending = pending[self.batch_size :]
                result, on_saved = self._finish_with  # type: ignore[misc]
                self.entity.after_import(self.ctx)
                result.extra = self.entity.audit_data(self.ctx)
                if on_saved is not None:
                    on_saved(result)
                with self._decision:
                    if self._cancelled:
                        raise _Aborted
                    self._committing = True
        except _Aborted:
            pass
        except BaseException as error:  # handed to the checker's thread, which raises it
            self.error = error
        finally:
            with self._decision:
                self._pid = None
            connection.close()  # this thread's own connection
            translation.deactivate()
            timezone.deactivate()

    def _save(self, plans: list[RowPlan]) -> None:
        if plans:
            self.entity.save(plans, self.ctx)
            self.done += len(plans)
