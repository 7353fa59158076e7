"""Opening an uploaded spreadsheet safely: its type decided by its content, never its name; size, uncompressed
size and zip entries capped BEFORE any parser sees it; rows streamed as lists of cell values.

Excel (.xlsx), OpenDocument (.ods, LibreOffice's own format), old Excel 97-2003 (.xls) and CSV are read; the three
workbook formats through calamine, their cells handed on as the same Python types whatever the format."""

import codecs
import collections
import concurrent.futures
import contextlib
import csv
import functools
import hashlib
import os
import re
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree import ElementTree

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from . import ods, xls
from .xls import OLE2_MAGIC
from .xmlpieces import whole_pieces

XLSX = "xlsx"
ODS = "ods"
XLS = "xls"
CSV = "csv"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
# Formats people upload by mistake, recognised by their first bytes.
OTHER_MAGICS = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7z",
    b"\x1f\x8b": "gzip",
    b"MZ": _lazy("program Windows"),
    b"\x7fELF": _lazy("program"),
    b"{\\rtf": "RTF",
}
DEFAULT_LIMITS = {
    "IMPORT_MAX_BYTES": 25 * 1024 * 1024,
    "IMPORT_MAX_UNCOMPRESSED_BYTES": 300 * 1024 * 1024,
    "IMPORT_MAX_ZIP_ENTRIES": 2000,
    "IMPORT_MAX_ROWS": 200_000,
    # Cells in the grid of a sheet as calamine reads it: every cell from A1 to the last row and column holding a
    # value, allocated at once (a failed allocation ends the process: it raises nothing). calamine keeps about 32
    # bytes a cell for an .xlsx and about 68 for an .ods (a grid of formulas besides the values). The cap is the
    # row cap and its margin at 42 columns ((200,000 + 1,000) × 42), so that a full-length file of our 32-column
    # template and a few more passes. It does not keep the 500 MB memory goal, which is set for the 100,000 × 20
    # import (2 million cells: some 64 MB a copy for an .xlsx, 136 MB for an .ods): at the cap a sheet takes some
    # 270 MB as an .xlsx and 580 MB as an .ods, and more while two copies are held (an .ods or .xls is kept by the
    # workbook and by the sheet; two sheets of an .xlsx are compared). It keeps the worker alive, not the goal.
    "IMPORT_MAX_CELLS": 8_500_000,
    # Problems found before the check stops: a file wrong in every cell (a 1 KB .ods repeating one bad row 199,000
    # times, 42 columns wide, gave 9 million, 7.5 GB and four minutes) says what is wrong long before its end.
    "IMPORT_MAX_PROBLEMS": 20_000,
    # Imports (and background exports) one user may have waiting or running at once: one worker serves everyone.
    "JOBS_PENDING_PER_USER": 3,
    # Megabytes of uploads one user may store in 24 hours (services._over_upload_volume).
    "IMPORT_UPLOAD_MB_PER_DAY": 500,
}
# Rows a sheet may have past IMPORT_MAX_ROWS before it is refused unread: a title above the header, empty rows.
GRID_ROW_MARGIN = 1000
SNIFF_BYTES = 64 * 1024


def limit(name: str) -> int:
    """An import limit: settings.SINERGI[name] when set, else the default above."""
    return int(getattr(settings, "SINERGI", {}).get(name, DEFAULT_LIMITS[name]))


class FileRefused(Exception):
    """The file as a whole cannot be imported; the message says why and what to do, in the user's language.
    `sheets`: for a workbook with records on several sheets, those sheets, any of which may be imported on its own."""

    def __init__(self, message: str, *, sheets: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.sheets = list(sheets)


@dataclass
class FileInfo:
    """What the content check found: the real type, size and fingerprint (for the audit trail)."""

    kind: str
    size: int
    sha256: str


@dataclass
class Table:
    """Rows of the chosen sheet as (spreadsheet row number, cells), plus notes on how the file was read."""

    rows: Iterator[tuple[int, list[Any]]]
    total: int  # rows in the sheet (header included), for the progress bar and the row cap
    notices: list[str] = field(default_factory=list)
    closer: Any = None
    # Excel's 1904 date system (old Mac workbooks): a date cell read as a number counts days from 1904-01-01.
    date_1904: bool = False
    # Cells ("B2") holding a formula without a stored result: they read as empty (see _formulas_without_results).
    formulas_without_results: list[str] = field(default_factory=list)
    # Rows hidden in the sheet (by a filter, or by hand): read like the others, so the user is told. A future of a
    # list of row numbers, with the cells holding a formula's error (see formula_errors): found beside the reading
    # for an XLSX, before it for an ODS or XLS (rows only); none for a CSV.
    hidden_rows: Any = None
    # A CSV's encoding as read ("cp1252", "utf-8", ...); "" for a workbook.
    encoding: str = ""
    # Columns hidden in the sheet (0-based), read like the others: the user is told about those that are read.
    # An .xlsx only (its <cols> comes before the cells); none for the other kinds.
    hidden_columns: list[int] = field(default_factory=list)
    # (top, bottom) row numbers of cells merged down over several rows: each row gets the top cell's value.
    merged_rows: list[tuple[int, int]] = field(default_factory=list)
    # The other sheets with records, left unread because the user chose to import one sheet of several.
    sheets_left: list[str] = field(default_factory=list)
    # Cells merged across columns, (row number, 0-based first column) -> 0-based last column: a header title over
    # two columns ("Tempat, Tanggal Lahir" over the place and the date) names both.
    merged_across: dict[tuple[int, int], int] = field(default_factory=dict)

    def hidden(self) -> list[int]:
        return self.hidden_rows.result()[0] if self.hidden_rows is not None else []

    def formula_errors(self) -> list[tuple[int, int, str]]:
        """(row, 0-based column, error) of the cells whose formula gave an error (#N/A, #REF!, …): an .xlsx stores
        the error as the cell's result, which calamine reads as an empty cell. Found with the hidden rows."""
        return self.hidden_rows.result()[1] if self.hidden_rows is not None else []

    def close(self) -> None:
        # The scan for hidden rows runs in a thread of its own: it ends before the table does, never beside the
        # next file's reading (a scan left running past its import crashed a test process in the zlib it was in).
        if isinstance(self.hidden_rows, concurrent.futures.Future):
            concurrent.futures.wait([self.hidden_rows])
        if self.closer is not None:
            self.closer()


MEGABYTE = 1024 * 1024


def megabytes(size: int, decimals: int) -> str:
    """A size in MB as the page writes numbers (25,5 in Indonesian)."""
    return formats.number_format(round(size / MEGABYTE, decimals), decimal_pos=decimals)


def too_large_message(size: int, max_bytes: int, *, text: bool = False) -> str:
    """Why a file is too large, with its size and the limit written so that they differ: a file a few bytes over
    25 MB read "25.0 MB; paling besar 25 MB". A `text` file (a CSV) is told that the same rows as XLSX are several
    times smaller: a national export of workers is 28 MB as CSV and under the limit as XLSX."""
    limit_text = megabytes(max_bytes, 0 if max_bytes % MEGABYTE == 0 else 2)
    message = _("File terlalu besar (lebih dari %(max)s MB). Bagi data menjadi beberapa file.") % {"max": limit_text}
    for decimals in (1, 2):
        if (size_text := megabytes(size, decimals)) != megabytes(max_bytes, decimals):
            message = _(
                "File terlalu besar (%(size)s MB; paling besar %(max)s MB). Bagi data menjadi beberapa file."
            ) % {"size": size_text, "max": limit_text}
            break
    if text:
        message += " " + _(
            "CSV tidak dipadatkan: disimpan sebagai XLSX (di Excel: Simpan Sebagai › Buku Kerja Excel), data yang sama "
            "biasanya beberapa kali lebih kecil."
        )
    return message


def inspect(path: str | Path) -> FileInfo:
    """Decides the file type by content and applies every cap; raises FileRefused without parsing the sheet."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise FileRefused(_("File kosong (0 bita). Pilih file spreadsheet yang berisi data."))
    max_bytes = limit("IMPORT_MAX_BYTES")
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if size > max_bytes:
        raise FileRefused(too_large_message(size, max_bytes, text=_looks_like_text(head)))
    digest = _sha256(path)
    if head.startswith(OLE2_MAGIC):
        return FileInfo(_check_ole2(path), size, digest)
    if head.startswith(ZIP_MAGICS):
        return FileInfo(_check_zip(path), size, digest)
    for magic, name in OTHER_MAGICS.items():
        if head.startswith(magic):
            raise FileRefused(
                _("File ini berisi %(kind)s, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.")
                % {"kind": name}
            )
    if markup := _markup_kind(head):
        raise FileRefused(_markup_message(markup))
    if _looks_like_text(head):
        return FileInfo(CSV, size, digest)
    raise FileRefused(_("File ini bukan spreadsheet (isinya tidak dikenali). Unggah file .xlsx, .ods, .xls atau .csv."))


# The start of a web page: what many systems export as a "spreadsheet" named .xls (an HTML table that Excel opens).
# A tag name and then a space, ">" or "/": a CSV whose first cell begins with "<" ("<5 tahun") is not one.
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|table|meta|style)[\s>/]")
# Excel's "XML Spreadsheet 2003": an XML document whose root is a Workbook in this namespace.
_XML_SPREADSHEET = re.compile(r"urn:schemas-microsoft-com:office:spreadsheet|<(?:\w+:)?workbook[\s>]")
# A flat OpenDocument spreadsheet (.fods: LibreOffice's "Flat XML ODF Spreadsheet", SheetJS's "fods"): the whole
# workbook as one XML document, its kind in the root's office:mimetype (after the namespaces, within the first bytes).
_FLAT_ODS = re.compile(r"<office:document[\s>]")
MARKUP_SNIFF_CHARS = 4096


def _markup_kind(head: bytes) -> str:
    """ "html" for a web page, "xml" for an XML Spreadsheet 2003, "fods" for a flat OpenDocument spreadsheet, ""
    for anything else: judged on the file's start, after a byte-order mark and whitespace (and for XML the
    declarations and comments at its top)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        start = head[: MARKUP_SNIFF_CHARS * 2].decode("utf-16", "replace")
    elif encoding := _utf16_without_bom(head):
        start = head[: MARKUP_SNIFF_CHARS * 2].decode(encoding, "replace")
    else:
        # Latin-1 reads every byte as one character: the ASCII of the tags is all that matters here.
        start = head.removeprefix(codecs.BOM_UTF8)[:MARKUP_SNIFF_CHARS].decode("latin-1")
    start = start.lstrip("\ufeff \t\r\n").lower()
    if not start.startswith("<"):
        return ""
    if start.startswith("<?xml"):
        if _XML_SPREADSHEET.search(start):
            return "xml"
        if _FLAT_ODS.search(start):
            return "fods"
        # An XHTML page: its declaration, perhaps a processing instruction or a comment, then the page.
        start = re.sub(r"^(?:\s*(?:<\?[^>]*\?>|<!--.*?-->))*\s*", "", start, flags=re.S)
    elif start.startswith("<!--"):
        start = re.sub(r"^(?:\s*<!--.*?-->)*\s*", "", start, flags=re.S)
    return "html" if _HTML_START.match(start) else ""


