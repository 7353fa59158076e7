"""The retention of the files of import and export jobs: how long they are kept, what a job says once they are
gone, and the hourly purge (exchange_files_purge) of the uploads, reports and exports past it, of the half-written
files killed processes left, and of files no job names."""

import contextlib
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sinergi.core.downloads import FREE_TEXT_FILTERS
from sinergi.core.storage import PARTIAL_PREFIX, partial_files_remove

from ..models import EXPORT_FINISHED_STATUSES, FINISHED_STATUSES, ExportJob, ImportJob
from ._common import _numbers_masked, logger

DEFAULT_RETENTION_DAYS = 30


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
