"""The import template of an entity (template_bytes): its data sheet with dropdowns and text formats, its
instructions sheet and its hidden lookup sheet; the last two and the dropdowns serve the error report too."""

import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter
from django.utils.translation import gettext as _

from .. import values as v
from ..columns import (
    BooleanColumn,
    ChoiceColumn,
    Column,
    DecimalColumn,
    Entity,
    ImportContext,
    IntegerColumn,
    TermColumn,
)
from ..files import INSTRUCTIONS_SHEET, LOOKUP_SHEET
from ..regions import local_examples, localised_example

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


def _instructions_sheet(
    book, instructions, entity: Entity, columns: list[Column], heading_format, *, report: Sequence[str] = ()
) -> None:
    """The template's instructions: the entity's rules, then each column with whether it is required, what it
    takes (the dropdown's choices) and an example; in an error report, first how to read and use the report."""
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    title = book.add_format({"bold": True, "font_size": 14})
    instructions.set_column(0, 0, 30)
    instructions.set_column(1, 1, 10)
    instructions.set_column(2, 2, 60)
    instructions.set_column(3, 3, 30)
    row = 0
    if report:
        instructions.write_string(row, 0, _("Cara memakai laporan ini"), title)
        row += 2
        for line in report:
            instructions.set_row(row, 45)
            instructions.merge_range(row, 0, row, 3, line, wrap)
            row += 1
        row += 1
    instructions.write_string(
        row, 0, _("Petunjuk pengisian templat impor %(entity)s") % {"entity": entity.label}, title
    )
    row += 2
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


def _formatted_as_text(column: Column, *, has_list: bool) -> bool:
    """Whether the template (and the error report) formats a column as text (codes such as 63.10, NIKs and 0511-...
    stay as typed): neither a number or yes/no, nor a column with a dropdown list. A date column is text too:
    formatted as a date, a date typed into it was read by the computer's regional setting, and one set to English
    (United States) turned "02/01/2024" into 1 February, shown as 01-02-2024 and imported so, without a word
    (LibreOffice Calc 7.4 and Excel alike; sixtieth review). As text it reaches the import as typed, which reads it
    day first, as the instructions say; a date the report copies from the file keeps its own date format."""
    return not has_list and not isinstance(column, IntegerColumn | DecimalColumn | BooleanColumn)