def _markup_message(kind: str) -> str:
    if kind == "fods":
        # Read as a CSV it was refused for having no header, which sent the user to the wrong fix.
        return _(
            "File ini spreadsheet OpenDocument dalam satu berkas XML (Flat XML ODF, .fods), yang tidak dapat dibaca "
            "di sini. Buka file di LibreOffice, pilih Simpan Sebagai dengan jenis ODF Spreadsheet (.ods) atau Excel "
            "2007-365 (.xlsx), lalu unggah file itu."
        )
    if kind == "xml":
        # Whatever its name: Excel names it .xls or .xml, web applications (SheetJS's "xlml") .xls or .xml.
        return _(
            "File ini “XML Spreadsheet 2003” (format XML lama dari Excel), yang tidak dapat dibaca di sini. Buka "
            "file di Excel atau LibreOffice, pilih Simpan Sebagai dengan jenis Excel Workbook (.xlsx), lalu unggah "
            "file .xlsx itu."
        )
    return _(
        "File ini halaman web (HTML) yang diberi nama seperti file spreadsheet, bukan file spreadsheet sebenarnya "
        "(banyak aplikasi mengekspor tabel dengan cara ini). Buka file di Excel atau LibreOffice, pilih Simpan "
        "Sebagai dengan jenis Excel Workbook (.xlsx), lalu unggah file .xlsx itu."
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_ole2(path: Path) -> str:
    """An OLE2 container is an old Excel workbook (.xls, a "Workbook" stream; "Book" for Excel 5/95), a
    password-protected .xlsx (its real content encrypted in an "EncryptedPackage" stream), a Word 97-2003 document
    or another old Office file. Its directory says which; the file is small (capped), so it is read whole."""
    try:
        container = xls.read_container(path.read_bytes())
    except xls.Ole2Error as error:
        raise FileRefused(_corrupted_message(XLS)) from error
    streams = container.names
    if streams & {"EncryptionInfo", "EncryptedPackage"}:
        raise FileRefused(_password_message())
    if container.book is not None:
        if container.book.encrypted:
            raise FileRefused(_password_message())
        return XLS
    if "WordDocument" in streams:
        raise FileRefused(_word_message())
    raise FileRefused(
        _("Ini file Office lama, tetapi bukan buku kerja Excel. Unggah file .xlsx, .ods, .xls atau .csv.")
    )


def _password_message() -> str:
    return _(
        "File ini dilindungi kata sandi, jadi tidak dapat dibaca. Buka file, hapus kata sandinya, simpan, lalu "
        "unggah lagi. Di Excel: File › Info › Lindungi Buku Kerja › Enkripsikan dengan Kata Sandi, kosongkan "
        "sandinya. Di LibreOffice: Berkas › Simpan Sebagai, hilangkan centang “Simpan dengan kata sandi”."
    )


def _word_message() -> str:
    return _("Ini dokumen Word, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.")


def _corrupted_message(kind: str) -> str:
    """For a workbook that cannot be read; `kind` "" when the zip is too broken to tell .xlsx from .ods."""
    if kind == XLSX:
        return _(
            "File Excel (.xlsx) ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu "
            "unggah lagi."
        )
    if kind == ODS:
        return _(
            "File OpenDocument (.ods) ini rusak atau tidak lengkap. Buka di LibreOffice atau Excel, simpan ulang, "
            "lalu unggah lagi."
        )
    if kind == XLS:
        return _(
            "File Excel lama (.xls) ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu "
            "unggah lagi."
        )
    return _("File ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu unggah lagi.")


# The extension of each OpenDocument type that is not a spreadsheet, for the refusal.
OPENDOCUMENT_EXTENSIONS = {"text": ".odt", "presentation": ".odp", "graphics": ".odg", "formula": ".odf"}


def _check_zip(path: Path) -> str:
    """XLSX or ODS. Caps entries and uncompressed size from the zip directory, then verifies the real sizes by
    decompressing with a running budget, so a zip bomb (including one that lies in its directory) costs at most
    the cap."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileRefused(_corrupted_message("")) from error
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        if len(entries) > limit("IMPORT_MAX_ZIP_ENTRIES"):
            raise FileRefused(_bomb_message())
        budget = limit("IMPORT_MAX_UNCOMPRESSED_BYTES")
        if sum(entry.file_size for entry in entries) > budget:
            raise FileRefused(_bomb_message())
        kind = _zip_kind(archive, names)
        corrupted = _corrupted_message(kind)
        metadata = XML_METADATA_PARTS if kind == XLSX else ()
        if any(entry.filename in metadata and entry.file_size > XML_METADATA_MAX_BYTES for entry in entries):
            raise FileRefused(_bomb_message())
        try:
            for entry in entries:
                if entry.flag_bits & 0x1:
                    raise FileRefused(corrupted)
                size = 0
                with archive.open(entry) as member:
                    while chunk := member.read(1024 * 1024):
                        budget -= len(chunk)
                        size += len(chunk)
                        if budget < 0 or (entry.filename in metadata and size > XML_METADATA_MAX_BYTES):
                            raise FileRefused(_bomb_message())
            if kind == XLSX:
                _sheet_names_within_limits(archive)
            # An .ods saved with a password is a zip like any other, its parts encrypted inside: the manifest says so.
            if kind == ODS and ods.is_encrypted(archive):
                raise FileRefused(_password_message())
        except _ZIP_READ_ERRORS as error:
            raise FileRefused(corrupted) from error
    return kind


# What reading a damaged zip member raises. RuntimeError covers an entry encrypted the old zip way and, through its
# subclass NotImplementedError, a compression method zipfile lacks (AES from 7-Zip, say).
_ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError)


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    """XLSX or ODS from the zip's member names (and the few bytes of an OpenDocument's `mimetype`); anything else
    refused, named when recognised."""
    if "xl/workbook.xml" in names:
        return XLSX
    if "word/document.xml" in names:
        raise FileRefused(_word_message())
    if "xl/workbook.bin" in names:
        # Excel's binary workbook: not read (the size checks made before calamine opens a sheet know only XML).
        raise FileRefused(
            _(
                "Ini buku kerja biner Excel (.xlsb), yang tidak dapat dibaca di sini. Di Excel pilih File › Simpan "
                "Sebagai › Buku Kerja Excel (.xlsx), lalu unggah file itu."
            )
        )
    try:
        spreadsheet = ods.is_spreadsheet(archive, names)
        document = ods.document_kind(archive) if spreadsheet is False else ""
    except _ZIP_READ_ERRORS as error:
        raise FileRefused(_corrupted_message("")) from error
    if spreadsheet:
        return ODS
    if spreadsheet is False:
        raise FileRefused(
            _("Ini dokumen OpenDocument (%(extension)s), bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.")
            % {"extension": OPENDOCUMENT_EXTENSIONS.get(document, document or "ODF")}
        )
    raise FileRefused(_("File ZIP ini bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."))


def _bomb_message() -> str:
    return _(
        "Isi file ini jauh lebih besar daripada ukuran filenya (kemungkinan “bom zip”), jadi ditolak. "
        "Bila ini data asli, bagi menjadi beberapa file."
    )


def _check_grids(grids: list[tuple[str, int, int]]) -> None:
    """For a workbook whose sheets calamine reads all at once (.ods, .xls): each sheet (name, rows, columns), then
    all of them together (a list, not a dict by name: two sheets may bear one name, or none)."""
    for sheet, rows, columns in grids:
        _check_grid(sheet, rows, columns)
    cells = sum(rows * columns for _sheet, rows, columns in grids)
    if cells > limit("IMPORT_MAX_CELLS"):
        raise FileRefused(
            _(
                "Lembar-lembar file ini bersama-sama terlalu besar untuk dibaca (%(cells)s sel; paling banyak "
                "%(max_cells)s). Hapus lembar yang tidak diperlukan, atau salin datanya saja ke file baru, lalu "
                "unggah lagi."
            )
            % {
                "cells": formats.number_format(cells, force_grouping=True),
                "max_cells": formats.number_format(limit("IMPORT_MAX_CELLS"), force_grouping=True),
            }
        )


def _check_grid(sheet: str, rows: int, columns: int, *, cells: int = 0) -> None:
    """Refuses a sheet whose grid (see IMPORT_MAX_CELLS) is too large, before calamine allocates it. `cells`: the
    cells with a value, when calamine keeps them in a list besides (.xlsx), where one position can repeat."""
    max_rows = limit("IMPORT_MAX_ROWS")
    max_cells = limit("IMPORT_MAX_CELLS")
    if rows > max_rows + GRID_ROW_MARGIN and max(rows * columns, cells) <= max_cells:
        # Too many rows, not too wide: real data as often as stray cells far below it (our own export of a whole
        # province), so both ways out are said.
        raise FileRefused(
            _(
                "Lembar “%(sheet)s” berisi isian sampai baris %(rows)s; satu impor membaca paling banyak %(max_rows)s "
                "baris. Bila baris-baris itu memang data, bagi menjadi beberapa file masing-masing paling banyak "
                "%(max_rows)s baris. Bila di bawah data hanya ada sel sisa, hapus baris di bawah data, atau salin "
                "datanya saja ke file baru. Lalu unggah lagi."
            )
            % {
                "sheet": sheet,
                "rows": formats.number_format(rows, force_grouping=True),
                "max_rows": formats.number_format(max_rows, force_grouping=True),
            }
        )
    if rows > max_rows + GRID_ROW_MARGIN or max(rows * columns, cells) > max_cells:
        raise FileRefused(
            _(
                "Lembar “%(sheet)s” terlalu besar untuk dibaca: ada isian sampai baris %(rows)s dan kolom "
                "%(columns)s (paling banyak %(max_rows)s baris dan %(max_cells)s sel). Hapus baris dan kolom di "
                "bawah dan di kanan data, atau salin datanya saja ke file baru, lalu unggah lagi."
            )
            % {
                "sheet": sheet,
                "rows": formats.number_format(rows, force_grouping=True),
                "columns": formats.number_format(columns, force_grouping=True),
                "max_rows": formats.number_format(max_rows, force_grouping=True),
                "max_cells": formats.number_format(max_cells, force_grouping=True),
            }
        )


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return controls <= len(head) // 100


# ---------------------------------------------------------------------------------------------- reading


def open_table(
    path: str | Path,
    kind: str,
    *,
    preferred_sheets: Sequence[str] = (),
    is_header: Callable[[list[Any]], bool] | None = None,
    sheet: str = "",
) -> Table:
    """Rows of the sheet to import: `sheet` when the user chose one (a workbook with records on several sheets, each
    imported on its own), else the first named in `preferred_sheets` (the data sheet's name in each language of our
    templates) if present, else the first visible one with a row among its first 20 that `is_header` accepts (a cover
    sheet before the data is passed over), else the first visible one. A CSV has one table: `sheet` is ignored."""
    if kind == XLSX:
        return _open_xlsx(Path(path), preferred_sheets, is_header, sheet)
    if kind == ODS:
        return _open_ods(Path(path), preferred_sheets, is_header, sheet)
    if kind == XLS:
        return _open_xls(Path(path), preferred_sheets, is_header, sheet)
    return _open_csv(Path(path), is_header)


# Sheets of our templates and reports besides the data sheet (named in the language they were made in).
LOOKUP_SHEET = _lazy("Daftar")
INSTRUCTIONS_SHEET = _lazy("Petunjuk")
# The report's list of warnings. A sheet, not a column beside the data: an import reads only the data sheet, so a
# report that is corrected and uploaded again needs no column of ours to be skipped.
WARNINGS_SHEET = _lazy("Peringatan")
PROBLEMS_SHEET = _lazy("Daftar kesalahan")  # the report's list of problems, beside its rows
CHANGES_SHEET = _lazy("Perubahan")  # every update before → after, when the page shows only the first ones


def _own_sheets() -> set[str]:
    """Our instructions and warnings sheets in every language: never the data, though an instructions row naming
    columns looks like a header. (Our lists sheet is hidden; "Daftar" is also a name people give a data sheet.)"""
    names = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.update(str(name) for name in (INSTRUCTIONS_SHEET, WARNINGS_SHEET, PROBLEMS_SHEET, CHANGES_SHEET))
    return names


def _open_xlsx(
    path: Path, preferred_sheets: Sequence[str], is_header: Callable[[list[Any]], bool] | None, chosen: str
) -> Table:
    _check_shared_strings(path)  # calamine reads them all as it opens the file
    longest = _longest_shared_string(path)
    # calamine reads an .xlsx sheet by sheet, when asked for one: each is measured just before.
    workbook, name, sheet, unread, left = _open_sheet(
        path, XLSX, preferred_sheets, is_header, chosen, check=lambda name: _xlsx_sheet_check(path, name, longest)
    )
    try:
        unresolved = _formulas_without_results(path, name)
        # Inflating the sheet again costs about 0.2 s per 100,000 rows, nearly all in zlib, which lets other
        # threads run: it happens beside the check, on the second core.
        hidden = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="hidden-rows")
        hidden_rows = hidden.submit(_hidden_rows_and_errors, path, name)
        hidden.shutdown(wait=False)
    except Exception as error:
        workbook.close()
        raise FileRefused(_corrupted_message(XLSX)) from error
    try:
        rows, total, notices, merged_rows, merged_across = _sheet_rows(
            workbook, name, sheet, getattr(sheet, "merged_cell_ranges", None), unread, left
        )
    except BaseException:
        concurrent.futures.wait([hidden_rows])  # its scan ends with the file's reading, refused or not
        workbook.close()
        raise
    return Table(
        rows=rows,
        total=total,
        notices=notices,
        merged_rows=merged_rows,
        merged_across=merged_across,
        closer=workbook.close,
        date_1904=_uses_1904_dates(path),
        formulas_without_results=unresolved,
        hidden_rows=hidden_rows,
        hidden_columns=_hidden_columns(path, name),
        sheets_left=left,
    )


def _open_ods(
    path: Path, preferred_sheets: Sequence[str], is_header: Callable[[list[Any]], bool] | None, chosen: str
) -> Table:
    # calamine reads every sheet of an .ods as soon as it opens the file, so all are measured first, in one pass
    # over content.xml (about the cost of inflating it) that also finds what calamine does not give for an .ods:
    # merged cells, hidden rows, formulas without results and the date system.
    try:
        grids: list[tuple[str, int, int]] = []
        sheets = ods.sheet_facts(path, grids=grids)
    except ods.TextBomb as error:
        raise FileRefused(_bomb_message()) from error
    except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error) as error:
        raise FileRefused(_corrupted_message(ODS)) from error
    _check_grids(grids)
    readable, remove = _ods_calamine_reads(path)
    try:
        workbook, name, sheet, unread, left = _open_sheet(readable, ODS, preferred_sheets, is_header, chosen)
    finally:
        remove()  # calamine has read every sheet of an .ods on opening it
    facts = ods.finish(sheets.get(name) or ods.SheetFacts(), (sheet.end or (-1, 0))[0])
    rows, total, notices, merged_rows, merged_across = _sheet_rows(
        workbook, name, sheet, sheet.merged_cell_ranges or facts.merged, unread, left
    )
    # A time cell ("36:00:00") comes as its ISO text ("PT36H00M00S"), as does a text cell holding those
    # characters: both are left as text, no column of ours holding a duration. (A TRUE/FALSE cell saved by
    # LibreOffice is the number 1/0 with a boolean format, read as 1.0/0.0 where an .xlsx gives True/False: the
    # yes/no columns read both alike.)
    return Table(
        rows=rows,
        total=total,
        notices=notices,
        merged_rows=merged_rows,
        merged_across=merged_across,
        closer=workbook.close,
        date_1904=facts.date_1904,
        formulas_without_results=facts.formulas_without_results,
        hidden_rows=_ready((facts.hidden_rows, [])),
        sheets_left=left,
    )


def _ods_calamine_reads(path: Path) -> tuple[Path, Callable[[], None]]:
    """The file calamine is to open for the .ods at `path`, and what lets go of it after: the file itself, or a copy
    without the whitespace between table elements that SheetJS and Gnumeric write (ods.is_indented), which calamine
    refuses as broken although LibreOffice and Excel open it."""
    try:
        indented = ods.is_indented(path)
    except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error) as error:
        raise FileRefused(_corrupted_message(ODS)) from error
    if not indented:
        return path, lambda: None
    # content.xml was read whole by sheet_facts already: an error writing the copy is the server's (a full disk,
    # said as such by the job), not the file's. The copy holds the whole upload: it loses its name at once and is
    # read through its descriptor, so that a worker killed meanwhile (calamine reading a large file is the likeliest
    # moment) leaves no copy of the personal data behind, beyond the reach of the retention.
    handle, name = tempfile.mkstemp(suffix=".ods", prefix="sinergi-ods-")
    named = not _FD_PATHS.is_dir()  # no /proc (not Linux): the copy keeps its name until removed below
    if not named:
        os.unlink(name)
    try:
        with os.fdopen(os.dup(handle), "w+b") as out:
            ods.write_compacted(path, out)
    except BaseException:
        _let_go(handle, name if named else "")
        raise
    if named:
        return Path(name), lambda: _let_go(handle, name)
    return _FD_PATHS / str(handle), lambda: _let_go(handle, "")


_FD_PATHS = Path("/proc/self/fd")


def _let_go(handle: int, name: str) -> None:
    os.close(handle)
    if name:
        Path(name).unlink(missing_ok=True)


def _open_xls(
    path: Path, preferred_sheets: Sequence[str], is_header: Callable[[list[Any]], bool] | None, chosen: str
) -> Table:
    # calamine reads every sheet of an .xls as soon as it opens the file: all are measured first, from their BIFF
    # records. The records also give the hidden rows and the date system: calamine applies the latter to date
    # cells itself, but a plain number in a date column (a serial typed without a date format) is counted from
    # 1904 only when the rules are told. A formula without a result cannot be told here: an .xls stores a result
    # for every formula (a program that does not compute them writes 0, which reads as the number it claims to be).
    try:
        container = xls.read_container(path.read_bytes())
        if container.book is None:
            raise xls.Ole2Error("no workbook stream")
        book, stream = container.book, container.stream
        if book.encrypted:
            raise FileRefused(_password_message())
        _check_grids([(sheet_name, *xls.grid_at(stream, book, offset)) for sheet_name, offset in book.all_sheets])
    except (xls.Ole2Error, *xls.ERRORS, OSError) as error:
        raise FileRefused(_corrupted_message(XLS)) from error
    workbook, name, sheet, unread, left = _open_sheet(path, XLS, preferred_sheets, is_header, chosen)
    try:
        hidden = xls.hidden_rows(stream, book, name)
    except xls.ERRORS:
        hidden = []
    rows, total, notices, merged_rows, merged_across = _sheet_rows(
        workbook, name, sheet, sheet.merged_cell_ranges, unread, left
    )
    return Table(
        rows=((number, _xls_cells(cells)) for number, cells in rows),
        total=total,
        notices=notices,
        merged_rows=merged_rows,
        merged_across=merged_across,
        closer=workbook.close,
        date_1904=book.date_1904,
        hidden_rows=_ready((hidden, [])),
        sheets_left=left,
    )


def _ready(value: Any) -> concurrent.futures.Future:
    future: concurrent.futures.Future = concurrent.futures.Future()
    future.set_result(value)
    return future


def _xls_cells(cells: list[Any]) -> list[Any]:
    """An .xls keeps whole numbers as integers (calamine gives int), an .xlsx never (float): 5 becomes 5.0, so that
    every rule sees the type it sees in an .xlsx. (bool is its own class here, not caught by the test.)"""
    return [float(cell) if cell.__class__ is int else cell for cell in cells]


def _open_sheet(
    path: Path,
    kind: str,
    preferred_sheets: Sequence[str],
    is_header: Callable[[list[Any]], bool] | None,
    chosen: str = "",
    check: Callable[[str], None] = lambda name: None,
) -> tuple[Any, str, Any, list[str], list[str]]:
    """The open workbook, the name and cells of the sheet to import (see open_table), the other visible sheets with
    rows of values but no header, which are not read (said in a notice), and the other sheets with records, left for
    later when the user chose the sheet `chosen`. `check` is called with a sheet's name before calamine reads that
    sheet, and refuses it by raising FileRefused."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as error:
        raise FileRefused(_password_message()) from error
    except Exception as error:  # calamine raises several error types for broken files
        raise FileRefused(_corrupted_message(kind)) from error
    unread: list[str] = []
    left: list[str] = []
    try:
        own = _own_sheets()
        visible = (
            [
                meta.name
                for meta in workbook.sheets_metadata
                if str(meta.visible).endswith("Visible")
                and str(meta.typ).endswith("WorkSheet")
                and meta.name not in own
            ]
            or [name for name in workbook.sheet_names if name not in own]
            or list(workbook.sheet_names)
        )
        if not visible:
            raise FileRefused(_("File ini tidak berisi lembar kerja."))
        # Cells come with their cached values: a formula's last computed result, as Excel showed it.
        # get_sheet_by_name() reads the whole sheet: each is fetched once, after `check`.

        def load(name: str) -> Any:
            check(name)
            return workbook.get_sheet_by_name(name)

        # Our template's sheet by its name, unless the user hid it: a hidden sheet is "not this one".
        preferred = next((name for name in preferred_sheets if name in visible), None)
        if chosen:
            if chosen not in visible:
                raise FileRefused(
                    _("Lembar “%(sheet)s” tidak ada di file ini (atau disembunyikan). Unggah file lagi.")
                    % {"sheet": chosen}
                )
            name, sheet = chosen, load(chosen)
        elif preferred is not None:
            name, sheet = preferred, load(preferred)
            if sheet.height <= 1 and is_header is not None:
                # Our template's sheet left with its header only, the data pasted into another sheet.
                for other in visible:
                    if other != preferred:
                        candidate = load(other)
                        if candidate.height > 1 and _has_header(candidate, is_header):
                            name, sheet = other, candidate
                            break
        else:
            name, sheet = visible[0], load(visible[0])
            if is_header is not None and len(visible) > 1 and not _has_header(sheet, is_header):
                for other in visible[1:]:
                    candidate = load(other)
                    if _has_header(candidate, is_header):
                        name, sheet = other, candidate
                        break
        if is_header is not None:
            # One sheet is imported: records on another visible sheet (a sheet per LKS or per year, a copy of the
            # template's sheet) would be left out without a word. Hidden sheets are not read, so hiding one says
            # "not this one".
            kinds = {other: _records_kind(load(other), is_header) for other in visible if other != name}
            also = [other for other, kind in kinds.items() if kind == "records"]
            unread = [other for other, kind in kinds.items() if kind == "rows"]
            if also and chosen:
                left = also
            elif also:
                raise FileRefused(
                    _(
                        "Data ditemukan di lebih dari satu lembar: %(others)s juga berisi judul kolom dan baris "
                        "data, sedangkan satu impor membaca satu lembar saja (“%(sheet)s”). Gabungkan semua baris ke "
                        "satu lembar, atau impor lembar demi lembar dengan memilih lembarnya; lembar yang tidak "
                        "diimpor dapat juga dihapus atau disembunyikan."
                    )
                    % {"others": ", ".join(f"“{other}”" for other in also), "sheet": name},
                    # In the workbook's order, which is how its user sees them.
                    sheets=[other for other in visible if other == name or other in also],
                )
    except FileRefused:
        workbook.close()
        raise
    except Exception as error:
        workbook.close()
        raise FileRefused(_corrupted_message(kind)) from error
    return workbook, name, sheet, unread, left


