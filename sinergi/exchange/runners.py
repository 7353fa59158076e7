"""Whether the process running a background job is still alive.

A task worker that dies in the middle of a job (killed, out of memory, the server restarted) leaves the job
"running" for ever: the database rolls its transaction back, but nothing marks the job, so its page would poll a
frozen bar without end. While a process runs a job it holds a lock that the operating system or the database
releases when the process or its connection dies; a job that is running without its lock held was abandoned.

- PostgreSQL: a shared session advisory lock on every connection that works for the job (the runner's, and the
  import writer's, which commits the data: the runner's may be gone while that commit is still landing). pg_locks
  shows them to every session, from any host the workers run on. They need sessions of their own: behind a pooler
  in transaction mode they would not hold.
- SQLite: a shared flock on a file beside the database (SQLite's database is a local file, so the web, the workers
  and the hourly clean-up share the host and the file's folder); the kernel drops it when the process ends,
  however it ends. SINERGI_JOB_LOCK_DIR may name another folder.
Shared, because a task delivered twice must not wait for the first run: the claim (a conditional update of the
job's status) keeps the second one out.
"""

import contextlib
import contextvars
import datetime
import fcntl
import logging
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from sinergi.core.locks import lock_folder

logger = logging.getLogger(__name__)

# The high bits of the advisory lock's key, one per kind of job (the job's id fills the low 48 bits).
ADVISORY_KINDS = {"import": 0x7401, "export": 0x7402}


# The job this thread runs (set by running), for work it hands to other threads (also_held_here).
_current: contextvars.ContextVar[tuple[str, int] | None] = contextvars.ContextVar("sinergi_job", default=None)


def current() -> tuple[str, int] | None:
    """(kind, id) of the job this thread is running, or None (a dry run in a test, `run_import` called directly)."""
    return _current.get()


def advisory_key(kind: str, pk: int) -> int:
    return (ADVISORY_KINDS[kind] << 48) | int(pk)


@contextlib.contextmanager
def running(kind: str, pk: int, *, claim: Callable[[], bool]) -> Iterator[bool]:
    """Holds the job's lock, then claims the job (`claim()` marks it running, True when this run got it), and
    yields whether it did. The lock is held before the job is marked running and until the block ends, which must
    be after the job is marked finished: runner_alive is then never asked about a job between the two."""
    token = _current.set((kind, pk))
    try:
        with _held(kind, pk, claim) as claimed:
            yield claimed
    finally:
        _current.reset(token)


@contextlib.contextmanager
def _held(kind: str, pk: int, claim: Callable[[], bool]) -> Iterator[bool]:
    if connection.vendor == "postgresql":
        key = advisory_key(kind, pk)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock_shared(%s)", [key])
        try:
            yield claim()
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock_shared(%s)", [key])
        return
    path = _lock_path(kind, pk)
    path.parent.mkdir(parents=True, exist_ok=True)
    claimed = False
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        try:
            claimed = claim()
            yield claimed
        finally:
            if claimed:  # a run that did not claim the job must not take away the claimer's files
                for done_with in (path, _stop_path(kind, pk)):
                    with contextlib.suppress(FileNotFoundError):
                        done_with.unlink()
            fcntl.flock(handle, fcntl.LOCK_UN)


def claimer(model: type[Model], pk: int) -> Callable[[], bool]:
    """The claim of a queued job (an import or an export: both say "queued" and "running"): marks it running,
    True when this run got it, False when it was cancelled or another run has it (a task delivered twice)."""

    def claim() -> bool:
        return bool(model.objects.filter(pk=pk, status="queued").update(status="running", started_at=timezone.now()))

    return claim


def also_held_here(job: tuple[str, int] | None) -> None:
    """Takes the lock of `job` (see current) in this thread's own database session too, until that session ends:
    the import writer's connection, closed once its commit has landed. Only PostgreSQL runs work on other
    connections."""
    if job is not None and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock_shared(%s)", [advisory_key(*job)])


