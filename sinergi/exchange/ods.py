"""What calamine does not tell about an OpenDocument spreadsheet (.ods), read from its content.xml: hidden rows,
cells merged down over several rows, formulas without a stored result, and the date system.

content.xml is scanned as bytes, in pieces, with regular expressions rather than parsed: it can be hundreds of
megabytes for a large sheet, and only a few tags matter. Every producer we know of (LibreOffice, OpenOffice,
Excel, Google Sheets, odfpy) writes the conventional "table:" and "office:" prefixes, which this relies on."""

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import BinaryIO

from .values import column_letter

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
HIDDEN_ROWS_KEPT = 1000
MERGES_KEPT = 1000

_EVENT = re.compile(
    rb"<table:table[\s>][^>]*>|</table:table>|<table:table-row[\s/>][^>]*>"
    rb'|number-rows-spanned="(\d+)"|table:formula="'
)
_NAME = re.compile(rb'\btable:name="([^"]*)"')
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')
_HIDDEN = re.compile(rb'\btable:visibility="(?:collapse|filter)"')
_CELL = re.compile(rb"<table:(?:covered-)?table-cell[\s/>][^>]*>")
_VALUE_TYPE = re.compile(rb'\boffice:value-type="(\w+)"')
_NULL_DATE = re.compile(rb'<table:null-date\b[^>]*\btable:date-value="(\d{4})-')
_ROW_START = b"<table:table-row"


@dataclass
class SheetFacts:
    """Hidden rows (1-based), merged-down cells as calamine gives them for an .xlsx ((top, left), (bottom, right),
    0-based), the first formula cell without a result per column ("B2"), and whether dates count from 1904."""

    hidden_rows: list[int] = field(default_factory=list)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    formulas_without_results: list[str] = field(default_factory=list)
    date_1904: bool = False


def is_spreadsheet(archive: zipfile.ZipFile, names: set[str]) -> bool | None:
    """True for an OpenDocument spreadsheet, False for another OpenDocument file (a text, a presentation), None
    when the zip is not OpenDocument. The `mimetype` member says which; a file without one (allowed by the
    standard) is taken for a spreadsheet when its manifest says so."""
    if "mimetype" in names:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(200).strip()
        if mimetype.startswith(b"application/vnd.oasis.opendocument."):
            return mimetype == MIMETYPE or mimetype == MIMETYPE + b"-template"
    if "content.xml" in names and "META-INF/manifest.xml" in names:
        return MIMETYPE in _manifest(archive)
    return None


def document_kind(archive: zipfile.ZipFile) -> str:
    """The OpenDocument type in the mimetype member ("text", "presentation", ...), or ""."""
    try:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(200).strip().decode("ascii", "replace")
    except KeyError:
        return ""
    return mimetype.removeprefix("application/vnd.oasis.opendocument.").split("-")[0]


def is_encrypted(archive: zipfile.ZipFile) -> bool:
    """Whether the file was saved with a password: its manifest then describes how each part is encrypted."""
    return b"encryption-data" in _manifest(archive)


def _manifest(archive: zipfile.ZipFile) -> bytes:
    try:
        with archive.open("META-INF/manifest.xml") as handle:
            return handle.read(1024 * 1024)  # a few KB; the cap guards against a lying one
    except KeyError:
        return b""


def sheet_facts(path: Path, sheet_name: str, *, last_row: int) -> SheetFacts:
    """The facts of the named sheet, in one pass over content.xml (stopping at the sheet's end). Hidden rows past
    the last row with data (a program may hide the million empty rows below the table) are left out."""
    facts = SheetFacts()
    in_sheet = False
    row = 0  # the index (0-based) of the row after the current one
    current = 0  # the current row's index
    formula_columns: set[str] = set()
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as handle:
        for number, piece in enumerate(_whole_rows(handle)):
            if number == 0 and (null_date := _NULL_DATE.search(piece)):
                facts.date_1904 = null_date.group(1) == b"1904"
            row_start = -1  # where in this piece the current row's tag is
            for event in _EVENT.finditer(piece):
                tag = event.group(0)
                if tag.startswith(b"<table:table-row"):
                    if in_sheet:
                        repeated = _ROWS_REPEATED.search(tag)
                        count = int(repeated.group(1)) if repeated else 1
                        if _HIDDEN.search(tag) and len(facts.hidden_rows) < HIDDEN_ROWS_KEPT:
                            facts.hidden_rows += range(row + 1, min(row + count, last_row + 1, row + 1000) + 1)
                        row_start, current, row = event.start(), row, row + count
                elif tag.startswith(b"<table:table"):
                    if not in_sheet:  # (a table inside a cell, a "sub-table", is not a sheet)
                        name = _NAME.search(tag)
                        in_sheet = name is not None and unescape(name.group(1).decode("utf-8", "replace")) == sheet_name
                elif tag == b"</table:table>":
                    if in_sheet:
                        return _finish(facts, last_row)
                elif in_sheet and row_start >= 0:
                    cell_start = piece.rfind(b"<", row_start, event.start())
                    cell = piece[cell_start : piece.find(b">", event.end()) + 1]
                    if not cell.startswith(b"<table:table-cell"):
                        continue
                    column = _column_of(piece, row_start, cell_start)
                    if event.group(1) is not None:
                        span = int(event.group(1))
                        if span > 1 and len(facts.merged) < MERGES_KEPT:
                            facts.merged.append(((current, column), (current + span - 1, column)))
                    elif _without_result(cell) and (letters := column_letter(column)) not in formula_columns:
                        formula_columns.add(letters)
                        facts.formulas_without_results.append(f"{letters}{current + 1}")
    return _finish(facts, last_row)


def _finish(facts: SheetFacts, last_row: int) -> SheetFacts:
    facts.hidden_rows = [number for number in facts.hidden_rows if number <= last_row + 1]
    return facts


def _without_result(cell: bytes) -> bool:
    """A formula cell without the value it last computed: written by a program that does not compute formulas.
    (A text result may be written as the cell's paragraph, so a "string" cell counts as having one.)"""
    value_type = _VALUE_TYPE.search(cell)
    if value_type is None:
        return True
    attribute = {b"date": b"office:date-value=", b"time": b"office:time-value=", b"boolean": b"office:boolean-value="}
    return value_type.group(1) != b"string" and attribute.get(value_type.group(1), b"office:value=") not in cell


def _column_of(piece: bytes, row_start: int, cell_start: int) -> int:
    column = 0
    for cell in _CELL.finditer(piece, row_start, cell_start):
        repeated = _COLUMNS_REPEATED.search(cell.group(0))
        column += int(repeated.group(1)) if repeated else 1
    return column


def _whole_rows(handle: BinaryIO, size: int = 4 * 1024 * 1024) -> Iterator[bytes]:
    """The stream in pieces of about `size` bytes, each cut before a row's tag (else before a "<"), so that a
    cell is always found in the same piece as the start of its row."""
    carry = b""
    while chunk := handle.read(size):
        data = carry + chunk
        cut = data.rfind(_ROW_START)
        if cut <= 0:
            cut = data.rfind(b"<", max(len(data) - 2048, 0))
        data, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        yield data
    if carry:
        yield carry
