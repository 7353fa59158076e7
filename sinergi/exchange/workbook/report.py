"""The report of an import with problems or warnings (error_report_bytes): the file's own rows again, a message
column (an error column, or a warnings column when the run has warnings only), the problem and warning cells marked,
the cells written as they were read."""

import datetime
import io
from collections import defaultdict
from pathlib import Path
from typing import Any

import xlsxwriter
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from sinergi.core.dates import EARLIEST_YEAR, date_text
from sinergi.core.downloads import FORMULA_TRIGGERS, escape_formula

from .. import values as v
from ..columns import Entity
from ..files import INSTRUCTIONS_SHEET, PROBLEMS_SHEET, WARNINGS_SHEET, open_table
from ..pipeline import (
    DUPLICATE_KEY,
    ERROR_HEADER,
    WARNING_HEADER,
    ImportResult,
    error_headers,
    header_column,
    header_index,
    header_test,
)
from .header_notes import COMMENT_OPTIONS, header_comments
from .listings import _changes_sheet, _problem_sheet
from .report_guide import _report_guide
from .template import _dropdown, _formatted_as_text, _instructions_sheet, _lookup_sheet


def error_report_bytes(*, path: str | Path, kind: str, entity: Entity, result: ImportResult, sheet: str = "") -> bytes:
    """The original rows of the file with an error column (and the problem cells marked), plus a sheet listing
    every problem; when some rows have warnings, their cells marked, their warnings in the error column and a
    "Peringatan" sheet listing them (a run with warnings only gets a column of its own, "Peringatan impor", since it
    has no errors). Importing this file again after fixing it works: the message column and the extra sheets are
    ignored; a report of that import again has one message column, the same one, with the messages of that run
    only."""
    by_row: dict[int, list[str]] = defaultdict(list)
    bad_cells: dict[int, set[str]] = defaultdict(set)
    warned_cells: dict[int, set[str]] = defaultdict(set)
    for problem in result.problems:
        by_row[problem.row].append(f"{problem.column}: {problem.message}" if problem.column else problem.message)
        bad_cells[problem.row].add(problem.column)
    warned_by_row: dict[int, list[str]] = defaultdict(list)
    for warning in result.warnings:
        warned_cells[warning.row].add(warning.column)
        warned_by_row[warning.row].append(f"{warning.column}: {warning.message}" if warning.column else warning.message)
    # The first row of a pair in the file is marked too, naming the later ones (whose problem names it).
    for first, later in result.twins.items():
        by_row[first].append(_twins_message(later))
    # A refused header (a required column missing) leaves header_row unset; its problems are on the header row.
    header_row = result.header_row or min((p.row for p in result.problems), default=0)
    # Two reads of the file: the error column's place must be known before the first row is written (rows are
    # written as they are read, so that a large file's report does not hold the whole sheet in memory).
    table = open_table(path, kind, preferred_sheets=entity.sheet_names(), is_header=header_test(entity), sheet=sheet)
    try:
        error_col, stale_cols = _error_columns(table.rows, header_row)
        # A cell whose formula failed reads as empty (or, in an .ods, as 0): the report shows the error the file
        # showed ("#N/A"), which its message names, not an empty cell. Known once the first read is done.
        errors: dict[int, dict[int, str]] = defaultdict(dict)
        for row, col, error in table.formula_errors():
            errors[row][col] = error
    finally:
        table.close()
    if not stale_cols and errors:  # (the reading may have counted such a cell at a row's end as no cell at all)
        error_col = max(error_col, *(max(cols) + 1 for cols in errors.values()))
    table = open_table(path, kind, preferred_sheets=entity.sheet_names(), is_header=header_test(entity), sheet=sheet)
    try:
        return _report_bytes(
            table, entity, result, by_row, bad_cells, warned_cells, warned_by_row, error_col, stale_cols, errors
        )
    finally:
        table.close()


