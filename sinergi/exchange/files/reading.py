"""Reading the sheet to import (open_table, read_all): each workbook format opened through calamine once its caps have
passed, and the facts calamine does not give (hidden rows and columns, formulas without results or with errors,
percent cells, the date system) gathered into the Table. Which sheet is read is sheets.py's choice, its rows
streamed by rows.py; a CSV is handed to csv_files.py."""

import concurrent.futures
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import ods, xls
from ._common import (
    ODS,
    XLS,
    XLSX,
    FileRefused,
    Table,
    _bomb_message,
    _check_grids,
    _corrupted_message,
    _password_message,
)
from .csv_files import _open_csv
from .rows import _sheet_rows
from .sheets import _open_sheet
from .xlsx_caps import _check_shared_strings, _longest_shared_string, _xlsx_sheet_check
from .xlsx_xml import (
    _formulas_without_results,
    _hidden_columns,
    _hidden_rows_and_errors,
    _percent_cells,
    _percent_styles,
    _uses_1904_dates,
)


def open_table(
    path: str | Path,
    kind: str,
    *,
    preferred_sheets: Sequence[str] = (),
    is_header: Callable[[list[Any]], bool] | None = None,
    sheet: str = "",
) -> Table:
    """Rows of the sheet to import: `sheet` when the user chose one (a workbook with records on several sheets, each
    imported on its own), else the first named in `preferred_sheets` (the data sheet's name in each language of our
    templates) if present, else the first visible one with a row among its first 20 that `is_header` accepts (a cover
    sheet before the data is passed over), else the first visible one. A CSV has one table: `sheet` is ignored."""
    if kind == XLSX:
        return _open_xlsx(Path(path), preferred_sheets, is_header, sheet)
    if kind == ODS:
        return _open_ods(Path(path), preferred_sheets, is_header, sheet)
    if kind == XLS:
        return _open_xls(Path(path), preferred_sheets, is_header, sheet)
    return _open_csv(Path(path), is_header)


def _open_xlsx(
    path: Path, preferred_sheets: Sequence[str], is_header: Callable[[list[Any]], bool] | None, chosen: str
) -> Table:
    _check_shared_strings(path)  # calamine reads them all as it opens the file
    longest = _longest_shared_string(path)
    # calamine reads an .xlsx sheet by sheet, when asked for one: each is measured just before.
    workbook, name, sheet, unread, left = _open_sheet(
        path, XLSX, preferred_sheets, is_header, chosen, check=lambda name: _xlsx_sheet_check(path, name, longest)
    )
    try:
        unresolved = _formulas_without_results(path, name)
        # Inflating the sheet again costs about 0.2 s per 100,000 rows, nearly all in zlib, which lets other
        # threads run: it happens beside the check, on the second core.
        hidden = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="hidden-rows")
        hidden_rows = hidden.submit(_hidden_rows_and_errors, path, name)
        hidden.shutdown(wait=False)
    except Exception as error:
        workbook.close()
        raise FileRefused(_corrupted_message(XLSX)) from error
    try:
        # A percent cell is read as the sheet shows it ("25%"), not as calamine gives it (0.25): what a message
        # quotes and a text column stores, and a number column refuses. Looked for only in a workbook that has such
        # a style (one more pass over the sheet then; none for ours and most lists).
        styles = _percent_styles(path)
        percent = _percent_cells(path, name, styles) if styles else {}
        rows, total, notices, merged_down, merged_across = _sheet_rows(
            workbook, name, sheet, getattr(sheet, "merged_cell_ranges", None), unread, left, percent=percent
        )
    except BaseException:
        concurrent.futures.wait([hidden_rows])  # its scan ends with the file's reading, refused or not
        workbook.close()
        raise
    return Table(
        rows=rows,
        total=total,
        notices=notices,
        merged_down=merged_down,
        merged_across=merged_across,
        closer=workbook.close,
        date_1904=_uses_1904_dates(path),
        formulas_without_results=unresolved,
        hidden_rows=hidden_rows,
        hidden_columns=_hidden_columns(path, name),
        sheets_left=left,
    )


def _open_ods(
    path: Path, preferred_sheets: Sequence[str], is_header: Callable[[list[Any]], bool] | None, chosen: str
) -> Table:
    # calamine reads every sheet of an .ods as soon as it opens the file, so all are measured first, in one pass
    # over content.xml (about the cost of inflating it) that also finds what calamine does not give for an .ods:
    # merged cells, hidden rows, formulas without results and the date system.
    try:
        grids: list[tuple[str, int, int]] = []
        sheets = ods.sheet_facts(path, grids=grids)
    except ods.TextBomb as error:
        raise FileRefused(_bomb_message()) from error
    except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error) as error:
        raise FileRefused(_corrupted_message(ODS)) from error
    _check_grids(grids)
    readable, remove = _ods_calamine_reads(path, breaks=any(facts.breaks for facts in sheets.values()))
    try:
        workbook, name, sheet, unread, left = _open_sheet(readable, ODS, preferred_sheets, is_header, chosen)
    finally:
        remove()  # calamine has read every sheet of an .ods on opening it
    facts = ods.finish(sheets.get(name) or ods.SheetFacts(), (sheet.end or (-1, 0))[0])
    rows, total, notices, merged_down, merged_across = _sheet_rows(
        workbook, name, sheet, sheet.merged_cell_ranges or facts.merged, unread, left, percent=facts.percent
    )
    # A time cell ("36:00:00") comes as its ISO text ("PT36H00M00S"), as does a text cell holding those
    # characters: both are left as text, no column of ours holding a duration. (A TRUE/FALSE cell saved by
    # LibreOffice is the number 1/0 with a boolean format, read as 1.0/0.0 where an .xlsx gives True/False: the
    # yes/no columns read both alike.)
    return Table(
        rows=rows,
        total=total,
        notices=notices,
        merged_down=merged_down,
        merged_across=merged_across,
        closer=workbook.close,
        date_1904=facts.date_1904,
        formulas_without_results=facts.formulas_without_results,
        hidden_rows=_ready((facts.hidden_rows, facts.errors)),
        sheets_left=left,
    )


