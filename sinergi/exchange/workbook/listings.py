"""The error report's listing sheets: its problems or warnings by row, and every change the import makes."""

from django.utils.translation import gettext as _

from sinergi.core.downloads import FORMULA_TRIGGERS

from ..files import CHANGES_SHEET
from ..pipeline import Problem


def _write_text(sheet, row: int, col: int, text: str, quoted) -> None:
    """`text` as it was typed or stored: one that Excel would run as a formula once the cell is edited (-5, +62 812…,
    =TD/2) gets Excel's invisible text mark, as in the data sheet, not an apostrophe the reader would see as part of
    the value (“'-5”, a change “'+62 812…” that no one made)."""
    sheet.write_string(row, col, text, quoted if text.startswith(FORMULA_TRIGGERS) else None)


def _problem_sheet(book, name: str, headings: tuple[str, ...], problems: list[Problem], bold) -> None:
    """A sheet listing problems (or warnings) by row: row number, column, the cell's value, the message."""
    listing = book.add_worksheet(name)
    quoted = book.add_format({"quote_prefix": True})
    for col, heading in enumerate(headings):
        listing.write_string(0, col, heading, bold)
    listing.set_column(1, 2, 24)
    listing.set_column(3, 3, 80)
    for index, problem in enumerate(sorted(problems, key=lambda p: p.row), start=1):
        listing.write_number(index, 0, problem.row)
        _write_text(listing, index, 1, problem.column, quoted)
        _write_text(listing, index, 2, problem.value, quoted)
        _write_text(listing, index, 3, problem.message, quoted)


def _changes_sheet(book, changes: list[tuple[int, str, dict]], bold) -> None:
    """A sheet of every change the import makes (or made): row, record, column, before, after — the page shows the
    first PREVIEW_LIMIT records only. `changes`: (row, record, {column: (before, after)}) per changed record."""
    listing = book.add_worksheet(str(CHANGES_SHEET))
    quoted = book.add_format({"quote_prefix": True})
    for col, heading in enumerate((_("Baris"), _("Data"), _("Kolom"), _("Sebelum"), _("Sesudah"))):
        listing.write_string(0, col, heading, bold)
    listing.set_column(1, 1, 30)
    listing.set_column(2, 4, 24)
    index = 0
    for row, key, changed in changes:
        for column, (before, after) in changed.items():
            index += 1
            listing.write_number(index, 0, row)
            _write_text(listing, index, 1, str(key), quoted)
            _write_text(listing, index, 2, str(column), quoted)
            _write_text(listing, index, 3, str(before or ""), quoted)
            _write_text(listing, index, 4, str(after or ""), quoted)