def _error_columns(rows, header_row: int) -> tuple[int, set[int]]:
    """Where the message column goes, and the file's own message columns whose content is dropped. A report
    uploaded again has its "Kesalahan impor" or "Peringatan impor" column (in either language): the new messages go
    there (old ones replaced or cleared, never a second column beside stale ones). Otherwise one column right of the
    widest row, the same for every row: a short CSV row (trailing empty fields dropped) must not get its message in a
    data column, which a corrected report would import as data."""
    ours = error_headers()  # compared as the import compares headers (it skips them the same way)
    width = 0
    for row_number, cells in rows:
        if row_number == header_row:
            found = [index for index, cell in enumerate(cells) if v.norm(cell) in ours]
            if found:
                return found[0], set(found)
        width = max(width, len(cells))
    return width, set()


# A marked cell's colours: a problem (red) or a warning (yellow).
_HIGHLIGHTS = {"bad": "#F8D7DA", "warned": "#FFF3CD"}


def _report_bytes(
    table,
    entity: Entity,
    result: ImportResult,
    by_row,
    bad_cells,
    warned_cells,
    warned_by_row,
    error_col: int,
    stale_cols: set[int],
    errors: dict[int, dict[int, str]],
) -> bytes:
    column_of_header = {header: index for index, header in result.columns.items()}
    message_header = _message_header(result)
    known = header_index(entity)
    # The cells a column's refusal as a whole puts in doubt (month-first dates): marked as a problem's cells are, with
    # a word in the error column, since the column's message (at its header, in the problems' sheet) names a few.
    doubtful = {
        column_of_header[header]: (column, cells)
        for header, cells in result.doubtful.items()
        if header in column_of_header and (column := header_column(header, known)) is not None
    }
    output = io.BytesIO()
    # The same date system as the file, so that a date read as a number keeps its day.
    book = xlsxwriter.Workbook(
        output,
        # (zip64: a large file's report may pass 4 GB uncompressed, which a plain zip cannot hold)
        {"constant_memory": True, "strings_to_formulas": False, "date_1904": table.date_1904, "use_zip64": True},
    )
    bold = book.add_format({"bold": True})
    error_format = book.add_format({"bg_color": "#F8D7DA", "font_color": "#842029", "text_wrap": True})
    warning_format = book.add_format({"bg_color": "#FFF3CD", "font_color": "#664D03", "text_wrap": True})
    commented = False
    text_format = book.add_format({"num_format": "@"})
    # Cell formats by (highlight, kind of cell). A highlighted cell's own format replaces the column's, so it
    # carries the number format too: a marked date stays a date (not 47484), a marked text cell stays text.
    formats: dict[tuple[str | None, str], Any] = {
        (None, "plain"): None,
        (None, "text"): None,  # the column's text format applies
        (None, "date"): book.add_format({"num_format": "dd-mm-yyyy"}),
        # Text that Excel would run as a formula once the cell is edited (F2, Enter), in a column not formatted as
        # text: shown with Excel's text mark, which the import does not read as part of the value.
        (None, "quoted"): book.add_format({"quote_prefix": True}),
    }
    for state, colour in _HIGHLIGHTS.items():
        formats[state, "quoted"] = book.add_format({"bg_color": colour, "quote_prefix": True})
        formats[state, "plain"] = book.add_format({"bg_color": colour})
        formats[state, "text"] = book.add_format({"bg_color": colour, "num_format": "@"})
        formats[state, "date"] = book.add_format({"bg_color": colour, "num_format": "dd-mm-yyyy"})
    sheet = book.add_worksheet(str(entity.sheet_name))
    sheet.freeze_panes(result.header_row or 1, 0)
    # Columns kept as text, as in the template (NIK, KK, phone numbers, codes): a NIK typed into the report to fix
    # it must not become 6.37101E+15.
    text_columns = _text_columns(entity, result.columns)
    known_width = max(result.columns, default=-1) + 1
    for index in range(known_width):
        sheet.set_column(index, index, 16, text_format if index in text_columns else None)
    last_index = 0
    for row_number, cells in table.rows:
        # A file's own error column is ours: its old messages are not copied (a row now fine gets none).
        if stale_cols:
            cells = [None if col in stale_cols else cell for col, cell in enumerate(cells)]
        if all(v.is_blank(cell) for cell in cells) and row_number not in by_row:
            continue
        index = last_index = row_number - 1
        marked = {column_of_header[h] for h in bad_cells.get(row_number, ()) if h in column_of_header}
        messages = by_row.get(row_number, [])
        if doubts := _doubts(doubtful, cells) if row_number > result.header_row else []:
            marked.update(doubts)
            messages = messages + [_doubt_message(result.columns[col]) for col in doubts]
        warned = {column_of_header[h] for h in warned_cells.get(row_number, ()) if h in column_of_header}
        failed = errors.get(row_number, {})
        # A short row (trailing empty fields dropped) padded, so that a marked cell past its end is marked too.
        if (last := max(marked | warned | failed.keys(), default=-1)) >= len(cells):
            cells = cells + [None] * (last + 1 - len(cells))
        if failed:
            # As text: an error value can be written by XlsxWriter only as a formula's result. The import refuses
            # the text "#N/A" as it refuses the error (values.formula_error), so a cell left unfixed is not data.
            cells = [failed.get(col, cell) if col not in stale_cols else cell for col, cell in enumerate(cells)]
        for col, cell in enumerate(cells):
            state = "bad" if col in marked else "warned" if col in warned else None
            if isinstance(cell, datetime.date):
                kind = "date"
            elif col in text_columns:
                kind = "text"
            else:
                kind = "quoted" if cell.__class__ is str and cell.startswith(FORMULA_TRIGGERS) else "plain"
            _write_cell(sheet, index, col, cell, formats[state, kind])
        if row_number == result.header_row:
            if message_header:
                sheet.write_string(index, error_col, _(message_header), bold)
            # Now, while the header is the row being written: constant_memory drops a comment on a row left behind.
            for col, comment in header_comments(entity, result, cells).items():
                sheet.write_comment(index, col, comment, COMMENT_OPTIONS)
                commented = True
        elif message_header and (messages or row_number in warned_by_row):
            problem_count = len(messages)
            if warnings := warned_by_row.get(row_number):
                # A row with warnings only says so in words, not only in yellow, and that it will be imported.
                joined = " | ".join(warnings)
                if messages:
                    messages = [*messages, _("Peringatan: %(message)s") % {"message": joined}]
                else:
                    messages = [_("Peringatan (baris ini tetap dapat diimpor): %(warnings)s") % {"warnings": joined}]
            cell_format = error_format if problem_count else warning_format
            sheet.write_string(index, error_col, _cell_sized(escape_formula(" | ".join(messages))), cell_format)
    if error_col > known_width:
        sheet.set_column(known_width, error_col - 1, 16)
    if message_header:
        sheet.set_column(error_col, error_col, 60)  # the messages are read, not skimmed: wide enough for one
    if result.problems:
        _problem_sheet(
            book, str(PROBLEMS_SHEET), (_("Baris"), _("Kolom"), _("Isi sel"), _("Masalah")), result.problems, bold
        )
    if result.warnings:
        # As the errors' sheet names them; the last one names one warning ("Warning"), as "Masalah" names one problem.
        headings = (_("Baris"), _("Kolom"), _("Isi sel"), pgettext("satu peringatan", "Peringatan"))
        _problem_sheet(book, str(WARNINGS_SHEET), headings, result.warnings, bold)
    if changes := result.preview.get("_changes"):
        _changes_sheet(book, changes, bold)
    # What the template offers, so that the rows are fixed as they would be filled in: the instructions, and the
    # dropdowns on the file's list columns (warning, not blocking: the file's codes and synonyms are read too).
    columns = [column for column in entity.import_columns() if column.in_template]
    heading_format = book.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1, "text_wrap": True})
    _instructions_sheet(
        book,
        book.add_worksheet(str(INSTRUCTIONS_SHEET)),
        entity,
        columns,
        heading_format,
        report=_report_guide(entity, result, message_header, commented=commented),
    )
    list_ranges = _lookup_sheet(book, columns)
    first_row = result.header_row or 1  # the row below the header (0-based)
    for index, header in result.columns.items():
        column = header_column(header, known)
        if column is not None and index != error_col:
            _dropdown(sheet, first_row, last_index + 1000, index, column, list_ranges.get(column.key), blocking=False)
    book.close()
    return output.getvalue()


