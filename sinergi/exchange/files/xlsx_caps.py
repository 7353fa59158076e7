"""The caps an .xlsx passes before calamine reads it: its shared strings (too many, or one copied into too many
cells), and the grid of each sheet's cells with a value (measured fast the way the usual producers write cells, else
cell by cell as calamine places them). Apart because each guards against a bomb calamine would otherwise allocate."""

import collections
import functools
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _

from ..xmlpieces import whole_pieces
from ._common import XLSX, FileRefused, _bomb_message, _check_grid, _corrupted_message, limit
from .xlsx_xml import _XML_CELL, _XML_ERRORS, _column_number, _sheet_member

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
