"""Running an import job to its end (in the task worker or import_data): the pipeline over its stored file,
under its lock, in its user's time zone and language; then its report, its result stored and its audit event. Also
what a run that failed as it committed may still have saved (_saved_event), which the settling of dead runs reads
too."""

import contextlib
import datetime
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import OperationalError, connection
from django.db.models import F
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from sinergi.accounts.zones import user_time_zone
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import work_from
from sinergi.core.actors import SystemActor
from sinergi.core.busy import is_busy
from sinergi.core.storage import storage_refused

from .. import runners
from ..columns import get_entity
from ..files import CSV
from ..models import ImportJob, ImportPhase, ImportStatus
from ..pipeline import BUSY, ImportCancelled, ImportResult, run_import
from ..workbook import error_report_bytes
from ._common import (
    CANCELLED,
    CANCELLED_DRY_RUN,
    FAILED,
    INTERRUPTED_AFTER_SAVE,
    JOB_BUSY,
    REPORT_FAILED,
    STORAGE_REFUSED,
    file_type,
    logger,
)
from .audit import _audit
from .results import _store_result
from .retention import import_files_gone_message
from .uploads import upload_present

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


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
