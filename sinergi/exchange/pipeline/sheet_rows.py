"""The sheet's rows below the header that are not data: totals and subtotals, section titles, the sheet's
foot (place and date, signatures, a legend), the header said again and rows filled only in columns not read.
_SheetRows sorts them out batch by batch and names them in notices; _count_rows counts a refused file's rows by the
same rules. Apart because it is a per-row pass of its own, on the hot path, before any row is checked.
"""

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from django.utils.translation import gettext as _

from .. import values as v
from ._common import HeaderMap, _blank_row, _filled, _filled_count
from .sheet_foot import _foot_row


@dataclass(eq=False, slots=True)
class _SheetRows:
    """Sorts the rows below the header, batch by batch, into rows of data and the sheet's other rows (totals,
    section titles, its foot, the header said again, rows filled only in columns not read), which are skipped and
    named in the notices at the end."""

    header: HeaderMap
    # The sheet's cells merged down, (top, bottom, 0-based column) as Table.merged_down gives them.
    merged_down: list[tuple[int, int, int]] = field(default_factory=list)
    read: list[int] = field(init=False)  # the file columns read, in order
    # Row -> the columns whose value was filled in from a cell merged down over it (rows below the header only).
    filled_from_above: dict[int, set[int]] = field(init=False)
    total_rows: list[int] = field(default_factory=list)
    section_rows: list[int] = field(default_factory=list)
    foot_rows: list[int] = field(default_factory=list)
    # Rows that look like the sheet's foot (signatures, a legend, "Jumlah pekerja: 2 orang", one cell filled under a
    # total row), held back until the table ends (then skipped, each named), the header is said again (then the one-
    # cell rows were the first table's foot) or a row of data follows (then read as data: a foot is only at the end).
    # Each with whether it is one cell filled under a total row, which its own notice names.
    pending_foot: list[tuple[int, list[Any], bool]] = field(default_factory=list)
    unread_rows: list[int] = field(default_factory=list)
    header_again_rows: list[int] = field(default_factory=list)
    after_total: bool = False

    def __post_init__(self) -> None:
        self.read = sorted(self.header.columns)
        self.filled_from_above = {}
        for top, bottom, column in self.merged_down:
            for row in range(max(top + 1, self.header.row + 1), bottom + 1):
                self.filled_from_above.setdefault(row, set()).add(column)

    def data_rows(self, batch: list[tuple[int, list[Any]]]) -> list[tuple[int, list[Any]]]:
        """The batch's rows of data, in order, with the held rows of a foot that data followed; its other rows are
        kept for the notices."""
        # Locals, not attributes, in the loop that every row of the file goes through.
        header, read, pending_foot = self.header, self.read, self.pending_foot
        total_rows, section_rows, foot_rows = self.total_rows, self.section_rows, self.foot_rows
        unread_rows, header_again_rows = self.unread_rows, self.header_again_rows
        after_total, filled_from_above = self.after_total, self.filled_from_above
        kept: list[tuple[int, list[Any]]] = []
        for row_number, cells in batch:
            if filled_from_above and (from_above := filled_from_above.get(row_number)):
                # A cell merged down past the last record, or over a blank row between records ("Anak Telantar"
                # merged over ten rows, eight filled): the value filled in from above makes no record of a row that
                # holds nothing of its own in the columns read, so the row is judged without it.
                own = [None if index in from_above else cell for index, cell in enumerate(cells)]
                if _blank_row(own, read):
                    cells = own
            # A row is blank when the columns we read are: a pre-numbered "No" column or a section title ("A. ANAK
            # DALAM PANTI") in a column we ignore does not make it data.
            if _blank_row(cells, read):
                if not any(_filled(cell) for cell in cells):
                    continue
                # Judged on all the row's cells: "JUMLAH" in a column we do not read (its sums unread too), or a
                # section title in the "No" column.
                kind = _not_data(cells, range(len(cells)))
                if kind == "total":
                    total_rows.append(row_number)
                    after_total = True
                elif kind == "section":
                    section_rows.append(row_number)
                else:
                    unread_rows.append(row_number)  # said, not silent: something only in columns we do not read
                continue
            kind = _not_data(cells, read)
            if kind == "total":
                total_rows.append(row_number)
                after_total = True
            elif kind == "section":
                section_rows.append(row_number)
            elif (single := after_total and _filled_count(cells, read) == 1) or _foot_row(
                cells, continuing=bool(pending_foot)
            ):
                # Under a total row, a row with one cell filled is the sheet's foot (place and date, a signatory's
                # title, a name in brackets) if the table ends there; held like the foot's other rows until it does.
                pending_foot.append((row_number, cells, single))
            elif _repeats_header(cells, header, read):
                header_again_rows.append(row_number)  # two tables pasted one under the other
                # The held rows above the second table's header ended the first: its one-cell lines were its foot.
                foot_rows.extend(held for held, _cells, single_after_total in pending_foot if single_after_total)
                pending_foot[:] = [entry for entry in pending_foot if not entry[2]]
            else:
                for held, held_cells, _single_after_total in pending_foot:
                    if _subtotal(held_cells):
                        # "Jumlah Putra 2" alone in its row, with more rows of data after it: a group's subtotal
                        total_rows.append(held)
                    else:
                        # Data follows: a row with one cell under a subtotal is a record missing its other cells.
                        kept.append((held, held_cells))
                pending_foot.clear()
                kept.append((row_number, cells))
                # Data after a total row makes it a subtotal, not the table's end: the foot is only under the last.
                after_total = False
        self.after_total = after_total
        return kept

    def add_notices(self, notices: list[str]) -> None:
        """Once the table has ended: the notices naming the rows skipped."""
        for rows, message in (
            (self.unread_rows, _("Baris %(rows)s hanya berisi isian di kolom yang tidak dibaca, jadi dilewati.")),
            (self.header_again_rows, _("Baris %(rows)s mengulang judul kolom, bukan data, dan dilewati.")),
            (
                self.section_rows,
                _("Baris %(rows)s berisi judul bagian (mis. “A. ANAK DALAM PANTI”), bukan data, dan dilewati."),
            ),
            (sorted(self.total_rows), _("Baris %(rows)s berisi jumlah/total, bukan data, dan dilewati.")),
        ):
            if rows:
                notices.append(message % {"rows": v.first_ten(rows)})
        # The table's end: its held foot rows are skipped, those of one cell under a total row said as before.
        foot_rows, pending_foot = self.foot_rows, self.pending_foot
        foot_rows += [row for row, _cells, single_after_total in pending_foot if single_after_total]
        foot_rows.sort()
        if foot_rows:
            notices.append(
                _(
                    "Baris %(rows)s di bawah baris jumlah hanya berisi satu isian (mis. tempat dan tanggal, atau "
                    "tanda tangan), bukan data, dan dilewati."
                )
                % {"rows": v.first_ten(foot_rows)}
            )
        if foot_block := [(row, cells) for row, cells, single_after_total in pending_foot if not single_after_total]:
            notices.append(
                _(
                    "Baris di akhir tabel yang berisi jumlah, keterangan atau tanda tangan (bukan data) dilewati: "
                    "%(rows)s."
                )
                % {"rows": _listed_rows(foot_block)}
            )


