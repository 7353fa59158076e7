"""Finding and reading the header: the row (or two rows) among the sheet's first HEADER_SEARCH_ROWS that names
the most columns, each of its cells mapped to the entity's column (HeaderMap), and the rows right under it that are
no data (column numbers, filling hints); a file whose formulas have no results is refused here. Builds on
header_names, header_layouts and header_notices.
"""

from collections.abc import Iterator
from dataclasses import replace
from itertools import chain, islice
from typing import Any

from django.utils.translation import gettext as _

from .. import values as v
from ..columns import Column, Entity
from ..files import Table
from ._common import HeaderMap, ImportResult, _filled, _HeaderCells
from .header_layouts import _second_header_row, _sex_marks, _spread_notice, _spread_over_two, _two_row_header
from .header_names import (
    _BRACKETED,
    _combined_keys,
    _is_hint,
    asked_column,
    error_headers,
    header_column,
    header_index,
    in_every_language,
)
from .header_notices import _header_notices, _masked_columns, _refuse_missing, _refuse_no_header, _refuse_too_wide
from .sheet_rows import _count_rows

HEADER_SEARCH_ROWS = 20

# The fewest numbers of a row numbering the columns with a gap (a column deleted) read as such (_column_numbers).
NUMBERING_WITH_GAPS_MIN = 5


def _header_and_rows(
    entity: Entity, table: Table, result: ImportResult, max_rows: int
) -> tuple[HeaderMap, Iterator[tuple[int, list[Any]]]] | None:
    """Finds the header among the sheet's first rows: the header and the rows below it (without a row of column
    numbers or of filling hints right under it), or None when the file is refused (`result` says why, and how many
    rows of data it has)."""
    rows = iter(table.rows)
    head = list(islice(rows, HEADER_SEARCH_ROWS))
    header = _find_header(entity, head, result, table.merged_across)
    if header is None:
        if result.header_row:
            result.rows_total = _count_rows(head, rows, result.header_row, max_rows)
        return None
    read_letters = {v.column_letter(index) for index in header.columns}
    if unresolved := [cell for cell in table.formulas_without_results if cell.rstrip("0123456789") in read_letters]:
        # Only where we read: a "No" column of =ROW()-1 without results does not matter.
        result.rows_total = _count_rows(head, rows, header.row, max_rows)
        result.status, result.message = (
            "refused",
            _(
                "Sel %(cells)s berisi rumus tanpa hasil tersimpan: file ini dibuat oleh program yang tidak "
                "menghitung rumus, sehingga isinya akan terbaca kosong. Buka file di Excel atau LibreOffice, "
                "simpan ulang, lalu unggah lagi."
            )
            % {"cells": ", ".join(unresolved[:3])},
        )
        return None
    below = _below_header(head, header, result)
    result.header_row = header.row
    result.columns = header.written
    return header, chain(below, rows)


def _below_header(
    head: list[tuple[int, list[Any]]], header: HeaderMap, result: ImportResult
) -> list[tuple[int, list[Any]]]:
    """The rows of the head below the header, less a row numbering the columns and a row of filling hints right
    under it, each skipped with a notice."""
    below = [row for row in head if row[0] > header.row]
    if below and _column_numbers(below[0][1], gaps=not header.partial):
        result.notices.append(
            _("Baris %(row)s berisi nomor kolom (1, 2, 3, …), bukan data, dan dilewati.") % {"row": below[0][0]}
        )
        below = below[1:]
    if below and _hints_only(below[0][1]):
        result.notices.append(
            _("Baris %(row)s berisi petunjuk pengisian, bukan data, dan dilewati.") % {"row": below[0][0]}
        )
        below = below[1:]
    return below


# The numbering column nearly every office table starts with: skipped without a notice (it is no one's data).
NUMBERING_HEADERS = ("No", "No.", "Nomor", "No urut", "Nomor urut", "Urut")


def _find_header(
    entity: Entity,
    head: list[tuple[int, list[Any]]],
    result: ImportResult,
    merged_across: dict[tuple[int, int], int] | None = None,
) -> HeaderMap | None:
    """The header is the first row (of the first 20) that names the most known columns; rows above it (titles)
    are skipped. Case, spacing, punctuation and known synonyms do not matter. `merged_across`: the sheet's cells
    merged across columns (Table.merged_across)."""
    if _refuse_too_wide(head, result):
        return None
    known = header_index(entity)
    chosen = _choose_header_row(entity, head, known)
    if chosen is None:
        _refuse_no_header(entity, head, result)
        return None
    row_number, cells, two_rows = chosen
    below = [row for number, row in head if number > row_number]
    spread = {} if two_rows else _spread_over_two(entity, cells, row_number, merged_across or {}, known, below)
    marks = _sex_marks(entity, cells, known)
    read = _read_header_cells(entity, row_number, cells, known, spread, marks, result)
    if read is None:
        return None
    _header_notices(entity, row_number, two_rows, cells, known, read, result)
    masked = _masked_columns(entity, cells, read.used, result)
    header = HeaderMap(
        row=row_number,
        columns=read.columns,
        written=read.written,
        masked=masked,
        width=len(cells),
        unnamed=tuple(index for index, cell in enumerate(cells) if not v.norm(cell) and index - 1 not in spread),
        marks=marks,
        ignored=read.ignored,
        asked=read.asked,
    )
    missing = entity.missing_columns(set(read.used))
    record_id = entity.record_id_key()
    if missing and record_id in read.used:
        # A correction file keyed by the export's ID ("ID, Nama lengkap, Telepon"): its rows keep what they do
        # not say, as with an empty cell; only a row without an ID (a new record) needs the absent columns.
        absent = [c for c in entity.import_columns() if c.required and c.key not in read.used]
        return replace(header, partial=True, absent=absent, record_id=record_id)
    if missing:
        _refuse_missing(entity, head, row_number, cells, known, read, record_id, result)
        return None
    return header


