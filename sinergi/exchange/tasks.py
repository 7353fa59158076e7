"""Background tasks of the exchange app (django-tasks; the database backend in production)."""

import logging
from collections.abc import Callable

from django.db import connections
from django_tasks import task

from . import exports, services

logger = logging.getLogger(__name__)


def _run_to_its_end(run: Callable[[], object], what: str, end: Callable[[], None]) -> None:
    """Runs a job whose outcome is stored on the job itself, letting no error out into the worker: the database
    worker records a task's failure with a write of its own, and when that write fails too (SQLite busy) the
    worker's loop ends and no job runs again until someone restarts it. The job such an error left queued or
    running is ended here, on a fresh connection, when the database answers again (`end`); else by the settling of
    dead runs (its page, and hourly)."""
    try:
        run()
    except Exception:
        logger.exception("%s ended with an error that its job could not record", what)
        # A connection left in a failed state would fail the next job's first query as well.
        _close_connections()
        try:
            end()
        except Exception:
            logger.exception("%s: could not be ended after its error", what)
            _close_connections()


def _close_connections() -> None:
    """Closes this thread's connections, but none inside a transaction (a caller's, a test's): closing one there
    would break it rather than start afresh. The worker runs each task outside any transaction."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


@task()
def run_import_job(job_id: int) -> None:
    """Runs one import job; progress, result and error report are stored on the job, which the page polls."""
    _run_to_its_end(
        lambda: services.import_job_run(job_id=job_id),
        f"Import job {job_id}",
        lambda: services.import_job_end_after_error(job_id),
    )


@task()
def run_export_job(job_id: int) -> None:
    """Writes one large export's file; progress and the file are stored on the job, which the page polls."""
    _run_to_its_end(
        lambda: exports.export_job_run(job_id=job_id),
        f"Export job {job_id}",
        lambda: exports.export_job_end_after_error(job_id),
    )
