"""What every part of reading an upload shares: the kinds of file, the import limits (DEFAULT_LIMITS, read through
limit()), the refusal (FileRefused) and its common messages, what the content check finds (FileInfo), the rows it
hands on (Table), and the check of a sheet's grid before calamine allocates it. Apart so that the content check, the
caps of each format and the readers depend on it and not on one another."""

import concurrent.futures
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

XLSX = "xlsx"
ODS = "ods"
XLS = "xls"
CSV = "csv"
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
    # Megabytes of uploads one user may store in 24 hours (services.uploads._over_upload_volume).
    "IMPORT_UPLOAD_MB_PER_DAY": 500,
}
# Rows a sheet may have past IMPORT_MAX_ROWS before it is refused unread: a title above the header, empty rows.
GRID_ROW_MARGIN = 1000


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
    # (top, bottom, 0-based column) of the cells merged down over several rows, rows numbered from 1: each row gets
    # the top cell's value.
    merged_down: list[tuple[int, int, int]] = field(default_factory=list)
    # The other sheets with records, left unread because the user chose to import one sheet of several.
    sheets_left: list[str] = field(default_factory=list)
    # Cells merged across columns, (row number, 0-based first column) -> 0-based last column: a header title over
    # two columns ("Tempat, Tanggal Lahir" over the place and the date) names both.
    merged_across: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def merged_rows(self) -> list[tuple[int, int]]:
        """(top, bottom) row numbers of the cells merged down, each block once."""
        return sorted({(top, bottom) for top, bottom, _column in self.merged_down})

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