def _choose_header_row(
    entity: Entity, head: list[tuple[int, list[Any]]], known: dict[str, Column]
) -> tuple[int, list[Any], bool] | None:
    """(row number, cells, read from two rows) of the row naming the most known columns — or of two rows read
    together, when they name more; None when no row names any."""
    best: tuple[int, int, list[Any]] | None = None
    two_rows = False
    for row_number, cells in head:
        matches = sum(1 for cell in cells if header_column(cell, known) is not None)
        matches += len(_sex_marks(entity, cells, known))
        if matches and (best is None or matches > best[1]):
            best = (row_number, matches, cells)
    # Two rows read together win by naming more columns than any single row does, or as many as their upper row
    # when the lower one holds nothing but the upper's own titles again (cells merged down over both rows, which
    # the reader fills in) and names that the pair resolves: it is not a row of data.
    single = best
    for (row_number, cells), (below_number, below) in zip(head, head[1:], strict=False):
        joined = _two_row_header(cells, below, known)
        marks = _sex_marks(entity, joined, known)
        matches = sum(1 for cell in joined if header_column(cell, known) is not None) + len(marks)
        if not matches:
            continue
        tie = single is not None and single[0] == row_number and matches == best[1] and best is single
        if best is None or matches > best[1] or (tie and _second_header_row(cells, below, joined, known, marks)):
            best, two_rows = (below_number, matches, joined), True
    if best is None:
        return None
    return best[0], best[2], two_rows


def _read_header_cells(
    entity: Entity,
    row_number: int,
    cells: list[Any],
    known: dict[str, Column],
    spread: dict[int, tuple[Column | None, Column | None]],
    marks: dict[int, int],
    result: ImportResult,
) -> _HeaderCells | None:
    """Maps each header cell to the entity's column it names, in the file's order (the notices of sex marks and
    spread titles follow it). None, with the file refused, when two cells name the same column: which one holds
    the data is the user's to say."""
    ignored = error_headers() | in_every_language(*entity.ignored_headers) | {v.norm(h) for h in NUMBERING_HEADERS}
    read_only_names = in_every_language(*entity.read_only_headers)
    read = _HeaderCells()
    for index, cell in enumerate(cells):
        name = v.text(cell)
        key = v.norm(cell)
        if index in marks:
            _read_sex_marks(entity, cells, index, read, result)
            continue
        if index - 1 in marks:
            continue  # the "P" of the pair, read with its "L"
        if index in spread:
            _read_spread_title(name, index, spread[index], read, result)
            continue
        if not key or key in ignored:
            continue
        if key in read_only_names:
            read.read_only.append(name)
            read.ignored[index] = name
            continue
        column = header_column(cell, known)
        if column is None:
            if combined := _combined_keys(cell, entity):
                read.merged.append((name, combined))
            else:
                read.unknown.append(name)
                read.ignored[index] = name
                if (asked := asked_column(name, known)) is not None:
                    read.asked[index] = asked.key
            continue
        if column.read_only:
            read.read_only.append(name)
            read.ignored[index] = name
            continue
        if column.key in read.used:
            result.header_row = row_number
            result.status, result.message = "refused", _duplicate_message(read, cells, column, name, key, index)
            return None
        read.used[column.key] = name
        read.columns[index] = column
        read.written[index] = name
    return read


def _read_sex_marks(entity: Entity, cells: list[Any], index: int, read: _HeaderCells, result: ImportResult) -> None:
    """Reads the titles "L" | "P" at `index` and the next column as the one sex column, and says so."""
    name = v.text(cells[index])
    sex = next(column for column in entity.columns if column.key == "sex")
    read.used[sex.key], read.columns[index] = name, sex
    read.written[index] = f"{name}/{v.text(cells[index + 1])}"
    result.notices.append(
        _("%(column)s dibaca dari tanda di kolom %(male)s (“%(m)s”) atau %(female)s (“%(f)s”).")
        % {
            "column": sex.header,
            "male": v.column_letter(index),
            "m": name,
            "female": v.column_letter(index + 1),
            "f": v.text(cells[index + 1]),
        }
    )


