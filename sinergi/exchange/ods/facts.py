"""The facts of each sheet that calamine does not give, found in one pass over content.xml (sheet_facts): the grid it
will take, hidden rows, cells merged down, formulas without a result or with an error, percentage cells and the
date system."""

import contextlib
import re
import zipfile
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from ..values import FORMULA_ERRORS_KEPT, PERCENT_CELLS_KEPT, column_letter
from ..xmlpieces import whole_pieces
from ._patterns import _CELL_STARTS, _ROW_START, _TAG
from .bombs import MAX_TEXT_REPEATED, TextBomb, _repeated_text

HIDDEN_ROWS_KEPT = 1000
MERGES_KEPT = 1000
ERROR_TEXT_BYTES = 64 * 1024  # where an error cell's text is looked for, after its tag (an annotation may come first)
# Formulas without results are looked for in the first bytes of each sheet only, as for an .xlsx: a program that
# does not compute formulas writes the same one in every row.
FORMULA_SCAN_BYTES = 2 * 1024 * 1024

# Attribute values as calamine's XML reader takes them: in double or single quotes, spaces allowed around "=".
_EVENT = re.compile(
    rb"<table:table(?:\s[^>]*)?>|</table:table>|<table:table-row(?:\s[^>]*)?/?>"
    rb"""|number-rows-spanned\s*=\s*["'](\d+)["']|value-type\s*=\s*["'](error|percentage)["']|table:formula\s*="""
)
_NAME = re.compile(rb"""\btable:name\s*=\s*(["'])(.*?)\1""", re.S)
_ROWS_REPEATED = re.compile(rb"""number-rows-repeated\s*=\s*(["'])(\d+)\1""")
_COLUMNS_REPEATED = re.compile(rb"""number-columns-repeated\s*=\s*(["'])(\d+)\1""")
_HIDDEN = re.compile(rb"""\btable:visibility\s*=\s*["'](?:collapse|filter)["']""")
_EVENT_WITHOUT_FORMULAS = re.compile(
    rb"<table:table(?:\s[^>]*)?>|</table:table>|<table:table-row(?:\s[^>]*)?/?>"
    rb"""|number-rows-spanned\s*=\s*["'](\d+)["']|value-type\s*=\s*["'](error|percentage)["']"""
)


# What makes calamine keep a cell (a value, a type, a formula): an empty cell, however styled, takes no room.
_VALUE_MARKS = (b"office:value", b"-value", b"table:formula")
_VALUE_TYPE = re.compile(rb'\boffice:value-type="(\w+)"')
_OFFICE_VALUE = re.compile(rb"""\boffice:value\s*=\s*["']([-+0-9.eE]+)["']""")
_NULL_DATE = re.compile(rb'<table:null-date\b[^>]*\btable:date-value="(\d{4})-')


@dataclass
class SheetFacts:
    """Hidden rows (1-based), merged-down cells as calamine gives them for an .xlsx ((top, left), (bottom, right),
    0-based), the first formula cell without a result per column ("B2"), and whether dates count from 1904."""

    hidden_rows: list[int] = field(default_factory=list)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    formulas_without_results: list[str] = field(default_factory=list)
    # Cells whose formula gave an error, as (row number, 0-based column, the error's text): read as empty or 0.
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    # Cells of a percentage (office:value-type="percentage"), as row number → {0-based column: the decimals their
    # text shows}: calamine gives the number (0.25), not what the sheet shows ("25%").
    percent: dict[int, dict[int, int]] = field(default_factory=dict)
    percent_cells: int = 0  # marked in `percent`, up to PERCENT_CELLS_KEPT
    date_1904: bool = False
    # The grid calamine allocates for the sheet (it reads every sheet of an .ods as soon as the file is opened):
    # one past the last row, and one past the last column, holding a cell with a value, repeats counted.
    rows: int = 0
    columns: int = 0
    breaks: bool = False  # a cell of the file holds a line break or a tab that calamine drops (see _BREAK)


def sheet_facts(path: Path, *, grids: list[tuple[str, int, int]] | None = None) -> dict[str, SheetFacts]:
    """The facts of every sheet, by name, in one pass over content.xml, before calamine reads it. Hidden rows are
    kept up to the last row with a value (a program may hide the million empty rows below the table). `grids`, when
    given, receives every sheet's (name, rows, columns) in order: sheets sharing a name (or having none) are one
    entry of the dict, but calamine reads each."""
    sheets: dict[str, SheetFacts] = {}
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as handle:
        scan = _Scan(sheets)
        repeated_text = 0
        for number, piece in enumerate(whole_pieces(handle, before=_ROW_START)):
            if number == 0 and (null_date := _NULL_DATE.search(piece)):
                scan.date_1904 = null_date.group(1) == b"1904"
            repeated_text += _repeated_text(piece)
            if repeated_text > MAX_TEXT_REPEATED:
                raise TextBomb
            scan.piece(piece)
    if grids is not None:
        grids += [(name, facts.rows, facts.columns) for name, facts in scan.tables]
    for facts in sheets.values():
        facts.date_1904 = scan.date_1904
        facts.breaks = scan.breaks
        facts.hidden_rows = [number for number in facts.hidden_rows if number <= facts.rows]
    return sheets


