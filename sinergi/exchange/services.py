"""Import jobs: accepting an upload, running it (in the task worker or the terminal), cancelling it; and the
retention clean-up that removes the stored files of old import and export jobs."""

import contextlib
import datetime
import json
import logging
import os
import pwd
import re
import secrets
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F, Max, Q, TextField
from django.db.models.functions import Cast, Concat
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sinergi.accounts.scope import access_key
from sinergi.accounts.zones import user_time_zone
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import audit_record, client_ip, work_from
from sinergi.core.actors import SystemActor
from sinergi.core.busy import is_busy
from sinergi.core.downloads import FREE_TEXT_FILTERS
from sinergi.core.errors import PermissionDenied, TransitionError
from sinergi.core.storage import PARTIAL_PREFIX, partial_files_remove, storage_refused

from . import runners
from .columns import get_entity
from .files import CSV, MEGABYTE, FileRefused, inspect, limit, megabytes
from .models import (
    EXPORT_FINISHED_STATUSES,
    FINISHED_STATUSES,
    MAY_RUN_AGAIN,
    SMALL_FILE_BYTES,
    ExportJob,
    ExportStatus,
    ImportJob,
    ImportPhase,
    ImportStatus,
)
from .pipeline import BUSY, ImportCancelled, ImportResult, Problem, run_import
from .workbook import error_report_bytes

if TYPE_CHECKING:
    from sinergi.accounts.models import User

logger = logging.getLogger(__name__)
PAGE_PROBLEMS = 200  # problems kept on the job for the page; the report file has all of them
KEPT_VALUE_CHARS = 200  # of a problem cell's value kept on the job (the report file has the whole cell)
_SIXTEEN_DIGITS = re.compile(r"(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)")


def _numbers_masked(text: str) -> str:
    """A NIK or KK number in a text masked as everywhere else (6371********0001): in a problem's cell, and in a file
    name, which people name after a child or a family card, where it outlives the file (the audit log, the lists
    after the purge)."""
    return _SIXTEEN_DIGITS.sub(r"\1********\2", text) if len(text) >= 16 else text


def file_type(name: str) -> str:
    """What the audit keeps of an uploaded file's name: its type (".xlsx"). The name itself is left to the job's
    row: people name files after a child or a family, and an audit event outlives the erasure of either; the job
    names the import, and its `sha256` the very file."""
    suffix = Path(name).suffix.lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""


def kept_value(value: str) -> str:
    """A problem cell's value as the job keeps it for its page: a NIK or KK number masked (the job outlives its
    upload, and its row stays after the files are purged), a long cell cut."""
    value = _numbers_masked(value)
    return value if len(value) <= KEPT_VALUE_CHARS else value[: KEPT_VALUE_CHARS - 1] + "…"


PAGE_WARNING_KINDS = 50  # kinds of warning kept for the page (a message naming its value makes many kinds)
DEFAULT_RETENTION_DAYS = 30
# Whole-job messages known by their words: stored as text in the language of the run, they are said again in the
# viewer's language on the page (selectors.import_job_display).
CANCELLED = gettext_lazy("Impor dibatalkan; tidak ada data yang disimpan.")
CANCELLED_DRY_RUN = gettext_lazy("Uji coba dibatalkan.")
CANCELLED_BEFORE_START = gettext_lazy("Impor dibatalkan sebelum dimulai; tidak ada data yang disimpan.")
CANCELLED_DRY_RUN_BEFORE_START = gettext_lazy("Uji coba dibatalkan sebelum dimulai.")
FAILED = gettext_lazy("Terjadi kesalahan tak terduga; tidak ada data yang disimpan. Laporkan ke admin.")
INTERRUPTED = gettext_lazy(
    "Proses terhenti di tengah jalan (misalnya server dimulai ulang atau perintahnya dihentikan). Tidak ada data "
    "dari file ini yang disimpan; jalankan lagi."
)
INTERRUPTED_AFTER_SAVE = gettext_lazy(
    "Data dari file ini sudah tersimpan, tetapi prosesnya terhenti sebelum hasil lengkapnya dicatat: jumlahnya di "
    "bawah, rincian dan laporannya tidak ada."
)


