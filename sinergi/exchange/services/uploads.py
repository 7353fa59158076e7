"""Making import jobs: an upload checked and stored (once per form: upload_key; its bytes shared with a recent
upload of the same file; within a user's daily volume and waiting jobs), and the runs made again from a stored
upload (a confirmed trial, a retry, one sheet of a workbook chosen). Each queues its run once its row is committed
(_enqueue)."""

import contextlib
import datetime
import secrets
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.scope import access_key
from sinergi.accounts.zones import user_time_zone
from sinergi.audit.services import client_ip
from sinergi.core.errors import PermissionDenied, TransitionError
from sinergi.core.storage import storage_refused

from ..columns import get_entity
from ..files import MEGABYTE, FileRefused, inspect, limit, megabytes
from ..models import MAY_RUN_AGAIN, SMALL_FILE_BYTES, ImportJob, ImportStatus
from ._common import STORAGE_REFUSED, FileGone, logger
from .audit import COMMAND_LINE
from .retention import import_files_gone_message, retention_days

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


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


SMALL_JOB_PRIORITY = 10  # the queue's priority of a small file (models.SMALL_FILE_BYTES)


def _enqueue(job: ImportJob) -> None:
    from ..tasks import run_import_job

    task = run_import_job.using(priority=SMALL_JOB_PRIORITY) if job.file_size <= SMALL_FILE_BYTES else run_import_job

    def send() -> None:
        result = task.enqueue(job.pk)
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    # Saleor's rule: the worker must never see a job whose row is not committed yet.
    transaction.on_commit(send)


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