def _sheet_rows(
    workbook, name: str, sheet, merged, unread: Sequence[str] = (), left: Sequence[str] = ()
) -> tuple[Iterator[tuple[int, list[Any]]], int, list[str], list[tuple[int, int]], dict[tuple[int, int], int]]:
    """The sheet's rows as (row number, cells), its row count, the notices on how it was read, the (top, bottom)
    row numbers of its cells merged down (Table.merged_rows) and its cells merged across (Table.merged_across).
    `merged`: ((top, left), (bottom, right)) ranges, 0-based."""
    notices = []
    if left:
        notices.append(
            _(
                "Data dibaca dari lembar “%(sheet)s” saja, yang Anda pilih. Lembar %(others)s juga berisi data dan "
                "tidak dibaca kali ini: impor sesudahnya dengan memilih lembar itu."
            )
            % {"sheet": name, "others": ", ".join(f"“{other}”" for other in left)}
        )
    elif len(workbook.sheet_names) > 1:
        notices.append(_("Data dibaca dari lembar “%(sheet)s”.") % {"sheet": name})
    if unread:
        notices.append(
            _(
                "Lembar %(sheets)s berisi baris isian tanpa judul kolom yang dikenali, jadi tidak dibaca. Bila itu "
                "data yang juga harus diimpor, pindahkan barisnya ke lembar “%(sheet)s”."
            )
            % {"sheets": ", ".join(f"“{other}”" for other in unread), "sheet": name}
        )
    # iter_rows() starts at the sheet's first row but at its first USED column: put the empty columns back, so
    # that column positions (and the error report) match what the user sees.
    start_col = (sheet.start or (0, 0))[1]
    last_row = (sheet.end or (-1, 0))[0]
    # A cell merged down over several rows holds its value in the top row only; the rows below it mean the same
    # value (two siblings sharing a mother's name), so each of them gets it rather than an empty cell.
    merged_down = [(top, bottom, column) for (top, column), (bottom, _right) in merged or () if bottom > top]
    # Said by the pipeline, which knows where the data begins (a header merged over two rows is no data's).
    merged_rows = sorted({(top + 1, bottom + 1) for top, bottom, _column in merged_down})
    merged_across = {(top + 1, left): right for (top, left), (_bottom, right) in merged or () if right > left}

    def rows() -> Iterator[tuple[int, list[Any]]]:
        held: dict[int, tuple[int, Any]] = {}  # column -> (last row it covers, the top cell's value)
        for index, cells in enumerate(sheet.iter_rows()):
            cells = [""] * start_col + list(cells)
            for top, bottom, column in merged_down:
                if index == top and column < len(cells):
                    held[column] = (bottom, cells[column])
            for column, (bottom, value) in list(held.items()):
                if index > bottom:
                    del held[column]
                elif column < len(cells):
                    cells[column] = value
            yield index + 1, cells

    return rows(), last_row + 1, notices, merged_rows, merged_across


