"""A cancel, and the ending of export jobs whose worker died while writing or that will never start."""

from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.audit.services import audit_record
from sinergi.core.errors import TransitionError

from .. import runners
from ..models import ExportJob, ExportStatus
from ..services import queue_lost
from .running import logger

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def export_job_cancel(*, job: ExportJob, actor: "User") -> ExportJob:
    """Cancels a queued export at once; asks a running one to stop, which its worker does at its next check (every
    PROGRESS_EVERY rows), throwing away the file it was writing. Audited: the export was audited when asked for."""
    if job.is_finished:
        raise TransitionError(_("Ekspor ini sudah selesai sehingga tidak dapat dibatalkan."))
    started = False
    if not ExportJob.objects.filter(pk=job.pk, status=ExportStatus.QUEUED).update(
        status=ExportStatus.CANCELLED, cancel_requested=True, finished_at=timezone.now()
    ):
        # Only while it runs: one that ended since the page was read keeps its end (and its file).
        if not ExportJob.objects.filter(pk=job.pk, status=ExportStatus.RUNNING).update(cancel_requested=True):
            raise TransitionError(_("Ekspor ini sudah selesai sehingga tidak dapat dibatalkan."))
        # SQLite: the worker's connection reads the rows in one long snapshot, in which this row does not change; it
        # looks for a file beside its lock instead (on PostgreSQL the row is enough).
        runners.request_stop("export", job.pk)
        started = True
    audit_record(
        actor=actor, action="exchange.export.cancelled", obj=job, data={"entity": job.entity, "started": started}
    )
    job.refresh_from_db()
    return job


EXPORT_INTERRUPTED = gettext_lazy(
    "Ekspor terhenti di tengah jalan karena pekerja latar di server berhenti (misalnya server dimulai ulang). "
    "Buat ekspornya lagi."
)


def export_job_settle(*, job: ExportJob) -> ExportJob:
    """Ends an export whose worker died while writing it (runners), or that is queued and will never run
    (services.queue_lost); its page would otherwise wait for ever."""
    if job.status == ExportStatus.QUEUED:
        from ..tasks import run_export_job

        if runners.task_taken_and_dropped("export", job, run_export_job):
            if export_job_not_started(job.pk, message=EXPORT_DROPPED_BY_ITS_WORKER):
                runners.task_row_abandoned(job.task_id, job=f"export job {job.pk}")
            job.refresh_from_db()
        elif queue_lost(job, run_export_job):
            export_job_not_started(job.pk)
            job.refresh_from_db()
        return job
    if job.status != ExportStatus.RUNNING or runners.runner_alive("export", job.pk):
        return job
    # A cancel asked of it was all that was left to do: it ends as the user wanted, without a file either way.
    if job.stop_asked:
        ending = {"status": ExportStatus.CANCELLED, "cancel_requested": True}
    else:
        ending = {"status": ExportStatus.FAILED, "message": str(EXPORT_INTERRUPTED)}
    # Only while still running: a run that ended since this was read keeps its end.
    if ExportJob.objects.filter(pk=job.pk, status=ExportStatus.RUNNING).update(**ending, finished_at=timezone.now()):
        logger.warning("Export job %s was abandoned by its worker; marked %s", job.pk, ending["status"])
        runners.task_row_abandoned(job.task_id, job=f"export job {job.pk}")
        audit_record(actor=None, action="exchange.export.interrupted", obj=job, data={"entity": job.entity})
    job.refresh_from_db()
    return job


EXPORT_NOT_STARTED = gettext_lazy(
    "Ekspor ini tidak dapat dimulai karena basis data sedang sibuk atau terputus saat itu. Buat ekspornya lagi."
)


EXPORT_DROPPED_BY_ITS_WORKER = gettext_lazy(
    "Ekspor ini tidak dapat dimulai karena pekerja latar di server berhenti tepat saat mengambilnya (misalnya server "
    "dimulai ulang). Buat ekspornya lagi."
)


def export_job_not_started(job_id: int, *, message: str | Promise = EXPORT_NOT_STARTED) -> bool:
    """Ends an export still queued whose run could not start (services.queue_lost). True when it ended it (it was
    still queued)."""
    ending = {"status": ExportStatus.FAILED, "message": str(message), "finished_at": timezone.now()}
    if not ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(**ending):
        return False
    logger.warning("Export job %s could not start; marked failed", job_id)
    return True


def export_job_end_after_error(job_id: int) -> None:
    """After a run that raised past its own handling: ends the job now (services.import_job_end_after_error)."""
    export_job_not_started(job_id)
    if (job := ExportJob.objects.filter(pk=job_id).first()) is not None:
        export_job_settle(job=job)
