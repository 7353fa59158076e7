"""Import jobs: accepting an upload, running it (in the task worker or the terminal), cancelling it."""

import contextlib
import logging
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied, TransitionError

from .columns import get_entity
from .files import FileRefused, inspect
from .models import FINISHED_STATUSES, ImportJob, ImportPhase, ImportStatus
from .pipeline import ImportCancelled, ImportResult, run_import
from .workbook import error_report_bytes

logger = logging.getLogger(__name__)
PAGE_PROBLEMS = 200  # problems kept on the job for the page; the report file has all of them


class SystemActor:
    """The acting user of `manage.py import_data` without --as: someone with shell access to the server."""

    is_superuser = True
    is_active = True
    is_authenticated = False
    pk = None

    def get_username(self) -> str:
        return "manage.py"


def import_job_create(
    *,
    actor,
    entity_key: str,
    file: File,
    original_name: str,
    dry_run: bool = True,
    enqueue: bool = True,
    request: HttpRequest | None = None,
) -> ImportJob:
    """Checks the upload by content and size (FileRefused says why, nothing kept), stores it, and queues the run."""
    entity = get_entity(entity_key)
    if not entity.can_import(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data %(entity)s.") % {"entity": entity.label})
    with _as_local_file(file) as path:
        info = inspect(path)
        job = ImportJob(
            token=secrets.token_hex(16),
            entity=entity.key,
            dry_run=dry_run,
            original_name=Path(original_name).name[:255],
            file_kind=info.kind,
            file_size=info.size,
            file_sha256=info.sha256,
            language=translation.get_language() or "id",
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            created_by_name=actor.get_username(),
        )
        job.created_at = timezone.now()
        with path.open("rb") as handle:
            job.file.save("upload", File(handle), save=False)
    job.save()
    if enqueue:
        _enqueue(job)
    return job


def import_job_confirm(*, job: ImportJob, actor, request: HttpRequest | None = None) -> ImportJob:
    """Runs for real an import whose dry run passed, from the same stored file (it is checked again)."""
    if job.status != ImportStatus.CHECKED or not job.dry_run:
        raise TransitionError(_("Hanya uji coba yang lolos pemeriksaan yang dapat diimpor."))
    if not get_entity(job.entity).can_import(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))
    real = ImportJob.objects.create(
        token=secrets.token_hex(16),
        entity=job.entity,
        dry_run=False,
        source=job,
        file=job.file.name,
        original_name=job.original_name,
        file_kind=job.file_kind,
        file_size=job.file_size,
        file_sha256=job.file_sha256,
        language=translation.get_language() or job.language,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        created_by_name=actor.get_username(),
    )
    _enqueue(real)
    return real


def import_job_cancel(*, job: ImportJob, actor) -> ImportJob:
    """Asks a queued or running import to stop; the run checks between batches and rolls everything back."""
    if job.is_finished:
        raise TransitionError(_("Impor ini sudah selesai sehingga tidak dapat dibatalkan."))
    updated = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.QUEUED).update(
        status=ImportStatus.CANCELLED, cancel_requested=True, finished_at=timezone.now(), phase=ImportPhase.DONE
    )
    if not updated:
        ImportJob.objects.filter(pk=job.pk).update(cancel_requested=True)
    job.refresh_from_db()
    return job


def _enqueue(job: ImportJob) -> None:
    from .tasks import run_import_job

    def send() -> None:
        result = run_import_job.enqueue(job.pk)
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    # Saleor's rule: the worker must never see a job whose row is not committed yet.
    transaction.on_commit(send)


