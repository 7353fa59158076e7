import datetime
import hashlib
import json
import math
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from sinergi.core.deployment import is_national_deployment

from . import runners

# Files up to this size (about 5,000 rows of XLSX) jump the workers' queue (services.uploads._enqueue): a user checking
# a small file waits at their page, and should not wait behind another's 100,000-row import or export, which runs for
# a minute anyway. Shortest first lowers everyone's wait; a large job waits only while small ones keep coming.
SMALL_FILE_BYTES = 1024 * 1024

# A job queued longer than this has most likely no task worker to run it (none started, or all busy).
QUEUE_PATIENCE = datetime.timedelta(minutes=2)

# How often a job's page asks for its progress (each poll is ~1.3 KB on the wire, and a phone on 3G pays for it):
# every second while the job is young, so that a short import's bar moves with it; then less often, since the
# bar of a job that has been going for a minute moves slowly anyway and nobody watches it tick. Counted from the
# start of the run (a confirmed import is a new job, so it starts again at 1 s), or of the wait while queued.
POLL_STEPS = (
    (datetime.timedelta(seconds=15), 1),
    (datetime.timedelta(minutes=1), 2),
)
POLL_SLOW_SECONDS = 5
# Queued past QUEUE_PATIENCE, most likely no worker is running (the page says so) and the wait may last hours: a
# start is noticed at most 15 s late, for a third of the data of polling every 5 s.
POLL_WAITING_LONG_SECONDS = 15