def _repeats_header(cells: list[Any], header: HeaderMap, read: list[int]) -> bool:
    """Whether a row below the header says the header again (two tables pasted one under the other): at least
    half of the columns read (two or more) hold their own header's words."""
    first = read[0]
    if (
        first >= len(cells)
        or cells[first].__class__ is not str
        # The cheap test that every row of data fails (no normalising per row): a repeated header is the same
        # words, maybe in capitals.
        or cells[first].strip().casefold() != header.written[first].casefold()
    ):
        return False
    same = sum(1 for index in read if index < len(cells) and v.norm(cells[index]) == v.norm(header.written[index]))
    return same >= max(2, len(read) // 2)


def _count_rows(head: list[tuple[int, list[Any]]], rows, header_row: int, max_rows: int) -> int:
    """The rows of data below the header of a file refused as a whole (its summary says how many rows the file
    has, not "0 rows"), counted up to the import's limit: not a total or a section title, nor a line of the sheet's
    foot under a total (a place and date, a signatory: one cell filled), which a checked file does not count either."""
    count = held = 0
    after_total = False
    for row_number, cells in chain(head, rows):
        if row_number <= header_row or not (filled := _filled_count(cells, range(len(cells)))):
            continue
        kind = _not_data(cells, range(len(cells)))
        if kind is not None:
            after_total = after_total or kind == "total"
        elif after_total and filled == 1:
            held += 1  # as a checked file reads it: the foot's line if the table ends here, a record if data follows
        else:
            # Data after a total makes that total a subtotal, and the one-cell rows under it records.
            count, held, after_total = count + held + 1, 0, False
            if count > max_rows:
                break
    return count


# What the first filled cell of a summary row under the data says ("JUMLAH", "Total:").
TOTAL_WORDS = {"jumlah", "total", "jml", "jumlah total", "total keseluruhan", "grand total", "subtotal", "sub total"}


# The words a subtotal's first cell starts with ("Jumlah Putra", "Jml. Putri 3", "Sub Total Lansia").
_TOTAL_LEADS = {"jumlah", "total", "jml", "subtotal"}


# A count beside a subtotal: "3", "(3)", "3 orang", "L: 1, P: 2".
_COUNT = re.compile(
    r"\(?\d+\)?(?:\s*(?:orang|org|anak|jiwa|klien|pekerja))?|(?:[^\W\d_]{1,3}\s*[:=]\s*\d+[\s,;]*)+",
    re.IGNORECASE,
)


# A section title over a group of rows: "A. ANAK DALAM PANTI", "II. Lansia", "3) Disabilitas" — but not a name
# such as "M. Rizky" (a letter is a section mark only before capitals).
_SECTION = re.compile(r"\s*(?:[A-Z][.)]\s+[^a-z]+$|(?:[IVX]{1,4}|\d{1,2})[.)]\s+\S)")


def _not_data(cells: list[Any], read: list[int]) -> str | None:
    """ "total" for a summary row under the data, "section" for a section title (the only cell filled among the
    columns read), None for a data row."""
    at = next((index for index, cell in enumerate(cells) if _filled(cell)), None)
    if at is None:
        return None
    first = cells[at]
    if first.__class__ in (int, float) or (first.__class__ is str and first.strip().isdigit()):
        # A count before the total's words ("2 | JUMLAH", the "No" column's =COUNTA of the rows above): a total
        # when the rest of the row is one ("Jumlah" and counts); a record ("3 | Budi | L | …") is not.
        rest = cells[at + 1 :]
        after = next((cell for cell in rest if _filled(cell)), None)
        return (
            "total"
            if after.__class__ is str and len(after) <= 40 and _may_be_total(after) and _subtotal(rest)
            else None
        )
    if first.__class__ is not str:
        return None
    # Every total word is short and starts so: most names need no normalising (per row).
    if len(first) <= 40 and _may_be_total(first):
        words = v.norm(first).split()
        if " ".join(words) in TOTAL_WORDS or (_subtotal(cells, words) and _filled_count(cells, range(len(cells))) > 1):
            # A subtotal alone in its row ("Jumlah pekerja: 2 orang") may be the foot's count: the foot's rule
            # holds it back, and it is a subtotal if rows of data follow.
            return "total"
    if _SECTION.match(first) and _filled_count(cells, read) == 1:
        return "section"
    # Cheap tests first (every row of data gets here): a heading, or its mark, is in capitals.
    if (first.isupper() or (len(first) <= 5 and _MARK.fullmatch(first))) and _group_heading(cells, read):
        return "section"
    return None


# How every total word begins (TOTAL_WORDS, _TOTAL_LEADS): "Jumlah", "Jml.", "Total", "Sub Total", "Grand Total".
_TOTAL_STARTS = ("jum", "jml", "tot", "sub", "gra")


def _may_be_total(text: str) -> bool:
    """The cheap test before a cell is normalised for the total words, which every row of data passes through: a
    numbered "Siti Aminah" or "Tono" is no total, and costs no normalising."""
    return text.lstrip()[:3].lower() in _TOTAL_STARTS


# A section mark in a cell of its own, before the group's title: "I.", "II", "A.", "b)".
_MARK = re.compile(r"\s*(?:[IVX]{1,4}\.?|[A-Za-z][.)])\s*")


# A group's title written alone in capitals: one of these words as the whole title ("PUTRA"; "PUTRI AYU" is a
# name), or the first word of a longer one ("DAFTAR ANAK PUTRI", "ASRAMA AL-IKHLAS", "ANAK TELANTAR").
HEADING_ALONE = {"putra", "putri", "laki laki", "perempuan", "pria", "wanita"}
HEADING_WORDS = {
    "daftar", "data", "kelompok", "asrama", "wisma", "rekap", "kelas", "bagian", "cabang", "unit", "anak", "lansia",
    "balita", "disabilitas",
}  # fmt: skip

# A name's first words that are also a heading's: Balinese nobility ("ANAK AGUNG GEDE RAI", "ANAK AGUNG AYU").
NAME_STARTS = (["anak", "agung"],)


def _group_heading(cells: list[Any], read: list[int]) -> bool:
    """Whether a row is a group's title between the records: one cell filled among the columns read, in capitals
    without a digit, that begins with a heading's word ("PUTRA", "DAFTAR ANAK PUTRI") or follows a section mark in
    a cell of its own ("II." | "ANAK TELANTAR"). A record has more cells; a name alone ("BUDI SANTOSO") stays one."""
    filled = []
    for cell in cells:  # every row of data passes here: given up on at its third cell filled
        if _filled(cell):
            if len(filled) == 2:
                return False
            filled.append(cell)
    if _filled_count(cells, read) != 1:
        return False
    title = next(cell for index, cell in enumerate(cells) if index in read and _filled(cell))
    if title.__class__ is not str or not title.isupper() or any(char.isdigit() for char in title):
        return False
    marked = len(filled) == 2 and filled[0] is not title and filled[0].__class__ is str and _MARK.fullmatch(filled[0])
    words = v.norm(title).split()
    return bool(marked) or (
        len(filled) == 1
        and bool(words)
        and (" ".join(words) in HEADING_ALONE or words[0] in HEADING_WORDS)
        and words[:2] not in NAME_STARTS
    )


def _subtotal(cells: list[Any], words: list[str] | None = None) -> bool:
    """Whether a row is a subtotal of a group ("Jumlah Putra | 2", "Jumlah Putri 3", "Sub Total Lansia | L: 1, P:
    2"): its first cell starts with a total word and every other filled cell is a count. A record has a sex, a date
    or a name beside its first cell, so a person whose name starts with such a word stays a record."""
    if words is None:
        first = next((cell for cell in cells if _filled(cell)), None)
        words = v.norm(first).split() if first.__class__ is str and len(first) <= 40 else []
    if not words or not (words[0] in _TOTAL_LEADS or words[:2] in (["sub", "total"], ["grand", "total"])):
        return False
    start = next(index for index, cell in enumerate(cells) if _filled(cell)) + 1
    return all(
        cell.__class__ in (int, float) or (cell.__class__ is str and _COUNT.fullmatch(cell.strip()) is not None)
        for cell in cells[start:]
        if _filled(cell)
    )


def _listed_rows(rows: list[tuple[int, list[Any]]]) -> str:
    """Rows for a notice with what they hold — 13 (“Mengetahui,” “Pengelola LKSA”) — so that a row skipped by
    mistake is seen (up to ten rows)."""
    listed = []
    for row, cells in rows[:10]:
        texts = " ".join(f"“{text[:40]}”" for cell in cells if _filled(cell) and (text := v.text(cell)))
        listed.append(f"{row} ({texts})")
    return ", ".join(listed) + ("…" if len(rows) > 10 else "")
