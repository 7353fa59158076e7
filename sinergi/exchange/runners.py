"""Whether the process running a background job is still alive.

A task worker that dies in the middle of a job (killed, out of memory, the server restarted) leaves the job
"running" for ever: the database rolls its transaction back, but nothing marks the job, so its page would poll a
frozen bar without end. While a process runs a job it holds a lock that the operating system or the database
releases when the process or its connection dies; a job that is running without its lock held was abandoned.

- PostgreSQL: a session advisory lock on the runner's connection (pg_locks shows it to every session, from any
  host the workers run on). It needs a session of its own: behind a pooler in transaction mode it would not hold.
- SQLite (and others): an exclusive flock on a file in SINERGI_JOB_LOCK_DIR. SQLite's database is a local file,
  so the web and the workers share the host, and the kernel drops the lock when the process ends, however it ends.
"""

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection

# The first key of the advisory lock, one per kind of job (the second is the job's id).
ADVISORY_KEYS = {"import": 7401, "export": 7402}


@contextlib.contextmanager
def running(kind: str, pk: int) -> Iterator[None]:
    """Holds the job's lock for as long as the block runs: take it before the job is marked running, and leave
    the block only after the job is marked finished (runner_alive is then never asked about a finished job)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [ADVISORY_KEYS[kind], pk])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [ADVISORY_KEYS[kind], pk])
        return
    path = _lock_path(kind, pk)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            fcntl.flock(handle, fcntl.LOCK_UN)


def runner_alive(kind: str, pk: int) -> bool:
    """True while some process holds the job's lock (see running)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Read-only: looks at the lock table instead of trying the lock (which would take it if free).
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND classid = %s AND objid = %s AND objsubid = 2 AND database = "
                "(SELECT oid FROM pg_database WHERE datname = current_database()))",
                [ADVISORY_KEYS[kind], pk],
            )
            return bool(cursor.fetchone()[0])
    path = _lock_path(kind, pk)
    try:
        handle = path.open("r")
    except FileNotFoundError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def _lock_path(kind: str, pk: int) -> Path:
    return Path(settings.SINERGI_JOB_LOCK_DIR) / f"{kind}-{int(pk)}.lock"
