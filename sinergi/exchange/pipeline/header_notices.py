"""What the header reading tells the user: the refusals of a header that cannot be read (too wide, not
found, a required column missing) and the notices on what it read, skipped or could not read (unknown columns with
a hint, read-only and masked columns of an export, combined headers, ages, region code parts). Apart from header.py
so that finding the columns and explaining them can be read separately.
"""

import re
from typing import Any

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import values as v
from ..columns import Column, Entity, RecordIdColumn, RecordVersionColumn
from ._common import ImportResult, Problem, _HeaderCells
from .header_names import (
    _headers_language,
    _other_entity_hint,
    _renames_for_missing,
    _shared_for_missing,
    _unknown_named,
    in_every_language,
)

# The most columns with something written that a row among the first HEADER_SEARCH_ROWS may have. The widest template
# has about 33 columns, and an office's own table a few dozen more; every unknown header is compared with every
# column's names for a hint (difflib), so a 1 MB CSV whose first line is 139,000 column names held a worker for a
# minute (thirty-fourth review, F7). Checked before any matching, the file refused as a whole.
HEADER_MAX_COLUMNS = 500


# How many unknown headers the notice names (each with its hint, if any); the others are counted.
UNKNOWN_HEADERS_NAMED = 20


# An age written in place of the birth date ("Umur", "Usia (th)"), normalised.
AGE_HEADERS = {"umur", "usia", "umur th", "umur thn", "umur tahun", "usia th", "usia thn", "usia tahun", "umur anak"}


def _refuse_too_wide(head: list[tuple[int, list[Any]]], result: ImportResult) -> bool:
    """Refuses the file when a row of its head fills more than HEADER_MAX_COLUMNS cells: matching every one of
    them against every column's names would hold a worker for minutes (see HEADER_MAX_COLUMNS)."""
    for row_number, cells in head:
        if (filled := sum(1 for cell in cells if cell is not None and cell != "")) > HEADER_MAX_COLUMNS:
            result.status, result.message = (
                "refused",
                _(
                    "Baris %(row)s berisi %(count)s kolom, padahal file impor boleh memuat paling banyak %(limit)s "
                    "kolom (templat impor memuat sekitar 30). Hapus kolom yang tidak dipakai, atau salin datanya ke "
                    "templat impor, lalu unggah lagi."
                )
                % {
                    "row": row_number,
                    "count": number_format(filled, force_grouping=True),
                    "limit": number_format(HEADER_MAX_COLUMNS, force_grouping=True),
                },
            )
            return True
    return False


def _refuse_no_header(entity: Entity, head: list[tuple[int, list[Any]]], result: ImportResult) -> None:
    """Refuses a file none of whose first rows names a column, with an example of one (and the kind of record the
    file seems to hold instead, if any)."""
    result.status, result.message = (
        "refused",
        _(
            "Judul kolom tidak ditemukan di 20 baris pertama. Gunakan templat impor, atau pastikan baris judul "
            "memuat nama kolom seperti “%(example)s”."
        )
        % {"example": _example_header(entity)}
        + _other_entity_hint(entity, head),
    )


def _example_header(entity: Entity) -> str:
    """A column a file of `entity` must have ("Nama LKS"), not its first one (the LKS export's "ID", which a new file
    leaves out)."""
    columns = entity.import_columns()
    return str(next((column for column in columns if column.required), columns[0]).header)


