"""An import's waits for locks (PostgreSQL): bounded, and cut short by the user's cancel.

A real import waits for the rows it changes when another session holds them: most often another import at the
same LKS, which may take tens of seconds to commit 100,000 rows, and the wait is then worth it. But a session that
never lets go (a forgotten `BEGIN; SELECT … FOR UPDATE` in psql, a stuck client) held the import for as long as it
lasted, with its progress frozen, its cancel not acted on, and every other user's jobs waiting behind it in the one
worker. Now:
- a wait for one lock lasts at most SINERGI["IMPORT_LOCK_TIMEOUT_MS"] (lock_timeout, 55P03), after which the run
  ends as BUSY with nothing saved (pipeline.run_import);
- the user's cancel cancels the statement that waits (pg_cancel_backend), instead of being read only after it;
- a wait of more than a moment is told to the job's page (LockWaitFollower), which says why the bar stands still.
SQLite needs neither: its busy time-out bounds every wait, and its cancel is read between batches.
"""

import contextlib
import datetime
import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from sinergi.core.busy import lock_timeout

logger = logging.getLogger(__name__)

DEFAULT_IMPORT_LOCK_TIMEOUT_MS = 5 * 60 * 1000
WATCH_INTERVAL = 0.5  # seconds between two looks at the job's cancel
LOCK_WAIT_SHOWN_AFTER = 2.0  # seconds an import waits for a lock before its page says so (a moment's wait is usual)

# Told when the import has waited for a lock LOCK_WAIT_SHOWN_AFTER seconds (with the moment it began), and with None
# when that wait is over.
LockWaitCallback = Callable[[datetime.datetime | None], None]


def import_lock_timeout_ms() -> int:
    return int(getattr(settings, "SINERGI", {}).get("IMPORT_LOCK_TIMEOUT_MS", DEFAULT_IMPORT_LOCK_TIMEOUT_MS))


def bound_lock_waits() -> None:
    """Sets the import's lock_timeout on this thread's connection, for the rest of its session (the writer's own
    connection, closed when it is done)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, false)", [f"{import_lock_timeout_ms()}ms"])


def lock_waits_bounded() -> contextlib.AbstractContextManager[None]:
    """The import's lock_timeout on this thread's connection while the block runs (core.busy.lock_timeout)."""
    return lock_timeout(import_lock_timeout_ms())


def backend_pid() -> int | None:
    """The server process of this thread's connection (PostgreSQL), which pg_cancel_backend addresses."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def waits_for_lock(pid: int) -> bool:
    """Whether that server process is waiting for a lock another session holds (asked from another connection)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


class LockWaitFollower:
    """Follows whether an import's server process waits for a lock, from another connection, and tells
    `on_lock_wait` when a wait has lasted LOCK_WAIT_SHOWN_AFTER seconds and when it is over: a wait of minutes
    otherwise looks, on the job's page, like an import that froze."""

    def __init__(self, on_lock_wait: LockWaitCallback) -> None:
        self._on_lock_wait = on_lock_wait
        self._since: float | None = None  # time.monotonic() when the wait was first seen
        self._shown = False
        self._broken = False

    def look(self, pid: int | None) -> None:
        if self._broken or pid is None:
            return
        try:
            waiting = waits_for_lock(pid)
            if waiting and self._since is None:
                self._since = time.monotonic()
            elif not waiting:
                self._since = None
            waited = time.monotonic() - self._since if self._since is not None else 0.0
            if waiting and not self._shown and waited >= LOCK_WAIT_SHOWN_AFTER:
                self._on_lock_wait(timezone.now() - datetime.timedelta(seconds=waited))
                self._shown = True
            elif not waiting and self._shown:
                self.end()
        except DatabaseError:
            # Only the page's explanation is lost; the import, its time-out and its cancel go on.
            self._broken = True
            logger.warning("An import's waits for locks are no longer followed", exc_info=True)

    def end(self) -> None:
        if self._shown:
            self._shown = False
            self._on_lock_wait(None)


def cancel_backend(pid: int) -> None:
    """Cancels the statement that server process runs (a wait for a lock ends at once with 57014); a process
    between statements ignores it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_cancel_backend(%s)", [pid])
    except DatabaseError:
        # The asking connection broke or sits in a failed transaction: the run ends on its own error anyway.
        logger.warning("Could not cancel the statement of server process %s", pid, exc_info=True)


class CancelWatch:
    """While an import writes on this thread's connection, looks at `stop_requested()` from a thread and a
    connection of its own, and cancels the connection's statement when the user cancelled: the import's thread
    cannot look while its statement waits for a lock. `stop()` ends the watch before the commit; from then on no
    cancel is sent, so none can reach the commit."""

    def __init__(self, stop_requested: Callable[[], bool], on_lock_wait: LockWaitCallback | None = None) -> None:
        self.fired = False
        self._pid = backend_pid()
        self._stop_requested = stop_requested
        self._lock_wait = LockWaitFollower(on_lock_wait) if on_lock_wait is not None else None
        self._decision = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sinergi-import-cancel-watch", daemon=True)
        self._thread.start()

    def stop(self) -> bool:
        """Ends the watch; True when it cancelled (the import must then roll back, as for any cancel)."""
        with self._decision:
            self._done.set()
        self._thread.join()
        return self.fired

    def _run(self) -> None:
        try:
            while not self._done.wait(WATCH_INTERVAL):
                if self._pid is None:
                    continue
                if self._lock_wait is not None:
                    self._lock_wait.look(self._pid)
                if not (self.fired or self._stop_requested()):
                    continue
                with self._decision:
                    if self._done.is_set():
                        return
                    self.fired = True
                    # Again until the import stops the watch: a cancel that reaches the server between two
                    # statements of a batch is ignored, and the next one may wait for a lock.
                    cancel_backend(self._pid)
        except DatabaseError:
            # Without the watch, the cancel is still read between batches.
            logger.warning("The cancel watch of an import stopped", exc_info=True)
        finally:
            if self._lock_wait is not None:
                with contextlib.suppress(DatabaseError):
                    self._lock_wait.end()
            connection.close()  # this thread's own connection