class FileGone(Exception):
    """A job's stored file was removed (after the retention period, or lost); the message says so and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def import_job_create(
    *,
    actor: "User | SystemActor",
    entity_key: str,
    file: File,
    original_name: str,
    dry_run: bool = True,
    enqueue: bool = True,
    request: HttpRequest | None = None,
    upload_key: uuid.UUID | None = None,
    sheet: str = "",
    via: str = "",
) -> ImportJob:
    """Checks the upload by content and size (FileRefused says why, nothing kept), stores it, and queues the run
    (of its sheet `sheet` only, when given: a workbook with records on several sheets is imported sheet by sheet).
    `via`: "command line" for import_data; by default "web", or "command line" for the system actor.

    `upload_key`: the one-time key of the form the file came with. The same user sending the same file for the
    same data with the same key again gets the job made the first time, and nothing else happens (no file stored,
    no run queued): the answer to the first post was lost, not the upload."""
    entity = get_entity(entity_key)
    if not entity.can_import(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data %(entity)s.") % {"entity": entity.label})
    created_by = actor if getattr(actor, "is_authenticated", False) else None
    if created_by is None:
        upload_key = None  # the constraint that makes a key one-time holds per user
    with _as_local_file(file) as path:
        info = inspect(path)
        sent_before = _upload_sent_before(created_by, upload_key, entity.key, info.sha256)
        if sent_before is not None:
            if sent_before.status not in SENT_AGAIN_ON_PURPOSE:
                return sent_before
            # Its upload was refused, cancelled or failed: sent again (the Back button, "Coba lagi" after fixing
            # something) on purpose, as a new upload, kept without the key (the first one holds it).
            upload_key = None
        if created_by is not None and too_many_pending(ImportJob.objects.filter(created_by=created_by)):
            raise FileRefused(str(TOO_MANY_PENDING))
        stored_twin = _stored_upload_of(created_by, info.sha256)
        via = via or ("web" if created_by is not None else COMMAND_LINE)
        # Not for the server's command line, whose administrator has the disk in hand.
        if via == "web" and not stored_twin and (over := _over_upload_volume(created_by, info.size, info.sha256)):
            raise FileRefused(over)
        job = ImportJob(
            token=secrets.token_hex(16),
            entity=entity.key,
            dry_run=dry_run,
            original_name=Path(original_name).name[:255],
            file_kind=info.kind,
            file_size=info.size,
            file_sha256=info.sha256,
            language=translation.get_language() or "id",
            created_by=created_by,
            created_by_name=actor.get_username(),
            access_key=access_key(created_by) if created_by is not None else "",
            upload_key=upload_key,
            ip_address=client_ip(request),
            sheet=sheet[:255],
            via=via,
        )
        job.created_at = timezone.now()
        if stored_twin:
            job.file.name = stored_twin  # the same bytes, already stored for this user: shared, not stored again
        else:
            with path.open("rb") as handle:
                try:
                    job.file.save("upload", File(handle), save=False)
                except OSError as error:
                    if not storage_refused(error):
                        raise
                    # Nothing of it is left (sinergi.core.storage): said to the user instead of a server error page.
                    logger.exception("An upload could not be stored")
                    raise FileRefused(str(STORAGE_REFUSED)) from error
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        # The same form sent twice at once (a retry while the first post was still being received): the unique
        # constraint lets one of them in; this one removes its stored copy (no job will name it) and answers with
        # the job that got in.
        if not stored_twin:
            job.file.delete(save=False)
        sent_before = _upload_sent_before(created_by, upload_key, entity.key, info.sha256)
        if sent_before is None:
            raise
        return sent_before
    except BaseException:
        # No row names the stored copy (the database busy past its timeout, the request ended): the purge, which
        # finds files through their jobs, would never remove it.
        if not stored_twin:
            job.file.delete(save=False)
        raise
    if enqueue:
        _enqueue(job)
    return job


# The same form sent again with the same file is the same upload (its answer was lost, however long the file took
# to send again on a slow link), unless the first one ended like this: then it is sent again on purpose.
SENT_AGAIN_ON_PURPOSE = (ImportStatus.REFUSED, ImportStatus.CANCELLED, ImportStatus.FAILED)


# An upload of the same bytes by the same user within this many days shares the stored file: a file corrected and
# sent again and again, or sent as a trial each morning, was stored each time (81 copies of one file on launch day).
# Well inside the retention period, so that the purge never removes a file a new job has just been given.
UPLOAD_SHARED_DAYS = 7


def _stored_upload_of(created_by, sha256: str) -> str:
    """The stored name of a recent upload of these bytes by this user, still on disk; "" when there is none."""
    days = min(UPLOAD_SHARED_DAYS, retention_days() // 2)  # never near the purge, whatever the retention
    if created_by is None or days < 1:
        return ""
    recent = timezone.now() - datetime.timedelta(days=days)
    names = (
        ImportJob.objects.filter(
            created_by=created_by, file_sha256=sha256, created_at__gte=recent, files_purged_at__isnull=True
        )
        .exclude(file="")
        .order_by("-pk")
        .values_list("file", flat=True)
    )
    storage = ImportJob._meta.get_field("file").storage
    return next((name for name in names[:3] if storage.exists(name)), "")


UPLOAD_VOLUME_HOURS = 24


def _over_upload_volume(created_by, size: int, sha256: str) -> str:
    """Why this user may not store an upload of `size` bytes (`sha256`) now, or "": the bytes of the uploads they
    sent on the web in the last UPLOAD_VOLUME_HOURS hours, each file once (jobs sharing it: the same bytes; this one
    too, sent again after its copy was deleted), may not pass SINERGI["IMPORT_UPLOAD_MB_PER_DAY"]. Files refused at
    once are deleted at once, but one account (or a script with its session) could still send some 20 MB a second
    for the worker to read and the disk to hold meanwhile (thirty-fourth review, F6). Counted from the jobs, which
    stay after their files are removed; a file counts until its last upload is out of the window."""
    cap = limit("IMPORT_UPLOAD_MB_PER_DAY") * MEGABYTE
    since = timezone.now() - datetime.timedelta(hours=UPLOAD_VOLUME_HOURS)
    stored = list(
        ImportJob.objects.filter(created_by=created_by, created_at__gte=since, via="web")
        .exclude(file_sha256=sha256)
        .values("file_sha256")
        .annotate(size=Max("file_size"), last=Max("created_at"))
        .order_by("last")
        .values_list("size", "last")
    )
    used = sum(stored_size for stored_size, _last in stored)
    if used + size <= cap:
        return ""
    until = stored[-1][1] if stored else timezone.now()
    left = used
    for stored_size, last in stored:  # those sent longest ago leave the window first
        left -= stored_size
        if left + size <= cap:
            until = last
            break
    when = timezone.localtime(until + datetime.timedelta(hours=UPLOAD_VOLUME_HOURS), user_time_zone(created_by))
    return _(
        "Anda sudah mengunggah %(used)s MB dalam 24 jam terakhir; paling banyak %(limit)s MB sehari per pengguna. "
        "Unggah file ini lagi mulai %(when)s."
    ) % {
        "used": megabytes(used, 1),
        "limit": number_format(limit("IMPORT_UPLOAD_MB_PER_DAY"), force_grouping=True),
        "when": date_format(when, "j F Y H.i"),
    }


def _upload_sent_before(created_by, upload_key: uuid.UUID | None, entity_key: str, sha256: str) -> ImportJob | None:
    if upload_key is None:
        return None
    return ImportJob.objects.filter(
        created_by=created_by, upload_key=upload_key, entity=entity_key, file_sha256=sha256
    ).first()


PLANLESS_TRIAL = gettext_lazy(
    "Uji coba ini diperiksa oleh versi Sinergi sebelumnya, yang belum mencatat rencana impornya baris demi baris, "
    "jadi tidak dapat diimpor: data tersimpan mungkin berubah sejak itu. Periksa file ini lagi (uji coba), lalu impor."
)


@transaction.atomic
def import_job_confirm(*, job: ImportJob, actor: "User", request: HttpRequest | None = None) -> ImportJob:
    """Runs for real an import whose dry run passed, from the same stored file (it is checked again). Once: a dry
    run already imported (its page opened again with the Back button) is not imported a second time."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)  # two confirms at once: one waits, then sees the other
    if job.status != ImportStatus.CHECKED or not job.dry_run:
        raise TransitionError(_("Hanya uji coba yang lolos pemeriksaan yang dapat diimpor."))
    if job.confirmed_as() is not None:
        raise TransitionError(_("Uji coba ini sudah diimpor. Buka impornya dari daftar “Impor terakhir Anda”."))
    if job.same_file_imported_since() is not None:
        # A page left open in another tab: its figures are out of date (the page no longer offers the button).
        raise TransitionError(
            _(
                "File yang sama sudah Anda impor setelah uji coba ini diperiksa, jadi uji coba ini tidak diimpor. "
                "Buka impornya dari daftar “Impor terakhir Anda”."
            )
        )
    if job.planless_trial:
        raise TransitionError(str(PLANLESS_TRIAL))
    if not get_entity(job.entity).can_import(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))
    if not upload_present(job):
        raise FileGone(import_files_gone_message())
    # In the trial's language: its plan (plan_digest) names changes in words of that language.
    real = _run_again(
        job,
        actor=actor,
        dry_run=False,
        source=job,
        ip_address=client_ip(request),
        language=job.language,
        sheet=job.sheet,
    )
    _enqueue(real)
    return real


def _run_again(
    job: ImportJob,
    *,
    actor: "User",
    dry_run: bool,
    source: ImportJob | None,
    ip_address: str | None = None,
    language: str = "",
    sheet: str = "",
) -> ImportJob:
    """A new job over the same stored file (its checks run again from the start), of its sheet `sheet` if given.
    Every re-run (a retry, a confirmed trial, a sheet chosen) passes here, so the limit on a user's waiting jobs that
    holds for an upload is checked here too: TransitionError with the upload's words (fifty-seventh review, M3)."""
    if getattr(actor, "is_authenticated", False) and too_many_pending(ImportJob.objects.filter(created_by=actor)):
        raise TransitionError(str(TOO_MANY_PENDING))
    return ImportJob.objects.create(
        sheet=sheet,
        token=secrets.token_hex(16),
        entity=job.entity,
        dry_run=dry_run,
        source=source,
        file=job.file.name,
        original_name=job.original_name,
        file_kind=job.file_kind,
        file_size=job.file_size,
        file_sha256=job.file_sha256,
        language=language or translation.get_language() or job.language,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        created_by_name=actor.get_username(),
        access_key=access_key(actor) if getattr(actor, "is_authenticated", False) else "",
        ip_address=ip_address,
    )


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
        from .tasks import run_import_job

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


def import_job_retry(*, job: ImportJob, actor: "User", request: HttpRequest | None = None) -> ImportJob:
    """Checks a failed or cancelled job's file again, from the start, as a new dry run: a real import goes on only
    when the user confirms that dry run, as for an upload. Once per job: asked again (a double click, a second
    tab), it returns the run already made."""
    if not job.can_retry:
        if job.retried_as_id:
            return job.retried_as
        if job.may_run_again:
            raise FileGone(import_files_gone_message())  # removed after the retention period
        raise TransitionError(_("Hanya proses yang gagal atau dibatalkan yang dapat diperiksa lagi."))
    if not get_entity(job.entity).can_import(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))
    if not upload_present(job):
        raise FileGone(import_files_gone_message())
    with transaction.atomic():
        again = _run_again(job, actor=actor, dry_run=True, source=None, ip_address=client_ip(request), sheet=job.sheet)
        if not ImportJob.objects.filter(MAY_RUN_AGAIN, pk=job.pk, retried_as__isnull=True).update(retried_as=again):
            transaction.set_rollback(True)
            job.refresh_from_db()
            return job.retried_as or job
        _enqueue(again)
    return again