def _header_notices(
    entity: Entity,
    row_number: int,
    two_rows: bool,
    cells: list[Any],
    known: dict[str, Column],
    read: _HeaderCells,
    result: ImportResult,
) -> None:
    """Tells what the header reading did besides finding columns: where the header was, the columns it could not
    read and why. Leaves in `read.unknown` the unknown headers a missing column's refusal suggests renaming."""
    if two_rows:
        result.notices.append(
            _("Judul kolom dibaca dari dua baris (%(top)s dan %(bottom)s).")
            % {"top": row_number - 1, "bottom": row_number}
        )
    if row_number > 1 + two_rows:
        result.notices.append(
            _("Judul kolom ditemukan di baris %(row)s; baris di atasnya dilewati.") % {"row": row_number - two_rows}
        )
    _combined_warnings(entity, row_number, read, result)
    if read.read_only and not _looks_like_export(entity, read.used, cells):
        # A column of the user's own that happens to share its name ("Status": Yatim, Piatu) is no export's: it is
        # ignored for being unknown, and said so.
        read.unknown += read.read_only
        read.read_only = []
    _age_notices(entity, read, result)
    _region_part_notices(entity, read, result)
    if read.unknown:
        named = ", ".join(_unknown_named(name, known, read.used) for name in read.unknown[:UNKNOWN_HEADERS_NAMED])
        if len(read.unknown) > UNKNOWN_HEADERS_NAMED:
            others = len(read.unknown) - UNKNOWN_HEADERS_NAMED
            named = ngettext(
                "%(columns)s, dan %(count)s kolom lain", "%(columns)s, dan %(count)s kolom lain", others
            ) % {
                "columns": named,
                "count": number_format(others, force_grouping=True),
            }
        result.notices.append(_("Kolom yang tidak dikenal diabaikan: %(columns)s.") % {"columns": named})
    if read.read_only:
        result.notices.append(
            _("Kolom hanya-baca (dari ekspor) diabaikan: %(columns)s.")
            % {"columns": ", ".join(f"“{c}”" for c in read.read_only)}
        )


def _combined_warnings(entity: Entity, row_number: int, read: _HeaderCells, result: ImportResult) -> None:
    """Warns of each header naming several fields in one cell whose fields the file has no column of its own for:
    they would be lost without a word. One that only repeats the file's separate columns is merely unknown."""
    for name, keys in read.merged:
        lost = [key for key in keys if key not in read.used]
        if not lost:
            read.unknown.append(name)  # the file has the separate columns too: this one only repeats them
            continue
        headers = {column.key: column.header for column in entity.columns}
        result.warnings.append(
            Problem(
                row_number,
                name,
                "",
                _(
                    "Kolom “%(column)s” menggabungkan beberapa isian dalam satu sel, jadi tidak dibaca: %(columns)s "
                    "tidak ikut diimpor. Sebelum mengimpor, pisahkan kolom itu menjadi %(columns)s (di Excel: Data › "
                    "Teks ke Kolom, pemisah koma), lalu unggah lagi."
                )
                % {"column": name, "columns": ", ".join(f"“{headers[key]}”" for key in lost)},
            )
        )


def _age_notices(entity: Entity, read: _HeaderCells, result: ImportResult) -> None:
    """Takes the age columns out of the unknown ones, with a notice of their own, when the file has no birth date:
    the user is told to add the date rather than to rename the age."""
    birth = next((column for column in entity.columns if column.key == "birth_date"), None)
    if birth is None or "birth_date" in read.used:
        return
    for name in [name for name in read.unknown if v.norm(name) in AGE_HEADERS]:
        # An age is not kept: it changes every year, and a birth date guessed from it would be stored as fact.
        read.unknown.remove(name)
        result.notices.append(
            _(
                "Kolom “%(column)s” tidak dibaca: umur berubah setiap tahun, jadi yang disimpan adalah tanggal "
                "lahir, dan tanggal lahir tidak ditebak dari umur. Bila tanggal lahirnya diketahui, tambahkan "
                "kolom “%(birth)s”."
            )
            % {"column": name, "birth": birth.header}
        )


# A part of a region code in a column of its own, as DTKS (BPS codes) and SIKS-NG (Kemendagri codes) exports write them:
# KD_PROP, KD_KAB, KD_KEC, KD_KEL, KDDESA (normalised).
REGION_PART_HEADER = re.compile(r"(?:kd|kode) ?(?:prop|prov|kab|kota|kec|kel|desa)")