class _Scan:
    """The walk over content.xml, piece by piece. Columns are counted forward from the row's start as the walk
    goes (a wide row costs its length once, not once per cell), and a row cut between two pieces (one longer than
    a piece) goes on where it stopped."""

    def __init__(self, sheets: dict[str, SheetFacts]) -> None:
        self.sheets = sheets
        self.tables: list[tuple[str, SheetFacts]] = []  # every sheet, its grid measured on its own
        self.date_1904 = False
        self.breaks = False
        self.facts: SheetFacts | None = None  # the sheet being read
        self.depth = 0  # tables open (a table inside a cell, a "sub-table", is not a sheet)
        self.sheet_start = 0  # bytes of content.xml before the sheet's start
        self.read = 0  # bytes of content.xml before the current piece
        self.formula_columns: set[str] = set()
        self.in_row = False
        self.row = 0  # the index (0-based) of the row after the current one
        self.current = 0  # the current row's index
        self.widest = 0  # the current row's columns up to its last cell with a value
        self.cursor = 0  # where the column count stands in the current piece ...
        self.column = 0  # ... and the column (0-based) of the cell starting there

    def piece(self, piece: bytes) -> None:
        self.cursor = 0
        self.breaks = self.breaks or b"<text:line-break" in piece or b"<text:tab" in piece
        row_start = 0  # where the current row's cells start in this piece
        scanning = self.facts is None or self.read + len(piece) - self.sheet_start <= FORMULA_SCAN_BYTES
        events = _EVENT if scanning or b"<table:table " in piece else _EVENT_WITHOUT_FORMULAS
        for event in events.finditer(piece):
            tag = event.group(0)
            if tag.startswith(b"<table:table-row"):
                if self.facts is None:
                    continue
                self._end_row(piece, row_start, event.start())
                repeated = _ROWS_REPEATED.search(tag)
                count = int(repeated.group(2)) if repeated else 1
                facts = self.facts
                if _HIDDEN.search(tag) and len(facts.hidden_rows) < HIDDEN_ROWS_KEPT:
                    facts.hidden_rows += range(self.row + 1, min(self.row + count, self.row + 1000) + 1)
                self.current, self.row = self.row, self.row + count
                self.in_row = not tag.endswith(b"/>")
                row_start = self.cursor = event.end()
                self.column = self.widest = 0
            elif tag.startswith(b"<table:table"):
                self.depth += 1
                if self.depth == 1:
                    name = _NAME.search(tag)
                    name_text = unescape(name.group(2).decode("utf-8", "replace")) if name else ""
                    self.facts = SheetFacts()
                    self.tables.append((name_text, self.facts))
                    self.sheets.setdefault(name_text, self.facts)
                    self.sheet_start = self.read + event.start()
                    self.formula_columns = set()
                    self.row = self.current = 0
                    self.in_row = False
            elif tag == b"</table:table>":
                self.depth = max(self.depth - 1, 0)
                if self.depth == 0 and self.facts is not None:
                    self._end_row(piece, row_start, event.start())
                    self.facts = None
            elif self.facts is not None and self.in_row:
                self._cell_event(piece, event)
        if self.facts is not None and self.in_row:
            self._row_part(piece, row_start, len(piece))
        self.read += len(piece)

    def _cell_event(self, piece: bytes, event: re.Match) -> None:
        facts = self.facts
        assert facts is not None
        cell_start = piece.rfind(b"<", self.cursor, event.start())
        if not piece.startswith(_CELL_STARTS[0], cell_start):
            return
        column = self._column_at(piece, cell_start)
        if event.group(2) == b"error":
            self._error_cell(piece, cell_start, column)
        elif event.group(2) is not None:
            self._percent_cell(piece, cell_start, column)
        elif event.group(1) is not None:
            span = int(event.group(1))
            if span > 1 and len(facts.merged) < MERGES_KEPT:
                facts.merged.append(((self.current, column), (self.current + span - 1, column)))
        elif self.read + event.start() - self.sheet_start <= FORMULA_SCAN_BYTES:
            cell = piece[cell_start : piece.find(b">", event.end()) + 1]
            if _without_result(cell) and (letters := column_letter(column)) not in self.formula_columns:
                self.formula_columns.add(letters)
                facts.formulas_without_results.append(f"{letters}{self.current + 1}")

    def _error_cell(self, piece: bytes, cell_start: int, column: int) -> None:
        """A cell whose formula gave an error: LibreOffice keeps the error's text ("#N/A", "Err:502") as the cell's
        paragraph, but its value as an empty text or the number 0, which is what calamine reads."""
        facts = self.facts
        assert facts is not None
        if len(facts.errors) >= FORMULA_ERRORS_KEPT:
            return
        text, columns = _cell_text(piece, cell_start)
        for row in range(self.current, self.row):
            for repeat in range(columns):
                if len(facts.errors) >= FORMULA_ERRORS_KEPT:
                    return
                facts.errors.append((row + 1, column + repeat, text or "#N/A"))

    def _percent_cell(self, piece: bytes, cell_start: int, column: int) -> None:
        """A percentage cell, with the decimals its text shows ("12,50%": 2), by the rows and columns it repeats
        over. (LibreOffice names the type twice, as office: and calcext:; the second finds the cell marked.)"""
        facts = self.facts
        assert facts is not None
        text, columns = _cell_text(piece, cell_start)
        number = text.rstrip("% \u00a0")
        decimals = len(number) - max(number.rfind(","), number.rfind(".")) - 1 if "," in number or "." in number else 0
        if decimals == 3 and (value := _OFFICE_VALUE.search(piece, cell_start, piece.find(b">", cell_start))):
            # "1.250%": 1250 % with a thousands separator (Indonesian) or 1.25 % with three decimals (English); the
            # cell's value (12.5 or 0.0125) tells which.
            with contextlib.suppress(ValueError):
                if round(float(value.group(1)) * 100) == int(number.replace(".", "").replace(",", "")):
                    decimals = 0
        for row in range(self.current + 1, self.row + 1):
            marked = facts.percent.setdefault(row, {})
            for repeat in range(columns):
                if facts.percent_cells >= PERCENT_CELLS_KEPT:
                    return
                facts.percent_cells += 1
                marked[column + repeat] = decimals

    def _end_row(self, piece: bytes, row_start: int, end: int) -> None:
        if not self.in_row:
            return
        self._row_part(piece, row_start, end)
        if self.widest and self.facts is not None:
            self.facts.rows = max(self.facts.rows, self.row)
            self.facts.columns = max(self.facts.columns, self.widest)
        self.in_row = False

    def _row_part(self, piece: bytes, start: int, end: int) -> None:
        """The part of the current row in piece[start:end]: its last cell with a value widens the row."""
        mark = max(piece.rfind(value, start, end) for value in _VALUE_MARKS)
        if mark < 0:
            return
        cell_start = max(piece.rfind(cell, start, mark) for cell in _CELL_STARTS)
        if cell_start < 0:  # the mark in the text of a cell that began in the previous piece
            cell_start, column, repeats = start, self.column, 1
        else:
            column = self._column_at(piece, cell_start)
            tag = piece[cell_start : piece.find(b">", cell_start) + 1]
            repeated = _COLUMNS_REPEATED.search(tag)
            repeats = int(repeated.group(2)) if repeated else 1
        self.widest = max(self.widest, column + repeats)
        if end == len(piece):  # the row goes on in the next piece: count on from here
            self._column_at(piece, end)

    def _column_at(self, piece: bytes, position: int) -> int:
        """The column of the cell starting at `position`, counted on from the last one asked (or back to it)."""
        if position >= self.cursor:
            self.column += _cells_between(piece, self.cursor, position)
        else:
            self.column -= _cells_between(piece, position, self.cursor)
        self.cursor = position
        return self.column