def _ods_calamine_reads(path: Path, *, breaks: bool = False) -> tuple[Path, Callable[[], None]]:
    """The file calamine is to open for the .ods at `path`, and what lets go of it after: the file itself, or a copy
    without the whitespace between table elements that SheetJS and Gnumeric write (ods.is_indented), which calamine
    refuses as broken although LibreOffice and Excel open it, and with the line breaks and tabs of its cells
    (`breaks`, found by ods.sheet_facts) as characters, which calamine would drop."""
    try:
        indented = breaks or ods.is_indented(path)
    except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error) as error:
        raise FileRefused(_corrupted_message(ODS)) from error
    if not indented:
        return path, lambda: None
    # content.xml was read whole by sheet_facts already: an error writing the copy is the server's (a full disk,
    # said as such by the job), not the file's. The copy holds the whole upload: it loses its name at once and is
    # read through its descriptor, so that a worker killed meanwhile (calamine reading a large file is the likeliest
    # moment) leaves no copy of the personal data behind, beyond the reach of the retention.
    handle, name = tempfile.mkstemp(suffix=".ods", prefix="sinergi-ods-")
    named = not _FD_PATHS.is_dir()  # no /proc (not Linux): the copy keeps its name until removed below
    if not named:
        os.unlink(name)
    try:
        with os.fdopen(os.dup(handle), "w+b") as out:
            ods.write_compacted(path, out)
    except BaseException:
        _let_go(handle, name if named else "")
        raise
    if named:
        return Path(name), lambda: _let_go(handle, name)
    return _FD_PATHS / str(handle), lambda: _let_go(handle, "")


_FD_PATHS = Path("/proc/self/fd")


def _let_go(handle: int, name: str) -> None:
    os.close(handle)
    if name:
        Path(name).unlink(missing_ok=True)


def _open_xls(
    path: Path, preferred_sheets: Sequence[str], is_header: Callable[[list[Any]], bool] | None, chosen: str
) -> Table:
    # calamine reads every sheet of an .xls as soon as it opens the file: all are measured first, from their BIFF
    # records. The records also give the hidden rows and the date system: calamine applies the latter to date
    # cells itself, but a plain number in a date column (a serial typed without a date format) is counted from
    # 1904 only when the rules are told. A formula without a result cannot be told here: an .xls stores a result
    # for every formula (a program that does not compute them writes 0, which reads as the number it claims to be).
    try:
        container = xls.read_container(path.read_bytes())
        if container.book is None:
            raise xls.Ole2Error("no workbook stream")
        book, stream = container.book, container.stream
        if book.encrypted:
            raise FileRefused(_password_message())
        _check_grids([(sheet_name, *xls.grid_at(stream, book, offset)) for sheet_name, offset in book.all_sheets])
    except (xls.Ole2Error, *xls.ERRORS, OSError) as error:
        raise FileRefused(_corrupted_message(XLS)) from error
    workbook, name, sheet, unread, left = _open_sheet(path, XLS, preferred_sheets, is_header, chosen)
    try:
        hidden = xls.hidden_rows(stream, book, name)
    except xls.ERRORS:
        hidden = []
    try:
        errors = xls.error_cells(stream, book, name)
    except xls.ERRORS:
        errors = []
    rows, total, notices, merged_down, merged_across = _sheet_rows(
        workbook, name, sheet, sheet.merged_cell_ranges, unread, left
    )
    return Table(
        rows=((number, _xls_cells(cells)) for number, cells in rows),
        total=total,
        notices=notices,
        merged_down=merged_down,
        merged_across=merged_across,
        closer=workbook.close,
        date_1904=book.date_1904,
        hidden_rows=_ready((hidden, errors)),
        sheets_left=left,
    )


def _ready(value: Any) -> concurrent.futures.Future:
    future: concurrent.futures.Future = concurrent.futures.Future()
    future.set_result(value)
    return future


def _xls_cells(cells: list[Any]) -> list[Any]:
    """An .xls keeps whole numbers as integers (calamine gives int), an .xlsx never (float): 5 becomes 5.0, so that
    every rule sees the type it sees in an .xlsx. (bool is its own class here, not caught by the test.)"""
    return [float(cell) if cell.__class__ is int else cell for cell in cells]


def read_all(
    path: str | Path,
    kind: str,
    *,
    preferred_sheets: Sequence[str] = (),
    is_header: Callable[[list[Any]], bool] | None = None,
) -> list[tuple[int, list[Any]]]:
    """Every row (for small files and tests)."""
    table = open_table(path, kind, preferred_sheets=preferred_sheets, is_header=is_header)
    try:
        return list(table.rows)
    finally:
        table.close()
