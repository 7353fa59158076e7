"""Spreadsheets we hand out: the import template of an entity and the report of an import with problems or
warnings."""

import datetime
import io
from collections import defaultdict
from pathlib import Path
from typing import Any

import xlsxwriter
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sinergi.core.dates import EARLIEST_YEAR, date_text
from sinergi.core.downloads import FORMULA_TRIGGERS, escape_formula

from . import values as v
from .columns import (
    BooleanColumn,
    ChoiceColumn,
    Column,
    DecimalColumn,
    Entity,
    ImportContext,
    IntegerColumn,
    TermColumn,
)
from .files import CHANGES_SHEET, INSTRUCTIONS_SHEET, LOOKUP_SHEET, PROBLEMS_SHEET, WARNINGS_SHEET, open_table
from .pipeline import (
    ERROR_HEADER,
    ImportResult,
    Problem,
    error_headers,
    header_column,
    header_index,
    header_test,
)
from .regions import local_examples, localised_example

TEMPLATE_ROWS = 5000  # rows that get the dropdowns and text formats


def template_bytes(entity: Entity) -> bytes:
    """The import template: a data sheet with Indonesian headers, dropdowns for every list column and text-
    formatted code columns; an instructions sheet with examples; a hidden lookup sheet holding the lists."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"strings_to_formulas": False, "strings_to_numbers": False})
    header_required = book.add_format({"bold": True, "bg_color": "#FDE9A9", "border": 1, "text_wrap": True})
    header_optional = book.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1, "text_wrap": True})
    text_format = book.add_format({"num_format": "@"})

    data = book.add_worksheet(str(entity.sheet_name))
    columns = [column for column in entity.import_columns() if column.in_template]
    instructions = book.add_worksheet(str(INSTRUCTIONS_SHEET))
    list_ranges = _lookup_sheet(book, columns)

    data.freeze_panes(1, 0)
    data.set_row(0, 32)
    for index, column in enumerate(columns):
        header = f"{column.header} *" if column.required else str(column.header)
        data.write_string(0, index, header, header_required if column.required else header_optional)
        cell_format = None
        if _formatted_as_text(column, has_list=column.key in list_ranges):
            cell_format = text_format
        data.set_column(index, index, max(column.width, len(header) + 2), cell_format)
        _dropdown(data, 1, TEMPLATE_ROWS, index, column, list_ranges.get(column.key), blocking=True)
    _instructions_sheet(book, instructions, entity, columns, header_optional)
    book.close()
    return output.getvalue()


def _lookup_sheet(book, columns: list[Column]) -> dict[str, str]:
    """The hidden sheet holding every list column's choices; returns each list's range for its dropdown. Written row
    by row (a report's workbook is in constant-memory mode, where a row already passed cannot be written again)."""
    bold = book.add_format({"bold": True})
    lookup = book.add_worksheet(str(LOOKUP_SHEET))
    lookup.hide()
    blocks: list[list[list[str]]] = []  # per list: its columns (head first), three sheet columns apart
    list_ranges: dict[str, str] = {}
    for column in columns:
        choices = column.choices(None)
        if choices is None or column.key in list_ranges:
            continue
        # A dropdown of labels keeps the codes beside them; other lists (codes) their descriptions; a list of words
        # alone (Ya, Tidak) nothing.
        described = any(value != label for value, label in choices.items)
        block = [[str(column.header), *(value for value, _label in choices.items)]]
        if described:
            coded = isinstance(column, (ChoiceColumn, TermColumn))
            block.append([_("Kode") if coded else _("Keterangan"), *(label for _value, label in choices.items)])
        letter = xlsxwriter.utility.xl_col_to_name(3 * len(blocks))
        sheet = xlsxwriter.utility.quote_sheetname(str(LOOKUP_SHEET))
        list_ranges[column.key] = f"={sheet}!${letter}$2:${letter}${len(choices.items) + 1}"
        blocks.append(block)
    for row in range(max((len(block[0]) for block in blocks), default=0)):
        for index, block in enumerate(blocks):
            for offset, values in enumerate(block):
                if row < len(values):
                    lookup.write_string(row, 3 * index + offset, values[row], bold if row == 0 else None)
    return list_ranges


def _dropdown(sheet, first_row: int, last_row: int, col: int, column: Column, source: str | None, *, blocking: bool):
    """The column's dropdown (or its help as an input message) over the rows. `blocking`: a value outside the list
    is refused (the template); otherwise only warned about (a report, whose cells may hold codes or synonyms that
    the import reads)."""
    if source is not None:
        options: dict[str, Any] = {
            "validate": "list",
            "source": source,
            "input_title": str(column.header)[:32],
            "input_message": str(column.help or _("Pilih dari daftar."))[:255],
        }
        if column.allows_many:
            # Several items separated by ";" are allowed: warn about other values, don't block them.
            options["error_type"] = "information"
            options["error_message"] = _("Boleh beberapa isian dari daftar, dipisah titik koma (;).")
        else:
            options["error_type"] = "stop" if blocking else "warning"
            options["error_title"] = _("Isian tidak ada dalam daftar")[:32]
            options["error_message"] = _("Pilih salah satu isian dari daftar (lihat lembar “%(sheet)s”).") % {
                "sheet": INSTRUCTIONS_SHEET
            }
        sheet.data_validation(first_row, col, last_row, col, options)
    elif column.help:
        sheet.data_validation(
            first_row,
            col,
            last_row,
            col,
            {"validate": "any", "input_title": str(column.header)[:32], "input_message": str(column.help)[:255]},
        )


def _instructions_sheet(book, instructions, entity: Entity, columns: list[Column], heading_format) -> None:
    """The template's instructions: the entity's rules, then each column with whether it is required, what it
    takes (the dropdown's choices) and an example."""
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    title = book.add_format({"bold": True, "font_size": 14})
    instructions.set_column(0, 0, 30)
    instructions.set_column(1, 1, 10)
    instructions.set_column(2, 2, 60)
    instructions.set_column(3, 3, 30)
    instructions.write_string(0, 0, _("Petunjuk pengisian templat impor %(entity)s") % {"entity": entity.label}, title)
    row = 2
    for line in entity.instructions:
        instructions.merge_range(row, 0, row, 3, str(line), wrap)
        row += 1
    if entity.natural_key_help:
        instructions.set_row(row, 45)
        instructions.merge_range(row, 0, row, 3, str(entity.natural_key_help), wrap)
        row += 1
    row += 1
    for index, heading in enumerate((_("Kolom"), _("Wajib"), _("Keterangan dan pilihan"), _("Contoh"))):
        instructions.write_string(row, index, heading, heading_format)
    row += 1
    reading = ImportContext(actor=None, entity=entity)  # reads each example as an import reads a cell
    reasons = entity.reason_columns
    swaps = local_examples()  # the examples of a place as the server's province writes them
    for column in columns:
        choices = column.choices(None)
        notes = [localised_example(str(column.help), swaps)] if column.help else []
        example = localised_example(v.text(column.example), swaps)
        if isinstance(column, (ChoiceColumn, TermColumn, BooleanColumn)):
            # Its dropdown lists the labels: the instructions name what it offers, not the codes behind them ("L",
            # "anak_telantar"), and the example shows what the dropdown offers, in the template's language.
            notes.append("; ".join(value for value, _code in choices.items))
            example = _example_as_offered(column, example, reading)
        elif choices is not None:
            notes.append("; ".join(f"{value} = {label}" if value != label else value for value, label in choices.items))
        instructions.write_string(
            row, 0, str(column.header), bold if column.required or column.key in reasons else None
        )
        instructions.write_string(row, 1, _required_as_said(column, reasons))
        instructions.write_string(row, 2, " ".join(notes), wrap)
        instructions.write_string(row, 3, example)
        row += 1


def _required_as_said(column: Column, reasons: dict[str, str]) -> str:
    """The "Wajib" cell: a number that may be left empty for a reason given in its partner column is required all
    the same, one or the other (NIK or "Alasan NIK kosong")."""
    if column.required:
        return str(_("Ya"))
    if column.key in reasons:
        return str(_("Ya, atau alasannya"))
    if column.key in reasons.values():
        return str(_("Bila nomor kosong"))
    return ""


def _example_as_offered(column: Column, example: str, reading: ImportContext) -> str:
    """A list column's example as its dropdown offers it in the current language, whether the declaration gives it
    as a code, a label or a short form ("Pengasuh" → "Caregiver" in an English template)."""
    try:
        read = column.clean(example, reading) if example else None
    except v.CellProblem:
        return example
    if read is None or read == []:
        return example
    if isinstance(column, BooleanColumn):
        return str(_("Ya")) if read else str(_("Tidak"))
    return column.display(read) or example


def error_report_bytes(*, path: str | Path, kind: str, entity: Entity, result: ImportResult, sheet: str = "") -> bytes:
    """The original rows of the file with an error column (and the problem cells marked), plus a sheet listing
    every problem; when some rows only have warnings, their cells marked and a "Peringatan" sheet listing them (a run
    with warnings only gets the rows and that sheet, without the error column). Importing this file again after
    fixing it works: the error column and the extra sheets are ignored; a report of that import again has one error
    column, the same one, with the messages of that run only."""
    by_row: dict[int, list[str]] = defaultdict(list)
    bad_cells: dict[int, set[str]] = defaultdict(set)
    warned_cells: dict[int, set[str]] = defaultdict(set)
    for problem in result.problems:
        by_row[problem.row].append(f"{problem.column}: {problem.message}" if problem.column else problem.message)
        bad_cells[problem.row].add(problem.column)
    for warning in result.warnings:
        warned_cells[warning.row].add(warning.column)
    # A refused header (a required column missing) leaves header_row unset; its problems are on the header row.
    header_row = result.header_row or min((p.row for p in result.problems), default=0)
    # Two reads of the file: the error column's place must be known before the first row is written (rows are
    # written as they are read, so that a large file's report does not hold the whole sheet in memory).
    table = open_table(path, kind, preferred_sheets=entity.sheet_names(), is_header=header_test(entity), sheet=sheet)
    try:
        error_col, stale_cols = _error_columns(table.rows, header_row)
    finally:
        table.close()
    table = open_table(path, kind, preferred_sheets=entity.sheet_names(), is_header=header_test(entity), sheet=sheet)
    try:
        return _report_bytes(table, entity, result, by_row, bad_cells, warned_cells, error_col, stale_cols)
    finally:
        table.close()


def _error_columns(rows, header_row: int) -> tuple[int, set[int]]:
    """Where the error column goes, and the file's own error columns whose content is dropped. A report uploaded
    again has its "Kesalahan impor" (or "Import errors") column: the new messages go there (old ones replaced or
    cleared, never a second column beside stale ones). Otherwise one column right of the widest row, the same for
    every row: a short CSV row (trailing empty fields dropped) must not get its message in a data column, which a
    corrected report would import as data."""
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
    table, entity: Entity, result: ImportResult, by_row, bad_cells, warned_cells, error_col: int, stale_cols: set[int]
) -> bytes:
    column_of_header = {header: index for index, header in result.columns.items()}
    output = io.BytesIO()
    # The same date system as the file, so that a date read as a number keeps its day.
    book = xlsxwriter.Workbook(
        output,
        # (zip64: a large file's report may pass 4 GB uncompressed, which a plain zip cannot hold)
        {"constant_memory": True, "strings_to_formulas": False, "date_1904": table.date_1904, "use_zip64": True},
    )
    bold = book.add_format({"bold": True})
    error_format = book.add_format({"bg_color": "#F8D7DA", "font_color": "#842029", "text_wrap": True})
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
        warned = {column_of_header[h] for h in warned_cells.get(row_number, ()) if h in column_of_header}
        # A short row (trailing empty fields dropped) padded, so that a marked cell past its end is marked too.
        if (last := max(marked | warned, default=-1)) >= len(cells):
            cells = cells + [None] * (last + 1 - len(cells))
        for col, cell in enumerate(cells):
            state = "bad" if col in marked else "warned" if col in warned else None
            if isinstance(cell, datetime.date):
                kind = "date"
            elif col in text_columns:
                kind = "text"
            else:
                kind = "quoted" if cell.__class__ is str and cell.startswith(FORMULA_TRIGGERS) else "plain"
            _write_cell(sheet, index, col, cell, formats[state, kind])
        if row_number == result.header_row and result.problems:
            sheet.write_string(index, error_col, _(ERROR_HEADER), bold)
        elif row_number in by_row:
            sheet.write_string(index, error_col, escape_formula(" | ".join(by_row[row_number])), error_format)
    if error_col > known_width:
        sheet.set_column(known_width, error_col - 1, 16)
    if result.problems:
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
    _instructions_sheet(book, book.add_worksheet(str(INSTRUCTIONS_SHEET)), entity, columns, heading_format)
    list_ranges = _lookup_sheet(book, columns)
    known = header_index(entity)
    first_row = result.header_row or 1  # the row below the header (0-based)
    for index, header in result.columns.items():
        column = header_column(header, known)
        if column is not None and index != error_col:
            _dropdown(sheet, first_row, last_index + 1000, index, column, list_ranges.get(column.key), blocking=False)
    book.close()
    return output.getvalue()