def _has_header(sheet, is_header: Callable[[list[Any]], bool]) -> bool:
    return any(is_header(list(cells)) for cells in islice(sheet.iter_rows(), 20))


def _records_kind(sheet, is_header: Callable[[list[Any]], bool]) -> str:
    """ "records": a header among the first 20 rows and something filled in below it; "rows": no header, but two or
    more rows of three values or more (rows pasted without their header, or a table of another kind); "" else."""
    head = list(islice(sheet.iter_rows(), 20))
    for number, cells in enumerate(head):
        if is_header(list(cells)):
            below = chain(head[number + 1 :], islice(sheet.iter_rows(), 20, None))
            return "records" if any(_filled(cell) for row in below for cell in row) else ""
    full = sum(1 for row in islice(sheet.iter_rows(), 200) if sum(1 for cell in row if _filled(cell)) >= 3)
    return "rows" if full >= 2 else ""


def _filled(cell: Any) -> bool:
    return not (cell is None or cell == "" or (cell.__class__ is str and not cell.strip()))


FORMULA_SCAN_BYTES = 2 * 1024 * 1024  # of the data sheet's XML: a program writes the same formula in every row
_XML_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c\s*>)", re.S)
_XML_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
# A stored result is a <v> with something in it. openpyxl and pandas write "<f>…</f><v/>" (or "<v></v>") for a
# formula they did not compute; only a string result (t="str") may be empty, as Excel writes =IF(…;"";…).
_XML_RESULT = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?(?<!/)>\s*[^\s<]")
_XML_STRING_RESULT = re.compile(rb'\bt="str"')
_XML_VALUE = re.compile(rb"<(?:\w+:)?v[\s>/]")
_XML_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')