def _region_part_notices(entity: Entity, read: _HeaderCells, result: ImportResult) -> None:
    """Takes the columns of region code parts (KD_KEL) out of the unknown ones, with a notice of their own, in a sheet
    that has a region code column: named as unknown, KD_KEL was hinted to be the full "Kode wilayah". The parts are
    not joined into a code: the same digits are a BPS code in one system and a Kemendagri code in another, and a guess
    between them would place the record in another village."""
    code = next((column for column in entity.columns if column.key == "region_code"), None)
    if code is None:
        return  # (the people's sheets have no region column: there such a column is one more that is ignored)
    parts = [name for name in read.unknown if REGION_PART_HEADER.fullmatch(v.norm(name))]
    if not parts:
        return
    for name in parts:
        read.unknown.remove(name)
    names = [c.header for c in entity.columns if c.key in ("regency_name", "district_name", "village_name")]
    result.notices.append(
        _(
            "Kolom %(columns)s berisi bagian kode wilayah (kode BPS dari DTKS atau kode Kemendagri dari SIKS-NG), "
            "jadi tidak dibaca: bagian-bagian itu tidak digabung menjadi satu kode, karena kode BPS dan kode "
            "Kemendagri berbeda. Wilayah dibaca dari kolom “%(code)s”, yang berisi kode Kemendagri lengkap "
            "desa/kelurahan (mis. %(example)s), atau dari kolom nama wilayah %(names)s."
        )
        % {
            "columns": ", ".join(f"“{name}”" for name in parts),
            "code": code.header,
            "example": code.example,
            "names": ", ".join(f"“{name}”" for name in names),
        }
    )


def _masked_columns(
    entity: Entity, cells: list[Any], used: dict[str, str], result: ImportResult
) -> dict[int, tuple[str, str]]:
    """The masked number columns of an export sent back (file column index -> (header as written, the real
    column's header)), said to be unread, unless the file has the real column too."""
    masked: dict[int, tuple[str, str]] = {}
    for masked_header, key in entity.masked_headers.items():
        if key in used:
            continue
        real = next(str(c.header) for c in entity.columns if c.key == key)
        names = in_every_language(masked_header)
        for index, cell in enumerate(cells):
            if v.norm(cell) in names:
                masked[index] = (v.text(cell), real)
    if masked:
        # An export sent back: its rows are matched by their ID and keep the numbers stored. Every masked column at
        # once (a client export has the NIK and the KK).
        result.notices.append(
            _(
                "Kolom %(masked)s berisi nomor yang disamarkan oleh ekspor, jadi tidak dibaca: nomor yang tersimpan "
                "tidak berubah. Untuk mengisi atau mengubah nomor, tambahkan kolom %(real)s berisi nomor lengkap."
            )
            % {
                "masked": ", ".join(f"“{written}”" for written, _real in masked.values()),
                "real": ", ".join(f"“{real}”" for _written, real in masked.values()),
            }
        )
    return masked


