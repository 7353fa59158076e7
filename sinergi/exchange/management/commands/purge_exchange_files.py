from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from sinergi.exchange.management.cli import EXIT_STOPPED, ExchangeCommand, refuse_another_account
from sinergi.exchange.services import PurgedJob, PurgeIncomplete, exchange_files_purge, retention_days

JOBS = {"import": _lazy("impor #%(job)s"), "export": _lazy("ekspor #%(job)s")}


class Command(ExchangeCommand):
    help = _lazy(
        "Menghapus file unggahan impor, laporan impor, dan file ekspor dari pekerjaan yang selesai lebih dari "
        "SINERGI['EXCHANGE_FILE_RETENTION_DAYS'] hari lalu; catatan pekerjaannya tetap disimpan. Jalankan sebagai "
        "akun layanan. Status keluar 4 bila ada file yang tidak dapat dihapus."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help=_lazy("Hanya tampilkan yang akan dihapus."))

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        if not dry_run:
            refuse_another_account()
        try:
            purged, incomplete = exchange_files_purge(dry_run=dry_run), None
        except PurgeIncomplete as error:
            purged, incomplete = error.purged, error
        for job in purged:
            self.stdout.write(_line(job, ", ".join(job.files)))
        files, days = sum(len(job.files) for job in purged), retention_days()
        jobs = sum(1 for job in purged if job.kind != "unnamed")
        counts = {
            "files": ngettext("%(count)s file", "%(count)s file", files) % {"count": files},
            "jobs": ngettext("%(count)s pekerjaan", "%(count)s pekerjaan", jobs) % {"count": jobs},
            "days": ngettext("%(count)s hari", "%(count)s hari", days) % {"count": days},
        }
        if dry_run:
            summary = _(
                "%(files)s dari %(jobs)s akan dihapus (uji coba, tidak ada yang dihapus); masa simpan %(days)s."
            )
        else:
            summary = _("%(files)s dari %(jobs)s dihapus; masa simpan %(days)s.")
        self.stdout.write(summary % counts)
        if incomplete is not None:
            for job in incomplete.failed:
                what = _("tidak dapat dihapus (%(error)s): %(files)s") % {
                    "error": job.error,
                    "files": ", ".join(job.files),
                }
                self.stderr.write(_line(job, what))
            self.stdout.flush()
            raise CommandError(str(incomplete), returncode=EXIT_STOPPED)


def _line(job: PurgedJob, what: str) -> str:
    if job.kind == "unnamed":
        return _("file yang tidak disebut pekerjaan mana pun: %(what)s") % {"what": what}
    finished = job.finished_at.strftime("%d-%m-%Y") if job.finished_at else "-"
    name = JOBS[job.kind] % {"job": job.pk}
    return _("%(job)s (selesai %(date)s): %(what)s") % {"job": name, "date": finished, "what": what}