def _formulas_without_results(path: Path, sheet_name: str) -> list[str]:
    """Cells of the sheet (among its first rows, at most one per column) that hold a formula but no stored result.
    Excel and LibreOffice always store one; a file written by a program that does not compute formulas has none,
    and every reader, ours included, would see those cells as empty."""
    try:
        with _sheet_xml(path, sheet_name) as handle:
            data = handle.read(FORMULA_SCAN_BYTES) if handle is not None else b""
    except _XML_ERRORS:
        return []
    if not _XML_FORMULA.search(data):
        return []
    found: dict[str, str] = {}  # column letters -> first cell
    for match in _XML_CELL.finditer(data):
        body = match.group(2)
        attributes = match.group(1)
        if body and _XML_FORMULA.search(body) and not _has_result(attributes, body):
            reference = _XML_REF.search(attributes)
            if reference:
                cell = reference.group(1).decode()
                found.setdefault(cell.rstrip("0123456789"), cell)
    return list(found.values())


def _has_result(attributes: bytes, body: bytes) -> bool:
    return bool(_XML_RESULT.search(body) or (_XML_STRING_RESULT.search(attributes) and _XML_VALUE.search(body)))


_XML_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_XML_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
HIDDEN_ROWS_KEPT = 1000  # enough to name the first few below the header


_XML_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?\bt="e"[^>]*)>(.*?)</(?:\w+:)?c\s*>', re.S)
_XML_RESULT_TEXT = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<")
FORMULA_ERRORS_KEPT = 1000  # cells: enough to name every one of a broken lookup column in a large sheet


def _hidden_rows_and_errors(path: Path, sheet_name: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Numbers of the sheet's hidden rows, and the cells whose formula gave an error, as (row, 0-based column,
    error). calamine reads hidden rows like any other and does not say which they are, and reads an error as an
    empty cell; the sheet's XML says both (`<row r="7" hidden="1">`, `<c r="G2" t="e"><f>…</f><v>#N/A</v></c>`).
    The whole sheet is inflated once more (about 0.2 s per 100,000 rows), but searched only where the word
    "hidden" or an error cell's type appears."""
    hidden: list[int] = []
    errors: list[tuple[int, int, str]] = []
    try:
        with _sheet_xml(path, sheet_name) as handle:
            for piece in whole_pieces(handle, before=b"<row") if handle is not None else ():
                if b"hidden" in piece and len(hidden) < HIDDEN_ROWS_KEPT:
                    tags = (tag.group(0) for tag in _XML_HIDDEN_ROW.finditer(piece))
                    hidden += [int(number.group(1)) for tag in tags if (number := _XML_ROW_NUMBER.search(tag))]
                if b't="e"' in piece and len(errors) < FORMULA_ERRORS_KEPT:
                    errors += _error_cells(piece)
                if len(hidden) >= HIDDEN_ROWS_KEPT and len(errors) >= FORMULA_ERRORS_KEPT:
                    break
    except _XML_ERRORS:
        return [], []
    return hidden[:HIDDEN_ROWS_KEPT], errors[:FORMULA_ERRORS_KEPT]


def _error_cells(piece: bytes) -> list[tuple[int, int, str]]:
    found = []
    for cell in _XML_ERROR_CELL.finditer(piece):
        reference = _XML_REF.search(cell.group(1))
        if reference is None:
            continue
        letters = reference.group(1).rstrip(b"0123456789")
        result = _XML_RESULT_TEXT.search(cell.group(2))
        error = result.group(1).decode("utf-8", "replace").strip() if result else ""
        found.append((int(reference.group(1)[len(letters) :]), _column_number(letters) - 1, error or "#N/A"))
    return found


class _XmlBomb(ValueError):
    """An .xlsx metadata part larger, deeper or of more elements than XML_METADATA_MAX_* (below)."""


class _XmlDocumentType(_XmlBomb):
    """A metadata part declaring a document type (entities): refused as damaged, as the parser used to."""


_XML_ERRORS = (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError, _XmlBomb)
_XML_HIDDEN_COLUMNS = re.compile(rb'<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_XML_SPAN = re.compile(rb'\b(min|max)="(\d+)"')


def _hidden_columns(path: Path, sheet_name: str) -> list[int]:
    """0-based indices of the sheet's hidden columns (`<col min="16" max="16" hidden="1"/>`, before the cells)."""
    try:
        with _sheet_xml(path, sheet_name) as handle:
            head = handle.read(256 * 1024) if handle is not None else b""
    except _XML_ERRORS:
        return []
    head = head.split(b"sheetData", 1)[0]
    found: list[int] = []
    for tag in _XML_HIDDEN_COLUMNS.finditer(head):
        span = dict(_XML_SPAN.findall(tag.group(0)))
        if b"min" in span:
            first = int(span[b"min"])
            last = min(int(span.get(b"max", span[b"min"])), first + 16384)
            found += range(first - 1, last)
    return found


# The smallest shared string as XML (<si><t/></si>), and an opening tag of one, with or without a prefix ("x:si").
_XML_SMALLEST_STRING = 13
_XML_STRING_START = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,31}:)?si[\s/>]")
_XML_STRING_OVERLAP = 40  # bytes carried from chunk to chunk: longer than any opening tag the pattern finds


def _check_shared_strings(path: Path) -> None:
    """Refuses an .xlsx whose table of shared strings holds more strings than a sheet may hold cells (see
    IMPORT_MAX_CELLS), before calamine reads them all: 16 million one-letter strings compress to 680 KB and took
    946 MB to open. Counted only when the XML is large enough to hold that many (some 110 MB)."""
    max_strings = limit("IMPORT_MAX_CELLS")
    try:
        with zipfile.ZipFile(path) as archive:
            member = next(
                (info for info in archive.infolist() if info.filename.lower().endswith("sharedstrings.xml")), None
            )
            if member is None or member.file_size // _XML_SMALLEST_STRING <= max_strings:
                return
            count, carried = 0, b""
            with archive.open(member) as stream:
                for chunk in iter(lambda: stream.read(1024 * 1024), b""):
                    piece = carried + chunk
                    cut = max(len(piece) - _XML_STRING_OVERLAP, 0)
                    count += sum(1 for match in _XML_STRING_START.finditer(piece, 0, cut + _XML_STRING_OVERLAP)
                                 if match.start() < cut)  # fmt: skip
                    carried = piece[cut:]
                count += len(_XML_STRING_START.findall(carried))
                if count > max_strings:
                    raise FileRefused(
                        _(
                            "File ini memuat terlalu banyak teks yang berbeda untuk dibaca (%(count)s; paling banyak "
                            "%(max)s). Salin datanya saja ke file baru, lalu unggah lagi."
                        )
                        % {
                            "count": formats.number_format(count, force_grouping=True),
                            "max": formats.number_format(max_strings, force_grouping=True),
                        }
                    )
    except (*_XML_ERRORS, EOFError, ValueError, zlib.error) as error:
        raise FileRefused(_corrupted_message(XLSX)) from error


# Characters of shared strings that calamine may write out for one sheet: it copies a shared string into every cell
# that refers to it, so one string of 1 MB referred to by 300 cells (a 3 KB upload) took 628 MB. A real sheet of
# 200,000 rows of names and addresses stays far below (some 30 characters a cell).
SHARED_TEXT_MAX = 200_000_000
_XML_SMALLEST_SHARED_CELL = len(b'<c t="s"><v>0</v></c>')
_XML_SHARED_REFERENCE = re.compile(
    rb"""\bt\s*=\s*["']s["'][^>]*>[^<]*(?:<(?:\w+:)?f\b[^>]*/>|<(?:\w+:)?f\b[^>]*>[^<]*</(?:\w+:)?f>)?[^<]*"""
    rb"""<(?:\w+:)?v\b[^>]*>\s*(\d+)"""
)


def _xlsx_sheet_check(path: Path, sheet_name: str, longest: int) -> None:
    _xlsx_grid(path, sheet_name)
    _check_shared_text(path, sheet_name, longest)


def _shared_strings_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    return next((info for info in archive.infolist() if info.filename.lower().endswith("sharedstrings.xml")), None)


