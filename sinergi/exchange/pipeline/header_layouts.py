"""Headers as offices lay them out, beyond one title per column: a header written over two rows, a
combined title spread over two columns, and a sex marked under "L" | "P" (read into one column, row by row, by
_read_marks). Apart from header.py, which chooses and reads the header row, because each is a shape of its own
with its own rules.
"""

import datetime
import re
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from .. import values as v
from ..columns import Column, Entity
from ._common import HeaderMap, Problem, _filled
from .header_names import _OTHER_PERSON_WORDS, _combined_fields, header_column

# The titles of a sex written as a mark in one of two columns ("L" | "P", "Lk" | "Pr"), normalised.
_MALE_TITLES = {"l", "lk", "laki laki", "laki", "pria"}


_FEMALE_TITLES = {"p", "pr", "perempuan", "wanita"}


# What says "not this one" in a mark column; anything else filled ("√", "v", "x", "1") is the mark.
_NO_MARK = {"0", "tidak", "t", "no", "n", "bukan"}


def _sex_marks(entity: Entity, cells: list[Any], known: dict[str, Column]) -> dict[int, int]:
    """Adjacent titles "L" | "P" (or "Laki-laki" | "Perempuan") under which each row marks one: the usual table of
    Indonesian offices, with "Jenis Kelamin" merged above them. File column index of the L -> of the P; {} when the
    entity keeps no sex, or a column of the file names it."""
    if not any(column.key == "sex" for column in entity.columns):
        return {}
    words = [v.norm(cell) if cell.__class__ is str else "" for cell in cells]
    pairs = {
        index: index + 1
        for index in range(len(words) - 1)
        if words[index] in _MALE_TITLES and words[index + 1] in _FEMALE_TITLES
    }
    if pairs and any(getattr(header_column(cell, known), "key", None) == "sex" for cell in cells):
        return {}
    return dict(list(pairs.items())[:1])


def _marked(cell: Any) -> bool:
    return _filled(cell) and v.norm(cell) not in _NO_MARK


def _read_marks(header: HeaderMap, rows: list[tuple[int, list[Any]]]) -> dict[int, Problem]:
    """Puts each row's sex, read from its mark, in the L column's cell ("L" or "P"); a row marked under both or
    neither gets a problem instead (row -> problem) — but neither, in a correction file keyed by the export's ID, is
    an empty cell, which keeps what is stored."""
    problems = {}
    for left, right in header.marks.items():
        for row_number, cells in rows:
            male = left < len(cells) and _marked(cells[left])
            female = right < len(cells) and _marked(cells[right])
            if male != female:
                cells[left] = "L" if male else "P"
                continue
            marked = " | ".join(v.text(cells[index]) if index < len(cells) else "" for index in (left, right))
            if left < len(cells):
                cells[left] = ""
            if header.partial and not male:
                continue
            problems[row_number] = Problem(
                row_number,
                header.written[left],
                marked if male else "",
                (
                    _("Baris ini bertanda di kolom “%(m)s” dan “%(f)s”. Tandai satu saja.")
                    if male
                    else _("Tandai kolom “%(m)s” atau “%(f)s” (mis. dengan √).")
                )
                % dict(zip(("m", "f"), header.written[left].split("/", 1), strict=False)),
            )
    return problems


def _spread_over_two(
    entity: Entity,
    cells: list[Any],
    row_number: int,
    merged_across: dict[tuple[int, int], int],
    known: dict[str, Column],
    below: Sequence[list[Any]] = (),
) -> dict[int, tuple[Column | None, Column | None]]:
    """The header's combined titles ("Tempat, Tanggal Lahir") merged over exactly two columns with nothing under
    them: file column index -> the entity's columns for the two (None for a field it does not keep, as a worker's
    birth place). Only where the file says neither field in a column of its own. A title not merged at all (a CSV
    keeps no merges: Excel saves the merged title and an empty cell) counts as merged over its empty right
    neighbour when that column holds dates in the rows `below` the header (the first rows of the table)."""
    named = {column.key for cell in cells if (column := header_column(cell, known)) is not None}
    by_key = {column.key: column for column in entity.columns}
    spread = {}
    for index, cell in enumerate(cells):
        if index + 1 >= len(cells) or v.norm(cells[index + 1]):
            continue
        merge = merged_across.get((row_number, index))
        if merge != index + 1 and (merge is not None or not _dates_in_column(below, index + 1)):
            continue
        fields = _combined_fields(cell)
        if len(fields) == 2 and not named & set(fields) and any(key in by_key for key in fields):
            spread[index] = (by_key.get(fields[0]), by_key.get(fields[1]))
    return spread


def _dates_in_column(rows: Sequence[list[Any]], index: int) -> bool:
    """Whether column `index` of `rows` is filled somewhere and holds dates only: a date cell, an Excel serial, or
    text with digits (a place's name has none)."""
    filled = [row[index] for row in rows if index < len(row) and not v.is_blank(row[index])]
    return bool(filled) and all(
        isinstance(cell, datetime.date | int | float) or (cell.__class__ is str and any(c.isdigit() for c in cell))
        for cell in filled
    )


