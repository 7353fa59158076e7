"""The report's words on its header row, as cell comments (header_comments): what the import made of each header
cell (a column read under another name, a column not read at all) and the problems of the header itself (a column
refused as a whole, a required column missing). Without them a reader on the data sheet saw an unmarked header and
had to find those problems in the list of problems, where they were the one kind without a row of data."""

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .. import values as v
from ..columns import Column, Entity
from ..pipeline import ImportResult, error_headers, header_column, header_index
from ..pipeline.header import NUMBERING_HEADERS
from ..pipeline.header_names import _meant_column, in_every_language
from ..pipeline.header_notices import AGE_HEADERS, REGION_PART_HEADER

# How the comments show: wide enough for a message of two or three lines without opening it further.
COMMENT_OPTIONS = {"x_scale": 3, "y_scale": 2}


def header_comments(entity: Entity, result: ImportResult, cells: list[Any]) -> dict[int, str]:
    """The header row's cell comments (file column index -> text): the header's problems and warnings on the cell of
    their column, or on the first cell when the file has no such column (a required column missing); a note on each
    cell read under another name than the template's, and on each one the import does not read."""
    known = header_index(entity)
    notes: dict[int, list[str]] = {}
    at_cell = dict(result.columns)
    at_cell.update({index: v.text(cell) for index, cell in enumerate(cells) if index not in at_cell and v.text(cell)})
    index_of = {header: index for index, header in at_cell.items()}
    on_header = [(p, p.message) for p in result.problems if p.row == result.header_row]
    on_header += [
        (w, _("Peringatan: %(message)s") % {"message": w.message})
        for w in result.warnings
        if w.row == result.header_row
    ]
    for problem, text in on_header:
        if problem.column in index_of:
            notes.setdefault(index_of[problem.column], []).append(text)
        else:  # a column the file does not have, or the header as a whole
            notes.setdefault(0, []).append(f"{problem.column}: {text}" if problem.column else text)
    if not result.columns:
        # A header refused before its columns were kept (a required column missing): every cell would read as
        # unknown. The refusal's message names the headers to rename.
        return {index: "\n".join(lines) for index, lines in notes.items()}
    skipped = error_headers() | in_every_language(*entity.ignored_headers) | {v.norm(h) for h in NUMBERING_HEADERS}
    used = {column.key: header for index, header in result.columns.items() if (column := header_column(header, known))}
    for index, cell in enumerate(cells):
        name = v.text(cell)
        if not name or v.norm(cell) in skipped:
            continue
        if index in result.columns:
            column = header_column(result.columns[index], known)
            if column is not None and v.norm(cell) not in _own_names(column):
                notes.setdefault(index, []).insert(
                    0, _("Dibaca sebagai kolom “%(column)s”.") % {"column": column.header}
                )
        elif not _second_mark(result.columns, index, name) and index not in notes:
            note = _("Kolom ini tidak dibaca saat impor: isinya diabaikan.")
            if _may_hint(entity, cell) and (meant := _meant_column(name, known, used)) is not None:
                note += " " + _("Bila maksudnya kolom “%(column)s”, ubah judulnya menjadi “%(column)s”.") % {
                    "column": meant.header
                }
            notes[index] = [note]
    return {index: "\n".join(lines) for index, lines in notes.items()}


def _own_names(column: Column) -> set[str]:
    """A column's header as the templates write it, in every language of the interface, normalised."""
    names = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.add(v.norm(str(column.header)))
    return names


def _may_hint(entity: Entity, cell: Any) -> bool:
    """Whether an unread header may be hinted as a misspelt column: not an age, a part of a region code or a column
    of an export (the import's notices say why those are not read, and a hint would send them into a column)."""
    key = v.norm(cell)
    if key in AGE_HEADERS or REGION_PART_HEADER.fullmatch(key):
        return False
    return key not in in_every_language(*entity.read_only_headers, *entity.masked_headers)


def _second_mark(columns: dict[int, str], index: int, name: str) -> bool:
    """Whether the cell is the "P" of a sex written as marks under "L" and "P", read with its "L" as one column."""
    return columns.get(index - 1, "").endswith(f"/{name}")