def _message_header(result: ImportResult) -> str | None:
    """The message column's header (a msgid), or None when no row has a message: "Kesalahan impor" for a run with
    problems; "Peringatan impor" for one with warnings on its rows only, whose reader on the data sheet would
    otherwise see yellow cells and have to look up why on another sheet (and whose rows are not errors)."""
    if result.problems:
        return ERROR_HEADER
    if any(warning.row != result.header_row for warning in result.warnings):
        return WARNING_HEADER  # (a warning on the header itself is a note on its cell)
    return None


# The most characters a cell holds (Excel's limit): XlsxWriter writes nothing at all for a longer string.
CELL_MAX_CHARS = 32767

# How many rows the first of a pair names (a file whose every row repeats one would name them all).
TWINS_NAMED = 10


def _cell_sized(text: str) -> str:
    """A message cut to what a cell holds, marked as cut (the problems' sheet lists them whole)."""
    return text if len(text) <= CELL_MAX_CHARS else text[: CELL_MAX_CHARS - 1] + "…"


def _twins_message(later: list[tuple[int, str]]) -> str:
    """The error column's word on the first row of a pair in the file: the later rows refused for repeating it,
    whose own message says which key they share (masked as it is there) and what to do."""
    parts = []
    for kind in sorted({kind for _row, kind in later}):
        rows = [row for row, k in later if k == kind]
        named = ", ".join(str(row) for row in rows[:TWINS_NAMED])
        if len(rows) > TWINS_NAMED:
            named = ngettext(
                "%(rows)s, dan %(count)s baris lain", "%(rows)s, dan %(count)s baris lain", len(rows) - TWINS_NAMED
            ) % {
                "rows": named,
                "count": len(rows) - TWINS_NAMED,
            }
        if kind == DUPLICATE_KEY:
            message = ngettext(
                "Baris %(rows)s duplikat baris ini (lihat pesan di baris itu).",
                "Baris %(rows)s duplikat baris ini (lihat pesan di baris itu).",
                len(rows),
            )
        else:
            message = ngettext(
                "Baris %(rows)s menunjuk data yang sama dengan baris ini (lihat pesan di baris itu).",
                "Baris %(rows)s menunjuk data yang sama dengan baris ini (lihat pesan di baris itu).",
                len(rows),
            )
        parts.append(message % {"rows": named})
    return " ".join(parts)