def _spread_notice(name: str, index: int, pair: tuple[Column | None, Column | None]) -> str:
    read = [
        _("kolom %(letter)s sebagai “%(column)s”") % {"letter": v.column_letter(index + at), "column": column.header}
        for at, column in enumerate(pair)
        if column is not None
    ]
    return _("Judul “%(title)s” melebar di dua kolom: %(read)s.") % {"title": name, "read": ", ".join(read)}


def _two_row_header(top: list[Any], bottom: list[Any], known: dict[str, Column]) -> list[str]:
    """A header written over two rows, each column named by the rows together ("Tanggal" above "lahir", a group
    title merged across several columns above each of their names) or by one of them alone ("Nama" under a group
    title, "NIK" merged down over both rows)."""
    joined = []
    carried = ""  # a title merged across columns is written in its first cell only
    for index in range(max(len(top), len(bottom))):
        upper = v.text(top[index]) if index < len(top) else ""
        lower = v.text(bottom[index]) if index < len(bottom) else ""
        carried = upper or (carried if lower else "")
        both = f"{carried} {lower}".strip()
        # A column's own title joins its second row first ("Tanggal" over "lahir", "Nama LKS" over "(wajib)"); a
        # title carried from the left does only when the second row alone names nothing ("Jenis layanan" over
        # "lain" — but "Kabupaten/Kota" carried over a column "LKS" leaves "LKS" alone).
        # "AYAH" or "IBU" under a group title says whose, not what: under "PEKERJAAN ORANG TUA" it is an
        # occupation, so only the group can make it a name (_under_group: "NAMA ORANG TUA").
        whose_only = bool(carried) and set(v.norm(lower).split()) <= _OTHER_PERSON_WORDS
        if upper and header_column(both, known) is not None:
            joined.append(both)
        elif lower and not whose_only and header_column(lower, known) is not None:
            joined.append(lower)
        elif header_column(both, known) is not None:
            joined.append(both)
        elif lower and (grouped := _under_group(carried, lower, known)) is not None:
            joined.append(grouped)
        elif whose_only:
            joined.append(both)  # "PEKERJAAN ORANG TUA AYAH": unknown, and named so in the notice
        else:
            joined.append(lower or upper)
    return joined


# The title of the street's column under an "Alamat" group, normalised: "Jalan", "Nama jalan", "Jl./RT/RW", "Jalan,
# No., RT/RW". Not "RT/RW" alone: beside a "Jalan" it is a second part of one address, which a column cannot hold.
_STREET_TITLE = re.compile(r"(?:nama )?(?:jalan|jl|jln)(?: (?:no|nomor))?(?: rt rw)?")


# The words of a group title over the parents' names ("NAMA ORANG TUA"), not a guardian's or foster parent's.
_PARENTS_WORDS = {"orang", "tua", "ortu", "kandung"}


def _under_group(group: str, lower: str, known: dict[str, Column]) -> str | None:
    """A column named by its group read after it: "Tanggal" under "Kelahiran" or "Lahir", "Tempat" under
    "Tempat, Tanggal Lahir" or "TTL" (the usual table of Indonesian offices, where the group is merged over the
    two columns that split it)."""
    words = v.norm(group).split()
    if not words:
        return None
    candidates = [f"{lower} {group}", f"{lower} {words[-1]}"]
    if words[-1] in ("kelahiran", "lhr") or _combined_fields(group):
        candidates.append(f"{lower} lahir")
    if words[0] == "nama" and set(words[1:]) <= _PARENTS_WORDS:
        candidates.append(f"nama {lower}")  # "AYAH", "IBU" under "NAMA ORANG TUA": the father's, the mother's name
    if words[0] == "alamat" and _STREET_TITLE.fullmatch(v.norm(lower)):
        # "Jalan" beside "Desa/Kelurahan" and "Kecamatan" under "Alamat": the street is the address the entity keeps
        # (the region has columns of its own), and read as unknown it was lost.
        candidates.append(group)
    return next((candidate for candidate in candidates if header_column(candidate, known) is not None), None)


def _second_header_row(
    top: list[Any], bottom: list[Any], joined: list[str], known: dict[str, Column], marks: dict[int, int]
) -> bool:
    """Whether the row under a header is a second row of titles: all its cells are the title above them again
    (merged down, filled in by the reader) or part of a name the two rows make together ("L" | "P" under "Jenis
    Kelamin" too), or at least half of them and two or more are titles repeated (a row of data never repeats its
    header)."""
    filled = repeated = resolved = 0
    for index, cell in enumerate(bottom):
        if not _filled(cell):
            continue
        filled += 1
        if index < len(top) and v.text(top[index]) == v.text(cell):
            repeated += 1
        elif index in marks or index - 1 in marks:
            resolved += 1
        elif index < len(joined) and (named := header_column(joined[index], known)) is not None:
            # Only when the cell changes what its column is: "(3)" or "(wajib)" under a title is a hint row.
            above = header_column(top[index], known) if index < len(top) else None
            resolved += named is not above
    return bool(filled) and (repeated + resolved == filled and resolved > 0 or repeated >= max(2, filled / 2))
