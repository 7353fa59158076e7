"""Ending an import other than by its own run: a cancel (at once while it waits, or asked of its run), and the
settling of a job whose run died or that will never run (its page would otherwise wait for ever), job by job or
hourly for all of them (exchange_jobs_settle, imports and exports)."""

import datetime
import time
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.audit.services import audit_record
from sinergi.core.errors import TransitionError

from .. import runners
from ..models import ExportJob, ImportJob, ImportPhase, ImportStatus
from ..pipeline import ImportResult
from ._common import (
    CANCELLED,
    CANCELLED_BEFORE_START,
    CANCELLED_DRY_RUN,
    CANCELLED_DRY_RUN_BEFORE_START,
    INTERRUPTED,
    INTERRUPTED_AFTER_SAVE,
    file_type,
    logger,
)
from .audit import _audit
from .running import _saved_event

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def import_job_cancel(*, job: ImportJob, actor: "User", request: HttpRequest | None = None) -> ImportJob:
    """Asks a queued or running import to stop; the run checks between batches and rolls everything back. One
    still queued ends here, with its audit event (from the cancelling request's address)."""
    if job.is_finished:
        raise TransitionError(_("Impor ini sudah selesai sehingga tidak dapat dibatalkan."))
    if ImportJob.objects.filter(pk=job.pk, status=ImportStatus.RUNNING).exists() and runners.request_stop(
        "import", job.pk
    ):
        # SQLite: left beside the job's lock, where the run looks (its row may not be written before the run's
        # commit); the run records it on the job when it ends.
        return job
    with transaction.atomic():
        updated = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.QUEUED).update(
            status=ImportStatus.CANCELLED,
            cancel_requested=True,
            finished_at=timezone.now(),
            phase=ImportPhase.DONE,
            # A trial saves nothing anyway: "no data was saved" is said of an import only.
            message=str(CANCELLED_DRY_RUN_BEFORE_START if job.dry_run else CANCELLED_BEFORE_START),
        )
        if updated:
            # Ended here, before it ran: its run would have written its audit event, so this is the job's one (a
            # run stopped on the way writes its own when it ends), as a cancelled export's is.
            job.refresh_from_db()
            _audit(job, actor, ImportResult(status="cancelled", message=job.message), "cancelled", request=request)
    # Only while it runs: one that ended since the page was read keeps its end (and its data, if it saved).
    if not updated and not ImportJob.objects.filter(pk=job.pk, status=ImportStatus.RUNNING).update(
        cancel_requested=True
    ):
        raise TransitionError(_("Impor ini sudah selesai sehingga tidak dapat dibatalkan."))
    job.refresh_from_db()
    return job


def import_job_settle(*, job: ImportJob, stopped: bool = False, wait_seconds: float = 0.0) -> ImportJob:
    """Ends a job whose run died (runners): its page would otherwise wait for ever. The transaction of a real
    import is all or nothing, so either nothing was saved, or everything was and its audit event (written in the
    same transaction) holds the counts. `stopped`: the user stopped it (Ctrl+C on the command line), which is a
    cancel when nothing was saved. Also a queued job that will never run (queue_lost). A finished or living job is
    returned as it is. `wait_seconds`: how long a run this process just stopped may take to let go of its lock (on
    PostgreSQL the writer's session ends a moment after its thread closed it)."""
    if job.status == ImportStatus.QUEUED:
        from ..tasks import run_import_job

        if runners.task_taken_and_dropped("import", job, run_import_job):
            if import_job_not_started(job.pk, message=DROPPED_BY_ITS_WORKER):
                runners.task_row_abandoned(job.task_id, job=f"import job {job.pk}")
            job.refresh_from_db()
        elif queue_lost(job, run_import_job):
            import_job_not_started(job.pk)
            job.refresh_from_db()
        return job
    deadline = time.monotonic() + wait_seconds
    while job.status == ImportStatus.RUNNING and runners.runner_alive("import", job.pk):
        if time.monotonic() >= deadline:
            return job
        time.sleep(0.1)
    if job.status != ImportStatus.RUNNING:
        return job
    saved = _saved_event(job)
    ending = {"phase": ImportPhase.DONE, "finished_at": timezone.now()}
    if saved is not None and not job.dry_run:
        ending |= {
            "status": ImportStatus.SUCCEEDED,
            "message": str(INTERRUPTED_AFTER_SAVE),
            "rows_total": saved.get("rows", 0),
            "rows_done": saved.get("rows", 0),
            "created_count": saved.get("created", 0),
            "updated_count": saved.get("updated", 0),
            "unchanged_count": saved.get("unchanged", 0),
        }
    elif stopped:
        ending |= {"status": ImportStatus.CANCELLED, "message": str(CANCELLED_DRY_RUN if job.dry_run else CANCELLED)}
    else:
        ending |= {"status": ImportStatus.FAILED, "message": str(INTERRUPTED)}
    # Only while still running: a run that ended since this was read (and then let go of its lock) keeps its end.
    if ImportJob.objects.filter(pk=job.pk, status=ImportStatus.RUNNING).update(**ending):
        logger.warning("Import job %s was abandoned by its run; marked %s", job.pk, ending["status"])
        runners.task_row_abandoned(job.task_id, job=f"import job {job.pk}")
        audit_record(
            actor=None,
            action="exchange.import.interrupted",
            obj=job,
            data={
                "entity": job.entity,
                "dry_run": job.dry_run,
                "file_type": file_type(job.original_name),
                "saved": saved is not None,
            },
        )
    job.refresh_from_db()
    return job


