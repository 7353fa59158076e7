"""Reading the sheet to import (open_table, read_all): which sheet of a workbook (the user's choice, our template's,
the first with a header; records on another sheet refused or left), opened through calamine once each format's caps
have passed, its rows streamed with merged cells filled in, and the facts calamine does not give (hidden rows and
columns, formulas without results, the date system) gathered into the Table. A CSV is handed to csv_files.py."""

import concurrent.futures
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .. import ods, xls
from .. import values as v
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
        rows, total, notices, merged_rows, merged_across = _sheet_rows(
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
        merged_rows=merged_rows,
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
    rows, total, notices, merged_rows, merged_across = _sheet_rows(
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
        merged_rows=merged_rows,
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
    rows, total, notices, merged_rows, merged_across = _sheet_rows(
        workbook, name, sheet, sheet.merged_cell_ranges, unread, left
    )
    return Table(
        rows=((number, _xls_cells(cells)) for number, cells in rows),
        total=total,
        notices=notices,
        merged_rows=merged_rows,
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
            kinds = {other: _records_kind(load(other), is_header) for other in visible if other != name}
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


def _sheet_rows(
    workbook,
    name: str,
    sheet,
    merged,
    unread: Sequence[str] = (),
    left: Sequence[str] = (),
    *,
    percent: dict[int, dict[int, int]] | None = None,
) -> tuple[Iterator[tuple[int, list[Any]]], int, list[str], list[tuple[int, int]], dict[tuple[int, int], int]]:
    """The sheet's rows as (row number, cells), its row count, the notices on how it was read, the (top, bottom)
    row numbers of its cells merged down (Table.merged_rows) and its cells merged across (Table.merged_across).
    `merged`: ((top, left), (bottom, right)) ranges, 0-based. `percent`: the cells formatted as a percent, by row
    number, {0-based column: decimals} (xlsx_xml._percent_cells), whose numbers are read as the sheet shows them."""
    notices = []
    if left:
        notices.append(
            _(
                "Data dibaca dari lembar “%(sheet)s” saja, yang Anda pilih. Lembar %(others)s juga berisi data dan "
                "tidak dibaca kali ini: impor sesudahnya dengan memilih lembar itu."
            )
            % {"sheet": name, "others": ", ".join(f"“{other}”" for other in left)}
        )
    elif len(workbook.sheet_names) > 1:
        notices.append(_("Data dibaca dari lembar “%(sheet)s”.") % {"sheet": name})
    if unread:
        notices.append(
            _(
                "Lembar %(sheets)s berisi baris isian tanpa judul kolom yang dikenali, jadi tidak dibaca. Bila itu "
                "data yang juga harus diimpor, pindahkan barisnya ke lembar “%(sheet)s”."
            )
            % {"sheets": ", ".join(f"“{other}”" for other in unread), "sheet": name}
        )
    # iter_rows() starts at the sheet's first row but at its first USED column: put the empty columns back, so
    # that column positions (and the error report) match what the user sees.
    start_col = (sheet.start or (0, 0))[1]
    last_row = (sheet.end or (-1, 0))[0]
    # A cell merged down over several rows holds its value in the top row only; the rows below it mean the same
    # value (two siblings sharing a mother's name), so each of them gets it rather than an empty cell.
    merged_down = [(top, bottom, column) for (top, column), (bottom, _right) in merged or () if bottom > top]
    # Said by the pipeline, which knows where the data begins (a header merged over two rows is no data's).
    merged_rows = sorted({(top + 1, bottom + 1) for top, bottom, _column in merged_down})
    merged_across = {(top + 1, left): right for (top, left), (_bottom, right) in merged or () if right > left}

    def rows() -> Iterator[tuple[int, list[Any]]]:
        held: dict[int, tuple[int, Any]] = {}  # column -> (last row it covers, the top cell's value)
        shown: dict[tuple[float, int], str] = {}  # a percent column repeats few values
        for index, cells in enumerate(sheet.iter_rows()):
            cells = [""] * start_col + list(cells)
            if percent and (marked := percent.get(index + 1)):
                for column, decimals in marked.items():
                    if column < len(cells) and (number := cells[column]).__class__ is float:
                        if (text := shown.get((number, decimals))) is None:
                            text = shown[number, decimals] = v.percent_text(number, decimals)
                        cells[column] = text
            for top, bottom, column in merged_down:
                if index == top and column < len(cells):
                    held[column] = (bottom, cells[column])
            for column, (bottom, value) in list(held.items()):
                if index > bottom:
                    del held[column]
                elif column < len(cells):
                    cells[column] = value
            yield index + 1, cells

    return rows(), last_row + 1, notices, merged_rows, merged_across


def _has_header(sheet, is_header: Callable[[list[Any]], bool]) -> bool:
    return any(is_header(list(cells)) for cells in islice(sheet.iter_rows(), 20))


def _records_kind(sheet, is_header: Callable[[list[Any]], bool]) -> str:
    """ "records": a header among the first 20 rows and something filled in below it; "rows": no header, but two or
    more rows of three values or more (rows pasted without their header, or a table of another kind); "" else."""
    head = list(islice(sheet.iter_rows(), 20))
    for number, cells in enumerate(head):
        if is_header(list(cells)):
            below = chain(head[number + 1 :], islice(sheet.iter_rows(), 20, None))
            return "records" if any(_filled(cell) for row in below for cell in row) else ""
    full = sum(1 for row in islice(sheet.iter_rows(), 200) if sum(1 for cell in row if _filled(cell)) >= 3)
    return "rows" if full >= 2 else ""


def _filled(cell: Any) -> bool:
    return not (cell is None or cell == "" or (cell.__class__ is str and not cell.strip()))


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
