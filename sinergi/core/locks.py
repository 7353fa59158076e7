"""Locks that the operating system or the database releases when the process holding them dies, however it dies.

The background jobs' locks (exchange.runners) and the hourly run's (single_run) live here: on PostgreSQL as session
advisory locks, on SQLite as flocks on files in a folder beside the database, which every process of that database
shares (SQLite's database is a local file)."""

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection

# The high bits of the advisory lock keys of whole commands (exchange.runners.ADVISORY_KINDS has the jobs', 0x74xx).
SINGLE_RUN_KEYS = {"send_reminders": 0x7410 << 48}


def lock_folder() -> Path:
    """SINERGI_JOB_LOCK_DIR when set, else a folder beside the SQLite database (one every process of this
    database necessarily shares)."""
    if getattr(settings, "SINERGI_JOB_LOCK_DIR", None):
        return Path(settings.SINERGI_JOB_LOCK_DIR)
    database = Path(str(connection.settings_dict["NAME"]))
    return database.with_name(f"{database.name}-jobs")


@contextlib.contextmanager
def single_run(name: str) -> Iterator[bool]:
    """Takes the lock of the command `name` without waiting, and yields whether this run got it; a run that did not
    should leave the work to the one that did. Exclusive: two runs of the hourly `send_reminders` at once (two cron
    lines, cron and the systemd timer, a manual run during the hourly one) would each send the same reminders."""
    if connection.vendor == "postgresql":
        key = SINGLE_RUN_KEYS[name]
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            got = bool(cursor.fetchone()[0])
        try:
            yield got
        finally:
            if got:
                # The session may be gone (the server restarted): its lock went with it.
                with contextlib.suppress(Exception), connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    path = lock_folder() / f"{name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