def import_job_read_sheet(
    *, job: ImportJob, actor: "User", sheet: str, request: HttpRequest | None = None
) -> ImportJob:
    """Checks one sheet of a workbook refused for having records on several (job.sheet_choices) as a new trial, from
    the stored file: the user imports it sheet by sheet, each all or nothing, without editing the file. The same
    sheet asked again (a double tap) while its trial waits or runs gives that trial."""
    if job.status != ImportStatus.REFUSED or sheet not in (job.sheet_choices or []):
        raise TransitionError(_("Lembar ini tidak dapat dipilih untuk impor ini."))
    if not get_entity(job.entity).can_import(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))
    if not upload_present(job) or job.files_purged_at is not None:
        raise FileGone(import_files_gone_message())
    with transaction.atomic():
        waiting = (
            ImportJob.objects.select_for_update()
            .filter(
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
                file=job.file.name,
                sheet=sheet,
                dry_run=True,
                status__in=(ImportStatus.QUEUED, ImportStatus.RUNNING),
            )
            .first()
        )
        if waiting is not None:
            return waiting
        trial = _run_again(job, actor=actor, dry_run=True, source=None, ip_address=client_ip(request), sheet=sheet)
        _enqueue(trial)
    return trial


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
    from .exports import export_job_settle

    ended = []
    for model, settle in ((ImportJob, import_job_settle), (ExportJob, export_job_settle)):
        for job in model.objects.filter(status__in=("queued", "running")):
            try:
                if settle(job=job).status not in ("queued", "running"):
                    ended.append(job.pk)
            except Exception:
                logger.exception("Could not settle %s %s", model._meta.verbose_name, job.pk)
    return ended


SMALL_JOB_PRIORITY = 10  # the queue's priority of a small file (models.SMALL_FILE_BYTES)


def _enqueue(job: ImportJob) -> None:
    from .tasks import run_import_job

    task = run_import_job.using(priority=SMALL_JOB_PRIORITY) if job.file_size <= SMALL_FILE_BYTES else run_import_job

    def send() -> None:
        result = task.enqueue(job.pk)
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    # Saleor's rule: the worker must never see a job whose row is not committed yet.
    transaction.on_commit(send)


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def _text_named_as_a_workbook(job: ImportJob) -> str:
    """Why a file named as a workbook was read as a CSV (a CSV saved as "data.xlsx", a download renamed): the file's
    content decides, and "File CSV dibaca sebagai …" alone left the user, who sent an .xlsx, wondering (the
    fifty-ninth review). Empty for any other file."""
    suffix = file_type(job.original_name)
    if job.file_kind != CSV or suffix not in WORKBOOK_SUFFIXES:
        return ""
    return _(
        "File “%(name)s” bernama %(suffix)s, tetapi isinya teks (CSV), bukan buku kerja, sehingga dibaca sebagai "
        "CSV. Bila ini tidak terduga, buka file di Excel dan simpan lagi sebagai Excel Workbook (.xlsx)."
    ) % {"name": job.original_name, "suffix": suffix}


