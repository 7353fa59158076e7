"""What the exchange's commands share on a server's command line: their exit statuses, stopping on a signal, files
written whole or not at all, and the account they must run as.

Exit statuses (documented in each command's --help and in docs/deployment.md), so that a nightly script can tell
"the data needs fixing" from "the file or the call is wrong" from "it did not finish":
- 0: done (a trial with warnings only too);
- 1: rows with problems: nothing saved, the report lists them;
- 2: the call is wrong: arguments, an unknown or inactive user, a user without the right, a file that is not there;
- 3: the file was refused as a whole (not a spreadsheet, damaged, too large, a column missing, several sheets);
- 4: it did not finish: stopped (Ctrl+C, SIGTERM, SIGHUP), the database busy, a file that could not be written.

They speak the operator's language (ExchangeCommand): --language, else SINERGI_COMMAND_LANGUAGE, else the site's
LANGUAGE_CODE; the messages of the import they run (rows' problems, reports, templates) come out in it too.
"""

import contextlib
import os
import re
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import OperationalError
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.core.busy import is_busy
from sinergi.core.management.base import TranslatedHelpCommand
from sinergi.exchange.columns import entities

EXIT_PROBLEMS, EXIT_USAGE, EXIT_REFUSED, EXIT_STOPPED = 1, 2, 3, 4

EXIT_STATUSES_HELP = _lazy(
    "Status keluar: 0 selesai; 1 ada baris bermasalah (tidak ada yang disimpan); 2 pemanggilan salah (argumen, "
    "pengguna, wewenang, file tidak ada); 3 file ditolak seluruhnya; 4 tidak selesai (dihentikan, database sibuk, "
    "file tidak dapat ditulis)."
)
# Those of the commands that write a file and read none (export_data, import_template): no rows, no refused file.
WRITING_EXIT_STATUSES_HELP = _lazy(
    "Status keluar: 0 selesai; 2 pemanggilan salah (argumen, pengguna, wewenang, folder tidak ada); 4 tidak selesai "
    "(database sibuk, file tidak dapat ditulis)."
)

# The environment variable behind SINERGI["COMMAND_LANGUAGE"] (read in the settings), named in its refusal.
LANGUAGE_VARIABLE = "SINERGI_COMMAND_LANGUAGE"


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def command_language() -> str:
    """The language of a command called without --language: SINERGI_COMMAND_LANGUAGE (also as a locale is written,
    "en_US.UTF-8"), else the site's LANGUAGE_CODE. A value naming no language of the interface is refused rather
    than ignored: the administrator who set it would otherwise not know why the messages stay Indonesian."""
    value = settings.SINERGI.get("COMMAND_LANGUAGE", "")
    if not value:
        return settings.LANGUAGE_CODE
    code = re.split(r"[-_.@]", value.lower())[0]
    if code not in _languages():
        raise CommandError(
            _("%(variable)s=%(value)s bukan bahasa yang dikenal. Pilihan: %(choices)s.")
            % {"variable": LANGUAGE_VARIABLE, "value": value, "choices": ", ".join(_languages())},
            returncode=EXIT_USAGE,
        )
    return code


def _language_asked(arguments: list[str]) -> str:
    """The language a command line asks for, read before the parser is made so that --help is written in it: the
    value of --language (or of an abbreviation argparse accepts, --lang), else command_language(). Anything unusual
    is left to the parser and execute(), which say what is wrong."""
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        name, equals, value = argument.partition("=")
        if len(name) > 3 and "--language".startswith(name):
            value = value if equals else (arguments[index + 1] if index + 1 < len(arguments) else "")
            if value in _languages():
                return value
    try:
        return command_language()
    except CommandError:
        return settings.LANGUAGE_CODE


def entity_help() -> str:
    """The help of a command's `entity` argument: the kinds of data, by the keys the command takes."""
    return format_lazy(_lazy("Jenis data: {keys}"), keys=", ".join(entity.key for entity in entities()))