def _read_spread_title(
    name: str, index: int, pair: tuple[Column | None, Column | None], read: _HeaderCells, result: ImportResult
) -> None:
    """A combined title ("Tempat, Tanggal Lahir") merged over the place's column and the date's: each is read as its
    own, and a field the entity does not keep is an unknown column."""
    result.notices.append(_spread_notice(name, index, pair))
    for at, column in enumerate(pair):
        if column is not None:
            read.used[column.key] = name
            read.columns[index + at] = column
            read.written[index + at] = str(column.header)
        else:
            read.unknown.append(f"{name} ({v.column_letter(index + at)})")


def _duplicate_message(read: _HeaderCells, cells: list[Any], column: Column, name: str, key: str, index: int) -> str:
    """Why a header naming a column read already is refused: two tables side by side, the same title twice, or two
    names of one column."""
    first = next(i for i, c in read.columns.items() if c.key == column.key)
    if tables := _side_by_side(cells, first, index):
        # "Delete one of them" would have the clerk delete the second table, and its people with it.
        return _(
            "Lembar ini berisi dua tabel berdampingan (kolom %(first)s dan %(second)s) dengan judul kolom yang sama. "
            "Pindahkan baris tabel kedua ke bawah baris tabel pertama (dengan satu baris judul saja), lalu unggah lagi."
        ) % {"first": tables[0], "second": tables[1]}
    where = {"first": v.column_letter(first), "second": v.column_letter(index)}
    if v.norm(read.used[column.key]) == key:
        return _("Kolom “%(a)s” ada dua kali (kolom %(first)s dan %(second)s). Hapus salah satunya.") % {
            "a": name,
            **where,
        }
    return _(
        "Kolom “%(a)s” (kolom %(first)s) dan “%(b)s” (kolom %(second)s) sama-sama berarti "
        "“%(column)s”. Hapus salah satunya."
    ) % {"a": read.used[column.key], "b": name, "column": column.header, **where}


def _side_by_side(cells: list[Any], first: int, second: int) -> tuple[str, str] | None:
    """The column ranges ("A–I", "K–S") of two tables written side by side on one sheet, each with its own header,
    found from a title at `first` repeated at `second`: two or more titles in a row repeat in the same order, the
    second table beginning after the first one's last title, and the first beginning the row. None for a title merely
    written twice, or a few repeated after the row's first titles."""
    offset = second - first
    titles = [v.norm(cell) for cell in cells]

    def same(at: int) -> bool:
        return at >= 0 and at + offset < len(titles) and bool(titles[at]) and titles[at] == titles[at + offset]

    start = first
    while start > 0 and same(start - 1):
        start -= 1
    end = first
    while end + 1 < second and same(end + 1):
        end += 1
    if end - start < 1:
        return None
    # A table begins the row (after a "No" column at most): titles repeated further on ("Tempat lahir", "Tanggal
    # lahir" again after "Nama ibu") are a relative's columns, not a second table.
    numbering = {v.norm(h) for h in NUMBERING_HEADERS}
    if any(titles[i] and titles[i] not in numbering for i in range(start)):
        return None
    # The first table reaches to its last title before the second begins; the second is as wide, or ends earlier.
    last = max(i for i in range(start, start + offset) if titles[i])
    second_last = max(i for i in range(start + offset, min(last + offset + 1, len(titles))) if titles[i])
    return (
        f"{v.column_letter(start)}–{v.column_letter(last)}",
        f"{v.column_letter(start + offset)}–{v.column_letter(second_last)}",
    )


def _hints_only(cells: list[Any]) -> bool:
    """A row of filling hints under the header: "(wajib)", "(dd-mm-yyyy)", "[16 angka]" and nothing else."""
    filled = [v.text(cell) for cell in cells if _filled(cell)]
    return bool(filled) and all(
        (match := _BRACKETED.fullmatch(text)) is not None and _is_hint(match[1] or match[2] or "") for text in filled
    )


def _column_numbers(cells: list[Any], *, gaps: bool = True) -> bool:
    """A row numbering the columns under the header — "1 2 3 …" or "(1) (2) (3) …", as government tables have — or,
    with `gaps`, one left with a gap or two where a column was deleted ("1 2 3 4 6 7 …"). Not in a correction file
    keyed by the export's ID, whose first row may be an ID and a few counts."""
    numbers = []
    for cell in cells:
        if not _filled(cell):
            continue
        written = v.text(cell).strip("()")
        if not (written.isascii() and written.isdigit()):  # "²" is a digit to str.isdigit, not to int
            return False
        numbers.append(int(written))
    if len(numbers) < 3:
        return False
    if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return True
    steps = [after - before for before, after in zip(numbers, numbers[1:], strict=False)]
    # Counting from the first columns, each step one but a few of two or three (a column or two deleted): a row of
    # data written only in numbers (counts, amounts) seldom climbs so, and the longer the row the less.
    return (
        gaps
        and len(numbers) >= NUMBERING_WITH_GAPS_MIN
        and numbers[0] <= 3
        and all(1 <= step <= 3 for step in steps)
        and sum(step - 1 for step in steps) <= len(numbers) // 3
    )