def runner_alive(kind: str, pk: int) -> bool:
    """True while some process holds the job's lock (see running). When in doubt, alive: a live job called dead
    would be ended under its running worker."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Read-only: looks at the lock table instead of trying the lock. A one-bigint key shows as its high
            # and low 32 bits in classid and objid, with objsubid 1.
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
                "AND ((classid::bigint << 32) | objid::bigint) = %s "
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))",
                [advisory_key(kind, pk)],
            )
            return bool(cursor.fetchone()[0])
    path = _lock_path(kind, pk)
    if not path.parent.is_dir():
        # No job ever ran with this folder: most likely the workers were given another one.
        logger.warning("No job lock folder %s: job %s-%s is taken to be alive", path.parent, kind, pk)
        return True
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


def request_stop(kind: str, pk: int) -> bool:
    """SQLite: asks a running job to stop through a file beside its lock, since the job's row cannot be written
    while the job saves (SQLite's one write lock is the import's until its commit: the request would wait that
    long, then tell the user nothing). True when the request was left; on PostgreSQL the job's row says it."""
    if connection.vendor == "postgresql":
        return False
    path = _stop_path(kind, pk)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    return True


def stop_requested(kind: str, pk: int) -> bool:
    """Whether request_stop was called for this job (SQLite; always False on PostgreSQL)."""
    return connection.vendor != "postgresql" and _stop_path(kind, pk).exists()


def _lock_path(kind: str, pk: int) -> Path:
    return lock_folder() / f"{kind}-{int(pk)}.lock"


def _stop_path(kind: str, pk: int) -> Path:
    return lock_folder() / f"{kind}-{int(pk)}.stop"


# A worker claims its job a moment after it takes the job's task (running): a task taken this long ago whose job is
# still queued, and whose lock nobody holds, was taken by a worker that died in between. Far beyond the moment, and
# beyond SQLite's 20 s wait for its write lock.
TAKEN_AND_DROPPED_AFTER = datetime.timedelta(minutes=5)


def task_taken_and_dropped(kind: str, job: Model, task) -> bool:
    """Whether a queued job's task was taken by a worker that died before it claimed the job (killed, out of memory,
    the server restarted in that moment): its task stays "running" and its job "queued", and neither would ever
    move. When in doubt, not: the job is only ended while it is still queued, so a worker that claims it later finds
    it ended and leaves it."""
    from django_tasks.base import TaskResultStatus

    if not job.task_id:
        return False
    try:
        result = task.get_result(job.task_id)
    except Exception:  # no such task any more (queue_lost decides), or a backend that keeps no results
        return False
    return (
        result.status == TaskResultStatus.RUNNING
        and result.started_at is not None
        and result.started_at < timezone.now() - TAKEN_AND_DROPPED_AFTER
        and not runner_alive(kind, job.pk)
    )


class WorkerDied(Exception):
    """What the task queue's row of an abandoned job records as its error (task_row_abandoned)."""


def task_row_abandoned(task_id: str, *, job: str) -> None:
    """Marks the task queue's row of a job whose run died as failed. django-tasks-db ends a row only from the
    worker that ran it, so a killed worker's row stayed "running" for ever, which `prune_db_task_results` (finished
    rows only) never removes. Only a row still running: a worker that ended it since keeps its end. `job` names the
    job for whoever reads the row (the admin site)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    try:
        key = uuid.UUID(task_id)
    except (TypeError, ValueError):  # no task (the command line), or another backend's id
        return
    ended = DBTaskResult.objects.filter(pk=key, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=f"{WorkerDied.__module__}.{WorkerDied.__qualname__}",
        traceback=f"The process running {job} ended without finishing it (killed, out of memory or restarted); "
        "Sinergi ended the job.",
    )
    if ended:
        logger.warning("Task %s of %s was left running by its worker; marked failed", task_id, job)
