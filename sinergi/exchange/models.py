from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class ImportJob(models.Model):
    """One spreadsheet import (a dry run or the real thing): its file, progress, counts and error report."""

    token = models.CharField(max_length=32, unique=True)  # random; names the stored files
    entity = models.CharField(_("data"), max_length=40)
    dry_run = models.BooleanField(_("uji coba"), default=True)
    source = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("uji coba asal")
    )
    file = models.FileField(upload_to=import_upload_path, max_length=200)
    original_name = models.CharField(_("nama file"), max_length=255)
    file_kind = models.CharField(max_length=10)  # xlsx / csv
    file_size = models.PositiveBigIntegerField(default=0)
    file_sha256 = models.CharField(max_length=64)
    language = models.CharField(max_length=10, default="id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_name = models.CharField(max_length=150, blank=True)
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
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("impor")
        verbose_name_plural = _("impor")

    def __str__(self) -> str:
        return f"{self.entity} {self.original_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def percent(self) -> int:
        if self.status in FINISHED_STATUSES:
            return 100
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0
