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
from sinergi.exchange.management.cli import (
    EXIT_PROBLEMS,
    EXIT_REFUSED,
    EXIT_STATUSES_HELP,
    EXIT_STOPPED,
    EXIT_USAGE,
    refuse_another_account,
    refuse_standard_streams,
    stopped_by_signals_as_by_ctrl_c,
    unwritable,
    write_whole,
)
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.pipeline import BUSY

PHASES = {"reading": "Memeriksa", "saving": "Menyimpan"}


class ProgressBar:
    """Progress on stderr: on a terminal, a one-line bar redrawn at most ten times a second; in a log or cron's mail
    (no terminal), a plain line per quarter of each phase, without the bar's carriage returns; at verbosity 0,
    nothing. The rate is that of the phase shown (saving is not slowed by the checking before it)."""

    def __init__(self, stream, *, verbosity: int = 1) -> None:
        self.stream = stream  # the command's stderr (an OutputWrapper)
        self.quiet = verbosity == 0
        self.on_terminal = stream.isatty()
        self.last = 0.0
        self.phase = ""
        self.phase_started = time.monotonic()
        self.drawn: tuple | None = None
        self.quarter = -1
        self.open_line = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase != self.phase:
            if self.phase:  # the first phase began with the run, before its first batch was told
                self.phase_started = now
            self.phase, self.quarter = phase, -1
        if self.quiet or not total or self.drawn == (phase, done, total):
            return  # nothing to show, never a "Menyimpan 0/0" of nothing to save, never the same line twice
        elapsed = now - self.phase_started
        rate = f" ({done / elapsed:,.0f} baris/d)" if elapsed >= 0.2 and done else ""  # none of a phase just begun
        label = PHASES.get(phase, phase)
        if not self.on_terminal:
            quarter = 4 * done // total
            if quarter > self.quarter:
                self.quarter, self.drawn = quarter, (phase, done, total)
                self.stream.write(f"{label} {done}/{total}{rate}")
            return
        if now - self.last < 0.1 and done < total:
            return  # not faster than the eye
        self.last, self.drawn = now, (phase, done, total)
        width = 30
        filled = int(width * done / total)
        self.stream.write(
            f"\r{label:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{rate}   ",
            ending="",
        )
        self.stream.flush()
        self.open_line = True

    def finish(self) -> None:
        if self.open_line:
            self.stream.write("")
            self.open_line = False


class Command(BaseCommand):
    help = (
        "Mengimpor file XLSX, CSV, ODS, atau XLS (mis. `import_data lks data.xlsx`). Semua baris diperiksa dulu; bila "
        "ada satu masalah saja, tidak ada yang disimpan dan laporan kesalahan ditulis di samping file "
        "(<nama>-kesalahan.xlsx; -2, -3 … bila sudah ada). Jalankan sebagai akun layanan. " + EXIT_STATUSES_HELP
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("entity", help="Jenis data: " + ", ".join(e.key for e in entities()))
        parser.add_argument("file", help="File .xlsx, .csv, .ods, atau .xls (bukan - atau /dev/stdin).")
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
                "wewenang penuh, tercatat di audit sebagai Sistem dengan akun server yang menjalankannya; kolom LKS "
                "lalu wajib diisi di setiap baris."
            ),
        )

    def handle(
        self, *args, entity: str, file: str, dry_run: bool, username: str | None, sheet: str = "", **options
    ) -> None:
        try:
            spec = get_entity(entity)
        except LookupError as error:
            raise CommandError(str(error), returncode=EXIT_USAGE) from None
        refuse_standard_streams(file)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"File {file} tidak ada.", returncode=EXIT_USAGE)
        refuse_another_account()
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
                    via=services.COMMAND_LINE,
                )
        except FileRefused as refused:
            # Too many pending jobs of the user is the call's problem; anything else is the file's.
            busy = refused.message == str(services.TOO_MANY_PENDING)
            raise CommandError(refused.message, returncode=EXIT_STOPPED if busy else EXIT_REFUSED) from None
        except PermissionDenied as error:
            name = actor.get_username()
            raise CommandError(
                f"Pengguna “{name}” tidak berwenang mengimpor data {spec.label}." if username else str(error),
                returncode=EXIT_USAGE,
            ) from None
        self.stderr.style_func = None  # a plain bar, not coloured as an error
        bar = ProgressBar(self.stderr, verbosity=options.get("verbosity", 1))
        try:
            with stopped_by_signals_as_by_ctrl_c():
                job = services.import_job_run(job_id=job.pk, actor=actor, on_progress=bar)
        except KeyboardInterrupt:
            bar.finish()
            # The run let go of its lock on the way out (the writer's database session a moment later): ended as a
            # stopped job (cancelled, or saved after all).
            job = services.import_job_settle(job=ImportJob.objects.get(pk=job.pk), stopped=True, wait_seconds=10)
            raise CommandError(
                job.message
                or f"Impor dihentikan, tetapi prosesnya belum selesai berhenti. Lihat hasilnya di halaman Impor/Ekspor "
                f"(pekerjaan #{job.pk}), atau jalankan lagi nanti.",
                returncode=EXIT_STOPPED,
            ) from None
        bar.finish()
        job.refresh_from_db()
        self._report(job, path)
        self.stdout.flush()  # the report before the exit's message, also when both go to one log
        if job.status == ImportStatus.REFUSED and job.refused_count:
            # The rows' problems are listed above: the exit says what it means, without repeating them.
            raise CommandError(
                "Tidak ada yang disimpan. Perbaiki baris di atas (atau di laporan), lalu impor lagi.",
                returncode=EXIT_PROBLEMS,
            )
        if job.status not in (ImportStatus.CHECKED, ImportStatus.SUCCEEDED):
            message = job.message or job.get_status_display()
            if job.sheet_choices:
                sheets = ", ".join(f"--sheet {shlex.quote(name)}" for name in job.sheet_choices)
                message += f" Impor lembar demi lembar: jalankan lagi dengan {sheets}."
            whole_file = job.status == ImportStatus.REFUSED and job.message != str(BUSY)
            raise CommandError(message, returncode=EXIT_REFUSED if whole_file else EXIT_STOPPED)

    def _actor(self, username: str | None):
        if not username:
            return services.SystemActor()
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Pengguna aktif “{username}” tidak ada.", returncode=EXIT_USAGE) from None

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
                data = stored.read()
            try:
                write_whole(report, data)
            except OSError as error:
                # The run's outcome stands (saved or not, as said above); only the copy beside the file is missing.
                self.stderr.write(
                    f"{unwritable(report, error)} Laporan {kind} tetap ada di halaman Impor/Ekspor (pekerjaan "
                    f"#{job.pk})."
                )
            else:
                out.write(f"Laporan {kind}: {report}")
