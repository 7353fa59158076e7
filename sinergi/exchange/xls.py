"""What calamine does not tell about an old Excel (.xls) file, read from the file itself: which streams its OLE2
container holds (a workbook, a Word document, an encrypted .xlsx), whether the workbook is encrypted, counts dates
from 1904, which rows it hides, and how large a grid each sheet will take once read.

The OLE2 ("compound file", [MS-CFB]) container is read by olefile; any damage it finds is raised as Ole2Error.
The workbook stream is a sequence of BIFF records ([MS-XLS] for BIFF8, Excel 97-2003; the "Book" stream of Excel
5/95 has the same record frame), decoded here: only the few records needed. Everything works on bytes already in
memory (the upload is capped at IMPORT_MAX_BYTES)."""

import codecs
import io
import struct
from dataclasses import dataclass, field

import olefile

from .values import FORMULA_ERRORS_KEPT

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Ole2Error(Exception):
    """The container's structure is broken (a truncated or damaged file)."""


class Compound:
    """The top-level streams of an OLE2 container, by name, read through olefile."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(OLE2_MAGIC):
            raise Ole2Error("not an OLE2 file")
        try:
            # A BytesIO, not the bytes themselves: olefile takes short bytes for a file name. DEFECT_INCORRECT
            # makes every defect (a broken chain, a stream shorter than its size) an error, not a logged warning;
            # olefile's reads are bounded by the sector table, itself bounded by the (capped) file size.
            self._ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
            self._names = {path[0] for path in self._ole.listdir() if len(path) == 1}
        except Exception as error:  # olefile raises OSError, but damage can surface as any parsing error
            raise Ole2Error(str(error)) from error

    def names(self) -> set[str]:
        return self._names

    def read(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
        try:
            with self._ole.openstream(name) as stream:
                return stream.read()
        except Exception as error:
            raise Ole2Error(str(error)) from error


def _u16(data: bytes, offset: int) -> int:
    return struct.unpack_from("<H", data, offset)[0]


def _u32(data: bytes, offset: int) -> int:
    return struct.unpack_from("<I", data, offset)[0]


# ---------------------------------------------------------------------------------------------- BIFF records

_BOF, _EOF, _FILEPASS, _DATEMODE, _CODEPAGE, _BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0022, 0x0042, 0x0085
_ROW = 0x0208
_DIMENSIONS = 0x0200
# calamine reserves room for the grid a sheet's DIMENSIONS record declares before it reads a cell: a record that
# declares more than an .xls can hold (65,536 rows × 256 columns), or a last row or column before the first
# (calamine's last - first + 1 then wraps round to billions), is refused.
MAX_DIMENSIONS = 65_536 * 256
HIDDEN_ROWS_KEPT = 1000
# Records of a cell with a value, each starting with its row and column (u16 each): NUMBER, LABEL (BIFF5), BOOLERR,
# RK, RSTRING, LABELSST, FORMULA. BLANK and MULBLANK (formatting only) are left out, as calamine leaves them out.
_VALUE_CELLS = frozenset({0x0203, 0x0204, 0x0205, 0x027E, 0x00D6, 0x00FD, 0x0006})
_MULRK = 0x00BD  # row, first column, (format, RK) pairs, last column
# Mac codepages of Excel 5 (BIFF5): 0x8000 is Mac Roman, 0x8001 "Windows 1252" as stored by Excel for Mac.
_CODEPAGES = {1200: "utf-16-le", 367: "ascii", 10000: "mac_roman", 32768: "mac_roman", 32769: "cp1252"}
# What damage in the container or its records raises while reading them.
ERRORS = (Ole2Error, struct.error, KeyError, IndexError, ValueError, LookupError)


@dataclass
class Workbook:
    """The facts about an .xls workbook that calamine does not give."""

    encrypted: bool = False
    date_1904: bool = False
    sheets: dict[str, int] = field(default_factory=dict)  # name -> offset of its records in the stream
    # Every sheet as (name, offset): two sheets may bear one name in a damaged or crafted file, and calamine reads
    # them all.
    all_sheets: list[tuple[str, int]] = field(default_factory=list)
    biff8: bool = True
    codepage: str = "cp1252"


@dataclass
class Container:
    """An OLE2 file's top-level stream names and, when it holds a workbook, the workbook stream and its globals."""

    names: set[str]
    stream: bytes = b""
    book: Workbook | None = None


def read_container(data: bytes) -> Container:
    """The container and its workbook (if any); any damage found on the way raised as Ole2Error. An encrypted
    .xlsx (its "EncryptedPackage" stream) is named, not read."""
    try:
        compound = Compound(data)
        container = Container(names=compound.names())
        if container.names & {"Workbook", "Book"} and not container.names & {"EncryptionInfo", "EncryptedPackage"}:
            container.stream = workbook_stream(compound)
            container.book = read_globals(container.stream)
    except Ole2Error:
        raise
    except ERRORS as error:
        raise Ole2Error(str(error)) from error
    return container


def workbook_stream(compound: Compound) -> bytes:
    name = "Workbook" if "Workbook" in compound.names() else "Book"
    return compound.read(name)


