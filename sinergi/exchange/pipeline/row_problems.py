"""The problems a row of data may have besides what the entity's rules say: cells under no header, a CSV
line shifted by an unquoted comma, a full number in an export's masked column, a new record in a file lacking a
required column, letters lost to an 8-bit encoding, retired vocabulary terms, formulas that gave an error. Apart
from row_checks.py, which calls them, so that each kind of problem is found in one place.
"""

import re
from typing import Any

from django.utils.translation import gettext as _

from .. import values as v
from ..columns import MANY_SEPARATOR, ImportContext, RowPlan, TermColumn
from ._common import CREATE, HeaderMap, ImportResult, Problem, _filled

# Encodings a CSV may be saved in that lack most letters: a program saving in one writes "?" for each letter it
# lacks (LibreOffice and Excel both do), so "Nguyễn" comes back as "Nguy?n". A file read as UTF-8 without a BOM
# may be such a save too, when the lost letters were its only ones outside ASCII (most Indonesian files): an
# update is compared with the stored text in both. A new record only in a file that is 8-bit for sure.
EIGHT_BIT_ENCODINGS = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman"}


LOSSY_ENCODINGS = {*EIGHT_BIT_ENCODINGS, "utf-8"}


def _formula_error_problems(
    result: ImportResult, header: HeaderMap, failed: list[tuple[int, int, str]], refused_rows: set[int]
) -> None:
    """Refuses the rows with a cell (in a column we read) whose formula gave an error, which read as empty: the
    error is what the user should fix, not the "wajib diisi" an empty cell got, which it replaces."""
    errors = {(row, header.written[index]): error for row, index, error in failed if index in header.columns}
    if not errors:
        return
    result.problems = [p for p in result.problems if (p.row, p.column) not in errors]
    for (row, column), error in errors.items():
        result.problems.append(Problem(row, column, error, v.formula_error_message(error)))
        refused_rows.add(row)
    result.problems.sort(key=lambda problem: problem.row)


def _lost_letters(plan: RowPlan, encoding: str) -> list[Problem]:
    """The changes of an update that are only the stored text with the letters an 8-bit encoding lacks turned into
    "?": a file exported, then saved as a Windows-1252 (or Mac Roman) CSV. Refused, not stored over the name as it
    was. (A file read as UTF-8 is compared as Windows-1252: see LOSSY_ENCODINGS.)"""
    if encoding not in EIGHT_BIT_ENCODINGS:
        encoding = "cp1252"
    lost = []
    for column, (before, after) in plan.changes.items():
        if (
            before.__class__ is str
            and before != after
            and before.encode(encoding, errors="replace").decode(encoding) == after
        ):
            lost.append(
                Problem(
                    plan.row,
                    column,
                    after,
                    _(
                        "Huruf yang tersimpan (“%(before)s”) berubah menjadi “?” karena file CSV ini disimpan dengan "
                        "pengodean %(encoding)s, yang tidak memuat huruf itu. Simpan ulang sebagai CSV UTF-8 (di "
                        "LibreOffice: set karakter “Unicode (UTF-8)”), lalu unggah lagi."
                    )
                    % {"before": before, "encoding": EIGHT_BIT_ENCODINGS[encoding]},
                )
            )
    return lost


def _retired_terms(
    header: HeaderMap, plan: RowPlan, values: dict[str, Any], cells: list[Any], ctx: ImportContext
) -> list[Problem]:
    """Vocabulary terms retired from the lists, set anew by a row: on a new record, or as a change of a stored one.
    A cell is read with them (a record keeps a term retired since, and its export imports back unchanged), but the
    forms no longer offer them, and neither does an import."""
    found = []
    # The file's vocabulary columns whose vocabulary has retired terms at all (most imports: none, no cost per row).
    columns = ctx.cached(
        "retired_term_columns",
        lambda: [
            (index, column)
            for index, column in header.columns.items()
            if isinstance(column, TermColumn) and ctx.retired_terms(column.vocabulary)
        ],
    )
    for index, column in columns:
        value = values.get(column.key)
        retired = [term for term in (value if isinstance(value, list) else [value]) if term and not term.is_active]
        if retired and plan.action != CREATE:
            change = plan.changes.get(str(column.header))
            stored = set(change[0].split(MANY_SEPARATOR)) if change and change[0] else set()
            retired = [term for term in retired if change and column.display(term) not in stored]
        cell = v.text(cells[index]) if index < len(cells) else ""
        for term in retired:
            # Named as the cell writes it (a file filled in Indonesian, read by a user working in English).
            named = next(
                (name for name in (term.label_id, term.label_en, term.code) if name and v.norm(name) in v.norm(cell)),
                column.display(term),
            )
            found.append(
                Problem(
                    plan.row,
                    header.written.get(index) or str(column.header),
                    cell,
                    _("“%(label)s” sudah tidak dipakai lagi (tidak ada di daftar pilihan); pilih isian lain.")
                    % {"label": named},
                )
            )
    return found


