from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from sinergi.exchange.management.cli import ExchangeCommand
from sinergi.exchange.models import ExportJob, ImportJob


class Command(ExchangeCommand):
    help = _lazy(
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
                doing += " — " + _("menunggu data yang dipakai proses lain")
            what = _("uji coba %(entity)s") % {"entity": job.entity} if job.dry_run else job.entity
            rows.append(
                (job.created_at, _("impor #%(job)s") % {"job": job.pk}, job.created_by_name or "-", what,
                 f"{job.original_name} ({job.file_size / 1048576:.1f} MB)", job.status, doing,
                 f"{job.rows_done}/{job.rows_total}")
            )  # fmt: skip
        for job in ExportJob.objects.filter(status__in=("queued", "running")).order_by("created_at"):
            what = job.report or job.entity
            rows.append(
                (job.created_at, _("ekspor #%(job)s") % {"job": job.pk}, job.requested_by_name or "-", what,
                 job.file_format, job.status, "", f"{job.rows_done}/{job.rows_total}")
            )  # fmt: skip
        if not rows:
            self.stdout.write(_("Tidak ada impor atau ekspor yang menunggu atau berjalan."))
            return
        for created_at, name, user, what, detail, status, doing, progress in sorted(rows, key=lambda r: r[0]):
            minutes = int((now - created_at).total_seconds() // 60)
            if status == "queued":
                state = ngettext("menunggu sejak %(minutes)s menit", "menunggu sejak %(minutes)s menit", minutes)
            else:
                state = ngettext("berjalan sejak %(minutes)s menit", "berjalan sejak %(minutes)s menit", minutes)
            line = f"{name}  {state % {'minutes': minutes}}  {user}  {what}  {detail}  {progress}"
            self.stdout.write(line + (f"  {doing}" if doing else ""))
        queued = sum(1 for row in rows if row[5] == "queued")
        self.stdout.write(
            _("%(running)s berjalan, %(queued)s menunggu.") % {"running": len(rows) - queued, "queued": queued}
        )