def codepage(number: int) -> str:
    """The Python codec for a CODEPAGE record's number; Latin-1 (every byte a character) for one Python lacks,
    so that a sheet name reads, perhaps with a wrong letter, rather than the file being refused."""
    name = _CODEPAGES.get(number, f"cp{number}")
    try:
        codecs.lookup(name)
    except LookupError:
        return "latin-1"
    return name


def read_globals(stream: bytes) -> Workbook:
    book = Workbook()
    for kind, body in _records(stream, 0):
        if kind == _BOF:
            book.biff8 = len(body) >= 2 and _u16(body, 0) == 0x0600
        elif kind == _FILEPASS:
            book.encrypted = True
            break  # the records after it are encrypted
        elif kind == _DATEMODE and len(body) >= 2:
            book.date_1904 = _u16(body, 0) == 1
        elif kind == _CODEPAGE and len(body) >= 2:
            book.codepage = codepage(_u16(body, 0))
        elif kind == _BOUNDSHEET and len(body) >= 8:
            name = _short_string(body, 6, book)
            book.sheets.setdefault(name, _u32(body, 0))
            book.all_sheets.append((name, _u32(body, 0)))
        elif kind == _EOF:
            break
    return book


def hidden_rows(stream: bytes, book: Workbook, sheet_name: str) -> list[int]:
    """The sheet's hidden rows (1-based), from its ROW records (flag fDyZero), which calamine reads past."""
    found: list[int] = []
    offset = book.sheets.get(sheet_name)
    if offset is None:
        return found
    for kind, body in _records(stream, offset):
        if kind == _ROW and len(body) >= 14 and _u16(body, 12) & 0x20:
            found.append(_u16(body, 0) + 1)
            if len(found) >= HIDDEN_ROWS_KEPT:
                break
        elif kind == _EOF:
            break
    return found


# A cell's error: a BOOLERR record with fError set, or a FORMULA record whose cached result is one (its 8-byte result
# starts with 2 and ends with 0xFFFF). calamine reads both as an empty cell. Codes of [MS-XLS] 2.5.97.2 (BErr).
_BOOLERR, _FORMULA = 0x0205, 0x0006
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A",
           0x2B: "#GETTING_DATA"}  # fmt: skip


def error_cells(stream: bytes, book: Workbook, sheet_name: str) -> list[tuple[int, int, str]]:
    """The sheet's cells whose formula gave an error, as (row number, 0-based column, error)."""
    found: list[tuple[int, int, str]] = []
    offset = book.sheets.get(sheet_name)
    if offset is None:
        return found
    depth = 0  # a chart inside a sheet has its own BOF ... EOF
    for kind, body in _records(stream, offset):
        if depth == 1 and kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
            found.append((_u16(body, 0) + 1, _u16(body, 2), _ERRORS.get(body[6], "#N/A")))
        elif depth == 1 and kind == _FORMULA and len(body) >= 14 and body[6] == 2 and _u16(body, 12) == 0xFFFF:
            found.append((_u16(body, 0) + 1, _u16(body, 2), _ERRORS.get(body[8], "#N/A")))
        elif kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        if len(found) >= FORMULA_ERRORS_KEPT:
            break
    return found


def grid_at(stream: bytes, book: Workbook, offset: int) -> tuple[int, int]:
    """The grid calamine allocates for the sheet whose records start at `offset` (it reads every sheet as soon as
    the file is opened): one past the last row and one past the last column of a cell with a value. A cell record's
    column is 16 bits wide, though Excel writes at most 256 columns: one cell at column 65,535 would make the grid 4
    billion cells. ValueError when its DIMENSIONS record declares a grid calamine cannot reserve (see
    MAX_DIMENSIONS)."""
    rows = columns = 0
    depth = 0  # a chart inside a sheet has its own BOF ... EOF
    for kind, body in _records(stream, offset):
        if kind == _DIMENSIONS and depth == 1:
            _check_dimensions(body, book)
        elif kind in _VALUE_CELLS and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            last = max(_u16(body, len(body) - 2), first + (len(body) - 6) // 6 - 1)
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        elif kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
    return rows, columns


def _check_dimensions(body: bytes, book: Workbook) -> None:
    if book.biff8 and len(body) >= 12:
        first_row, last_row, first_column, last_column = struct.unpack_from("<IIHH", body)
    elif len(body) >= 8:
        first_row, last_row, first_column, last_column = struct.unpack_from("<HHHH", body)
    else:
        return
    # The record holds one past the last row and column.
    if first_row > last_row or first_column > last_column:
        raise ValueError("DIMENSIONS: last before first")
    if (last_row - first_row) * (last_column - first_column) > MAX_DIMENSIONS:
        raise ValueError("DIMENSIONS: grid too large")


def _records(stream: bytes, offset: int):
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        yield kind, stream[offset + 4 : offset + 4 + length]
        offset += 4 + length


def _short_string(body: bytes, offset: int, book: Workbook) -> str:
    count = body[offset]
    if not book.biff8:
        return body[offset + 1 : offset + 1 + count].decode(book.codepage, "replace")
    wide = body[offset + 1] & 0x1
    start = offset + 2
    return body[start : start + count * (2 if wide else 1)].decode("utf-16-le" if wide else "latin-1", "replace")
