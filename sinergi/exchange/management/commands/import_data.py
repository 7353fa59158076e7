import shlex
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import CommandError
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from sinergi.core.errors import PermissionDenied
from sinergi.exchange import services
from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import FileRefused
from sinergi.exchange.management.cli import (
    EXIT_PROBLEMS,
    EXIT_REFUSED,
    EXIT_STATUSES_HELP,
    EXIT_STOPPED,
    EXIT_USAGE,
    ExchangeCommand,
    entity_help,
    refuse_another_account,
    refuse_standard_streams,
    stopped_by_signals_as_by_ctrl_c,
    unwritable,
    write_whole,
)
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.pipeline import BUSY

PHASES = {"reading": _lazy("Memeriksa"), "saving": _lazy("Menyimpan")}

# The report's file name keeps its Indonesian word in every language (data-kesalahan.xlsx): scripts look for it.
REPORT_LINES = {
    "kesalahan": _lazy("Laporan kesalahan: %(path)s"),
    "peringatan": _lazy("Laporan peringatan: %(path)s"),
    "perubahan": _lazy("Laporan perubahan: %(path)s"),
}
REPORTS_KEPT = {
    "kesalahan": _lazy("Laporan kesalahan tetap ada di halaman Impor/Ekspor (pekerjaan #%(job)s)."),
    "peringatan": _lazy("Laporan peringatan tetap ada di halaman Impor/Ekspor (pekerjaan #%(job)s)."),
    "perubahan": _lazy("Laporan perubahan tetap ada di halaman Impor/Ekspor (pekerjaan #%(job)s)."),
}


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
        rate = ""
        if elapsed >= 0.2 and done:  # none of a phase just begun
            # Grouped as the operator's language groups thousands (1.234 baris/d; in English 1,234 rows/s).
            per_second = number_format(round(done / elapsed), force_grouping=True)
            rate = " (" + _("%(rate)s baris/d") % {"rate": per_second} + ")"
        label = str(PHASES.get(phase, phase))
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