def _refuse_missing(
    entity: Entity,
    head: list[tuple[int, list[Any]]],
    row_number: int,
    cells: list[Any],
    known: dict[str, Column],
    read: _HeaderCells,
    record_id: str,
    result: ImportResult,
) -> None:
    """Refuses a header without a required column, naming each one missing — or the header to rename, when an
    unknown one seems to be it under another name — with a problem per missing column."""
    result.header_row = row_number
    # Named as the file names its columns: a sheet headed in Indonesian, read by a user working in English, is
    # told to add "Bentuk layanan", not a "Care setting" that its template never had.
    with translation.override(language := _headers_language(entity, cells)):
        headers = {column.key: str(column.header) for column in entity.columns}
    missing = _missing_as_the_file_names_them(entity, set(read.used), language)
    renames = _renames_for_missing(read.unknown, known, read.used)
    listed = ", ".join(f"“{m}”" for m in missing)
    if renames:
        # The column is there under a name we do not know ("Nama Murid Asuh"): adding one would repeat it.
        message = ngettext(
            "Kolom wajib tidak ada: %(missing)s. Ubah judul %(renames)s (lihat templat impor).",
            "Kolom wajib tidak ada: %(missing)s. Ubah judul %(renames)s (lihat templat impor).",
            len(missing),
        ) % {
            "missing": listed,
            "renames": ", ".join(
                _("“%(written)s” menjadi “%(column)s”") % {"written": name, "column": headers[column.key]}
                for name, column in renames
            ),
        }
        if others := [m for m in missing if m not in {headers[column.key] for _name, column in renames}]:
            message += " " + ngettext(
                "Tambahkan juga kolom %(columns)s.", "Tambahkan juga kolom %(columns)s.", len(others)
            ) % {"columns": ", ".join(f"“{m}”" for m in others)}
    elif shared := _shared_for_missing(read.unknown, known, read.used):
        # The column is there, written in one cell with something else ("NAMA / NIP"): to be parted, not added.
        message = ngettext(
            "Kolom wajib tidak ada: %(missing)s.", "Kolom wajib tidak ada: %(missing)s.", len(missing)
        ) % {"missing": listed}
        for name, column in shared:
            message += " " + _(
                "Kolom “%(written)s” menggabungkan “%(column)s” dengan isian lain dalam satu sel, jadi tidak dibaca: "
                "buat kolom “%(column)s” yang berisi bagian itu saja, lalu unggah lagi."
            ) % {"written": name, "column": headers[column.key]}
        if others := [m for m in missing if m not in {headers[column.key] for _name, column in shared}]:
            message += " " + ngettext(
                "Tambahkan juga kolom %(columns)s.", "Tambahkan juga kolom %(columns)s.", len(others)
            ) % {"columns": ", ".join(f"“{m}”" for m in others)}
    else:
        message = ngettext(
            "Kolom wajib tidak ada: %(missing)s. Tambahkan kolom itu (lihat templat impor).",
            "Kolom wajib tidak ada: %(missing)s. Tambahkan kolom itu (lihat templat impor).",
            len(missing),
        ) % {"missing": listed}
    other_entity = _other_entity_hint(entity, head)
    if record_id and not other_entity:
        # A file that only corrects stored records (an end of service, a new phone) need not carry them all.
        result.notices.append(
            _(
                "Untuk hanya membetulkan data yang sudah tercatat, pakai file ekspornya: dengan kolom ID, kolom "
                "lain boleh tidak ada."
            )
        )
    result.status, result.message = "refused", message + other_entity
    result.problems = [Problem(row_number, str(m), "", _("Kolom wajib tidak ada.")) for m in missing]


def _missing_as_the_file_names_them(entity: Entity, present: set[str], language: str) -> list[str]:
    """The entity's missing columns, each header in the file's `language`, and the words between the headers of one
    that names alternatives ("Kode wilayah (atau Kabupaten/Kota, …)") in the reader's: the whole item translated
    for the file put an Indonesian "atau" inside an English message."""
    with translation.override(language):
        in_file = {column.key: str(column.header) for column in entity.columns}
    to_file = {str(column.header).casefold(): in_file[column.key] for column in entity.columns}
    # Longest first: "Kategori PPKS utama" before "Kategori PPKS"; case aside, as a translation writes a header
    # inside a sentence in lower case ("or main PPKS category").
    alternatives = "|".join(re.escape(header) for header in sorted(to_file, key=len, reverse=True))
    named = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return [named.sub(lambda m: to_file[m[0].casefold()], item) for item in entity.missing_columns(present)]


def _looks_like_export(entity: Entity, used: dict[str, str], cells: list[Any]) -> bool:
    """Whether a header is that of our own export: it has the export's ID or version column, or a masked number
    column. Only then is a column that exports write for reference ("Status") announced as read-only."""
    if any(
        isinstance(column, RecordIdColumn | RecordVersionColumn) and column.key in used for column in entity.columns
    ):
        return True
    masked = in_every_language(*entity.masked_headers)
    return any(v.norm(cell) in masked for cell in cells)