class QueuedJob:
    """What import and export jobs share while they wait for a worker."""

    status: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None

    @property
    def poll_seconds(self) -> int:
        """Seconds until the page asks for the progress again (the hx-trigger of its status part)."""
        return self.poll_seconds_at(timezone.now())

    def poll_seconds_at(self, now: datetime.datetime) -> int:
        if self.status == "queued":
            since = self.created_at
            if since is not None and now - since > QUEUE_PATIENCE:
                return POLL_WAITING_LONG_SECONDS
        else:
            since = self.started_at or self.created_at
        age = now - since if since is not None else datetime.timedelta(0)
        for younger_than, seconds in POLL_STEPS:
            if age < younger_than:
                return seconds
        return POLL_SLOW_SECONDS

    @property
    def patience_minutes(self) -> int:
        return int(QUEUE_PATIENCE.total_seconds() // 60)

    @property
    def waiting_long(self) -> bool:
        return (
            self.status == "queued"
            and self.created_at is not None
            and (timezone.now() - self.created_at > QUEUE_PATIENCE)
        )

    @property
    def queue_ahead(self) -> dict[str, int]:
        """What the workers do before this queued job, of everyone's imports and exports: {"running": …, "waiting":
        …}, the waiting being those asked for before it that go first (a small file goes before larger ones, see
        SMALL_FILE_BYTES; a later small file may still pass a large one). Only counts: whose jobs they are is not
        told. Jobs left "running" by a dead worker for more than six hours are not counted."""
        if self.status != "queued" or self.created_at is None:
            return {"running": 0, "waiting": 0}
        recent = Q(created_at__gte=timezone.now() - datetime.timedelta(hours=6))
        small = isinstance(self, ImportJob) and self.file_size <= SMALL_FILE_BYTES
        counts = {"running": 0, "waiting": 0}
        for model in (ImportJob, ExportJob):
            others = model.objects.filter(recent)
            if isinstance(self, model):
                others = others.exclude(pk=self.pk)
            before = Q(status="queued", created_at__lt=self.created_at)
            if small:
                before &= Q(file_size__lte=SMALL_FILE_BYTES) if model is ImportJob else Q(pk__in=[])
            found = others.aggregate(
                running=Count("pk", filter=Q(status="running")), waiting=Count("pk", filter=before)
            )
            counts = {key: counts[key] + found[key] for key in counts}
        return counts


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Menunggu giliran")
    RUNNING = "running", _("Sedang diproses")
    CHECKED = "checked", _("Uji coba selesai")
    SUCCEEDED = "succeeded", _("Berhasil diimpor")
    REFUSED = "refused", _("Ditolak: ada kesalahan")
    CANCELLED = "cancelled", _("Dibatalkan")
    FAILED = "failed", _("Gagal")


FINISHED_STATUSES = {
    ImportStatus.CHECKED,
    ImportStatus.SUCCEEDED,
    ImportStatus.REFUSED,
    ImportStatus.CANCELLED,
    ImportStatus.FAILED,
}


class ImportPhase(models.TextChoices):
    READING = "reading", _("Membaca dan memeriksa baris")
    SAVING = "saving", _("Menyimpan")
    DONE = "done", _("Selesai")


def import_upload_path(instance: "ImportJob", filename: str) -> str:
    # The stored name never reuses the uploaded one: a name chosen by the user must not decide a server path.
    return f"exchange/imports/{instance.created_at:%Y/%m}/{instance.token}.upload"


# The runs whose stored file may be checked again from their page.
RUN_AGAIN_STATUSES = (ImportStatus.FAILED, ImportStatus.CANCELLED)
# The jobs whose file may be checked again as a new trial: a failed or cancelled run, the confirm of a trial
# refused because the data changed since, and a trial checked before trials kept their plan (an upgrade), which may
# not be confirmed (ImportJob.may_run_again says the same of one job).
MAY_RUN_AGAIN = (
    models.Q(status__in=RUN_AGAIN_STATUSES)
    | models.Q(status=ImportStatus.REFUSED, dry_run=False, source__isnull=False)
    | models.Q(status=ImportStatus.CHECKED, dry_run=True, plan_digest="")
)


def entity_label(key: str) -> str:
    """An entity's label by its key (a job keeps the key); the key itself for one no longer registered."""
    from .columns import get_entity

    try:
        return str(get_entity(key).label)
    except LookupError:
        return key


class ImportJob(QueuedJob, models.Model):
    """One spreadsheet import (a dry run or the real thing): its file, progress, counts and error report."""

    token = models.CharField(max_length=32, unique=True)  # random; names the stored files
    entity = models.CharField(_("data"), max_length=40)
    dry_run = models.BooleanField(_("uji coba"), default=True)
    source = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("uji coba asal")
    )
    file = models.FileField(upload_to=import_upload_path, max_length=200, blank=True)  # blank once purged
    original_name = models.CharField(_("nama file"), max_length=255)
    file_kind = models.CharField(max_length=10)  # xlsx / csv
    file_size = models.PositiveBigIntegerField(default=0)
    file_sha256 = models.CharField(max_length=64)
    # A trial's plan, row by row (pipeline.plan_digest): its confirm writes only while the plan is still the same.
    plan_digest = models.CharField(max_length=32, blank=True)
    # The sheet the user chose to import, of a workbook with records on several ("" = chosen by the reader), and
    # for a run refused for having records on several sheets, those sheets: each may be imported on its own.
    sheet = models.CharField(_("lembar"), max_length=255, blank=True)
    sheet_choices = models.JSONField(default=list, blank=True)
    # A client list's sheet, imported on its own: the clients active at its LKS whom it does not name (None: not
    # counted). The file's last sheet counts as absent only those absent from every sheet imported before it.
    absent_person_ids = models.JSONField(null=True, blank=True)
    language = models.CharField(max_length=10, default="id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_name = models.CharField(max_length=150, blank=True)
    # accounts.scope.access_key of its user when it was made: its problems, report and "before" values hold the
    # file's rows and what was stored about them, which the user sees only while their roles are the same (an
    # operator moved to another LKS does not keep the old one's children). Empty for jobs made before it was kept,
    # and without a user.
    access_key = models.CharField(max_length=64, blank=True, editable=False)
    # Where the upload (or the confirm of its trial) came from: the run's audit event is written by the worker,
    # which has no request.
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    # How it was asked for, for its audit events: "web" (a page, the API), or "command line" (import_data, also with
    # --as a user, who then is its created_by).
    via = models.CharField(max_length=20, default="web")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED, db_index=True
    )
    phase = models.CharField(max_length=10, choices=ImportPhase.choices, default=ImportPhase.READING)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    refused_count = models.PositiveIntegerField(default=0)  # rows with at least one problem
    problem_count = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)  # why the whole file was refused or the run failed
    notices = models.JSONField(default=list, blank=True)  # e.g. ignored columns
    problems = models.JSONField(default=list, blank=True)  # the first problems, for the page
    preview = models.JSONField(default=dict, blank=True)  # what would be / was created and updated
    error_report = models.FileField(upload_to="exchange/reports/", max_length=200, blank=True)
    cancel_requested = models.BooleanField(default=False)
    # Since when its write has waited for data another session holds (PostgreSQL; None when it does not).
    lock_wait_since = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    files_purged_at = models.DateTimeField(null=True, blank=True)  # upload and report removed (retention)
    # The dry run that checks a failed job's file again (services.import_job_retry): one per failed job.
    retried_as = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("dijalankan lagi")
    )
    # The one-time key of the upload form the file came with (forms.UploadForm): the same form with the same file
    # sent again (its answer was lost on the way and "Coba lagi" was pressed, or the browser posted it again)
    # finds this job instead of making a second one. Empty for the command line and for runs made from a job.
    upload_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("impor")
        verbose_name_plural = _("impor")
        constraints = [
            # Per user, and per file and kind of data too: the form kept on the phone (or come back to with the
            # Back button) and sent with another file, or for another kind of data, is another upload.
            models.UniqueConstraint(
                fields=["created_by", "upload_key", "entity", "file_sha256"],
                condition=models.Q(upload_key__isnull=False),
                name="exchange_import_upload_once",
            ),
        ]
        indexes = [
            # A user's imports, newest first (their list, a page at a time, with thousands after a few years).
            models.Index(fields=["created_by", "-created_at", "-id"], name="exchange_import_by_user"),
            # Other jobs of the same stored upload (the retention purge keeps a file one of them still needs).
            models.Index(fields=["file"], name="exchange_import_file"),
        ]

    def __str__(self) -> str:
        # Audit events keep this text: no status (it would be that moment's), and no file name, which people write
        # after a child or family card ("Bunga 6371….csv") and which would outlive any erasure there.
        return f"{self.entity} #{self.pk}"

    @property
    def entity_label(self) -> str:
        """The kind of data, as the upload form names it ("penerima layanan")."""
        return entity_label(self.entity)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def state_label(self) -> str:
        """Its state as its page and the list say it: a file refused as a whole (not a table of ours, or the data
        changed since its trial) is "Ditolak", its message saying why; "ada kesalahan" is for problems listed."""
        if self.status == ImportStatus.REFUSED and not self.problem_count:
            # Its own context: the referrals' "Ditolak" (a referral declined by the receiving LKS) is "Declined".
            return pgettext("impor", "Ditolak")
        return str(self.get_status_display())

    def confirmed_as(self) -> "ImportJob | None":
        """The real import made from this dry run that is waiting, running or done, or that failed and was checked
        again (the user went on from there). Not one refused, cancelled, or failed and left: the dry run may then be
        confirmed again."""
        if not self.dry_run or self.pk is None:
            return None
        left = models.Q(status__in=(ImportStatus.REFUSED, ImportStatus.CANCELLED)) | models.Q(
            status=ImportStatus.FAILED, retried_as__isnull=True
        )
        return ImportJob.objects.filter(source=self, dry_run=False).exclude(left).order_by("-pk").first()

    def same_file_imported_since(self) -> "ImportJob | None":
        """A real import of the same file (the same sheet of it) by the same user, through another dry run or the
        command line, that finished after this dry run was checked: its figures are out of date, and importing it
        again would only find every row unchanged. Another sheet of the workbook is other rows."""
        if not self.dry_run or self.finished_at is None or self.created_by_id is None:
            return None
        return (
            ImportJob.objects.filter(
                entity=self.entity,
                file_sha256=self.file_sha256,
                sheet=self.sheet,
                created_by_id=self.created_by_id,
                dry_run=False,
                status=ImportStatus.SUCCEEDED,
                finished_at__gt=self.finished_at,
            )
            .order_by("-finished_at")
            .first()
        )

    @property
    def may_run_again(self) -> bool:
        return (
            self.status in RUN_AGAIN_STATUSES
            or (self.status == ImportStatus.REFUSED and not self.dry_run and self.source_id is not None)
            or self.planless_trial
        )

    @property
    def planless_trial(self) -> bool:
        """A trial checked before trials kept their plan (plan_digest, an upgrade from before 2026-12-04): its
        confirm could not tell whether the stored data changed since, so it is checked again instead."""
        return self.status == ImportStatus.CHECKED and self.dry_run and not self.plan_digest

    @property
    def can_retry(self) -> bool:
        """A failed or cancelled run whose file is still kept, not yet run again (a cancel is often a change of
        mind, or a phone's tap on the wrong button: the file should not have to be sent again); and the confirm of a
        trial refused because the data changed since the trial (a new trial shows what the import would do now)."""
        return self.may_run_again and bool(self.file) and self.files_purged_at is None and self.retried_as_id is None

    @property
    def stop_asked(self) -> bool:
        """A cancel was asked of this running job: on its row, or on SQLite beside its lock (runners.request_stop)."""
        return self.cancel_requested or (
            self.status == ImportStatus.RUNNING and runners.stop_requested("import", self.pk)
        )

    @property
    def waiting_for_lock(self) -> bool:
        return self.status == ImportStatus.RUNNING and self.lock_wait_since is not None

    @property
    def lock_wait_limit_minutes(self) -> int:
        """How long one wait for a lock may last before the import stops (lockwaits.import_lock_timeout_ms)."""
        from .lockwaits import import_lock_timeout_ms

        return max(1, math.ceil(import_lock_timeout_ms() / 60_000))

    @property
    def saved_pending_report(self) -> bool:
        """A real import whose rows are all saved, still writing its report (a cancel can no longer undo it)."""
        return (
            self.status == ImportStatus.RUNNING
            and not self.dry_run
            and self.phase == ImportPhase.SAVING
            and self.rows_total > 0
            and self.rows_done >= self.rows_total
        )

    @property
    def checked_pending_result(self) -> bool:
        """Every row read and checked, the run still at work on what comes after them: the checks across the whole
        file and a trial's result and report (for 10,000 warnings, as long as the rows took), or a real import's
        preparing to save."""
        return (
            self.status == ImportStatus.RUNNING
            and self.phase == ImportPhase.READING
            and self.rows_total > 0
            and self.rows_done >= self.rows_total
        )

    @property
    def percent(self) -> int:
        """One bar for both phases, never going back: a real import's check fills it to 60%, its saving the rest; a
        dry run's check to 90%, its result and report the rest (the bar stood full while they took half the run)."""
        if self.status in FINISHED_STATUSES:
            return 100
        share = int(100 * self.rows_done / self.rows_total) if self.rows_total else 0
        if self.dry_run:
            return share * TRIAL_CHECK_SHARE // 100
        if self.phase == ImportPhase.SAVING:
            return CHECK_SHARE + share * (100 - CHECK_SHARE) // 100
        return share * CHECK_SHARE // 100