class ExchangeCommand(TranslatedHelpCommand):
    """A command of the exchange, run in the operator's language (--language, SINERGI_COMMAND_LANGUAGE): its help,
    messages and errors, and what the import it runs writes (rows' problems, the error report, a template)."""

    def run_from_argv(self, argv: list[str]) -> None:
        # The parser is made, and --help printed, before execute(): in the language asked for, too.
        with translation.override(_language_asked(argv[2:])):
            super().run_from_argv(argv)

    def print_help(self, prog_name: str, subcommand: str) -> None:
        # `manage.py help import_data` prints it without run_from_argv: in the shell's language (the variable).
        with translation.override(_language_asked([])):
            super().print_help(prog_name, subcommand)

    def create_parser(self, prog_name: str, subcommand: str, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--language",
            choices=_languages(),
            default=None,
            help=_lazy(
                "Bahasa pesan, laporan, dan templat: id (Bahasa Indonesia) atau en (English). Bawaan: variabel "
                "lingkungan SINERGI_COMMAND_LANGUAGE bila ada, selain itu bahasa situs (LANGUAGE_CODE)."
            ),
        )
        return parser

    def execute(self, *args, **options):
        language = options.get("language") or command_language()
        with translation.override(language):
            try:
                return super().execute(*args, **options)
            except OperationalError as error:
                # SQLite's one write lock held past the wait by another writer (a large import, a migration), or a
                # lock on PostgreSQL: a line and the exit of a run that did not finish, not a traceback (the
                # thirty-ninth review). An import is saved whole or not at all; the wait may have come after its
                # commit (its job's own record), so the line sends the user to its status (the forty-first review).
                if not is_busy(error):
                    raise
                raise CommandError(str(DATABASE_BUSY), returncode=EXIT_STOPPED) from None


DATABASE_BUSY = _lazy(
    "Basis data sedang dipakai proses lain terlalu lama (misalnya impor besar atau migrasi), sehingga perintah ini "
    "berhenti. Impor disimpan seluruhnya atau tidak sama sekali: lihat statusnya (manage.py exchange_jobs, atau "
    "halaman Impor/Ekspor) sebelum menjalankannya lagi."
)


# Signals that end a command run by hand or by a service: a dropped ssh session (SIGHUP), `kill`, `timeout` and
# systemd (SIGTERM). Each is taken as Ctrl+C, so the run stops the way it stops for Ctrl+C: rolled back, its job
# marked, partial files removed, a message.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def stopped_by_signals_as_by_ctrl_c() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread (a command called from a test's thread)
        return
    previous = {number: signal.signal(number, _interrupt) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def refuse_standard_streams(path: str) -> None:
    """`-` (standard input or output) and device files are not read or written: a file name is needed, beside which
    an import writes its report."""
    if path == "-" or path.startswith("/dev/"):
        raise CommandError(
            _("“%(path)s” tidak dapat dipakai: tulis nama file biasa (simpan dulu data dari pipa ke sebuah file).")
            % {"path": path},
            returncode=EXIT_USAGE,
        )


def unwritable(path: Path, error: OSError) -> CommandError:
    """The message of a file that could not be written: the disk full, a read-only folder, a folder of that name."""
    if isinstance(error, IsADirectoryError) or path.is_dir():
        reason = _("sudah ada folder dengan nama itu")
    elif error.errno == 28:
        reason = _("ruang disk penuh")
    elif error.errno == 30:
        reason = _("folder itu hanya-baca")
    elif isinstance(error, FileNotFoundError):
        reason = _("foldernya tidak ada")
    elif isinstance(error, PermissionError):
        reason = _("tidak ada izin menulis di folder itu")
    else:
        reason = error.strerror or str(error)
    return CommandError(
        _("Tidak dapat menulis %(path)s: %(reason)s.") % {"path": path, "reason": reason}, returncode=EXIT_STOPPED
    )


def write_whole(path: Path, data: bytes) -> None:
    """Writes `data` to `path`, or nothing at all: a full disk leaves no empty or partial file behind. The file is
    made readable by its owner only (0600), whatever the umask: an error report holds the rows' full NIKs, names and
    birth dates, like the web copies under SINERGI_VAR_DIR. Created with that mode, not changed after writing, so it
    is never readable by others for a moment."""
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as handle:
            handle.write(data)
    except OSError as error:
        if not isinstance(error, FileExistsError | IsADirectoryError):
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def refuse_another_account() -> None:
    """Refuses to run as another account than the one owning the server's data folder (SINERGI_VAR_DIR): the
    uploads, reports and lock folders a command makes are private to their owner (0700), so run as root they lock
    the service out of them (its web uploads then fail for the rest of the month), and the service's purge cannot
    delete them."""
    var_dir = Path(getattr(settings, "VAR_DIR", ""))
    try:
        owner = var_dir.stat().st_uid
    except OSError:
        return  # not made yet: whoever runs first makes it
    if owner == os.geteuid():
        return
    try:
        import pwd

        name = pwd.getpwuid(owner).pw_name
    except (ImportError, KeyError):
        name = str(owner)
    raise CommandError(
        _(
            "Jalankan perintah ini sebagai akun layanan “%(name)s”, pemilik %(folder)s (mis. sudo -u %(name)s …): "
            "file yang dibuat akun lain tidak dapat dibaca dan dihapus oleh layanan."
        )
        % {"name": name, "folder": var_dir},
        returncode=EXIT_USAGE,
    )