# A "?" touching a letter: in a file saved in a lossy encoding most likely a letter it lacked ("Nguy?n").
_LOST_LETTER = re.compile(r"[^\W\d_]\?|\?[^\W\d_]")


def _maybe_lost_letters(row_number: int, header: HeaderMap, cells: list[Any], encoding: str) -> list[Problem]:
    """Warnings for a new record's text cells with a "?" inside a word, from a file saved in a lossy encoding:
    there is no stored text to compare with (as _lost_letters does for an update), and a "?" may be meant."""
    warnings = []
    for index in header.columns:
        cell = cells[index] if index < len(cells) else None
        if cell.__class__ is str and "?" in cell and _LOST_LETTER.search(cell):
            warnings.append(
                Problem(
                    row_number,
                    header.written[index],
                    v.text(cell),
                    _(
                        "Tanda “?” di sini mungkin huruf yang hilang: file CSV ini disimpan dengan pengodean "
                        "%(encoding)s, yang tidak memuat semua huruf. Periksa tulisannya, atau simpan ulang sebagai "
                        "CSV UTF-8 lalu unggah lagi."
                    )
                    % {"encoding": EIGHT_BIT_ENCODINGS[encoding]},
                )
            )
    return warnings


def _cells_without_header(header: HeaderMap, row: int, cells: list[Any], *, csv: bool) -> list[Problem]:
    """Values that no column would read, refused rather than dropped: under a blank header cell, or past the
    header's last cell (in a CSV, mostly a comma inside text that is not quoted, which shifts the rest)."""
    found = []
    size = len(cells)
    # Past a CSV line's header: said once for the line (_shifted_line), not per field.
    for index in (*header.unnamed, *(range(header.width, size) if not csv else ())):
        if index < size and _filled(cells[index]):
            message = _(
                "Sel ini berisi data di kolom tanpa judul, jadi tidak akan terbaca. Beri kolom ini judul dari templat, "
                "atau pindahkan isinya ke kolom yang benar (mis. “Catatan”)."
            )
            found.append(Problem(row, _unnamed_column(index), v.text(cells[index]), message))
    return found


def _shifted_line(header: HeaderMap, row: int, cells: list[Any]) -> Problem:
    """A CSV line with more fields than its header: most likely a comma inside text that is not quoted."""
    message = _(
        "Baris ini punya %(fields)s isian, padahal judul kolomnya %(headers)s: biasanya ada koma di dalam teks "
        "yang tidak diapit tanda kutip, sehingga isian sesudahnya bergeser. Apit teks yang berkoma dengan tanda "
        'kutip ("…"), atau simpan ulang file sebagai CSV dari Excel atau LibreOffice.'
    ) % {"fields": len(cells), "headers": header.width}
    filled = [index for index in range(header.width, len(cells)) if _filled(cells[index])]
    last = filled[-1] if filled else len(cells) - 1
    return Problem(row, _unnamed_column(last), v.text(cells[last]), message)


def _unnamed_column(index: int) -> str:
    return _("Kolom %(letter)s (tanpa judul)") % {"letter": v.column_letter(index)}


def _full_numbers_in_masked_columns(header: HeaderMap, row: int, cells: list[Any]) -> list[Problem]:
    """A number written whole into an export's masked column (a new row added at the bottom of an export, a
    number corrected in place): refused, since that column is not read."""
    found = []
    for index, (written, real) in header.masked.items():
        value = v.text(cells[index]) if index < len(cells) else ""
        if value and "*" not in value and not v.is_blank(value):
            message = _(
                "Kolom ini tidak dibaca (nomor yang disamarkan oleh ekspor). Tulis nomor lengkap di kolom “%(real)s”: "
                "tambahkan kolom itu, lalu unggah lagi."
            ) % {"real": real}
            found.append(Problem(row, written, value, message))
    return found


def _absent_problems(header: HeaderMap, row: int, values: dict[str, Any], problems: list[Problem]) -> set[str]:
    """A row without an ID in a file that lacks required columns is a new record without them: refused for each,
    as an empty required cell is. Returns the headers the entity must not report missing again (a row whose ID
    cell is unreadable is refused for that alone: the absent columns are no news to its author)."""
    if values.get(header.record_id):
        return set()
    values.setdefault("_unreadable", set()).update(column.key for column in header.absent)
    if header.record_id in values["_unreadable"]:
        return {str(column.header) for column in header.absent}
    for column in header.absent:
        problems.append(
            Problem(
                row,
                str(column.header),
                "",
                _(
                    "%(column)s wajib diisi untuk data baru, tetapi file ini tidak memiliki kolom “%(column)s”. "
                    "Tambahkan kolom itu, atau isi ID bila baris ini memperbaiki data yang sudah ada."
                )
                % {"column": column.header},
            )
        )
    return {str(column.header) for column in header.absent}