CHECK_SHARE = 60  # percent of a real import's bar given to checking
TRIAL_CHECK_SHARE = 90  # ... and of a trial's, the rest being its result and report


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Menunggu giliran")
    RUNNING = "running", _("Sedang diproses")
    SUCCEEDED = "succeeded", _("Siap diunduh")
    FAILED = "failed", _("Gagal")
    CANCELLED = "cancelled", _("Dibatalkan")


EXPORT_FINISHED_STATUSES = {ExportStatus.SUCCEEDED, ExportStatus.FAILED, ExportStatus.CANCELLED}


# The exports that a second request for the same one is sent to instead of making another: those being written for
# the one who asked, unless they asked to cancel it.
EXPORT_PENDING = models.Q(status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING], cancel_requested=False)


class ReportKind(models.TextChoices):
    """The PDF reports that the task worker may render (the LKS profile is always rendered in the request)."""

    PROVINCE = "province", _("Laporan provinsi")
    REGENCY = "regency", _("Ringkasan kabupaten/kota")


# ExportJob.entity of a PDF report: no list entity, so that a code path that forgets to ask `report` fails loudly
# (get_entity raises) rather than treating a report as a list.
REPORT_ENTITY = "report"


def export_request_key(*, entity_key: str, file_format: str, filters: dict[str, list[str]], purpose: str) -> str:
    """What an export asks for, as one value: the same data, format, filters and access purpose give the same key,
    whatever the order of the filters in the address or of a filter's values (?status=a&status=b); in the language
    it is asked in, which its file is written in (the same export asked again after switching to English is another
    file)."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    asked = [
        entity_key,
        file_format,
        purpose,
        language,
        sorted((key, sorted(values)) for key, values in filters.items()),
    ]
    return hashlib.sha256(json.dumps(asked, ensure_ascii=False).encode()).hexdigest()


def export_file_path(instance: "ExportJob", filename: str) -> str:
    # Named by the random token only: neither the user's filters nor any name they typed reach a server path.
    return f"exchange/exports/{instance.created_at:%Y/%m}/{instance.token}.{instance.file_format}"


class ExportJob(QueuedJob, models.Model):
    """One large list export written by the task worker: what was asked, by whom, its progress and the file."""

    token = models.CharField(max_length=32, unique=True)  # random; names the stored file
    entity = models.CharField(_("data"), max_length=40)
    filters = models.JSONField(default=dict, blank=True)  # the list's query string: name -> list of values
    file_format = models.CharField(_("format"), max_length=10)
    language = models.CharField(max_length=10, default="id")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by_name = models.CharField(max_length=150, blank=True)
    purpose = models.CharField(max_length=40, blank=True)  # access purpose, for personal data (UU PDP)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED, db_index=True
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=export_file_path, max_length=200, blank=True)
    # Why it failed, in the language of its run. That its file was removed is said from file_purged_at, in the
    # viewer's language (selectors.export_job_display); rows purged before that change hold it here too.
    message = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    file_purged_at = models.DateTimeField(null=True, blank=True)  # file removed (retention)
    # ... early, with the erasure of a person it holds (services.jobs_purge_for_erasure), not by the retention.
    file_purged_for_erasure = models.BooleanField(default=False)
    cancel_requested = models.BooleanField(default=False)  # the running worker stops at its next check
    # export_request_key of what was asked: the same export asked for again while this one is pending finds it
    # (two clicks on "XLSX" a few seconds apart). Empty for jobs made before it was kept.
    request_key = models.CharField(max_length=64, blank=True, editable=False)
    # access_key of the requester when asked: the file holds what that scope saw, so it is handed over only while the
    # requester's roles are the same (an operator moved to another LKS does not take the old one's list along).
    # Empty for jobs made before it was kept: their download checks the permission to export only.
    access_key = models.CharField(max_length=64, blank=True, editable=False)
    # A PDF report rendered by the worker (report_jobs), not a list: its kind and the province or kabupaten/kota it is
    # about (rows_total then counts the LKS it covers). Empty for a list export.
    report = models.CharField(max_length=10, choices=ReportKind.choices, blank=True)
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("wilayah")
    )
    # The report's downloaded name without the date, as the request would have named it, in the language it was
    # printed in (set when rendered: a report over part of an area is named by its title, which names that part).
    download_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ekspor")
        verbose_name_plural = _("ekspor")
        constraints = [
            # Also for two requests at the same moment (a double click): one of them makes the job.
            models.UniqueConstraint(
                fields=["requested_by", "request_key"],
                condition=EXPORT_PENDING & ~models.Q(request_key=""),
                name="exchange_export_pending_once",
            ),
        ]

    def __str__(self) -> str:
        if self.report:
            return f"{self.entity} {self.report} {self.region_id} {self.file_format}"
        return f"{self.entity} {self.file_format}"  # no status, as ImportJob's

    @property
    def is_finished(self) -> bool:
        return self.status in EXPORT_FINISHED_STATUSES

    @property
    def stop_asked(self) -> bool:
        """A cancel was asked of this running export: on its row, or on SQLite beside its lock (runners)."""
        return self.cancel_requested or (
            self.status == ExportStatus.RUNNING and runners.stop_requested("export", self.pk)
        )

    @property
    def file_deleted(self) -> bool:
        """A finished export whose file was removed after the retention period (exchange_files_purge)."""
        return self.file_purged_at is not None

    @property
    def state_label(self) -> str:
        """Its state as its page and the list say it: a file removed is no longer "ready for download"."""
        if self.file_deleted:
            return str(_("File sudah dihapus"))
        return str(self.get_status_display())

    @property
    def percent(self) -> int:
        if self.status in EXPORT_FINISHED_STATUSES:
            return 100
        return min(100, int(100 * self.rows_done / self.rows_total)) if self.rows_total else 0

    @property
    def entity_label(self) -> str:
        """What the job makes, as its page and the list name it: the kind of data, or the report and its area."""
        if self.report == ReportKind.PROVINCE:
            return str(_("Laporan LKS %(province)s") % {"province": self._region_name})
        if self.report == ReportKind.REGENCY:
            return str(_("Ringkasan LKS %(regency)s") % {"regency": self._region_name})
        return entity_label(self.entity)

    @property
    def _region_name(self) -> str:
        return self.region.name if self.region_id and self.region else (self.region_id or "")

    @property
    def again_url(self) -> str:
        """The address that asks for the same export again: the list's with its filters, or the report's."""
        if self.report == ReportKind.PROVINCE:
            # A national server's province report names its province; a province server's has only the one.
            if is_national_deployment() and self.region_id:
                return f"{reverse('exchange:province_pdf')}?{urlencode({'province': self.region_id})}"
            return reverse("exchange:province_pdf")
        if self.report == ReportKind.REGENCY:
            return reverse("exchange:regency_pdf", args=[self.region_id])
        return f"{reverse('exchange:export', args=[self.entity])}?{self.query_string}"

    @property
    def query_string(self) -> str:
        """The export's filters and format as a query string, for asking for the same export again."""
        pairs = [(key, value) for key, values in self.filters.items() for value in values]
        return urlencode([*pairs, ("format", self.file_format)])