# A queued job whose task is nowhere to be seen this long after it was asked for was never queued (the connection
# dropped as the task was being stored): far longer than a worker's poll, or a queue of other users' jobs.
QUEUE_LOST_AFTER = datetime.timedelta(minutes=30)
NOT_STARTED = gettext_lazy(
    "Proses ini tidak dapat dimulai karena basis data sedang sibuk atau terputus saat itu. Tidak ada data dari file "
    "ini yang disimpan; jalankan lagi."
)
DROPPED_BY_ITS_WORKER = gettext_lazy(
    "Proses ini tidak dapat dimulai karena pekerja latar di server berhenti tepat saat mengambilnya (misalnya server "
    "dimulai ulang). Tidak ada data dari file ini yang disimpan; jalankan lagi."
)


def queue_lost(job: ImportJob | ExportJob, task) -> bool:
    """Whether a queued job will never run: its task ended without running it (an error before the job was
    claimed: the database busy or gone at that moment), or no task was stored for it and none shows up."""
    long_asked = job.created_at < timezone.now() - QUEUE_LOST_AFTER
    if not job.task_id:
        return long_asked
    try:
        return task.get_result(job.task_id).is_finished
    except Exception:  # no such task any more, or a backend that keeps no results
        return long_asked


def import_job_not_started(job_id: int, *, message: str | Promise = NOT_STARTED) -> bool:
    """Ends an import still queued whose run could not start (see queue_lost); nothing was saved. True when it
    ended it (it was still queued)."""
    ending = {"status": ImportStatus.FAILED, "message": str(message), "finished_at": timezone.now()}
    with transaction.atomic():
        if not ImportJob.objects.filter(pk=job_id, status=ImportStatus.QUEUED).update(**ending, phase=ImportPhase.DONE):
            return False
        logger.warning("Import job %s could not start; marked failed", job_id)
        # Its one audit event, which its run would have written (by the system: nobody asked for this end).
        job = ImportJob.objects.get(pk=job_id)
        _audit(job, None, ImportResult(status="failed", message=job.message), "failed")
    return True


def import_job_end_after_error(job_id: int) -> None:
    """After a run that raised past its own handling (its database connection lost): ends the job now, as its
    page or the hourly settling would, rather than leave it "queued" or "running" until then."""
    import_job_not_started(job_id)
    if (job := ImportJob.objects.filter(pk=job_id).first()) is not None:
        import_job_settle(job=job)


def exchange_jobs_settle() -> list[int]:
    """Ends the jobs whose run died, and those queued that will never run, also those whose page nobody opens again
    (hourly, from send_reminders); returns the ids of the imports and exports it ended. One job's error does not
    stop the others."""
    from ..exports import export_job_settle

    ended = []
    for model, settle in ((ImportJob, import_job_settle), (ExportJob, export_job_settle)):
        for job in model.objects.filter(status__in=("queued", "running")):
            try:
                if settle(job=job).status not in ("queued", "running"):
                    ended.append(job.pk)
            except Exception:
                logger.exception("Could not settle %s %s", model._meta.verbose_name, job.pk)
    return ended
