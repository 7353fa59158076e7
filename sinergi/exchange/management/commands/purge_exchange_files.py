from django.core.management.base import BaseCommand, CommandError

from sinergi.exchange.management.cli import EXIT_STOPPED, refuse_another_account
from sinergi.exchange.services import PurgedJob, PurgeIncomplete, exchange_files_purge, retention_days

KIND = {"import": "impor", "export": "ekspor"}


class Command(BaseCommand):
    help = (
        "Menghapus file unggahan impor, laporan impor, dan file ekspor dari pekerjaan yang selesai lebih dari "
        "SINERGI['EXCHANGE_FILE_RETENTION_DAYS'] hari lalu; catatan pekerjaannya tetap disimpan. Jalankan sebagai "
        "akun layanan. Status keluar 4 bila ada file yang tidak dapat dihapus."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Hanya tampilkan yang akan dihapus.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        if not dry_run:
            refuse_another_account()
        try:
            purged, incomplete = exchange_files_purge(dry_run=dry_run), None
        except PurgeIncomplete as error:
            purged, incomplete = error.purged, error
        for job in purged:
            self.stdout.write(_line(job, ", ".join(job.files)))
        files = sum(len(job.files) for job in purged)
        verb = "akan dihapus (uji coba, tidak ada yang dihapus)" if dry_run else "dihapus"
        self.stdout.write(f"{files} file dari {len(purged)} pekerjaan {verb}; masa simpan {retention_days()} hari.")
        if incomplete is not None:
            for job in incomplete.failed:
                self.stderr.write(_line(job, f"tidak dapat dihapus ({job.error}): {', '.join(job.files)}"))
            self.stdout.flush()
            raise CommandError(str(incomplete), returncode=EXIT_STOPPED)


def _line(job: PurgedJob, what: str) -> str:
    finished = job.finished_at.strftime("%d-%m-%Y") if job.finished_at else "-"
    return f"{KIND[job.kind]} #{job.pk} (selesai {finished}): {what}"
