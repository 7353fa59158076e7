"""List exports too large to build inside a request: asking for one, running it in the task worker, handing the
finished file to the one who asked.

A CSV export always streams from the request (constant memory). An XLSX file must be complete before the first byte
can be sent, so past `SINERGI["EXPORT_XLSX_SYNC_ROWS"]` rows it is written by the worker into an `ExportJob`, with
the same scope, masking and access log as the request would apply: the queryset is evaluated again there, with the
requesting user as the actor.
"""

import contextlib
import logging
import secrets
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.scope import access_key
from sinergi.accounts.zones import user_time_zone
from sinergi.audit.services import audit_record
from sinergi.core.bulk import cyclic_gc_paused
from sinergi.core.downloads import DOWNLOAD_FORMATS, FREE_TEXT_FILTERS, XLSX, csv_header_line, csv_lines, table_write
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError
from sinergi.core.storage import storage_refused

from . import runners
from .columns import Entity, get_entity
from .dbwrite import write_beside_open_read
from .models import ExportJob, ExportStatus, export_request_key
from .selectors import export_job_display, export_job_pending
from .services import (
    STORAGE_REFUSED,
    TOO_MANY_PENDING,
    FileGone,
    export_file_gone_message,
    queue_lost,
    retention_days,
    too_many_pending,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor

logger = logging.getLogger(__name__)
DEFAULT_XLSX_SYNC_ROWS = 5000
PROGRESS_EVERY = 2000  # rows between two updates of the job's progress (one cheap UPDATE each)


def csv_chunks(
    *, entity: Entity, queryset, actor: "User | SystemActor", purpose: str = "", delimiter: str = ","
) -> Iterator[bytes]:
    """An entity's list as CSV bytes (header first): made by the database when the entity offers that for the
    database in use (PostgreSQL's COPY), else row by row through export_rows — the portable path, which the tests
    hold the fast one to."""
    headers = [str(column.header) for column in entity.export_columns()]
    body = entity.export_csv_chunks(queryset=queryset, actor=actor, purpose=purpose, delimiter=delimiter)
    if body is None:
        yield from csv_lines(headers, entity.export_rows(queryset.iterator(chunk_size=2000)), delimiter=delimiter)
        return
    yield csv_header_line(headers, delimiter=delimiter)
    yield from body


def export_runs_in_background(*, file_format: str, rows: int) -> bool:
    """Whether an export of `rows` rows goes to the task worker: XLSX past the limit (CSV streams, never)."""
    limit = int(settings.SINERGI.get("EXPORT_XLSX_SYNC_ROWS", DEFAULT_XLSX_SYNC_ROWS))
    return file_format == XLSX and rows > limit


def export_filters(filters: dict[str, list[str]]) -> QueryDict:
    """A list's filters (name -> values, as stored on a job) as the QueryDict its filter set reads."""
    data = QueryDict(mutable=True)
    for key, values in filters.items():
        data.setlist(key, list(values))
    return data


def export_url(entity_key: str, query_string: str = "") -> str:
    """The address of an entity's export with a list's query string (its filters, and the format) as it came."""
    path = reverse("exchange:export", args=[entity_key])
    return f"{path}?{query_string}" if query_string else path


def export_job_create(
    *,
    actor: "User",
    entity_key: str,
    filters: dict[str, list[str]],
    file_format: str,
    rows: int,
    purpose: str = "",
    request: HttpRequest | None = None,
) -> ExportJob:
    """Queues an export for the task worker and audits it as the export (the download is audited again).
    `purpose`: the access purpose, for an entity that asks for one (see Entity.asks_access_purpose).

    The same export (data, format, filters, purpose) asked for again by the same user while the first one is queued
    or running is that first one: nothing new is made, queued or audited (see export_job_pending). A second copy
    may be asked for once the first has finished."""
    entity = get_entity(entity_key)
    if not entity.can_export(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengekspor data %(entity)s.") % {"entity": entity.label})
    if file_format not in DOWNLOAD_FORMATS:
        raise ValidationError(_("Format unduhan tidak dikenal. Pilih csv atau xlsx."))
    asked = {"entity_key": entity.key, "filters": filters, "file_format": file_format, "purpose": purpose}

    def make() -> ExportJob:
        job = ExportJob.objects.create(
            token=secrets.token_hex(16),
            entity=entity.key,
            filters={key: list(values) for key, values in filters.items()},
            file_format=file_format,
            language=translation.get_language() or "id",
            requested_by=actor,
            requested_by_name=actor.get_username(),
            rows_total=rows,
            purpose=purpose,
            request_key=export_request_key(**asked),
            access_key=access_key(actor),
        )
        audit_record(
            actor=actor,
            action=f"exchange.{entity.key}.exported",
            obj=job,
            data={"format": file_format, "rows": rows, "filters": audit_filters(job.filters), "job": job.pk},
            purpose=purpose,
            request=request,
        )
        return job

    return job_create_once(actor=actor, pending=lambda: export_job_pending(actor=actor, **asked), make=make)


def job_create_once(
    *, actor: "User", pending: Callable[[], ExportJob | None], make: Callable[[], ExportJob]
) -> ExportJob:
    """The job `make` creates and audits (a list export or a report), queued for the task worker, unless `pending`
    finds the same one of the user's still waiting or running: that one, with nothing new made, queued or audited.
    Refused past the user's limit of pending jobs."""
    if (found := pending()) is not None:
        return found
    if too_many_pending(ExportJob.objects.filter(requested_by=actor)):
        raise ValidationError(str(TOO_MANY_PENDING))
    try:
        with transaction.atomic():
            job = make()
            _enqueue(job)
    except IntegrityError:
        # The same request at the same moment (a double click): the unique constraint let the other one in.
        found = pending()
        if found is None:
            raise
        return found
    return job


class ExportCancelled(Exception):
    """The export was cancelled while the worker wrote its file."""


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


def _stop_asked(job_pk: int) -> bool:
    return (
        runners.stop_requested("export", job_pk) or ExportJob.objects.filter(pk=job_pk, cancel_requested=True).exists()
    )


EXPORT_INTERRUPTED = gettext_lazy(
    "Ekspor terhenti di tengah jalan karena pekerja latar di server berhenti (misalnya server dimulai ulang). "
    "Buat ekspornya lagi."
)


def audit_filters(filters: dict[str, list[str]]) -> dict[str, Any]:
    """A list's filters as an export's audit event records them (in the request, in the worker, from export_data):
    one value as is, repeated values as a list; words searched for (which may be a person's name) as "*" only: the
    audit log names people by number (each exported person has an access-log line)."""
    return {
        key: "*" if key in FREE_TEXT_FILTERS else values[0] if len(values) == 1 else values
        for key, values in filters.items()
    }


def _enqueue(job: ExportJob) -> None:
    from .tasks import run_export_job

    def send() -> None:
        result = run_export_job.enqueue(job.pk)
        ExportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    # The worker must never see a job whose row is not committed yet.
    transaction.on_commit(send)


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
                from .report_jobs import report_job_render

                return report_job_render(job)
            return _export_job_run(job)


def export_job_settle(*, job: ExportJob) -> ExportJob:
    """Ends an export whose worker died while writing it (runners), or that is queued and will never run
    (services.queue_lost); its page would otherwise wait for ever."""
    if job.status == ExportStatus.QUEUED:
        from .tasks import run_export_job

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


def export_job_download(*, job: ExportJob, actor: "User", request: HttpRequest | None = None) -> BinaryIO:
    """The finished export's file, open for reading; audited like the export itself. The permission to export is
    checked again: someone who lost it since asking does not get the data any more."""
    if job.status == ExportStatus.CANCELLED:
        raise TransitionError(_("Ekspor ini dibatalkan; tidak ada file untuk diunduh."))
    if job.status != ExportStatus.SUCCEEDED:
        raise TransitionError(_("File ekspor ini belum siap diunduh."))
    if job.report:
        from .report_jobs import report_job_may_download

        if not report_job_may_download(job=job, actor=actor):
            raise PermissionDenied(_("Anda tidak berwenang mencetak laporan ini."))
    else:
        entity = get_entity(job.entity)
        if not entity.can_export(actor):
            raise PermissionDenied(_("Anda tidak berwenang mengekspor data %(entity)s.") % {"entity": entity.label})
    # The file holds what its asker's access saw: it goes to them only while that access is the same. (Someone else
    # may open it only as a superuser, who sees everything anyway.)
    own = job.requested_by_id is not None and job.requested_by_id == getattr(actor, "pk", None)
    if own and not job.access_key:
        # Asked before exports kept their asker's access (an upgrade from before 2026-12-04): whether it still holds
        # cannot be told, so the file is not handed over.
        raise TransitionError(
            _(
                "Ekspor ini diminta sebelum pembaruan Sinergi, jadi tidak dapat dipastikan bahwa hak akses Anda masih "
                "sama seperti saat itu. Minta ekspor baru."
            )
        )
    if own and job.access_key != access_key(actor):
        raise TransitionError(
            _(
                "Peran atau wilayah Anda berubah sejak ekspor ini diminta, jadi filenya (data menurut hak akses yang "
                "lama) tidak diberikan lagi. Minta ekspor baru."
            )
        )
    if not job.file:
        gone = export_job_display(job, retention_days=retention_days()).file_gone
        raise FileGone(gone or export_file_gone_message())
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise FileGone(export_file_gone_message()) from None
    if job.report:
        from .report_jobs import report_job_downloaded

        report_job_downloaded(job=job, actor=actor, request=request)
        return handle
    audit_record(
        actor=actor,
        action=f"exchange.{job.entity}.downloaded",
        obj=job,
        data={"format": job.file_format, "rows": job.rows_done, "job": job.pk},
        request=request,
    )
    return handle


__all__ = [
    "audit_filters",
    "export_filters",
    "export_job_cancel",
    "export_job_create",
    "export_job_download",
    "export_job_run",
    "export_runs_in_background",
    "export_url",
]
