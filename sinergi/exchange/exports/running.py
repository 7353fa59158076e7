"""An export job run by the task worker: the list again with the requester as the actor, written to a file
counted as it streams (progress every PROGRESS_EVERY rows, where a cancel stops it), and the job's end."""

import contextlib
import logging
import tempfile
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django.core.files import File
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sinergi.accounts.zones import user_time_zone
from sinergi.core.bulk import cyclic_gc_paused
from sinergi.core.downloads import table_write
from sinergi.core.errors import ValidationError
from sinergi.core.storage import storage_refused

from .. import runners
from ..columns import Entity, get_entity
from ..dbwrite import write_beside_open_read
from ..models import ExportJob, ExportStatus
from ..services import STORAGE_REFUSED
from .asking import export_filters

if TYPE_CHECKING:
    from sinergi.accounts.models import User


# The package's name, as the module's was: log records and their configuration keep their logger.
logger = logging.getLogger(__package__)


PROGRESS_EVERY = 2000  # rows between two updates of the job's progress (one cheap UPDATE each)


class ExportCancelled(Exception):
    """The export was cancelled while the worker wrote its file."""


def _stop_asked(job_pk: int) -> bool:
    return (
        runners.stop_requested("export", job_pk) or ExportJob.objects.filter(pk=job_pk, cancel_requested=True).exists()
    )


def export_job_run(*, job_id: int) -> ExportJob:
    """Writes a queued export's file: the list again with the requester as the actor (their scope and masking
    today, not when they asked), counted as it streams. Called by the task worker."""

    # Held until the job is marked finished: a job running without it was abandoned (export_job_settle).
    with runners.running("export", job_id, claim=runners.claimer(ExportJob, job_id)) as claimed:
        job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
        if not claimed:
            return job  # a task delivered twice: the first run owns the job
        # The requester's clock, as on their page: the dates and times the file or report shows are theirs.
        with timezone.override(user_time_zone(job.requested_by)):
            if job.report:
                from ..report_jobs import report_job_render

                return report_job_render(job)
            return _export_job_run(job)


def _export_job_run(job: ExportJob) -> ExportJob:
    actor = job.requested_by
    with translation.override(job.language):
        try:
            entity = get_entity(job.entity)
            if actor is None or not actor.is_active or not entity.can_export(actor):
                return _finish(
                    job,
                    ExportStatus.FAILED,
                    message=_("Ekspor gagal: Anda tidak lagi berwenang mengekspor data %(entity)s.")
                    % {"entity": entity.label},
                )
            total, written = _write(job, entity, actor)
        except ExportCancelled:
            return _finish(job, ExportStatus.CANCELLED)
        except ValidationError as error:
            return _finish(
                job,
                ExportStatus.FAILED,
                message=_("Ekspor gagal: saringan daftar tidak berlaku. %(errors)s")
                % {"errors": " ".join(error.messages)},
            )
        except Exception as error:
            logger.exception("Export job %s failed", job.pk)
            return _finish(
                job,
                ExportStatus.FAILED,
                message=str(STORAGE_REFUSED)
                if storage_refused(error)
                else _("Ekspor gagal karena kesalahan tak terduga. Coba lagi; bila berulang, laporkan ke admin."),
            )
    if _stop_asked(job.pk):
        # Asked while the file was being stored: nobody wants it, and a file of personal data is not kept for nothing.
        job.file.delete(save=False)
        return _finish(job, ExportStatus.CANCELLED)
    job.rows_total = max(total, written)
    job.rows_done = written
    return _finish(job, ExportStatus.SUCCEEDED)


def _write(job: ExportJob, entity: Entity, actor: "User") -> tuple[int, int]:
    queryset = entity.export_queryset(actor=actor, filters=export_filters(job.filters), purpose=job.purpose)
    total = entity.export_count(queryset)
    ExportJob.objects.filter(pk=job.pk).update(rows_total=total)
    if _stop_asked(job.pk):  # asked while the rows were counted (the longest wait before the first row)
        raise ExportCancelled
    counter = _RowCounter(job.pk)
    source = entity.export_rows(queryset.iterator(chunk_size=2000))
    # A temporary file without a name on disk (gone once closed, also when the export stops halfway); the storage
    # then keeps it under the job's token only.
    with tempfile.TemporaryFile() as handle, cyclic_gc_paused(), contextlib.ExitStack() as reading:
        # The rows' read closed as soon as the writing ends, however it ends (a cancel stops it halfway): an open
        # read would keep an SQLite connection in a snapshot in which the job's row cannot be written.
        if hasattr(source, "close"):
            reading.callback(source.close)
        table_write(
            handle=handle,
            headers=[str(column.header) for column in entity.export_columns()],
            rows=counter.count(source),
            file_format=job.file_format,
            sheet_title=entity.sheet_name,
        )
        handle.seek(0)
        name = f"{job.token}.{job.file_format}"
        job.file.save(name, File(handle, name=name), save=False)
    return total, counter.done


class _RowCounter:
    """Counts the rows as the file writer takes them, storing the progress every PROGRESS_EVERY rows, and stops
    the writing there (ExportCancelled) when the export was cancelled."""

    def __init__(self, job_pk: int) -> None:
        self.job_pk = job_pk
        self.done = 0

    def count(self, rows: Iterable[Any]) -> Iterator[Any]:
        for row in rows:
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                # Between two fetches of the rows being read (see write_beside_open_read); a row with a cancel on it
                # is not updated, which tells the run to stop without one more query.
                stored = write_beside_open_read(
                    lambda done=self.done: ExportJob.objects.filter(pk=self.job_pk, cancel_requested=False).update(
                        rows_done=done
                    )
                )
                if not stored or runners.stop_requested("export", self.job_pk):
                    raise ExportCancelled
            yield row


def _finish(job: ExportJob, status: str, *, message: str = "", also: tuple[str, ...] = ()) -> ExportJob:
    job.status = status
    job.message = message
    job.finished_at = timezone.now()
    fields = ["status", "message", "finished_at", "file", *also]
    if status == ExportStatus.SUCCEEDED:
        fields += ["rows_total", "rows_done"]
    job.save(update_fields=fields)
    return job