class Command(ExchangeCommand):
    help = format_lazy(
        "{} {}",
        _lazy(
            "Mengimpor file XLSX, CSV, ODS, atau XLS (mis. `import_data lks data.xlsx`). Semua baris diperiksa dulu; "
            "bila ada satu masalah saja, tidak ada yang disimpan dan laporan kesalahan ditulis di samping file "
            "(NAMA-kesalahan.xlsx; -2, -3 … bila sudah ada). Jalankan sebagai akun layanan."
        ),  # NAMA, not <nama>: locale/tools/translate_en.py holds a translation to an HTML-like tag of its msgid
        EXIT_STATUSES_HELP,
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("entity", help=entity_help())
        parser.add_argument("file", help=_lazy("File .xlsx, .csv, .ods, atau .xls (bukan - atau /dev/stdin)."))
        parser.add_argument("--dry-run", action="store_true", help=_lazy("Hanya memeriksa; tidak menyimpan apa pun."))
        parser.add_argument(
            "--sheet",
            default="",
            help=_lazy(
                "Nama lembar yang diimpor, untuk buku kerja dengan data di beberapa lembar (mis. “Putra” dan "
                "“Putri”): impor lembar demi lembar."
            ),
        )
        parser.add_argument(
            "--as",
            dest="username",
            help=_lazy(
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
            raise CommandError(_("File %(file)s tidak ada.") % {"file": file}, returncode=EXIT_USAGE)
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
                _("Pengguna “%(name)s” tidak berwenang mengimpor data %(label)s.") % {"name": name, "label": spec.label}
                if username
                else str(error),
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
                or _(
                    "Impor dihentikan, tetapi prosesnya belum selesai berhenti. Lihat hasilnya di halaman Impor/Ekspor "
                    "(pekerjaan #%(job)s), atau jalankan lagi nanti."
                )
                % {"job": job.pk},
                returncode=EXIT_STOPPED,
            ) from None
        bar.finish()
        job.refresh_from_db()
        self._report(job, path)
        self.stdout.flush()  # the report before the exit's message, also when both go to one log
        if job.status == ImportStatus.REFUSED and job.refused_count:
            # The rows' problems are listed above: the exit says what it means, without repeating them.
            raise CommandError(
                _("Tidak ada yang disimpan. Perbaiki baris di atas (atau di laporan), lalu impor lagi."),
                returncode=EXIT_PROBLEMS,
            )
        if job.status not in (ImportStatus.CHECKED, ImportStatus.SUCCEEDED):
            message = str(job.message or job.get_status_display())
            if job.sheet_choices:
                sheets = ", ".join(f"--sheet {shlex.quote(name)}" for name in job.sheet_choices)
                message += " " + _("Impor lembar demi lembar: jalankan lagi dengan %(sheets)s.") % {"sheets": sheets}
            whole_file = job.status == ImportStatus.REFUSED and job.message != str(BUSY)
            raise CommandError(message, returncode=EXIT_REFUSED if whole_file else EXIT_STOPPED)

    def _actor(self, username: str | None):
        if not username:
            return services.SystemActor()
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(
                _("Pengguna aktif “%(name)s” tidak ada.") % {"name": username}, returncode=EXIT_USAGE
            ) from None

    def _report(self, job, path: Path) -> None:
        out = self.stdout
        status, total = job.get_status_display(), job.rows_total
        if job.status == ImportStatus.REFUSED and job.refused_count:
            out.write(
                ngettext(
                    "%(status)s: %(refused)s dari %(total)s baris bermasalah.",
                    "%(status)s: %(refused)s dari %(total)s baris bermasalah.",
                    job.refused_count,  # English agrees with the rows refused: "1 row of 3 has problems"
                )
                % {"status": status, "refused": job.refused_count, "total": total}
            )
        elif job.status == ImportStatus.REFUSED and not total:
            # Refused before its rows were counted (no header, several sheets): no "(0 rows)", as if it had none.
            out.write(_("%(status)s pada file itu sendiri; lihat alasannya di bawah.") % {"status": status})
        elif job.status == ImportStatus.REFUSED:
            # The whole file, for a reason of its own (a formula without a result, a missing column): said last.
            out.write(
                ngettext(
                    "%(status)s pada file itu sendiri, bukan pada barisnya (%(total)s baris); "
                    "lihat alasannya di bawah.",
                    "%(status)s pada file itu sendiri, bukan pada barisnya (%(total)s baris); "
                    "lihat alasannya di bawah.",
                    total,
                )
                % {"status": status, "total": total}
            )
        else:
            line = ngettext("%(status)s: %(total)s baris.", "%(status)s: %(total)s baris.", total)
            out.write(line % {"status": status, "total": total})
        if job.status in (ImportStatus.CHECKED, ImportStatus.SUCCEEDED):
            counts = {"created": job.created_count, "updated": job.updated_count, "unchanged": job.unchanged_count}
            if job.dry_run:
                counts_line = _("akan dibuat %(created)s, akan diubah %(updated)s, tidak berubah %(unchanged)s.")
            else:
                counts_line = _("dibuat %(created)s, diubah %(updated)s, tidak berubah %(unchanged)s.")
            out.write("  " + counts_line % counts)
            listed = job.preview.get("update", [])
            for item in listed:
                out.write("  " + _("baris %(row)s (%(key)s):") % {"row": item["row"], "key": item["key"]})
                for column, (before, after) in item["changes"].items():
                    out.write(f"    {column}: {before or '—'} → {after or '—'}")
            if job.updated_count > len(listed):
                more = job.updated_count - len(listed)
                if job.dry_run:
                    more_line = ngettext(
                        "… dan %(count)s data lain yang akan diubah (semuanya di lembar “Perubahan” laporan).",
                        "… dan %(count)s data lain yang akan diubah (semuanya di lembar “Perubahan” laporan).",
                        more,
                    )
                else:
                    more_line = ngettext(
                        "… dan %(count)s data lain yang diubah (semuanya di lembar “Perubahan” laporan).",
                        "… dan %(count)s data lain yang diubah (semuanya di lembar “Perubahan” laporan).",
                        more,
                    )
                out.write("  " + more_line % {"count": more})
        for notice in job.notices:
            out.write(f"  {notice}")
        for row, column, value, message in job.problems[:50]:
            if column:
                where = _("baris %(row)s, kolom %(column)s") % {"row": row, "column": column}
            else:
                where = _("baris %(row)s") % {"row": row}
            shown = f" “{value}”" if value else ""
            out.write(f"  {where}{shown}: {message}")
        if job.problem_count > 50:
            more = job.problem_count - 50
            out.write(
                "  "
                + ngettext(
                    "… dan %(count)s masalah lain (lihat laporan kesalahan).",
                    "… dan %(count)s masalah lain (lihat laporan kesalahan).",
                    more,
                )
                % {"count": more}
            )
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
                self.stderr.write(f"{unwritable(report, error)} {REPORTS_KEPT[kind] % {'job': job.pk}}")
            else:
                out.write(REPORT_LINES[kind] % {"path": report})
