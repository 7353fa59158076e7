"""What the exchange's commands share on a server's command line: their exit statuses, stopping on a signal, files
written whole or not at all, and the account they must run as.

Exit statuses (documented in each command's --help and in docs/deployment.md), so that a nightly script can tell
"the data needs fixing" from "the file or the call is wrong" from "it did not finish":
- 0: done (a trial with warnings only too);
- 1: rows with problems: nothing saved, the report lists them;
- 2: the call is wrong: arguments, an unknown or inactive user, a user without the right, a file that is not there;
- 3: the file was refused as a whole (not a spreadsheet, damaged, too large, a column missing, several sheets);
- 4: it did not finish: stopped (Ctrl+C, SIGTERM, SIGHUP), the database busy, a file that could not be written.
"""

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

EXIT_PROBLEMS, EXIT_USAGE, EXIT_REFUSED, EXIT_STOPPED = 1, 2, 3, 4

EXIT_STATUSES_HELP = (
    "Status keluar: 0 selesai; 1 ada baris bermasalah (tidak ada yang disimpan); 2 pemanggilan salah (argumen, "
    "pengguna, wewenang, file tidak ada); 3 file ditolak seluruhnya; 4 tidak selesai (dihentikan, database sibuk, "
    "file tidak dapat ditulis)."
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
            f"“{path}” tidak dapat dipakai: tulis nama file biasa (simpan dulu data dari pipa ke sebuah file).",
            returncode=EXIT_USAGE,
        )


def unwritable(path: Path, error: OSError) -> CommandError:
    """The message of a file that could not be written: the disk full, a read-only folder, a folder of that name."""
    if isinstance(error, IsADirectoryError) or path.is_dir():
        reason = "sudah ada folder dengan nama itu"
    elif error.errno == 28:
        reason = "ruang disk penuh"
    elif error.errno == 30:
        reason = "folder itu hanya-baca"
    elif isinstance(error, FileNotFoundError):
        reason = "foldernya tidak ada"
    elif isinstance(error, PermissionError):
        reason = "tidak ada izin menulis di folder itu"
    else:
        reason = error.strerror or str(error)
    return CommandError(f"Tidak dapat menulis {path}: {reason}.", returncode=EXIT_STOPPED)


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
        f"Jalankan perintah ini sebagai akun layanan “{name}”, pemilik {var_dir} (mis. sudo -u {name} …): file yang "
        "dibuat akun lain tidak dapat dibaca dan dihapus oleh layanan.",
        returncode=EXIT_USAGE,
    )
