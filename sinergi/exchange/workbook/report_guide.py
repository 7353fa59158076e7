"""The guide at the top of a report's instructions sheet (_report_guide): where the report writes each problem and
warning, and what to do with the file. Apart from report.py, which writes the sheets, as the words of one of them."""

from django.utils.translation import gettext as _

from ..columns import Entity
from ..files import PROBLEMS_SHEET, WARNINGS_SHEET
from ..pipeline import ERROR_HEADER, WARNING_HEADER, ImportResult


def _report_guide(entity: Entity, result: ImportResult, message_header: str | None, *, commented: bool) -> list[str]:
    """How to read the report and what to do with it, above the template's instructions (which alone said nothing
    of the colours, of where a problem of a whole column is written, or that the report itself may be sent again).
    message_header: the msgid of the report's message column, None when it has none (see report._message_header)."""
    names = {
        "data": entity.sheet_name,
        "errors": _(ERROR_HEADER),
        "messages": _(message_header) if message_header else "",
        "problems": PROBLEMS_SHEET,
        "warnings": WARNINGS_SHEET,
    }
    guide = []
    if result.problems:
        guide.append(
            _(
                "Lembar “%(data)s” berisi baris file Anda seperti yang diunggah. Sel merah bermasalah: masalahnya "
                "tertulis di kolom “%(errors)s” di ujung kanan barisnya, dan semua masalah terdaftar di lembar "
                "“%(problems)s”. Dua baris yang duplikat sama-sama diberi pesan yang menyebut baris lainnya."
            )
            % names
        )
    if result.warnings and result.problems:
        guide.append(
            _(
                "Sel kuning berisi peringatan: barisnya tetap dapat diimpor, tetapi periksa isinya. Peringatan sebuah "
                "baris tertulis di kolom “%(errors)s”, diawali “Peringatan”, dan semua peringatan terdaftar di lembar "
                "“%(warnings)s”."
            )
            % names
        )
    elif message_header == WARNING_HEADER:  # (nothing to fix: the rows' warnings have a column of their own)
        guide.append(
            _(
                "Sel kuning berisi peringatan: barisnya tetap dapat diimpor, tetapi periksa isinya. Peringatan sebuah "
                "baris tertulis di kolom “%(messages)s” di ujung kanan barisnya, dan semua peringatan terdaftar di "
                "lembar “%(warnings)s”."
            )
            % names
        )
    elif result.warnings:
        # Warnings on the header only (a column naming several fields): no message column and no yellow cell; each
        # is a note on its header cell.
        guide.append(
            _(
                "Tidak ada baris yang bermasalah. Peringatan file ini menyangkut judul kolomnya: peringatan itu "
                "tertulis sebagai catatan pada judul kolomnya dan terdaftar di lembar “%(warnings)s”."
            )
            % names
        )
    if commented:
        guide.append(
            _(
                "Catatan pada judul kolom (sel bersegitiga merah di baris judul: arahkan atau ketuk untuk membacanya) "
                "menjelaskan kolom yang dibaca dengan nama lain, kolom yang tidak dibaca, masalah sebuah kolom secara "
                "keseluruhan, dan kolom wajib yang tidak ada (pada judul kolom pertama)."
            )
        )
    if result.problems:
        guide.append(
            _(
                "Perbaiki isinya di lembar “%(data)s”, lalu unggah file ini lagi: kolom “%(errors)s” dan lembar "
                "lainnya diabaikan saat impor, jadi tidak perlu dihapus. Bila satu baris saja masih bermasalah, "
                "tidak ada data yang disimpan."
            )
            % names
        )
    if message_header == WARNING_HEADER:
        guide.append(
            _(
                "Bila isinya sudah benar, file ini dapat diunggah lagi apa adanya: kolom “%(messages)s” dan lembar "
                "lainnya diabaikan saat impor, jadi tidak perlu dihapus."
            )
            % names
        )
    return guide