def _cell_text(piece: bytes, cell_start: int) -> tuple[str, int]:
    """The text of the cell starting at `cell_start` (its last paragraph: an annotation's paragraphs come first),
    and the columns it repeats over. Its text is searched for near the cell only: a row of thousands of them costs
    its length once."""
    tag_end = piece.find(b">", cell_start)
    close = (
        -1
        if piece[tag_end - 1 : tag_end] == b"/"
        else piece.find(b"</table:table-cell>", tag_end, tag_end + ERROR_TEXT_BYTES)
    )
    body = piece[tag_end + 1 : close] if tag_end >= 0 and close >= 0 else b""
    paragraph = body.rfind(b"<text:p")
    text = unescape(_TAG.sub(b"", body[paragraph:]).decode("utf-8", "replace")).strip() if paragraph >= 0 else ""
    repeated = _COLUMNS_REPEATED.search(piece[cell_start : tag_end + 1])
    return text, int(repeated.group(2)) if repeated else 1


def _cells_between(piece: bytes, start: int, end: int) -> int:
    """Columns taken by the cells starting in piece[start:end], repeats counted."""
    count = sum(piece.count(cell, start, end) for cell in _CELL_STARTS)
    if piece.find(b"columns-repeated", start, end) >= 0:
        count += sum(int(repeats.group(2)) - 1 for repeats in _COLUMNS_REPEATED.finditer(piece, start, end))
    return count


def finish(facts: SheetFacts, last_row: int) -> SheetFacts:
    """The facts with hidden rows past `last_row` (0-based, as calamine gives the sheet's end) left out."""
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