def _shared_string_pieces(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[list[bytes]]:
    """The shared strings' XML split before each string, in pieces that never cut one: every item but the first of
    the first piece is one string with its markup (its length bounds the characters calamine makes of it)."""
    with archive.open(member) as stream:
        prefix = re.search(rb"<(?:([A-Za-z_][\w.-]{0,31}):)?sst\b", stream.read(64 * 1024))
    start = b"<" + (prefix.group(1) + b":" if prefix and prefix.group(1) else b"") + b"si"
    with archive.open(member) as stream:
        for piece in whole_pieces(stream, before=start):
            yield piece.split(start)


def _longest_shared_string(path: Path) -> int:
    """Bytes of the longest shared string, markup included (0 when there are none); one pass over the part."""
    try:
        with zipfile.ZipFile(path) as archive:
            member = _shared_strings_member(archive)
            if member is None:
                return 0
            return max(
                (max(map(len, parts[1:]), default=0) for parts in _shared_string_pieces(archive, member)), default=0
            )
    except (*_XML_ERRORS, EOFError, ValueError, zlib.error) as error:
        raise FileRefused(_corrupted_message(XLSX)) from error


def _check_shared_text(path: Path, sheet_name: str, longest: int) -> None:
    """Refuses the sheet, before calamine reads it, when its cells would copy out more than SHARED_TEXT_MAX
    characters of shared strings. Free for nearly every file: the sheet's size bounds its references, and their
    number times the longest string is below the cap. Otherwise the references are counted, string by string."""
    try:
        with zipfile.ZipFile(path) as archive:
            member = _sheet_member(archive, sheet_name)
            strings = _shared_strings_member(archive)
            if member is None or strings is None:
                return
            if archive.getinfo(member).file_size // _XML_SMALLEST_SHARED_CELL * longest <= SHARED_TEXT_MAX:
                return
            lengths = [len(part) for parts in _shared_string_pieces(archive, strings) for part in parts[1:]]
            counts: collections.Counter[bytes] = collections.Counter()
            with archive.open(member) as handle:
                for piece in whole_pieces(handle):
                    counts.update(_XML_SHARED_REFERENCE.findall(piece))
    except (*_XML_ERRORS, EOFError, ValueError, zlib.error) as error:
        raise FileRefused(_corrupted_message(XLSX)) from error
    text = sum(lengths[int(index)] * count for index, count in counts.items() if int(index) < len(lengths))
    if text > SHARED_TEXT_MAX:
        raise FileRefused(_bomb_message())


def _xlsx_grid(path: Path, sheet_name: str) -> None:
    """Refuses the sheet, before calamine reads it, when the grid of its cells with a value (see IMPORT_MAX_CELLS)
    is too large. Cells written as the usual producers write them are measured by a few searches in C code over
    each piece (_xlsx_extent_fast); any other way of writing them, cell by cell (_xlsx_extent_careful)."""
    try:
        extent = _xlsx_extent(path, sheet_name, _xlsx_extent_fast)
        if extent is None:
            extent = _xlsx_extent(path, sheet_name, _xlsx_extent_careful)
        elif extent[2] > limit("IMPORT_MAX_CELLS"):  # the fast measure bounds the cells by the bytes: count them
            extent = (*extent[:2], _xlsx_extent(path, sheet_name, _xlsx_cells_counted)[2])
    except (*_XML_ERRORS, EOFError, ValueError, zlib.error) as error:
        raise FileRefused(_corrupted_message(XLSX)) from error
    if extent is None:
        raise FileRefused(_corrupted_message(XLSX))
    rows, columns, cells = extent
    _check_grid(sheet_name, rows, columns, cells=cells)


def _xlsx_extent(path: Path, sheet_name: str, measure) -> tuple[int, int, int] | None:
    """(last row, last column, cells) with a value in the sheet, by `measure` on each piece of its XML, which
    carries what it needs from piece to piece in `state`; None when the fast measure cannot tell."""
    rows = columns = cells = 0
    with zipfile.ZipFile(path) as archive:
        member = _sheet_member(archive, sheet_name)
        if member is None:
            return None
        # The size the zip declares: its reader stops there (and fails the check sum when the data runs on).
        state = {"size": archive.getinfo(member).file_size}
        with archive.open(member) as handle:
            for piece in whole_pieces(handle):
                found = measure(piece, state)
                if found is None:
                    return None
                rows, columns, cells = max(rows, found[0]), max(columns, found[1]), cells + found[2]
    return rows, columns, cells


_XML_CELL_START = b'<c r="'
_XML_REF_AT = re.compile(rb'<c r="([A-Z]{1,3})0*([1-9][0-9]*)"')
_XML_PREFIXED_CELL = re.compile(rb"<\w+:c[\s>/]")
_XML_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)[\s>/]")
_XML_CELL_END = re.compile(rb"</(?:\w+:)?c\s*>")
# The fewest bytes a cell that is not self-closing takes when written `<c r="A1"></c>`: the fast measure bounds the
# number of cells by the sheet's size, counts the cell tags when that bound is past the cap, and counts the cells
# exactly (a second pass) only when even that is.
_XML_SMALLEST_CELL = 14


@functools.lru_cache(maxsize=64)
def _xml_unusual_cells(columns: int, rows: int) -> re.Pattern:
    """A cell tag, not self-closing, other than `<c r="..."` with a column up to `columns` and a row up to `rows`,
    as a regular expression: in a sheet written the usual way, only the cells past the largest seen so far are
    looked at one by one. (No other tag begins with "<c" and a space, ">" or "/".)"""
    usual = rf' r="(?:{_up_to(_column_letters(columns), "ABCDEFGHIJKLMNOPQRSTUVWXYZ")})0*+(?:{_up_to(str(rows))})"'
    return re.compile(rf"<c(?!{usual})(?=[\s>/])[^>]*(?<!/)>".encode())


def _up_to(number: str, digits: str = "0123456789") -> str:
    """A regular expression for the numerals from 1 to `number` (without leading zeros) written with `digits`
    (digits[0] the zero; none for column letters, where "A" is the one), or one that matches nothing."""
    if not number:
        return "(?!)"
    first = 1 if digits[0] == "0" else 0
    nonzero = f"[{digits[first]}-{digits[-1]}]"
    every = f"[{digits[0]}-{digits[-1]}]"
    options = [f"{nonzero}{every}{{0,{len(number) - 2}}}+"] if len(number) > 1 else []  # fewer digits
    for index, digit in enumerate(number):
        low = first if index == 0 else 0
        position = digits.index(digit)
        if position > low:  # as many digits, this one smaller, the same before
            smaller = f"[{digits[low]}-{digits[position - 1]}]"
            options.append(f"{number[:index]}{smaller}{every}{{{len(number) - index - 1}}}")
    options.append(number)
    return "|".join(options)


def _column_letters(number: int) -> str:
    """The letters of column `number` ("AA" for 27): "" for 0, and "ZZZ" past it (four letters are never usual)."""
    number = min(number, 18_278)
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _xlsx_extent_fast(piece: bytes, state: dict[str, int]) -> tuple[int, int, int] | None:
    """What the usual producers (Excel, LibreOffice, Google Sheets, xlsxwriter) write: every cell `<c r="B7" ...>`
    (calamine then puts it at B7), rows in order. The last row is that of the last cell with a value (`<v>`, or
    `<is>` for an inline string); one search in C code then finds any cell past that row or the widest column so
    far, or written another way, and only those are looked at one by one. The cells are bounded by the bytes.
    None when the piece is written another way: a cell without a reference or with a prefix (`<x:c>`)."""
    if piece.find(b":c") >= 0 and _XML_PREFIXED_CELL.search(piece):
        return None
    rows, columns = state.get("rows", 0), state.get("columns", 0)
    last = max(piece.rfind(b"<v"), piece.rfind(b"<is"))
    if (cell := piece.rfind(_XML_CELL_START, 0, last)) >= 0 and (reference := _XML_REF_AT.match(piece, cell)):
        rows = max(rows, int(reference.group(2)))
    position = 0
    while match := _xml_unusual_cells(columns, rows).search(piece, position):
        position = match.end()
        reference = _XML_REF_AT.match(piece, match.start())
        if reference is None:
            return None
        cell = _XML_CELL.match(piece, match.start())
        if cell is None or _XML_HAS_VALUE.search(cell.group(2) or b""):
            rows, columns = max(rows, int(reference.group(2))), max(columns, _column_number(reference.group(1)))
    # Every cell tag is `<c r="` here, so their count bounds the cells with a value; so does the size, which costs
    # nothing, when the whole sheet cannot hold more than the cap (below some 120 MB of XML).
    cells = len(piece) // _XML_SMALLEST_CELL
    if state["size"] // _XML_SMALLEST_CELL > limit("IMPORT_MAX_CELLS"):
        cells = min(cells, piece.count(_XML_CELL_START))
    state.update(rows=rows, columns=columns)
    return rows, columns, cells


def _xlsx_cells_counted(piece: bytes, state: dict[str, int]) -> tuple[int, int, int]:
    return 0, 0, len(_XML_CELL_END.findall(piece))


_XML_ROW_OR_CELL = re.compile(rb"<(/?)(?:\w+:)?(row|c)(?=[\s>/])([^>]*)>")
_XML_R = re.compile(rb"""(?:^|\s)r\s*=\s*["']\s*([A-Za-z]*)([0-9]*)""")


def _xlsx_extent_careful(piece: bytes, state: dict[str, int]) -> tuple[int, int, int]:
    """Any cell, placed as calamine places it (checked against it on small files): a row tag with a number sets the
    row, and every end of a row (`</row>`, `<row/>`) moves to the next; a cell at its reference when it has one
    (which leaves the row as it was), else at the row and the column after the previous cell. `state` carries the
    position from piece to piece."""
    rows = columns = values = 0
    row, column = state.get("row", 1), state.get("column", 1)
    for tag in _XML_ROW_OR_CELL.finditer(piece):
        closing, name, attributes = tag.groups()
        if closing:
            if name == b"row":
                row += 1
            continue
        reference = _XML_R.search(attributes)
        if name == b"row":
            if reference and reference.group(2):
                row = int(reference.group(2))
            column = 1
            if attributes.endswith(b"/"):
                row += 1
            continue
        place_row, place_column = row, column
        if reference and reference.group(1) and reference.group(2):
            place_row, place_column = int(reference.group(2)), _column_number(reference.group(1))
        column = place_column + 1
        if attributes.endswith(b"/"):
            continue
        cell = _XML_CELL.match(piece, tag.start())
        if cell is None or _XML_HAS_VALUE.search(cell.group(2) or b""):
            rows, columns, values = max(rows, place_row), max(columns, place_column), values + 1
    state.update(row=row, column=column)
    return rows, columns, values


def _column_number(letters: bytes) -> int:
    """1 for "A", 27 for "AA"."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


@contextlib.contextmanager
def _sheet_xml(path: Path, sheet_name: str) -> Iterator[BinaryIO | None]:
    """The named sheet's XML, open for reading; None when the workbook does not say where it is."""
    with zipfile.ZipFile(path) as archive:
        member = _sheet_member(archive, sheet_name)
        if member is None:
            yield None
            return
        with archive.open(member) as handle:
            yield handle


# The parts of an .xlsx that name its sheets, read with Python's XML parser (the sheets themselves are scanned in
# pieces): a real workbook.xml, even of a thousand sheets with many defined names, is well under 1 MB. Larger, or
# nested deeper than any producer writes, is a bomb: 200 MB of `<a/>` zip to 200 KB and took 7.5 GB to parse whole.
XML_METADATA_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
XML_METADATA_MAX_BYTES = 8 * 1024 * 1024
XML_METADATA_MAX_DEPTH = 64
XML_METADATA_MAX_ELEMENTS = 100_000  # read, before the end of <sheets>: the zip holds at most 2,000 sheets
# A sheet's relationship id, in the namespace of Excel's usual ("Transitional") files or of its "Strict Open XML"
# ones, which calamine reads as well.
_RELATIONSHIP_IDS = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",
)