def import_job_run(*, job_id: int, actor=None, on_progress: Callable[[str, int, int], None] | None = None) -> ImportJob:
    """Runs one queued job to the end: checks (and unless dry run, writes) its file, stores counts, problems,
    preview and error report, and writes one audit event. Called by the task worker and by import_data."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status != ImportStatus.QUEUED:
        return job  # cancelled before it started, or already run
    actor = actor or job.created_by
    if actor is None:
        actor = SystemActor()
    entity = get_entity(job.entity)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, started_at=timezone.now())

    def progress(phase: str, done: int, total: int) -> bool:
        if on_progress is not None:
            on_progress(phase, done, total)
        ImportJob.objects.filter(pk=job.pk).update(phase=phase, rows_done=done, rows_total=total)
        return ImportJob.objects.filter(pk=job.pk, cancel_requested=True).exists()

    def on_saved(result: ImportResult) -> None:
        _audit(job, actor, result, "succeeded")

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
            )
        except ImportCancelled:
            result = ImportResult(status="cancelled", message=_("Impor dibatalkan; tidak ada data yang disimpan."))
        except Exception:
            logger.exception("Import job %s failed", job.pk)
            result = ImportResult(
                status="failed",
                message=_("Terjadi kesalahan tak terduga; tidak ada data yang disimpan. Laporkan ke admin."),
            )
        job.refresh_from_db()
        _store_result(job, result)
        if result.problems:
            report = error_report_bytes(path=path, kind=job.file_kind, entity=entity, result=result)
            job.error_report.save(f"{job.token}.xlsx", ContentFile(report), save=True)
        if not job.dry_run and result.status != "succeeded":
            _audit(job, actor, result, result.status)
        elif job.dry_run:
            _audit(job, actor, result, "checked")
    return job


_STATUS = {
    "checked": ImportStatus.CHECKED,
    "succeeded": ImportStatus.SUCCEEDED,
    "refused": ImportStatus.REFUSED,
    "cancelled": ImportStatus.CANCELLED,
    "failed": ImportStatus.FAILED,
}


def _store_result(job: ImportJob, result: ImportResult) -> None:
    job.status = _STATUS[result.status]
    job.phase = ImportPhase.DONE
    job.finished_at = timezone.now()
    job.message = result.message
    job.notices = [str(n) for n in result.notices] + _warning_notices(result)
    job.rows_total = result.rows_total
    job.rows_done = result.rows_total
    job.created_count = result.created
    job.updated_count = result.updated
    job.unchanged_count = result.unchanged
    job.refused_count = result.refused_rows
    job.problem_count = len(result.problems)
    job.problems = [p.as_list() for p in result.problems[:PAGE_PROBLEMS]]
    job.preview = {k: list(v) for k, v in result.preview.items() if not k.startswith("_")}
    job.save()


def _warning_notices(result: ImportResult) -> list[str]:
    """Warnings (rows that import but deserve a look, e.g. an age outside a category's rule) as notices: a count,
    then the first ones with their row and column."""
    if not result.warnings:
        return []
    lines = [
        _("%(count)s peringatan (data tetap dapat diimpor; periksa baris berikut).") % {"count": len(result.warnings)}
    ]
    for warning in result.warnings[:PAGE_PROBLEMS]:
        where = _("Baris %(row)s") % {"row": warning.row}
        if warning.column:
            where = f"{where}, {warning.column}"
        lines.append(f"{where}: {warning.message}")
    return lines


def _audit(job: ImportJob, actor, result: ImportResult, outcome: str) -> None:
    audit_record(
        actor=actor,
        action=f"exchange.import.{outcome}",
        obj=job,
        data={
            "entity": job.entity,
            "dry_run": job.dry_run,
            "file": job.original_name,
            "sha256": job.file_sha256,
            "via": "web" if job.created_by_id else "command line",
            **result.counts,
            "warnings": len(result.warnings),
            **result.extra,
            "seconds": round(result.seconds, 2),
        },
    )


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


def job_is_finished(status: str) -> bool:
    return status in FINISHED_STATUSES


__all__ = [
    "FileRefused",
    "SystemActor",
    "import_job_cancel",
    "import_job_confirm",
    "import_job_create",
    "import_job_run",
]
