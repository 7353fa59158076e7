"""The error report's listing sheets: its problems or warnings by row, and every change the import makes."""

from django.utils.translation import gettext as _

from sinergi.core.downloads import escape_formula

from ..files import CHANGES_SHEET
from ..pipeline import Problem


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