def _sheet_names_within_limits(archive: zipfile.ZipFile) -> None:
    """Refuses (as a bomb) an .xlsx whose workbook.xml or its relationships pass the caps above; the sheets' places
    found here are kept for the checks that follow. A part the parser cannot read is left to calamine to judge."""
    try:
        _sheet_members(archive)
    except _XmlDocumentType as error:
        raise FileRefused(_corrupted_message(XLSX)) from error
    except _XmlBomb as error:
        raise FileRefused(_bomb_message()) from error
    except (ElementTree.ParseError, KeyError):
        pass


def _sheet_member(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the named sheet (workbook.xml names it, its relationships give the file)."""
    return _sheet_members(archive).get(sheet_name)


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Every sheet's zip member by name, worked out once per file (each sheet's checks ask for it several times)."""
    source = archive.filename or ""
    try:
        stat = Path(source).stat()
        key = (source, stat.st_mtime_ns, stat.st_size)
    except OSError:
        return _read_sheet_members(archive)
    return _cached_sheet_members(key, archive)


_sheet_members_cache: dict[tuple[str, int, int], dict[str, str]] = {}


def _cached_sheet_members(key: tuple[str, int, int], archive: zipfile.ZipFile) -> dict[str, str]:
    found = _sheet_members_cache.get(key)
    if found is None:
        found = _read_sheet_members(archive)
        if len(_sheet_members_cache) >= 16:
            _sheet_members_cache.clear()
        _sheet_members_cache[key] = found
    return found


def _read_sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    ids: dict[str, str] = {}  # relationship id -> sheet name (the first sheet of a name wins, as before)
    for _depth, element in _xml_elements(archive, "xl/workbook.xml", stop="sheets"):
        if element.tag.endswith("}sheet") and (name := element.get("name")) is not None:
            relation = next((found for key in _RELATIONSHIP_IDS if (found := element.get(key)) is not None), None)
            if relation is not None and name not in ids.values():
                ids.setdefault(relation, name)
    if not ids:
        return {}
    members: dict[str, str] = {}
    for _depth, relation in _xml_elements(archive, "xl/_rels/workbook.xml.rels"):
        name = ids.get(relation.get("Id", ""))
        if name is not None and name not in members:
            target = relation.get("Target", "")
            members[name] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return members


def _xml_elements(archive: zipfile.ZipFile, member: str, *, stop: str = "") -> Iterator[tuple[int, Any]]:
    """The elements of a small XML part, each as it ends, streamed: none is kept once seen, so memory stays that
    of the deepest path; past XML_METADATA_MAX_DEPTH the part is refused (_XmlBomb). Ends after the element named
    `stop` (a local name) closes: the rest of the part is not read."""
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    stack: list[Any] = []
    elements = 0
    with archive.open(member) as handle:
        read, tail = 0, b""
        while chunk := handle.read(64 * 1024):
            read += len(chunk)
            # No producer writes a document type (the standard forbids it): its entities are how a few bytes
            # expand to gigabytes ("billion laughs").
            if b"<!DOCTYPE" in tail + chunk or b"<!ENTITY" in tail + chunk:
                raise _XmlDocumentType(member)
            if read > XML_METADATA_MAX_BYTES:
                raise _XmlBomb(member)
            tail = chunk[-16:]
            parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "start":
                    stack.append(element)
                    if len(stack) > XML_METADATA_MAX_DEPTH:
                        raise _XmlBomb(member)
                    continue
                stack.pop()
                elements += 1
                if elements > XML_METADATA_MAX_ELEMENTS:
                    raise _XmlBomb(member)
                yield len(stack), element
                if stack:
                    del stack[-1][-1]  # the element just ended is its parent's last child: forgotten
                if stop and element.tag.rpartition("}")[2] == stop:
                    return
        parser.close()


def _uses_1904_dates(path: Path) -> bool:
    """Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`, old Excel for Mac)."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as handle:
            head = handle.read(16384).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, EOFError, zlib.error):
        return False
    return re.search(r'date1904\s*=\s*"(1|true)"', head) is not None


def _open_csv(path: Path, is_header: Callable[[list[Any]], bool] | None = None) -> Table:
    encoding = _detect_encoding(path)
    handle = path.open("r", encoding=encoding, newline="")
    # The separator that splits a line into the entity's header, when one does: a semicolon file whose cells hold
    # several commas ("Diklat, 2019, Bimtek, 2020") has more commas than semicolons on some line. Otherwise the one
    # that splits the first lines into the most columns, most consistently: a title line ("Data penerima layanan
    # 2025") above the header has none; a comma inside a tab-separated cell is not consistent.
    head_lines = []
    try:
        for number, line in enumerate(handle, start=1):
            if len(line) > CSV_MAX_LINE:
                raise FileRefused(_csv_line_too_long_message(number))
            if line.strip():
                head_lines.append(line)
            if len(head_lines) == 20:
                break
    except UnicodeDecodeError as error:
        handle.close()
        raise FileRefused(_undecodable_message(encoding)) from error
    except FileRefused:
        handle.close()
        raise
    handle.seek(0)

    def splits_header(candidate: str) -> bool:
        if is_header is None or not _count_outside_quotes("".join(head_lines), candidate):
            return False
        try:
            return any(is_header(cells) for cells in csv.reader(head_lines, delimiter=candidate))
        except csv.Error:
            return False

    def score(candidate: str) -> tuple[int, int]:
        counts = [_count_outside_quotes(line, candidate) for line in head_lines]
        most = max(counts, default=0)
        return most, counts.count(most)

    naming = [candidate for candidate in ";,\t" if splits_header(candidate)]
    delimiter = max(naming or ";,\t", key=score)
    if score(delimiter)[0] == 0:
        delimiter = ","
    reader = csv.reader(_lines_within_limit(handle), delimiter=delimiter)
    label = {
        "utf-8-sig": "UTF-8 (BOM)",
        "utf-8": "UTF-8",
        "cp1252": "Windows-1252",
        "mac_roman": _("Mac Roman (CSV Macintosh)"),
        "utf-16": "UTF-16",
        "utf-16-le": "UTF-16",
        "utf-16-be": "UTF-16",
    }
    notices = [
        _("File CSV dibaca sebagai %(encoding)s, pemisah “%(delimiter)s”.")
        % {"encoding": label.get(encoding, encoding), "delimiter": "tab" if delimiter == "\t" else delimiter}
    ]

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            # Rows are counted as records, as a spreadsheet program shows them: a cell with a line break in it
            # spans two lines of the file but is one row.
            yield from _csv_within_limits(enumerate(reader, start=1))
        except csv.Error as error:
            raise FileRefused(
                _("Baris %(row)s file CSV tidak dapat dibaca: %(error)s") % {"row": reader.line_num, "error": error}
            ) from error
        except UnicodeDecodeError as error:
            raise FileRefused(_undecodable_message(encoding)) from error

    return Table(rows=rows(), total=_count_lines(path), notices=notices, closer=handle.close, encoding=encoding)


# Characters in one line of a CSV: a row of Excel's widest sheet with long text in every cell stays far below. A
# one-line file of 24 million empty fields took 190 s and 470 MB before any check could refuse it.
CSV_MAX_LINE = 2_000_000


# Fields in one row of a CSV, as in Excel's widest sheet; and rows without anything in them (empty lines, or lines of
# separators alone) in one file. Within CSV_MAX_LINE, 12 lines of 1.9 million commas took 94 s of the worker's time,
# 24 million empty lines 27 s, all to end "no data rows". The cells of the whole file are capped as a sheet's
# (IMPORT_MAX_CELLS).
CSV_MAX_FIELDS = 16_384
CSV_MAX_BLANK_ROWS = 100_000


def _csv_within_limits(rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    """The rows, refused (FileRefused) at the first past a limit above: before the pipeline spends its time on it."""
    max_cells = limit("IMPORT_MAX_CELLS")
    cells = blank = 0
    for number, row in rows:
        cells += len(row)
        if len(row) > CSV_MAX_FIELDS:
            raise FileRefused(
                _(
                    "Baris %(row)s file CSV ini berisi %(fields)s kolom (paling banyak %(max)s), jadi file tidak "
                    "dibaca. Buka file di Excel atau LibreOffice, hapus kolom di kanan data, simpan ulang sebagai CSV, "
                    "lalu unggah lagi."
                )
                % {
                    "row": formats.number_format(number, force_grouping=True),
                    "fields": formats.number_format(len(row), force_grouping=True),
                    "max": formats.number_format(CSV_MAX_FIELDS, force_grouping=True),
                }
            )
        if cells > max_cells:
            raise FileRefused(
                _(
                    "File CSV ini terlalu besar untuk dibaca: lebih dari %(max_cells)s sel sampai baris %(row)s. Bagi "
                    "menjadi beberapa file, atau hapus baris dan kolom di bawah dan di kanan data, lalu unggah lagi."
                )
                % {
                    "max_cells": formats.number_format(max_cells, force_grouping=True),
                    "row": formats.number_format(number, force_grouping=True),
                }
            )
        if not any(row):
            blank += 1
            if blank > CSV_MAX_BLANK_ROWS:
                raise FileRefused(
                    _(
                        "File CSV ini berisi lebih dari %(max)s baris kosong (sampai baris %(row)s), jadi file tidak "
                        "dibaca. Hapus baris kosong di bawah data, simpan ulang sebagai CSV, lalu unggah lagi."
                    )
                    % {
                        "max": formats.number_format(CSV_MAX_BLANK_ROWS, force_grouping=True),
                        "row": formats.number_format(number, force_grouping=True),
                    }
                )
        yield number, row


def _lines_within_limit(handle) -> Iterator[str]:
    for number, line in enumerate(handle, start=1):
        if len(line) > CSV_MAX_LINE:
            raise FileRefused(_csv_line_too_long_message(number))
        yield line


def _csv_line_too_long_message(line: int) -> str:
    return _(
        "Baris %(line)s file CSV ini lebih dari %(max)s karakter, jadi file tidak dibaca. Buka file di Excel atau "
        "LibreOffice, periksa baris itu, simpan ulang sebagai CSV, lalu unggah lagi."
    ) % {"line": line, "max": formats.number_format(CSV_MAX_LINE, force_grouping=True)}


def _undecodable_message(encoding: str) -> str:
    return _(
        "File CSV ini tidak dapat dibaca sebagai %(encoding)s (isinya terpotong atau rusak). Simpan ulang sebagai "
        "“CSV UTF-8” lalu unggah lagi."
    ) % {"encoding": "UTF-16" if encoding.startswith("utf-16") else encoding.upper()}


def _count_lines(path: Path) -> int:
    """The lines of the file, for the progress bar: a line break ends a line, so the one after the last line (which
    most programs write) starts none. A file whose lines end in a carriage return alone (old Mac) is counted by
    those."""
    lines = ends = 0
    last = b""
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            lines += chunk.count(b"\n")
            ends += chunk.count(b"\r")
            last = chunk[-1:]
    if lines == 0 and ends:
        lines = ends
    return lines + (1 if last not in (b"\n", b"\r", b"") else 0)


# A well-formed UTF-8 sequence of two to four bytes (an accented letter, a dash, an emoji).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when `head` is UTF-16 text without a byte-order mark (some "Unicode text" exports):
    nearly every other byte is 0, always on the same side, which no 8-bit text and few binary files do."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even_zeros = head[0 : pairs * 2 : 2].count(0)
    odd_zeros = head[1 : pairs * 2 : 2].count(0)
    if odd_zeros >= pairs * 0.6 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= pairs * 0.6 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _detect_encoding(path: Path) -> str:
    """UTF-8 with or without BOM, UTF-16 with BOM (or recognisably without), else Windows-1252 (Excel's "CSV" on
    Indonesian Windows) or Mac Roman (Excel for Mac's "CSV (Macintosh)"), whichever reads the file as text."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        data = handle.read()  # at most the upload limit
    if without_bom := _utf16_without_bom(data[:4096]):
        return without_bom
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _UTF8_SEQUENCE.search(data):
            # Mostly UTF-8 (accented letters read fine) with a few bytes that are not: read as Windows-1252, every
            # "é" would silently become "Ã©". Refused, pointing at the first bad byte.
            line = data.count(b"\n", 0, error.start) + 1
            raise FileRefused(
                _(
                    "File CSV ini bercampur: sebagian besar UTF-8, tetapi baris %(line)s berisi karakter dengan "
                    "pengodean lain. Simpan ulang file sebagai “CSV UTF-8” lalu unggah lagi."
                )
                % {"line": line}
            ) from error
        return _eight_bit_encoding(data)
    return "utf-8"


# Characters an Indonesian list holds beyond ASCII, whichever program wrote it: autocorrect's apostrophes, quotes and
# dashes, the ellipsis, the degree sign of a coordinate.
_TYPOGRAPHIC = frozenset("\u2019\u2018\u201c\u201d\u201e\u2013\u2014\u2026\u00b0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Symbols of ordinary text on Windows (guillemets, a bullet, ®, ©, §, ±, €, ™): text, in either encoding that reads them
_TEXT_SYMBOLS = frozenset("\u00ab\u00bb\u2022\u00ae\u00a9\u00a7\u00b1\u2122\u2020\u2021\u2030")
WORD_JUDGED = 30  # letters looked at on each side of a letter for its word: a name's, not a pasted blob's
NON_ASCII_JUDGED = 10_000  # characters beyond ASCII weighed per file: enough to tell, at any file size


def _eight_bit_encoding(data: bytes) -> str:
    """ "cp1252" or "mac_roman", for a file of 8-bit text: the one whose characters beyond ASCII read as the likelier
    text (a Mac file's Nur’aini is "NurÕaini" in Windows-1252, and its Café "CafŽ"). Windows-1252 when both read
    alike, unless every line ends in a carriage return alone, as only the Mac's own CSV writes them. Windows-1252
    lacks five byte values, Mac Roman none: a file holding one is Mac Roman (never a "�" stored without a word)."""
    scores = {}
    for encoding in ("cp1252", "mac_roman"):
        try:
            scores[encoding] = _plausibility(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if "cp1252" not in scores:
        return "mac_roman"
    mac_lines = b"\r" in data and b"\n" not in data
    if scores["mac_roman"] > scores["cp1252"] or (scores["mac_roman"] == scores["cp1252"] and mac_lines):
        return "mac_roman"
    return "cp1252"


def _plausibility(text: str) -> int:
    """How much the characters beyond ASCII in `text` look like text, judged within their word (its run of letters).
    For it: a small letter in a word that has other small letters ("Café", "Héru"); a capital starting a word
    ("Ñoman", "Élodie") or in a word of capitals ("ANDRÉ", names are often written so); a typographic mark where text
    puts it (see _mark_plausibility). Against it: a capital inside a word that has small letters ("NurÕaini",
    "MŸller", "HÈru"); a small letter in a word of capitals ("ANDRƒ", "TOMçS"); a mark where text never puts it
    (Windows-1252's "ANDRÉ" read as Mac Roman is "ANDR…", its "Ñoman" "—oman"); a symbol ("◊", "¤", "√"). Judged by
    neighbours alone, a capital after a capital tied "MŸller" with "Müller" (the forty-first review)."""
    score = 0
    for count, match in enumerate(_NON_ASCII.finditer(text)):
        if count == NON_ASCII_JUDGED:
            break
        char, at = match.group(), match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1 : at + 2] or " "
        if char in _TYPOGRAPHIC:
            score += _mark_plausibility(char, before, after, text, at)
        elif char in _TEXT_SYMBOLS and before.isalpha() and after.isalpha():
            score -= 1  # a symbol inside a word: Windows-1252's reading of Mac's Ü, ß ("M†LLER", "Stra§e")
        elif char in _TEXT_SYMBOLS or char.isnumeric() or unicodedata.category(char) == "Sc":
            # «Peduli», •, ®, ½, ¥, "Ahmad †" (deceased), 5‰ (Mac Roman reads Windows-1252's « as "´", • as "ï", ½ as
            # "Ω", † as "Ü", ‰ as "â")
            score += 1
        elif char in "ªº":
            # an ordinal ("1º", "Nº 5"); Mac Roman reads Windows-1252's » as "ª"
            score += 1 if before.isdigit() or before in "Nn" else -1
        elif unicodedata.category(char) in ("Ll", "Lu", "Lt"):
            score += _letter_plausibility(text, at)
        elif not char.isspace():
            score -= 1
    return score


def _letter_plausibility(text: str, at: int) -> int:
    """_plausibility of the letter at `at`, by the word it is in."""
    start = at
    while start and at - start < WORD_JUDGED and text[start - 1].isalpha():
        start -= 1
    end = at + 1
    while end < len(text) and end - at <= WORD_JUDGED and text[end].isalpha():
        end += 1
    others = text[start:at] + text[at + 1 : end]
    if not others:
        return 0  # a letter alone says nothing
    char = text[at]
    if char.isupper():
        if at == start or others.isupper():
            return 1
        return -2 if text[at - 1].islower() else -1
    if others.isupper() and len(others) > 1:
        return -1
    return 1


def _mark_plausibility(char: str, before: str, after: str, text: str, at: int) -> int:
    """_plausibility of a typographic mark between `before` and `after` (at `at` in `text`)."""
    if char == "\u2019" and before.isalpha() and after.isalpha():
        return 2 if before.islower() or after.islower() else 1  # Nur’aini, D’SOUZA
    if char in "\u201c\u2018" and not before.isalnum() and after.isalnum():
        # An opening quote, when its closing one follows on the line (Windows-1252's "Òscar" is Mac's "“scar")
        # (looked for in the next 200 characters of the line only: a file may hold many such marks)
        closing = "\u201d" if char == "\u201c" else "\u2019"
        following = text[at : at + 200].splitlines()[0]
        return 2 if closing in following else 0
    if char in "\u201d\u2019" and before.isalnum() and not after.isalnum():
        return 2  # a closing quote
    if char == "\u201e":  # „Kasih Ibu“, when it closes on the line (Windows-1252's reading of Mac's Ñ)
        return (
            (2 if any(mark in text[at : at + 200].splitlines()[0] for mark in "\u201c\u201d") else 0)
            if (after.isalnum())
            else -1
        )
    if char == "\u201c" and before.isalnum() and not after.isalnum():
        return 1  # „Kasih Ibu“ closes with it
    if char in "\u2013\u2014":
        # "Café – Kasih", "2020–2021", "Blok C–4", "RT 03–RW 02", "Kasih–Sayang"; never "—oman"
        if not (before.isalpha() or after.isalpha()):
            return 2
        # (between two words, "Kasih–Sayang"; not inside one: Windows-1252 reads Mac's ñ as "–", "Nu–ez")
        return 1 if before.isdigit() or after.isdigit() or (before.isalpha() and after.isupper()) else -1
    if char == "\u2026":
        return 2 if not after.isalnum() and (before.islower() or not before.isalnum()) else -1
    if char == "\u00b0":
        return 2 if before.isdigit() else -1
    return -1  # (a left quote between letters: Mac's "Noël" read as Windows-1252 is "No‘l")


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def read_all(
    path: str | Path,
    kind: str,
    *,
    preferred_sheets: Sequence[str] = (),
    is_header: Callable[[list[Any]], bool] | None = None,
) -> list[tuple[int, list[Any]]]:
    """Every row (for small files and tests)."""
    table = open_table(path, kind, preferred_sheets=preferred_sheets, is_header=is_header)
    try:
        return list(table.rows)
    finally:
        table.close()
