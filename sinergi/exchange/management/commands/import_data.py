import shlex
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from sinergi.core.errors import PermissionDenied
from sinergi.exchange import services
from sinergi.exchange.columns import entities, get_entity
from sinergi.exchange.files import FileRefused
from sinergi.exchange.models import ImportJob, ImportStatus

PHASES = {"reading": "Memeriksa", "saving": "Menyimpan"}


class ProgressBar:
    """A one-line progress bar on the terminal (stderr), redrawn at most ten times a second."""

    def __init__(self, stream) -> None:
        self.stream = stream  # the command's stderr (an OutputWrapper)
        self.last = 0.0
        self.started = time.monotonic()
        self.drawn: tuple | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if (now - self.last < 0.1 and done < total) or self.drawn == (phase, done, total):
            return  # not faster than the eye, and never the same line twice ("Menyimpan 0/0" of nothing to save)
        self.last, self.drawn = now, (phase, done, total)
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - self.started, 1e-6)
        self.stream.write(
            f"\r{PHASES.get(phase, phase):<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
            f"({rate:,.0f} baris/d)   ",
            ending="",
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("")


class Command(BaseCommand):
    help = (
        "Mengimpor file XLSX/CSV (mis. `import_data lks data.xlsx`). Semua baris diperiksa dulu; bila ada "
        "satu masalah saja, tidak ada yang disimpan dan laporan kesalahan ditulis di samping file."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("entity", help="Jenis data: " + ", ".join(e.key for e in entities()))
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Hanya memeriksa; tidak menyimpan apa pun.")
        parser.add_argument(
            "--sheet",
            default="",
            help=(
                "Nama lembar yang diimpor, untuk buku kerja dengan data di beberapa lembar (mis. “Putra” dan "
                "“Putri”): impor lembar demi lembar."
            ),
        )
        parser.add_argument(
            "--as",
            dest="username",
            help=(
                "Nama pengguna pelaku (wewenangnya berlaku). Tanpa --as: impor berjalan sebagai sistem, dengan "
                "wewenang penuh, tercatat di audit sebagai manage.py; kolom LKS lalu wajib diisi di setiap baris."
            ),
        )

    def handle(
        self, *args, entity: str, file: str, dry_run: bool, username: str | None, sheet: str = "", **options
    ) -> None:
        try:
            spec = get_entity(entity)
        except LookupError as error:
            raise CommandError(str(error)) from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"File {file} tidak ada.")
        actor = self._actor(username)
        try:
            with path.open("rb") as handle:
                job = services.import_job_create(
                    actor=actor,
                    entity_key=spec.key,
                    file=File(handle, name=path.name),
                    original_name=path.name,
                    dry_run=dry_run,
                    enqueue=False,
                    sheet=sheet,
                )
        except FileRefused as refused:
            raise CommandError(refused.message) from None
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        self.stderr.style_func = None  # a plain bar, not coloured as an error
        bar = ProgressBar(self.stderr)
        try:
            job = services.import_job_run(job_id=job.pk, actor=actor, on_progress=bar)
        except KeyboardInterrupt:
            bar.finish()
            # The run let go of its lock on the way out: ended as a stopped job (cancelled, or saved after all).
            job = services.import_job_settle(job=ImportJob.objects.get(pk=job.pk), stopped=True)
            raise CommandError(job.message) from None
        bar.finish()
        job.refresh_from_db()
        self._report(job, path)
        if job.status == ImportStatus.REFUSED and job.refused_count:
            # The rows' problems are listed above: the exit says what it means, without repeating them.
            raise CommandError("Tidak ada yang disimpan. Perbaiki baris di atas (atau di laporan), lalu impor lagi.")
        if job.status not in (ImportStatus.CHECKED, ImportStatus.SUCCEEDED):
            message = job.message or job.get_status_display()
            if job.sheet_choices:
                sheets = ", ".join(f"--sheet {shlex.quote(name)}" for name in job.sheet_choices)
                message += f" Impor lembar demi lembar: jalankan lagi dengan {sheets}."
            raise CommandError(message)

    def _actor(self, username: str | None):
        if not username:
            return services.SystemActor()
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Pengguna aktif “{username}” tidak ada.") from None

    def _report(self, job, path: Path) -> None:
        out = self.stdout
        if job.status == ImportStatus.REFUSED and job.refused_count:
            out.write(f"{job.get_status_display()}: {job.refused_count} dari {job.rows_total} baris bermasalah.")
        elif job.status == ImportStatus.REFUSED:
            # The whole file, for a reason of its own (a formula without a result, a missing column): said last.
            out.write(
                f"{job.get_status_display()} pada file itu sendiri, bukan pada barisnya ({job.rows_total} baris); "
                "lihat alasannya di bawah."
            )
        else:
            out.write(f"{job.get_status_display()}: {job.rows_total} baris.")
        if job.status in (ImportStatus.CHECKED, ImportStatus.SUCCEEDED):
            verb = "akan " if job.dry_run else ""
            out.write(
                f"  {verb}dibuat {job.created_count}, {verb}diubah {job.updated_count}, "
                f"tidak berubah {job.unchanged_count}."
            )
            listed = job.preview.get("update", [])
            for item in listed:
                out.write(f"  baris {item['row']} ({item['key']}):")
                for column, (before, after) in item["changes"].items():
                    out.write(f"    {column}: {before or '—'} → {after or '—'}")
            if job.updated_count > len(listed):
                out.write(
                    f"  … dan {job.updated_count - len(listed)} data lain yang {verb}diubah (semuanya di lembar "
                    "“Perubahan” laporan)."
                )
        for notice in job.notices:
            out.write(f"  {notice}")
        for row, column, value, message in job.problems[:50]:
            where = f"baris {row}" + (f", kolom {column}" if column else "")
            shown = f" “{value}”" if value else ""
            out.write(f"  {where}{shown}: {message}")
        if job.problem_count > 50:
            out.write(f"  … dan {job.problem_count - 50} masalah lain (lihat laporan kesalahan).")
        if job.error_report:
            kind = "kesalahan" if job.problem_count else "peringatan" if job.preview.get("warnings") else "perubahan"
            # Named after the whole file name: "data.csv" and "data.xlsx" beside each other get a report each.
            stem = path.stem if path.suffix.lower() == ".xlsx" else f"{path.stem}-{path.suffix.lstrip('.').lower()}"
            report = path.with_name(f"{stem}-{kind}.xlsx")
            number = 1
            while report.exists():  # an earlier run's report is kept: the two runs may differ (another --as)
                number += 1
                report = path.with_name(f"{stem}-{kind}-{number}.xlsx")
            with job.error_report.open("rb") as stored:
                report.write_bytes(stored.read())
            out.write(f"Laporan {kind}: {report}")