def import_job_run(
    *,
    job_id: int,
    actor: "User | SystemActor | None" = None,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> ImportJob:
    """Runs one queued job to the end: checks (and unless dry run, writes) its file, stores counts, problems,
    preview and error report, and writes one audit event. Called by the task worker and by import_data."""

    # The lock is held from before the job is marked running until after it is marked finished: a job running
    # without it was abandoned by a worker that died (import_job_settle).
    with runners.running("import", job_id, claim=runners.claimer(ImportJob, job_id)) as claimed:
        job = ImportJob.objects.select_related("created_by").get(pk=job_id)
        if not claimed:
            return job  # cancelled before it started, or already run (a task delivered twice)
        actor = actor or job.created_by or SystemActor()
        # The worker has no request: the file's "today" and its zoned timestamps are read on the clock of the user
        # it runs for, as their form would (a Papua operator's admission of today is not in the future).
        with timezone.override(user_time_zone(actor)), work_from(job.ip_address):
            return _import_job_run(job, actor, on_progress)


def _absent_elsewhere(job: ImportJob) -> dict[str, set[int]]:
    """For a sheet of several: the other sheets of the same file checked or imported before it, each with the records
    its latest run found absent from it (a client list's; see ImportJob.absent_person_ids). A trial counts too: a
    sheet whose rows all match the stored records has nothing to import, and is only ever checked."""
    if not job.sheet:
        return {}
    found: dict[str, set[int]] = {}
    earlier = (
        ImportJob.objects.filter(
            entity=job.entity,
            file_sha256=job.file_sha256,
            status__in=(ImportStatus.CHECKED, ImportStatus.SUCCEEDED),
            absent_person_ids__isnull=False,
        )
        .exclude(sheet__in=["", job.sheet])
        .order_by("-finished_at", "-pk")
        .values_list("sheet", "absent_person_ids")
    )
    for sheet, ids in earlier:
        found.setdefault(sheet, set(ids))
    return found


def _import_job_run(
    job: ImportJob, actor: "User | SystemActor", on_progress: Callable[[str, int, int], None] | None
) -> ImportJob:
    entity = get_entity(job.entity)

    def progress(phase: str, done: int, total: int) -> bool:
        if on_progress is not None:
            on_progress(phase, done, total)
        if phase != ImportPhase.SAVING or not connection.in_atomic_block:
            # Not inside the import's own transaction: nobody would see it before the commit, and it would hold the
            # job's row locked against the user's cancel until then.
            try:
                ImportJob.objects.filter(pk=job.pk).update(phase=phase, rows_done=done, rows_total=total)
            except OperationalError as error:
                if not is_busy(error):
                    raise
                # SQLite's one write lock held past its timeout by another process: the bar waits for the next
                # step; a trial (which writes nothing else) is not failed for its progress.
                logger.warning("Import job %s: progress not stored, the database was busy", job.pk)
        return import_job_stop_requested(job)

    def on_saved(result: ImportResult) -> None:
        _audit(job, actor, result, "succeeded")

    def on_lock_wait(since: datetime.datetime | None) -> None:
        # From the watching thread's own connection: the import's is the one that waits.
        ImportJob.objects.filter(pk=job.pk).update(lock_wait_since=since)

    if not upload_present(job):
        # Removed between its trial and now (lost, or by hand): said as such, not as a damaged file of the user's.
        with translation.override(job.language):
            result = ImportResult(status="failed", message=import_files_gone_message())
            _store_result(job, result)
            _audit(job, actor, result, "failed")
        return job
    refused_whole = False
    with translation.override(job.language), _stored_file(job) as path:
        try:
            result = run_import(
                entity=entity,
                path=path,
                kind=job.file_kind,
                actor=actor,
                dry_run=job.dry_run,
                progress=progress,
                on_saved=on_saved,
                expected_plan=job.source.plan_digest if job.source is not None else "",
                audit_via={"import_job": job.pk},
                sheet=job.sheet,
                absent_elsewhere=_absent_elsewhere(job),
                stop_requested=lambda: import_job_stop_requested(job),
                on_lock_wait=on_lock_wait,
            )
        except ImportCancelled:
            result = ImportResult(status="cancelled", message=str(CANCELLED_DRY_RUN if job.dry_run else CANCELLED))
        except OperationalError as error:
            logger.exception("Import job %s failed", job.pk)
            failed = ImportResult(status="failed", message=str(JOB_BUSY if is_busy(error) else FAILED))
            result = _saved_despite(job, failed)
        except Exception:
            logger.exception("Import job %s failed", job.pk)
            result = _saved_despite(job, ImportResult(status="failed", message=str(FAILED)))
        if result.status == "succeeded" and (differs := _differs_from_trial(job, result)):
            result.notices.insert(0, differs)
        if named_otherwise := _text_named_as_a_workbook(job):
            result.notices.insert(0, named_otherwise)
        if result.status == "succeeded":
            # Saved and committed: while the report is written (seconds for thousands of warnings), the page says
            # so and no longer offers a cancel that could only come too late.
            ImportJob.objects.filter(pk=job.pk).update(phase=ImportPhase.SAVING, rows_done=F("rows_total"))
        job.refresh_from_db()
        if result.problems or result.warnings or result.preview.get("_changes"):
            # A run with warnings only gets a report too: the rows as uploaded plus a sheet of the warnings; so does
            # one with more changes than the page lists (a sheet of them all). Stored before the job is marked
            # finished: the page stops asking once it sees the end, and must find the report then.
            try:
                report = error_report_bytes(
                    path=path, kind=job.file_kind, entity=entity, result=result, sheet=job.sheet
                )
                job.error_report.save(f"{job.token}.xlsx", ContentFile(report), save=False)
            except Exception as error:
                # The run's outcome stands (its rows saved or not, its problems listed on the page); only the
                # report is missing, and said so. Stored or not, whole: no partial file stays (core.storage).
                logger.exception("Import job %s: its report could not be written", job.pk)
                result.notices.insert(0, str(REPORT_FAILED))
                if storage_refused(error):
                    result.notices.insert(1, str(STORAGE_REFUSED))
        _store_result(job, result)
        if not job.dry_run and result.status != "succeeded":
            _audit(job, actor, result, result.status)
        elif job.dry_run:
            # A trial that ran to its end, its rows refused or not, "checked"; one cancelled or failed on the way
            # says so, as a real import does: "checked" with no rows read like a trial of an empty file (the
            # thirty-eighth review).
            _audit(job, actor, result, result.status if result.status in ("cancelled", "failed") else "checked")
        refused_whole = _refused_as_a_whole(job)
    if refused_whole:
        _refused_upload_delete(job)
    return job


def _refused_as_a_whole(job: ImportJob) -> bool:
    """Whether a finished job's upload serves nothing more: the file itself was refused (not a spreadsheet, no
    header, too many columns, a required column missing), not its rows (a report lists them, from the upload), and
    the job may not be run again from it (ImportJob.may_run_again) nor one of its sheets chosen (sheet_choices).
    Called in the job's language: an import stopped by another one saving (BUSY) is run again by its user."""
    return (
        job.status == ImportStatus.REFUSED
        and not job.refused_count
        and not job.sheet_choices
        and not job.may_run_again
        and job.message != str(BUSY)
    )


def _refused_upload_delete(job: ImportJob) -> None:
    """Deletes the stored upload of a job refused as a whole at once, instead of keeping it the retention period
    (30 days) for nothing: 25 MB files refused within a second filled the disk at 20 MB a second, and may hold
    personal data under a header that is not ours (thirty-fourth review, F6). The job keeps its row, message,
    report and audit event; its file field is blanked (no retry, no sharing: _stored_upload_of). A copy shared
    with another job (the same bytes uploaded for another kind of data) stays for that job."""
    name = job.file.name
    if not name:
        return
    if not ImportJob.objects.filter(file=name).exclude(pk=job.pk).exists():
        try:
            job.file.storage.delete(name)
        except OSError:
            # Kept under its job, whose retention purge removes it later.
            logger.exception("Import job %s: its refused upload could not be deleted", job.pk)
            return
    ImportJob.objects.filter(pk=job.pk).update(file="")
    job.file.name = ""


TOO_MANY_PENDING = gettext_lazy(
    "Anda sudah punya beberapa impor atau ekspor yang menunggu atau sedang berjalan. Tunggu salah satunya selesai "
    "(lihat daftar di halaman Impor/Ekspor), lalu coba lagi."
)


def too_many_pending(jobs) -> bool:
    """Whether a user's jobs (a queryset of theirs) already hold as many waiting or running as one may have. Those
    asked for more than six hours ago are not counted: a job left "running" by a worker that died (until its page
    settles it) must not lock its user out."""
    recent = timezone.now() - datetime.timedelta(hours=6)
    pending = jobs.filter(status__in=("queued", "running"), created_at__gte=recent)
    return pending.count() >= limit("JOBS_PENDING_PER_USER")


JOB_BUSY = gettext_lazy(
    "Basis data sedang dipakai proses lain terlalu lama, sehingga proses ini dihentikan. Tidak ada data dari file ini "
    "yang disimpan; jalankan lagi sebentar lagi."
)
STORAGE_REFUSED = gettext_lazy(
    "Server tidak dapat menyimpan file (ruang penyimpanan penuh atau tidak dapat ditulis). Tidak ada file yang "
    "disimpan; laporkan ke admin, lalu coba lagi nanti."
)
REPORT_FAILED = gettext_lazy(
    "Laporan (.xlsx) untuk impor ini tidak dapat dibuat; masalah pertama tercantum di halaman ini. Perbaiki yang "
    "tercantum, lalu unggah lagi."
)


def _differs_from_trial(job: ImportJob, result: ImportResult) -> str:
    """Why an import confirmed from a trial run counts otherwise than the trial did: the stored data changed in
    between (most often the same rows saved by another import), so "0 dibuat" after "60.000 akan dibuat" is said,
    not left to alarm."""
    trial = job.source
    if trial is None:
        return ""
    planned = (trial.created_count, trial.updated_count, trial.unchanged_count)
    if planned == (result.created, result.updated, result.unchanged):
        return ""
    return _(
        "Angka ini berbeda dari uji cobanya (akan dibuat %(created)s, akan diubah %(updated)s, tidak berubah "
        "%(unchanged)s) karena data tersimpan berubah sejak uji coba, misalnya baris yang sama sudah disimpan oleh "
        "impor lain. Setiap baris dibandingkan lagi dengan data terbaru saat disimpan; tidak ada yang tercatat dua "
        "kali."
    ) % {
        "created": number_format(trial.created_count, force_grouping=True),
        "updated": number_format(trial.updated_count, force_grouping=True),
        "unchanged": number_format(trial.unchanged_count, force_grouping=True),
    }


def _saved_event(job: ImportJob) -> dict | None:
    """The data of the audit event a real import writes in its own transaction when it saves (its counts), or None:
    whether the rows were saved, whatever the run could or could not say afterwards."""
    return (
        AuditEvent.objects.filter(
            action="exchange.import.succeeded", object_type=ImportJob._meta.label_lower, object_id=str(job.pk)
        )
        .values_list("data", flat=True)
        .first()
    )


def _saved_despite(job: ImportJob, failed: ImportResult) -> ImportResult:
    """A run that failed as it committed (the connection dropped while the server committed): the rows may be
    saved all the same, and "nothing was saved" must not be said of them. The audit event of the same transaction
    tells."""
    if job.dry_run or (saved := _saved_event(job)) is None:
        return failed
    return ImportResult(
        status="succeeded",
        message=str(INTERRUPTED_AFTER_SAVE),
        rows_total=saved.get("rows", 0),
        created=saved.get("created", 0),
        updated=saved.get("updated", 0),
        unchanged=saved.get("unchanged", 0),
    )


def import_job_stop_requested(job: ImportJob) -> bool:
    """Whether the user asked this job to stop (on its row, or on SQLite beside its lock: runners.request_stop)."""
    return (
        runners.stop_requested("import", job.pk) or ImportJob.objects.filter(pk=job.pk, cancel_requested=True).exists()
    )


_STATUS = {
    "checked": ImportStatus.CHECKED,
    "succeeded": ImportStatus.SUCCEEDED,
    "refused": ImportStatus.REFUSED,
    "cancelled": ImportStatus.CANCELLED,
    "failed": ImportStatus.FAILED,
}


def _store_result(job: ImportJob, result: ImportResult) -> None:
    # Unconditionally: the run's own end is what happened, even over a settle that took it for dead (a retry
    # made meanwhile is a dry run, which then finds the saved rows unchanged).
    job.status = _STATUS[result.status]
    job.phase = ImportPhase.DONE
    job.finished_at = timezone.now()
    job.message = result.message
    notices = [str(n) for n in result.notices]
    warning_lines = _warning_notices(result)
    job.notices = notices + warning_lines
    if result.rows_total or result.status not in ("cancelled", "failed"):
        job.rows_total = result.rows_total
        job.rows_done = result.rows_total
    # else: stopped before the end, the run says nothing of the file; the rows its progress counted stay (a cancelled
    # import of 60,000 rows is listed with them, not with 0).
    job.plan_digest = result.plan_digest
    job.sheet_choices = result.sheets
    job.absent_person_ids = result.absent_ids
    job.created_count = result.created
    job.updated_count = result.updated
    job.unchanged_count = result.unchanged
    job.refused_count = result.refused_rows
    job.problem_count = len(result.problems)
    # A problem of a whole column (at its header: "this column is month-first") first, as the report has it: it
    # explains the rows' problems below it, and was folded away after them, or past the page's first problems.
    whole_columns = sorted(result.problems, key=lambda p: p.row > result.header_row)
    job.problems = [
        [p.row, p.column, kept_value(p.value), _numbers_masked(p.message)] for p in whole_columns[:PAGE_PROBLEMS]
    ]
    job.preview = {k: list(v) for k, v in result.preview.items() if not k.startswith("_")}
    # Grouped over all the problems and warnings (the page keeps only the first ones of each): the page says
    # "1.999 baris: …" instead of listing the same message 200 times.
    if result.problems:
        job.preview["problem_groups"] = problem_groups(result.problems, header_row=result.header_row)
    if result.warnings:
        groups = warning_groups(result.warnings)
        job.preview["warnings"] = {
            "count": len(result.warnings),
            "kinds": len(groups),
            "groups": groups[:PAGE_WARNING_KINDS],
            # The notices holding these warnings as text (for `import_data`); the page shows the groups instead.
            "notices": [len(notices), len(notices) + len(warning_lines)],
        }
    # Not cancel_requested: a cancel that came after the last check is kept (the page says it came too late).
    job.save(update_fields=[*_RESULT_FIELDS, "error_report"])
    if runners.stop_requested("import", job.pk):
        ImportJob.objects.filter(pk=job.pk).update(cancel_requested=True)
    job.refresh_from_db(fields=["cancel_requested"])


_RESULT_FIELDS = [
    "status", "phase", "finished_at", "message", "notices", "rows_total", "rows_done", "created_count",
    "updated_count", "unchanged_count", "refused_count", "problem_count", "problems", "preview", "plan_digest",
    "sheet_choices", "absent_person_ids",
]  # fmt: skip


# The values a warning's words carry (a date, an age, a count): warnings that differ only in them are one kind. A
# name in quotes is words, digits and all ("LKSA Harapan 2" and "LKSA Harapan 3" are two LKS, not one with "…").
_WARNING_VALUES = re.compile(r"(“[^”]*”)|(\d{1,2}-\d{1,2}-\d{4}|\d+(?:[.,]\d+)*)")


def _warning_parts(message: str) -> list[str]:
    """A warning's message as words, value, words, value, ..., words (quoted names belong to the words)."""
    parts, words, at = [], [], 0
    for found in _WARNING_VALUES.finditer(message):
        words.append(message[at : found.start()])
        at = found.end()
        if found.group(1):  # a quoted name: kept with the words around it
            words.append(found.group(1))
            continue
        parts += ["".join(words), found.group(2)]
        words = []
    return [*parts, "".join(words) + message[at:]]


def warning_groups(warnings: list[Problem]) -> list[dict]:
    """Warnings of the same column and rule as one group, the most frequent first: its count and the first rows
    (every row, with its own message, is in the report). A rule's message names the row's values ("Usia 5 tahun saat
    masuk (16-01-2024) ..."): grouped by the words around them, and the values that differ within a group are shown
    as "…" (those all its rows share, such as the category's age limits, stay)."""
    groups: dict[tuple, dict] = {}
    for warning in warnings:
        parts = _warning_parts(warning.message)
        group = groups.get(key := (warning.column, tuple(parts[0::2])))
        if group is None:
            group = groups[key] = {"column": warning.column, "parts": parts, "count": 0, "rows": []}
        elif group["parts"] != parts:
            group["parts"] = [
                kept if index % 2 == 0 or kept == given else "…"
                for index, (kept, given) in enumerate(zip(group["parts"], parts, strict=True))
            ]
        group["count"] += 1
        if len(group["rows"]) < PAGE_PROBLEMS:
            group["rows"].append(warning.row)
    found = [
        {"column": g["column"], "message": "".join(g.pop("parts")), "count": g["count"], "rows": g["rows"]}
        for g in groups.values()
    ]
    return sorted(found, key=lambda g: -g["count"])  # stable: equal counts stay in row order


def problem_groups(problems: list[Problem], *, header_row: int = 0) -> list[dict]:
    """Problems per column, the column with most problem rows first: how many rows and the first ten of them.
    By column, not message: a cell's message names its value, so no two would be alike. A problem of the whole
    column (at the header) is no row of data: not counted ("27 baris" of a file of 26)."""
    rows: dict[str, list[int]] = {}
    for problem in problems:
        if problem.row <= header_row:
            continue
        seen = rows.setdefault(problem.column, [])
        if not seen or seen[-1] != problem.row:
            seen.append(problem.row)
    groups = [{"column": column, "count": len(numbers), "rows": numbers[:10]} for column, numbers in rows.items()]
    return sorted(groups, key=lambda g: -g["count"])


def _warning_notices(result: ImportResult) -> list[str]:
    """Warnings (rows that import but deserve a look, e.g. an age outside a category's rule) as notices, for
    `import_data`: a count, then one line per kind with its first rows (the page shows them from the groups)."""
    if not result.warnings:
        return []
    count = len(result.warnings)
    lines = [
        ngettext(
            "%(count)s peringatan (data tetap dapat diimpor; periksa baris berikut).",
            "%(count)s peringatan (data tetap dapat diimpor; periksa baris berikut).",
            count,
        )
        % {"count": number_format(count, force_grouping=True)}
    ]
    for group in warning_groups(result.warnings)[:PAGE_WARNING_KINDS]:
        where = f"{group['column']}: " if group["column"] else ""
        rows = group["rows"]
        lines.append(
            ngettext(
                "%(count)s baris: %(message)s (baris %(rows)s)",
                "%(count)s baris: %(message)s (baris %(rows)s)",
                group["count"],
            )
            % {
                "count": number_format(group["count"], force_grouping=True),
                "message": f"{where}{group['message']}",
                "rows": ", ".join(str(row) for row in rows[:10]) + ("…" if group["count"] > 10 else ""),
            }
        )
    return lines


def import_upload_refused(
    *, actor: "User", entity_key: str, original_name: str, size: int, reason: str, request: HttpRequest | None = None
) -> None:
    """An upload refused before any row was read (not a spreadsheet, too large, a zip bomb, too many jobs): kept
    no file and made no job, but is recorded, so that files sent to probe the reader are seen."""
    audit_record(
        actor=actor,
        action="exchange.import.upload_refused",
        request=request,
        data={
            "entity": entity_key,
            "file_type": file_type(original_name),
            "size": size,
            "reason": reason[:300],
        },
    )


def import_report_downloaded(*, job: ImportJob, actor: "User", request: HttpRequest | None = None) -> None:
    """An import's report was downloaded: it holds the file's rows, full NIKs among them (UU PDP: who took what)."""
    audit_record(
        actor=actor,
        action="exchange.import.report_downloaded",
        obj=job,
        request=request,
        data={
            "entity": job.entity,
            "file_type": file_type(job.original_name),
            "rows": job.rows_total,
            "problems": job.problem_count,
        },
    )


def _audit(
    job: ImportJob,
    actor: "User | SystemActor | None",
    result: ImportResult,
    outcome: str,
    request: HttpRequest | None = None,
) -> None:
    try:
        purpose = get_entity(job.entity).import_purpose
    except LookupError:
        purpose = ""
    audit_record(
        actor=actor,
        action=f"exchange.import.{outcome}",
        obj=job,
        purpose=purpose,  # as its access-log lines say (UU PDP): shown in the log's "Tujuan" column
        request=request,
        ip_address=job.ip_address,  # (the upload's, for the run that the worker does later without a request)
        data={
            "entity": job.entity,
            "dry_run": job.dry_run,
            "file_type": file_type(job.original_name),
            "sha256": job.file_sha256,
            # (not the sheet's name: people name sheets after a child as they do files)
            "via": job.via,
            # Who ran the command on the server: several administrators may share it, and "Sistem" tells them
            # apart from nobody.
            **({"os_user": _os_user()} if job.via == COMMAND_LINE else {}),
            **result.counts,
            "warnings": len(result.warnings),
            **result.extra,
            "seconds": round(result.seconds, 2),
        },
    )


COMMAND_LINE = "command line"


def _os_user() -> str:
    """The server account that runs this process, and the one it was reached from through sudo."""
    try:
        account = pwd.getpwuid(os.geteuid()).pw_name  # the process's own, not $USER, which anyone may set
    except KeyError:  # no name for the uid (a container)
        account = str(os.geteuid())
    sudo = os.environ.get("SUDO_USER", "")
    return f"{account} (sudo {sudo})" if sudo and sudo != account else account


@contextlib.contextmanager
def _as_local_file(file: File) -> Iterator[Path]:
    """A path to the upload's bytes (Django keeps small uploads in memory, large ones in a temporary file)."""
    if hasattr(file, "temporary_file_path"):
        yield Path(file.temporary_file_path())
        return
    with tempfile.NamedTemporaryFile(suffix=".upload") as temporary:
        file.seek(0)
        for chunk in file.chunks():
            temporary.write(chunk)
        temporary.flush()
        yield Path(temporary.name)


def upload_present(job: ImportJob) -> bool:
    """Whether the job's upload is still stored: named on the job and on the disk (a file lost or removed by hand
    leaves its name behind)."""
    return bool(job.file) and job.file.storage.exists(job.file.name)


@contextlib.contextmanager
def _stored_file(job: ImportJob) -> Iterator[Path]:
    """The stored upload as a local path (copied down first when the storage is not a local disk)."""
    try:
        local = Path(job.file.path)
    except NotImplementedError:
        local = None
    if local is not None:
        yield local
        return
    with tempfile.NamedTemporaryFile(suffix=".upload") as temporary, job.file.open("rb") as stored:
        shutil.copyfileobj(stored, temporary)
        temporary.flush()
        yield Path(temporary.name)


# ---------------------------------------------------------------------------------------------- retention


def retention_days() -> int:
    """Days the files of a finished import or export are kept (settings.SINERGI["EXCHANGE_FILE_RETENTION_DAYS"])."""
    return int(settings.SINERGI.get("EXCHANGE_FILE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def import_files_gone_message(days: int | None = None) -> str:
    if days is None:
        return _("File unggahan impor ini sudah tidak tersimpan lagi. Unggah file lagi bila masih diperlukan.")
    return _(
        "File unggahan dan laporan impor ini dihapus otomatis %(days)s hari setelah impor selesai (masa simpan), "
        "bersama daftar data yang dibuat dan diubah beserta isiannya; jumlahnya tetap tercatat. Unggah file lagi "
        "bila masih diperlukan."
    ) % {"days": days}


def export_file_gone_message(days: int | None = None) -> str:
    if days is None:
        return _("File ekspor ini sudah tidak tersimpan lagi. Buat ekspor baru bila masih diperlukan.")
    return _(
        "File ekspor ini dihapus otomatis %(days)s hari setelah selesai (masa simpan). "
        "Buat ekspor baru bila masih diperlukan."
    ) % {"days": days}


@dataclass
class PurgedJob:
    """A job whose stored files were (or, in a dry run, would be) removed."""

    kind: str  # "import" | "export" | "unnamed" (files no job names, pk 0)
    pk: int
    finished_at: datetime.datetime | None
    files: list[str] = field(default_factory=list)
    error: str = ""  # why its files could not be deleted (PurgeIncomplete)


# Longer than any write of a file takes, however slow the disk.
PARTIAL_FILES_KEPT = datetime.timedelta(days=1)


def exchange_files_purge(*, now: datetime.datetime | None = None, dry_run: bool = False) -> list[PurgedJob]:
    """Removes the uploads, reports and export files of jobs finished more than the retention period ago.

    The job rows stay, with their counts and audit trail; their file fields are blanked and an import's notices say
    that the file was removed and after how many days (an export's page says so from its file_purged_at). A queued
    or running job is never touched, and an upload still needed by another job (a confirmed dry run shares its file
    with the real import) is kept until that job ages out too. Called hourly by `send_reminders` and by
    `manage.py purge_exchange_files`. Also the half-written files a process killed mid-write left (core.storage), a
    day old: named by no job, they would otherwise stay. And any other file under exchange/ that no job names, a
    day past the retention (brought back by a restore of the media folder, for one): listed as one "unnamed" entry.
    Raises PurgeIncomplete, after purging all it could, when the storage refused to delete some files."""
    now = now or timezone.now()
    location = getattr(ImportJob._meta.get_field("file").storage, "location", None)
    if not dry_run and location and (removed := partial_files_remove(Path(location), older_than=PARTIAL_FILES_KEPT)):
        logger.warning("Removed %s half-written files left by killed processes", removed)
    days = retention_days()
    cutoff = now - datetime.timedelta(days=days)
    old = Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, created_at__lt=cutoff)
    purged: list[PurgedJob] = []
    failed: list[PurgedJob] = []  # due, but the storage refused to delete their files

    import_due = Q(status__in=FINISHED_STATUSES, files_purged_at__isnull=True) & old
    # The due jobs by id first, each read whole in its own transaction: a year's backlog (thousands of jobs with
    # their previews) is never held in memory at once.
    due = ImportJob.objects.filter(import_due).exclude(file="", error_report="")
    storage = ImportJob._meta.get_field("file").storage
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            # Locked, as a confirm locks its trial: a confirm waits for the purge (then finds the file gone), or the
            # purge for the confirm (then finds the upload shared with the import it made). Read as plain values: a
            # model instance and its file fields refer to each other, and would stay in memory until a full
            # collection of cycles, several previews at a time.
            job = (
                due.select_for_update()
                .filter(pk=pk)
                .values(
                    "file", "error_report", "original_name", "language", "notices", "preview", "problems", "finished_at"
                )
                .first()
            )
            if job is None:
                continue
            upload, report = job["file"], job["error_report"]
            shared = bool(upload) and ImportJob.objects.filter(file=upload).exclude(import_due).exists()
            names = [name for name in ("" if shared else upload, report) if name]
            if not dry_run:
                if error := _delete_stored(storage, names):
                    failed.append(PurgedJob("import", pk, job["finished_at"], names, error.strerror or str(error)))
                    continue
                with translation.override(job["language"]):
                    notice = import_files_gone_message(days)
                ImportJob.objects.filter(pk=pk).update(
                    **_import_files_emptied(
                        now=now,
                        notice=notice,
                        original_name=job["original_name"],
                        notices=job["notices"],
                        preview=job["preview"],
                        problems=job["problems"],
                    )
                )
        purged.append(PurgedJob("import", pk, job["finished_at"], names))

    export_due = Q(status__in=EXPORT_FINISHED_STATUSES, file_purged_at__isnull=True) & old
    for export in list(ExportJob.objects.filter(export_due).exclude(file="").order_by("pk")):
        names = [export.file.name]
        if not dry_run:
            if error := _delete_stored(export.file.storage, names):
                failed.append(PurgedJob("export", export.pk, export.finished_at, names, error.strerror or str(error)))
                continue
            # No message stored: its page says that the file was removed in the language of whoever reads it. A word
            # searched for (often a name) goes with the file, as its audit event never kept it.
            kept = {name: values for name, values in export.filters.items() if name not in FREE_TEXT_FILTERS}
            ExportJob.objects.filter(pk=export.pk).update(file="", file_purged_at=now, filters=kept)
        purged.append(PurgedJob("export", export.pk, export.finished_at, names))

    if location and (unnamed := _unnamed_files(Path(location), before=cutoff - UNNAMED_FILES_KEPT_BEYOND)):
        refused = {} if dry_run else {name: error for name in unnamed if (error := _delete_stored(storage, [name]))}
        if gone := [name for name in unnamed if name not in refused]:
            purged.append(PurgedJob("unnamed", 0, None, gone))
        if refused:
            reasons = "; ".join(sorted({error.strerror or str(error) for error in refused.values()}))
            failed.append(PurgedJob("unnamed", 0, None, list(refused), reasons))
    if failed:
        raise PurgeIncomplete(purged, failed)
    return purged


# A file under exchange/ that no job names is removed this long after the retention: one whose job is being
# written (an upload saved before its job row commits) is not yet old, nor one restored with its job.
UNNAMED_FILES_KEPT_BEYOND = datetime.timedelta(days=1)


def _unnamed_files(location: Path, *, before: datetime.datetime) -> list[str]:
    """The stored names of the files under exchange/ last changed before `before` that no job names: brought back by
    a restore of a media backup taken before the purge blanked their jobs (or copied there by hand), they would
    otherwise stay for ever. Half-written files are left to partial_files_remove."""
    root = location / "exchange"
    if not root.is_dir():
        return []
    cutoff = before.timestamp()
    old: list[str] = []
    for path in root.rglob("*"):
        with contextlib.suppress(FileNotFoundError):
            if not path.name.startswith(PARTIAL_PREFIX) and path.is_file() and path.stat().st_mtime < cutoff:
                old.append(path.relative_to(location).as_posix())
    named: set[str] = set()
    for start in range(0, len(old), 500):
        chunk = old[start : start + 500]
        named.update(ImportJob.objects.filter(file__in=chunk).values_list("file", flat=True))
        named.update(ImportJob.objects.filter(error_report__in=chunk).values_list("error_report", flat=True))
        named.update(ExportJob.objects.filter(file__in=chunk).values_list("file", flat=True))
    return sorted(name for name in old if name not in named)


def _import_files_emptied(
    *,
    now: datetime.datetime,
    notice: str,
    original_name: str,
    notices: list,
    preview: dict | None,
    problems: list,
    redacted: Callable = lambda value: value,
) -> dict:
    """The fields of an import job whose files are removed (by the retention, or with an erasure): no file, no
    report, its lists without what the file said of each record, and `notice` saying why. `redacted` takes the
    person's names out of what stays (an erasure)."""
    return {
        "file": "",
        "error_report": "",
        "files_purged_at": now,
        # a file named after a person ("nik_6371….xlsx") keeps only the masked number in the lists
        "original_name": _numbers_masked(original_name),
        "notices": [*redacted(notices), notice],
        "preview": redacted(_without_cells_as_read(preview)),
        # the cells themselves go with the file; where the problems were, and why, stays
        "problems": [[row, column, "", redacted(message)] for row, column, _value, message in problems],
    }


def _without_cells_as_read(preview: dict | None) -> dict | None:
    """A job's preview without what the file said of each record (the new records with their cells as read, the
    updated ones with their values before and after, and their names): kept only as long as the upload itself. A
    trial never confirmed wrote its values nowhere else. The counts stay on the job, and the warnings grouped."""
    if not preview:
        return preview
    return {**preview, "create": [], "update": []}


def _delete_stored(storage, names: list[str]) -> OSError | None:
    """Deletes the stored files (a file already missing counts as deleted); the error when the storage refused, so
    that the job keeps its file fields and the next run tries again."""
    for name in names:
        try:
            storage.delete(name)
        except OSError as error:
            logger.exception("Could not delete the exchange file %s", name)
            return error
    return None


# ---------------------------------------------------------------------------------------------- erasure


def import_erased_notice() -> str:
    return _(
        "File unggahan dan laporan impor ini dihapus lebih awal, bersama daftar data yang dibuat dan diubah beserta "
        "isiannya, karena memuat data orang yang datanya dihapus (hak subjek data); jumlahnya tetap tercatat. Unggah "
        "file lagi bila masih diperlukan."
    )


def export_erased_message() -> str:
    return _(
        "File ekspor ini dihapus lebih awal karena memuat data orang yang datanya dihapus (hak subjek data). "
        "Buat ekspor baru bila masih diperlukan."
    )


@dataclass(frozen=True)
class JobWindow:
    """When a job ran and as whom: an access-log line written by that actor in that time was written by its run."""

    pk: int
    actor_id: int | None
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None

    def wrote(self, actor_id: int | None, at: datetime.datetime) -> bool:
        if self.started_at is None or self.finished_at is None or actor_id != self.actor_id:
            return False
        # A second either side: the lines take the time of their write, the job its own reading of the clock.
        return self.started_at - _CLOCK_SLACK <= at <= self.finished_at + _CLOCK_SLACK


_CLOCK_SLACK = datetime.timedelta(seconds=1)


def erasure_candidates(entity: str, *, now: datetime.datetime) -> tuple[list[JobWindow], list[JobWindow]]:
    """The finished import and export jobs of `entity` whose files are still stored: the only ones an erasure can
    still reach early (older ones were, or are about to be, purged by the retention)."""
    since = now - datetime.timedelta(days=retention_days()) - datetime.timedelta(days=2)
    imports = ImportJob.objects.filter(
        entity=entity, status__in=FINISHED_STATUSES, files_purged_at__isnull=True, finished_at__gte=since
    )
    exports = ExportJob.objects.filter(
        entity=entity, report="", status=ExportStatus.SUCCEEDED, file_purged_at__isnull=True, finished_at__gte=since
    ).exclude(file="")
    return (
        [JobWindow(*row) for row in imports.values_list("pk", "created_by_id", "started_at", "finished_at")],
        [JobWindow(*row) for row in exports.values_list("pk", "requested_by_id", "started_at", "finished_at")],
    )


class _Quotes:
    """Where a text names the erased person: a name of several words or a number as a whole word anywhere (in any
    case, with any spacing); a name of one word only as a whole value or between quotation marks (“Siti”): as a
    word of a text it would find every Siti Aminah and every mother called Siti in the server's files, and purge
    and redact them too. Applied to each string of a job's data in turn, never to the data written as JSON, where
    a line break is the two characters "\\n" (a person "Nani" would be found in "…:\\nAni…", and its redaction would
    leave an escape JSON cannot read, aborting the erasure) and a name could span two strings."""

    def __init__(self, identifiers: list[str]) -> None:
        words, single = set(), set()
        for text in identifiers:
            text = " ".join(text.split())
            if len(text) < 3:
                continue
            (words if " " in text or text.isdigit() else single).add(text)

        def alternatives(found: set[str]) -> str:
            return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(found, key=len, reverse=True))

        parts = [rf"(?<!\w)(?:{alternatives(words)})(?!\w)"] if words else []
        if single:
            parts.append(rf"(?<=[“\"'‘])(?:{alternatives(single)})(?=[”\"'’])")
        self.anywhere = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        self.whole = re.compile(rf"\s*(?:{alternatives(single)})\s*", re.IGNORECASE) if single else None
        # A quick look at a job's data written as JSON first: most jobs do not hold any word of the person, and
        # are then not read string by string (hundreds of jobs of 200 records each).
        firsts = {word.split()[0] for word in words | single}
        firsts |= {json.dumps(word, ensure_ascii=False)[1:-1] for word in firsts}  # a quote or backslash escaped
        self.maybe = re.compile("|".join(map(re.escape, sorted(firsts))), re.IGNORECASE) if firsts else None
        # For the database's look: of each name or number, the runs of three ASCII letters or digits and more of its
        # words (SQLite stores JSON with the other letters escaped, and compares only ASCII letters in any case),
        # all of which a text naming it holds; none to look for when a name has no such run (every job is read).
        runs = [[run for run in re.findall(r"[A-Za-z0-9]+", word) if len(run) >= 3] for word in words | single]
        self.runs = runs if all(runs) else []

    def __bool__(self) -> bool:
        return self.maybe is not None

    def in_text(self, text: str) -> bool:
        return bool(
            (self.whole is not None and self.whole.fullmatch(text))
            or (self.anywhere is not None and self.anywhere.search(text))
        )

    def in_file_name(self, name: str) -> bool:
        """A file named after the person however the words are joined: "data_bunga_auditia_uji.xlsx",
        "nik-6371….csv" (an underscore is part of a word for a regular expression)."""
        return self.in_text(re.sub(r"[\s_.+-]+", " ", Path(name).stem)) or self.in_text(name)

    def in_data(self, value) -> bool:
        if not self or not self.maybe.search(json.dumps(value, ensure_ascii=False)):
            return False
        return any(self.in_text(text) for text in _strings(value))

    def redacted(self, value):
        """`value` (a text, or JSON data) with the person's names and numbers replaced by "***"; the keys, which
        are the program's own words, and everything else as it was."""
        if isinstance(value, str):
            if self.whole is not None and self.whole.fullmatch(value):
                return "***"
            return self.anywhere.sub("***", value) if self.anywhere is not None else value
        if isinstance(value, dict):
            return {key: self.redacted(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.redacted(item) for item in value]
        return value


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def import_jobs_quoting(pks: list[int], identifiers: list[str]) -> list[int]:
    """Of the import jobs `pks`, those whose file name or stored lists (records as read, changes, problems, notices)
    name the person: a refused file or a trial quotes them before any access to a stored record is logged."""
    quotes = _Quotes(identifiers)
    if not quotes:
        return []
    # The database reads the stored lists for the words of the person first: the jobs without them (nearly all) are
    # not sent over and decoded, which took seconds for a few hundred jobs of 200 records each. PostgreSQL casts a
    # job's lists to text anew for every condition that names them (the casts were most of the time): there, one
    # expression of them all is tested once, with one pattern (all of a name's words; each name an alternative).
    # SQLite keeps JSON as text, and compares it with LIKE far faster than with a pattern (a call into Python).
    texts = {f"{name}_text": Cast(name, TextField()) for name in ("preview", "problems", "notices", "sheet_choices")}
    jobs = ImportJob.objects.annotate(lists_text=Concat(*texts.values()), **texts)
    maybe = Q(pk__isnull=False)
    if quotes.runs and connection.vendor == "postgresql":
        pattern = "|".join("^" + "".join(f"(?=.*{run})" for run in runs) for runs in quotes.runs)
        maybe = Q(original_name__iregex=pattern) | Q(sheet__iregex=pattern) | Q(lists_text__iregex=pattern)
    elif quotes.runs:
        maybe = Q()
        for runs in quotes.runs:
            for field in ("original_name", "sheet", *texts):
                maybe |= Q.create([(f"{field}__icontains", run) for run in runs])  # all of them in one field
    quoting = []
    for start in range(0, len(pks), 100):  # previews of up to 200 records each: a hundred jobs at a time
        chunk = jobs.filter(maybe, pk__in=pks[start : start + 100]).order_by("pk")
        for pk, name, sheet, preview, problems, notices, sheets in chunk.values_list(
            "pk", "original_name", "sheet", "preview", "problems", "notices", "sheet_choices"
        ):
            if quotes.in_file_name(name) or quotes.in_data([sheet, preview, problems, notices, sheets]):
                quoting.append(pk)
    return quoting


def jobs_purge_for_erasure(
    *, import_pks: list[int], export_pks: list[int], identifiers: list[str], now: datetime.datetime | None = None
) -> tuple[list[int], list[int]]:
    """Removes at once, inside the erasing transaction, what the retention would have removed within its days: the
    uploads, reports and lists of the finished import jobs `import_pks` (with any finished job sharing their upload:
    a trial and the import it made) and the files of the exports `export_pks`. Their rows stay, with their counts;
    the person's names and numbers are taken out of what the rows still say (the file and sheet names, the
    problems' messages, the notices). An upload that a queued or running job still names stays for it (it is about
    to read it): that job, untouched, is purged by the retention once it has finished, and the upload with it. The
    files are deleted once the erasure commits; one the storage refuses is logged, and, named by no job any more,
    removed by the purge's sweep of unnamed files. Returns the import and export jobs purged."""
    now = now or timezone.now()
    quotes = _Quotes(identifiers)
    finished = Q(status__in=FINISHED_STATUSES, files_purged_at__isnull=True)
    jobs = ImportJob.objects.filter(finished, pk__in=import_pks)
    uploads = list(jobs.exclude(file="").values_list("file", flat=True))
    jobs = ImportJob.objects.filter(finished & (Q(pk__in=import_pks) | Q(file__in=uploads)))
    names: list[str] = []
    purged_imports = []
    for job in jobs.select_for_update().order_by("pk"):
        names += [name for name in (job.file.name, job.error_report.name) if name]
        original = job.original_name
        if quotes.in_file_name(original):
            original = f"{job.entity} #{job.pk}{file_type(original)}"
        with translation.override(job.language):
            notice = import_erased_notice()
        ImportJob.objects.filter(pk=job.pk).update(
            **_import_files_emptied(
                now=now,
                notice=notice,
                original_name=original,
                notices=job.notices,
                preview=job.preview,
                problems=job.problems,
                redacted=quotes.redacted,
            ),
            # people name sheets after a child as they do files; the job list shows the sheet beside the file
            sheet=_numbers_masked(quotes.redacted(job.sheet)),
            sheet_choices=quotes.redacted(job.sheet_choices),
        )
        purged_imports.append(job.pk)
    # A job not finished yet (a confirmed import waiting for the worker) reads the upload it shares: kept for it.
    still_read = set(
        ImportJob.objects.filter(file__in=names).exclude(status__in=FINISHED_STATUSES).values_list("file", flat=True)
    )
    names = [name for name in names if name not in still_read]
    exports = ExportJob.objects.filter(pk__in=export_pks, file_purged_at__isnull=True).exclude(file="")
    purged_exports = []
    for export in exports.select_for_update().order_by("pk"):
        names.append(export.file.name)
        kept = {name: values for name, values in export.filters.items() if name not in FREE_TEXT_FILTERS}
        ExportJob.objects.filter(pk=export.pk).update(
            file="", file_purged_at=now, file_purged_for_erasure=True, filters=kept
        )
        purged_exports.append(export.pk)
    if names:
        storage = ImportJob._meta.get_field("file").storage
        # Robust: the erasure has committed by then; a storage failing otherwise than with an OSError (which
        # _delete_stored logs) must not answer it with a server error. The sweep of unnamed files removes the rest.
        transaction.on_commit(lambda: _delete_stored_each(storage, names), robust=True)
    return purged_imports, purged_exports


def _delete_stored_each(storage, names: list[str]) -> None:
    for name in names:
        _delete_stored(storage, [name])  # logs a refusal; the next name is still tried


class PurgeIncomplete(Exception):
    """Some files past their retention could not be deleted (permissions, a read-only disk): they hold personal
    data, so whoever runs the purge (the hourly run, cron, an administrator) must be told, not see a success."""

    def __init__(self, purged: list[PurgedJob], failed: list[PurgedJob]) -> None:
        self.purged, self.failed = purged, failed
        reasons = sorted({job.error for job in failed})
        super().__init__(
            _(
                "%(files)s file dari %(jobs)s pekerjaan yang melewati masa simpan tidak dapat dihapus (%(reasons)s). "
                "File itu memuat data pribadi dan tetap ada sampai dihapus: periksa izin folder file server, lalu "
                "jalankan purge_exchange_files lagi sebagai akun layanan."
            )
            % {"files": sum(len(job.files) for job in failed), "jobs": len(failed), "reasons": "; ".join(reasons)}
        )


__all__ = [
    "FileGone",
    "FileRefused",
    "SystemActor",
    "exchange_files_purge",
    "import_job_cancel",
    "import_job_confirm",
    "import_job_create",
    "import_job_run",
]