def _doubts(doubtful: dict[int, tuple[Any, frozenset]], cells: list[Any]) -> list[int]:
    """The row's cells (indexes) that a refusal of their column as a whole puts in doubt."""
    return [
        col
        for col, (column, in_doubt) in doubtful.items()
        if col < len(cells) and column.doubtful_key(cells[col]) in in_doubt
    ]


def _doubt_message(header: str) -> str:
    """The error column's word on a cell a refusal of its column as a whole puts in doubt."""
    return _(
        "%(column)s: hari dan bulan tanggal ini mungkin tertukar; lihat masalah kolom “%(column)s” di lembar "
        "“%(sheet)s”."
    ) % {"column": header, "sheet": PROBLEMS_SHEET}


def _text_columns(entity: Entity, written: dict[int, str]) -> set[int]:
    """The file's column indexes that the template formats as text."""
    known = header_index(entity)
    columns = {index: header_column(header, known) for index, header in written.items()}
    return {
        index
        for index, column in columns.items()
        if column is not None and _formatted_as_text(column, has_list=column.choices(None) is not None)
    }


def _write_cell(sheet, row: int, col: int, cell: Any, cell_format) -> None:
    if cell is None or cell == "":
        if cell_format is not None:
            sheet.write_blank(row, col, None, cell_format)
        return
    if isinstance(cell, bool):
        sheet.write_boolean(row, col, cell, cell_format)
    elif isinstance(cell, int | float):
        sheet.write_number(row, col, cell, cell_format)
    elif isinstance(cell, datetime.date) and cell.year >= EARLIEST_YEAR:
        sheet.write_datetime(row, col, cell, cell_format)
    elif isinstance(cell, datetime.date):
        # An .ods or .xls date before 1900 (refused): a spreadsheet's date cell cannot hold it, so it goes back as the
        # text the user must correct rather than as a negative day count.
        written = date_text(cell)
        if isinstance(cell, datetime.datetime) and (cell.hour, cell.minute) != (0, 0):
            written += f" {cell:%H:%M}"
        sheet.write_string(row, col, written, cell_format)
    else:
        # The user's own text, written back as text (never as a formula, even if it starts with "=").
        sheet.write_string(row, col, str(cell), cell_format)
