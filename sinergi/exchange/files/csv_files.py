"""Reading a CSV: its separator chosen (the one that splits the entity's header, else the most consistent),
its rows streamed with the caps of a line's characters, a row's fields, blank rows and the cells of the file. Apart
from the workbooks, which calamine reads (reading.py); its encoding is told by encodings.py."""

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from ..values import column_letter
from ._common import FileRefused, Table, limit
from .encodings import _detect_encoding


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

    # A "|" (pipe) counts only when it splits the header: DTKS-style exports use it, but a comma file may hold a pipe
    # typed inside its cells ("Diklat | Bimtek"), which the consistency score could take for the separator.
    naming = [candidate for candidate in ";,\t|" if splits_header(candidate)]
    delimiter = max(naming or ";,\t", key=score)
    if score(delimiter)[0] == 0:
        delimiter = ","
    lines = _RecordLines(_lines_within_limit(handle))
    reader = csv.reader(lines, delimiter=delimiter)
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
            yield from _csv_within_limits(_no_swallowed_lines(reader, lines, delimiter))
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


class _RecordLines:
    """The lines of a file as a CSV reader takes them, those of the record it is reading kept (`taken`): the reader
    asks for a line only when its record needs one."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> "_RecordLines":
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line


def _no_swallowed_lines(reader, lines: _RecordLines, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The records of `reader`, numbered, refused (FileRefused) at one with a cell holding a whole line of the file:
    a cell typed with a quote mark in front ("Kata ibu: ok) that nothing closes, where a CSV reader takes every
    line after it, separators and all, as the rest of the cell. Its rows would be stored in that cell (a last
    column of notes takes any length) and imported as nobody, without a word. A line in a cell with as many
    separators as a row of the file has is that, when the record cannot be read strictly either (_strictly_read):
    a note with line breaks has not, and neither has an address typed over two lines ("RT 03, RW 02, Kel. …, Kec. …")
    as a spreadsheet program writes it, quoted and closed. Refused too at a quoted cell with quote marks inside that
    are not doubled (_undoubled_quotes)."""
    widest, line_num = 0, 0
    for number, row in enumerate(reader, start=1):
        taken, lines.taken = lines.taken, []
        if (len(taken) > 1 or '"' in taken[0]) and (problem := _undoubled_quotes(number, row, taken, delimiter)):
            raise FileRefused(problem)
        spanned, line_num = reader.line_num - line_num > 1, reader.line_num
        # Only a record spanning lines has a cell with a line break.
        swallowing = _swallowing_cell(row, delimiter, widest) if spanned and widest > 3 else None
        if swallowing is not None and not _strictly_read(taken, delimiter):
            raise FileRefused(
                _(
                    'Baris %(row)s file CSV, kolom %(column)s: isiannya diawali tanda kutip (") yang tidak '
                    "ditutup, sehingga baris-baris berikutnya file terbaca sebagai isi sel itu. Hapus tanda "
                    "kutip itu (atau tutup di akhir isiannya), simpan, lalu unggah lagi."
                )
                % {"row": number, "column": column_letter(swallowing)}
            )
        widest = max(widest, len(row))
        yield number, row


def _swallowing_cell(row: list[str], delimiter: str, widest: int) -> int | None:
    """The index of the first cell with a line inside it holding as many separators as the widest row so far: a whole
    line of the file taken into the cell, or None."""
    return next(
        (
            index
            for index, cell in enumerate(row)
            if any(line.count(delimiter) >= widest - 1 for line in cell.splitlines()[1:])
        ),
        None,
    )


def _undoubled_quotes(number: int, row: list[str], taken: list[str], delimiter: str) -> str:
    """The problem of a record with a quoted cell holding quote marks that are not doubled ("Ahmad "Ucok" Ali", as
    a program writes that quotes a cell without escaping it): a CSV reader takes it as Ahmad Ucok" Ali", quote marks
    moved, which would be stored so. Read strictly, such a record fails; one whose cells hold no quote mark as read
    ("Ahmad" ;L, a space after the closing quote) is taken as it reads. "" for any other record."""
    found = next((index for index, cell in enumerate(row) if '"' in cell), None)
    if found is None:
        return ""
    if not _strictly_read(taken, delimiter):
        return _(
            'Baris %(row)s file CSV, kolom %(column)s: isian yang diapit tanda kutip (") berisi tanda kutip lagi '
            "yang tidak ditulis dua kali, sehingga terbaca lain dari yang tertulis (“%(value)s”). Di dalam isian "
            'yang diapit tanda kutip, tulis tanda kutip dua kali (""), atau simpan ulang file dari Excel atau '
            "LibreOffice, lalu unggah lagi."
        ) % {"row": number, "column": column_letter(found), "value": row[found][:60]}
    return ""


def _strictly_read(lines: list[str], delimiter: str) -> bool:
    """Whether `lines` read as CSV strictly (every quoted cell closed, and followed by a separator or the line's end),
    as every program that quotes cells writes them."""
    try:
        for _cells in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return False
    return True


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


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count
