"""Which sheet of a workbook is imported (_open_sheet): the user's choice, our template's, the first with a header;
records on another sheet refused or left, the sheets of our templates and reports passed over."""

from collections.abc import Callable, Collection, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ._common import FileRefused, _corrupted_message, _password_message

# Sheets of our templates and reports besides the data sheet (named in the language they were made in).
LOOKUP_SHEET = _lazy("Daftar")
INSTRUCTIONS_SHEET = _lazy("Petunjuk")
# The report's list of warnings. A sheet, not a column beside the data: an import reads only the data sheet, so a
# report that is corrected and uploaded again needs no column of ours to be skipped.
WARNINGS_SHEET = _lazy("Peringatan")
PROBLEMS_SHEET = _lazy("Daftar kesalahan")  # the report's list of problems, beside its rows
CHANGES_SHEET = _lazy("Perubahan")  # every update before → after, when the page shows only the first ones


def _own_sheets() -> set[str]:
    """Our instructions and warnings sheets in every language: never the data, though an instructions row naming
    columns looks like a header. (Our lists sheet is hidden; "Daftar" is also a name people give a data sheet.)"""
    names = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.update(str(name) for name in (INSTRUCTIONS_SHEET, WARNINGS_SHEET, PROBLEMS_SHEET, CHANGES_SHEET))
    return names


def _open_sheet(
    path: Path,
    kind: str,
    preferred_sheets: Sequence[str],
    is_header: Callable[[list[Any]], bool] | None,
    chosen: str = "",
    check: Callable[[str], None] = lambda name: None,
) -> tuple[Any, str, Any, list[str], list[str]]:
    """The open workbook, the name and cells of the sheet to import (see open_table), the other visible sheets with
    rows of values but no header, which are not read (said in a notice), and the other sheets with records, left for
    later when the user chose the sheet `chosen`. `check` is called with a sheet's name before calamine reads that
    sheet, and refuses it by raising FileRefused."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as error:
        raise FileRefused(_password_message()) from error
    except Exception as error:  # calamine raises several error types for broken files
        raise FileRefused(_corrupted_message(kind)) from error
    unread: list[str] = []
    left: list[str] = []
    try:
        own = _own_sheets()
        visible = (
            [
                meta.name
                for meta in workbook.sheets_metadata
                if str(meta.visible).endswith("Visible")
                and str(meta.typ).endswith("WorkSheet")
                and meta.name not in own
            ]
            or [name for name in workbook.sheet_names if name not in own]
            or list(workbook.sheet_names)
        )
        if not visible:
            raise FileRefused(_("File ini tidak berisi lembar kerja."))
        # Cells come with their cached values: a formula's last computed result, as Excel showed it.
        # get_sheet_by_name() reads the whole sheet: each is fetched once, after `check`.

        def load(name: str) -> Any:
            check(name)
            return workbook.get_sheet_by_name(name)

        # Our template's sheet by its name, unless the user hid it: a hidden sheet is "not this one".
        preferred = next((name for name in preferred_sheets if name in visible), None)
        if chosen:
            if chosen not in visible:
                raise FileRefused(
                    _("Lembar “%(sheet)s” tidak ada di file ini (atau disembunyikan). Unggah file lagi.")
                    % {"sheet": chosen}
                )
            name, sheet = chosen, load(chosen)
        elif preferred is not None:
            name, sheet = preferred, load(preferred)
            if sheet.height <= 1 and is_header is not None:
                # Our template's sheet left with its header only, the data pasted into another sheet.
                for other in visible:
                    if other != preferred:
                        candidate = load(other)
                        if candidate.height > 1 and _has_header(candidate, is_header):
                            name, sheet = other, candidate
                            break
        else:
            name, sheet = visible[0], load(visible[0])
            if is_header is not None and len(visible) > 1 and not _has_header(sheet, is_header):
                for other in visible[1:]:
                    candidate = load(other)
                    if _has_header(candidate, is_header):
                        name, sheet = other, candidate
                        break
        if is_header is not None:
            # One sheet is imported: records on another visible sheet (a sheet per LKS or per year, a copy of the
            # template's sheet) would be left out without a word. Hidden sheets are not read, so hiding one says
            # "not this one".
            names = set(workbook.sheet_names)
            kinds = {
                other: _records_kind(load(other), is_header, names - {other}) for other in visible if other != name
            }
            also = [other for other, kind in kinds.items() if kind == "records"]
            unread = [other for other, kind in kinds.items() if kind == "rows"]
            if also and chosen:
                left = also
            elif also:
                raise FileRefused(
                    _(
                        "Data ditemukan di lebih dari satu lembar: %(others)s juga berisi judul kolom dan baris "
                        "data, sedangkan satu impor membaca satu lembar saja (“%(sheet)s”). Gabungkan semua baris ke "
                        "satu lembar, atau impor lembar demi lembar dengan memilih lembarnya; lembar yang tidak "
                        "diimpor dapat juga dihapus atau disembunyikan."
                    )
                    % {"others": ", ".join(f"“{other}”" for other in also), "sheet": name},
                    # In the workbook's order, which is how its user sees them.
                    sheets=[other for other in visible if other == name or other in also],
                )
    except FileRefused:
        workbook.close()
        raise
    except Exception as error:
        workbook.close()
        raise FileRefused(_corrupted_message(kind)) from error
    return workbook, name, sheet, unread, left


def _has_header(sheet, is_header: Callable[[list[Any]], bool]) -> bool:
    return any(is_header(list(cells)) for cells in islice(sheet.iter_rows(), 20))


def _records_kind(sheet, is_header: Callable[[list[Any]], bool], sheets: Collection[str] = ()) -> str:
    """ "records": a header among the first 20 rows and something filled in below it; "rows": no header, but two or
    more rows of three values or more (rows pasted without their header, or a table of another kind), unless they
    are the workbook's table of contents (_lists_sheets); "" else."""
    head = list(islice(sheet.iter_rows(), 20))
    for number, cells in enumerate(head):
        if is_header(list(cells)):
            below = chain(head[number + 1 :], islice(sheet.iter_rows(), 20, None))
            return "records" if any(_filled(cell) for row in below for cell in row) else ""
    full = [row for row in islice(sheet.iter_rows(), 200) if sum(1 for cell in row if _filled(cell)) >= 3]
    return "rows" if len(full) >= 2 and not _lists_sheets(full, sheets) else ""


def _lists_sheets(rows: list[list[Any]], sheets: Collection[str]) -> bool:
    """Whether rows (of three values or more) are a table of the workbook's other `sheets`: below a first row (its
    header, which names none), each names one of them in the same column, each a different one. Apple Numbers puts
    such a sheet first in every .xlsx it exports ("Export Summary": each table's Numbers sheet, table and worksheet
    names, under a note in a cell of its own), which is no data left unread, as the notice about rows without a
    header would say."""
    for column in range(max(map(len, rows))):
        names = [row[column].strip() if column < len(row) and row[column].__class__ is str else "" for row in rows]
        if names[0] not in sheets and all(name in sheets for name in names[1:]) and len(set(names)) == len(names):
            return True
    return False


def _filled(cell: Any) -> bool:
    return not (cell is None or cell == "" or (cell.__class__ is str and not cell.strip()))