def _formatted_as_text(column: Column, *, has_list: bool) -> bool:
    """Whether the template (and the error report) formats a column as text (codes such as 63.10, NIKs and 0511-...
    stay as typed): neither a number or yes/no, nor a column with a dropdown list. A date column is text too:
    formatted as a date, a date typed into it was read by the computer's regional setting, and one set to English
    (United States) turned "02/01/2024" into 1 February, shown as 01-02-2024 and imported so, without a word
    (LibreOffice Calc 7.4 and Excel alike; sixtieth review). As text it reaches the import as typed, which reads it
    day first, as the instructions say; a date the report copies from the file keeps its own date format."""
    return not has_list and not isinstance(column, IntegerColumn | DecimalColumn | BooleanColumn)


def _text_columns(entity: Entity, written: dict[int, str]) -> set[int]:
    """The file's column indexes that the template formats as text."""
    known = header_index(entity)
    columns = {index: header_column(header, known) for index, header in written.items()}
    return {
        index
        for index, column in columns.items()
        if column is not None and _formatted_as_text(column, has_list=column.choices(None) is not None)
    }


def _problem_sheet(book, name: str, headings: tuple[str, ...], problems: list[Problem], bold) -> None:
    """A sheet listing problems (or warnings) by row: row number, column, the cell's value, the message."""
    listing = book.add_worksheet(name)
    for col, heading in enumerate(headings):
        listing.write_string(0, col, heading, bold)
    listing.set_column(1, 2, 24)
    listing.set_column(3, 3, 80)
    for index, problem in enumerate(sorted(problems, key=lambda p: p.row), start=1):
        listing.write_number(index, 0, problem.row)
        listing.write_string(index, 1, escape_formula(problem.column))
        listing.write_string(index, 2, escape_formula(problem.value))
        listing.write_string(index, 3, escape_formula(problem.message))


def _changes_sheet(book, changes: list[tuple[int, str, dict]], bold) -> None:
    """A sheet of every change the import makes (or made): row, record, column, before, after — the page shows the
    first PREVIEW_LIMIT records only. `changes`: (row, record, {column: (before, after)}) per changed record."""
    listing = book.add_worksheet(str(CHANGES_SHEET))
    for col, heading in enumerate((_("Baris"), _("Data"), _("Kolom"), _("Sebelum"), _("Sesudah"))):
        listing.write_string(0, col, heading, bold)
    listing.set_column(1, 1, 30)
    listing.set_column(2, 4, 24)
    index = 0
    for row, key, changed in changes:
        for column, (before, after) in changed.items():
            index += 1
            listing.write_number(index, 0, row)
            listing.write_string(index, 1, escape_formula(str(key)))
            listing.write_string(index, 2, escape_formula(str(column)))
            listing.write_string(index, 3, escape_formula(str(before or "")))
            listing.write_string(index, 4, escape_formula(str(after or "")))


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
