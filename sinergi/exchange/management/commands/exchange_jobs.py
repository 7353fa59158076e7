from django.core.management.base import BaseCommand
from django.utils import timezone

from sinergi.exchange.models import ExportJob, ImportJob


class Command(BaseCommand):
    help = (
        "Menampilkan antrean pekerja latar: impor dan ekspor yang sedang menunggu atau berjalan, terlama lebih dulu "
        "(siapa, data apa, file, ukuran, tahap, dan sejak kapan). Untuk admin server yang ditanya mengapa sebuah "
        "proses belum mulai."
    )

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        rows = []
        for job in ImportJob.objects.filter(status__in=("queued", "running")).order_by("created_at"):
            doing = job.get_phase_display() if job.status == "running" else ""
            if job.waiting_for_lock:
                doing += " — menunggu data yang dipakai proses lain"
            trial = "uji coba " if job.dry_run else ""
            rows.append(
                (job.created_at, f"impor #{job.pk}", job.created_by_name or "-", f"{trial}{job.entity}",
                 f"{job.original_name} ({job.file_size / 1048576:.1f} MB)", job.status, doing,
                 f"{job.rows_done}/{job.rows_total}")
            )  # fmt: skip
        for job in ExportJob.objects.filter(status__in=("queued", "running")).order_by("created_at"):
            what = job.report or job.entity
            rows.append(
                (job.created_at, f"ekspor #{job.pk}", job.requested_by_name or "-", what, job.file_format,
                 job.status, "", f"{job.rows_done}/{job.rows_total}")
            )  # fmt: skip
        if not rows:
            self.stdout.write("Tidak ada impor atau ekspor yang menunggu atau berjalan.")
            return
        for created_at, name, user, what, detail, status, doing, progress in sorted(rows, key=lambda r: r[0]):
            minutes = int((now - created_at).total_seconds() // 60)
            state = "menunggu" if status == "queued" else "berjalan"
            line = f"{name}  {state} sejak {minutes} menit  {user}  {what}  {detail}  {progress}"
            self.stdout.write(line + (f"  {doing}" if doing else ""))
        queued = sum(1 for row in rows if row[5] == "queued")
        self.stdout.write(f"{len(rows) - queued} berjalan, {queued} menunggu.")
