from django.core.management.base import BaseCommand

from sinergi.exchange.services import exchange_files_purge, retention_days

KIND = {"import": "impor", "export": "ekspor"}


class Command(BaseCommand):
    help = (
        "Menghapus file unggahan impor, laporan impor, dan file ekspor dari pekerjaan yang selesai lebih dari "
        "SINERGI['EXCHANGE_FILE_RETENTION_DAYS'] hari lalu; catatan pekerjaannya tetap disimpan."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Hanya tampilkan yang akan dihapus.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        purged = exchange_files_purge(dry_run=dry_run)
        for job in purged:
            finished = job.finished_at.strftime("%d-%m-%Y") if job.finished_at else "-"
            self.stdout.write(f"{KIND[job.kind]} #{job.pk} (selesai {finished}): {', '.join(job.files)}")
        files = sum(len(job.files) for job in purged)
        verb = "akan dihapus (uji coba, tidak ada yang dihapus)" if dry_run else "dihapus"
        self.stdout.write(f"{files} file dari {len(purged)} pekerjaan {verb}; masa simpan {retention_days()} hari.")
