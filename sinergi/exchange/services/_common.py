"""What the modules of import jobs share: the logger, the whole-job messages (said again in the viewer's
language on the page), FileGone, and how a NIK or KK number in a file name or a cell is masked."""

import logging
from pathlib import Path

from django.utils.translation import gettext_lazy

from sinergi.audit.display.resolver import numbers_masked

# The package's name, as the module's was: log records and their configuration keep their logger.
logger = logging.getLogger(__package__)


def _numbers_masked(text: str) -> str:
    """A NIK or KK number in a text masked as everywhere else (6371********0001): in a problem's cell, and in a file
    name, which people name after a child or a family card, where it outlives the file (the audit log, the lists
    after the purge). As typed in groups too ("6371 - 0112 - 3456 - 0001"): the audit log's rule, one for both."""
    return numbers_masked(text)


def file_type(name: str) -> str:
    """What the audit keeps of an uploaded file's name: its type (".xlsx"). The name itself is left to the job's
    row: people name files after a child or a family, and an audit event outlives the erasure of either; the job
    names the import, and its `sha256` the very file."""
    suffix = Path(name).suffix.lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""


# Whole-job messages known by their words: stored as text in the language of the run, they are said again in the
# viewer's language on the page (selectors.import_job_display).
CANCELLED = gettext_lazy("Impor dibatalkan; tidak ada data yang disimpan.")
CANCELLED_DRY_RUN = gettext_lazy("Uji coba dibatalkan.")
CANCELLED_BEFORE_START = gettext_lazy("Impor dibatalkan sebelum dimulai; tidak ada data yang disimpan.")
CANCELLED_DRY_RUN_BEFORE_START = gettext_lazy("Uji coba dibatalkan sebelum dimulai.")
FAILED = gettext_lazy("Terjadi kesalahan tak terduga; tidak ada data yang disimpan. Laporkan ke admin.")
INTERRUPTED = gettext_lazy(
    "Proses terhenti di tengah jalan (misalnya server dimulai ulang atau perintahnya dihentikan). Tidak ada data "
    "dari file ini yang disimpan; jalankan lagi."
)
INTERRUPTED_AFTER_SAVE = gettext_lazy(
    "Data dari file ini sudah tersimpan, tetapi prosesnya terhenti sebelum hasil lengkapnya dicatat: jumlahnya di "
    "bawah, rincian dan laporannya tidak ada."
)


class FileGone(Exception):
    """A job's stored file was removed (after the retention period, or lost); the message says so and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


JOB_BUSY = gettext_lazy(
    "Basis data sedang dipakai proses lain terlalu lama, sehingga proses ini dihentikan. Tidak ada data dari file ini "
    "yang disimpan; jalankan lagi sebentar lagi."
)
STORAGE_REFUSED = gettext_lazy(
    "Server tidak dapat menyimpan file (ruang penyimpanan penuh atau tidak dapat ditulis). Tidak ada file yang "
    "disimpan; laporkan ke admin, lalu coba lagi nanti."
)
REPORT_FAILED = gettext_lazy(
    "Laporan (.xlsx) untuk impor ini tidak dapat dibuat; masalah pertama tercantum di halaman ini. Perbaiki yang "
    "tercantum, lalu unggah lagi."
)
