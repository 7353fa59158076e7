"""A sheet's rows as calamine gives them, streamed with merged cells filled in and percent cells read as the sheet
shows them (_sheet_rows), with the notices on how it was read."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _

from .. import values as v


def _sheet_rows(
    workbook,
    name: str,
    sheet,
    merged,
    unread: Sequence[str] = (),
    left: Sequence[str] = (),
    *,
    percent: dict[int, dict[int, int]] | None = None,
) -> tuple[Iterator[tuple[int, list[Any]]], int, list[str], list[tuple[int, int, int]], dict[tuple[int, int], int]]:
    """The sheet's rows as (row number, cells), its row count, the notices on how it was read, the (top, bottom)
    rows and column of its cells merged down (Table.merged_down) and its cells merged across (Table.merged_across).
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
    # Said by the pipeline, which knows where the data begins (a header merged over two rows is no data's), and
    # which tells a row of its own from one that holds nothing but the values filled in from above.
    merged_blocks = [(top + 1, bottom + 1, column) for top, bottom, column in merged_down]
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

    return rows(), last_row + 1, notices, merged_blocks, merged_across
