"""Checking a sheet from its header to its result (_check): the header and rows, each batch through
_SheetRows and _RowChecks (handing the changing plans to a concurrent writer as it goes), then the notices on the
sheet as a whole (_sheet_notices, _kept_notice) once every row is checked.
"""

from collections.abc import Callable
from itertools import islice

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import values as v
from ..columns import Entity, ImportContext, RowPlan, blank_words_notice, read_as_notice
from ..files import FileRefused, Table, limit
from ._common import UNCHANGED, HeaderMap, ImportCancelled, ImportResult, Problem, Progress, _written_header
from .header import _header_and_rows
from .row_checks import _checked_result, _refused_result, _RowChecks
from .row_problems import _formula_error_problems
from .sheet_rows import _SheetRows


def _check(
    entity: Entity,
    table: Table,
    ctx: ImportContext,
    progress: Progress,
    batch_size: int,
    *,
    on_plans: Callable[[list[RowPlan]], None] | None = None,
) -> ImportResult:
    """Checks every row; `on_plans` receives each batch's plans that change something, for as long as no row has
    a problem (after that the file is refused anyway)."""
    result = ImportResult(status="checked", notices=list(table.notices))
    # The cap counts rows with data, as they are read: a sheet's extent says nothing (one stray space at row
    # 300,000, or the empty lines Excel leaves at the end of a CSV, would make a two-row file "too big").
    max_rows = limit("IMPORT_MAX_ROWS")
    max_problems = limit("IMPORT_MAX_PROBLEMS")
    found = _header_and_rows(entity, table, result, max_rows)
    if found is None:
        return result
    header, rows = found
    # A merge reaching past the sheet's last row (a whole column merged) names no row beyond it.
    sheet_rows = _SheetRows(header, [(top, min(bottom, table.total), col) for top, bottom, col in table.merged_down])
    checks = _RowChecks(entity, table, ctx, header, result, max_problems)
    total = max(table.total - header.row, 0)
    done = 0
    while batch := list(islice(rows, batch_size)):
        planned = len(checks.plans)
        kept = sheet_rows.data_rows(batch)
        result.rows_total += len(kept)
        if result.rows_total > max_rows:
            raise _too_many_rows(max_rows)
        checks.check_batch(kept)
        if checks.stopped_at:
            break
        if on_plans is not None and not result.problems:
            on_plans([plan for plan in checks.plans[planned:] if plan.action != UNCHANGED])
        done += len(batch)
        if progress("reading", min(done, total), total):
            raise ImportCancelled
    _sheet_notices(entity, table, ctx, header, checks.refused_rows, result, stopped_at=checks.stopped_at)
    sheet_rows.add_notices(result.notices)
    # Not of a row refused for a formula's error (its plan was made before): the cell held the error, not nothing.
    kept_of = [plan for plan in checks.plans if plan.row not in checks.refused_rows]
    if kept_notice := _kept_notice(entity, header, kept_of):
        result.notices.append(kept_notice)
    if result.rows_total == 0:
        result.status, result.message = (
            "refused",
            _("Tidak ada baris data di bawah judul kolom (baris %(row)s).") % {"row": header.row},
        )
        return result
    result.refused_rows = len(checks.refused_rows)
    if result.problems:
        _refused_result(result, checks.plans, checks.quoting, checks.stopped_at)
    else:
        _checked_result(entity, ctx, header, checks.plans, checks.read_of_created, result)
    return result


def _too_many_rows(max_rows: int) -> FileRefused:
    """The refusal of a file with more rows of data than an import takes."""
    return FileRefused(
        _(
            "File berisi lebih dari %(max)s baris data; paling banyak %(max)s baris per impor. "
            "Bagi menjadi beberapa file."
        )
        # Grouped as the reader's language groups thousands (200.000; in English 200,000).
        % {"max": number_format(max_rows, force_grouping=True)}
    )


def _sheet_notices(
    entity: Entity,
    table: Table,
    ctx: ImportContext,
    header: HeaderMap,
    refused_rows: set[int],
    result: ImportResult,
    *,
    stopped_at: int = 0,
) -> None:
    """Once every row is checked: the rows refused for a formula's error, the notices on the sheet as a whole (words
    read as blank or as values, hidden columns and rows that were read, merged cells), and its columns' own. A check
    stopped at its problem limit (`stopped_at`) names no formula error of a row after it: it said it checked no
    further."""
    if failed := [
        (row, index, error)
        for row, index, error in table.formula_errors()
        if row > header.row and (not stopped_at or row <= stopped_at)
    ]:
        _formula_error_problems(result, header, failed, refused_rows)
    if blank_words := blank_words_notice(ctx):
        result.notices.append(blank_words)
    if read_as := read_as_notice(entity, ctx, lambda key: _written_header(entity, header, key)):
        result.notices.append(read_as)
    if hidden_read := [index for index in table.hidden_columns if index in header.columns]:
        result.notices.append(
            _("Kolom tersembunyi di lembar ini ikut dibaca: %(columns)s.")
            % {"columns": ", ".join(f"{v.column_letter(i)} (“{header.written[i]}”)" for i in hidden_read[:10])}
        )
    # Up to the sheet's last row: a whole column merged is not "rows 2–1048576".
    if merged := [(top, min(bottom, table.total)) for top, bottom in table.merged_rows if bottom > header.row]:
        result.notices.append(
            _("Sel gabungan (merge) di baris %(rows)s: isinya dipakai untuk setiap baris yang digabung.")
            % {"rows": ", ".join(f"{top}–{bottom}" for top, bottom in merged[:10])}
        )
    if hidden := [number for number in table.hidden() if number > header.row]:
        result.notices.append(
            _("Baris tersembunyi di lembar ini (disaring atau disembunyikan) ikut dibaca: %(rows)s.")
            % {"rows": v.first_ten(hidden)}
        )
    for index, column in header.columns.items():
        if messages := column.file_problems(ctx):
            result.problems += [Problem(header.row, header.written[index], "", message) for message in messages]
            if doubtful := column.doubtful_cells(ctx):
                result.doubtful[header.written[index]] = doubtful
        result.notices += column.file_notices(ctx)


KEPT_COLUMNS_NAMED = 6  # a notice above the counts names this many; "and 19 more columns" says the rest


def _kept_notice(entity: Entity, header: HeaderMap, plans: list[RowPlan]) -> str:
    """Says which columns had empty cells on rows of stored records that hold a value there: the value stays (an
    exported file whose cell was cleared to erase it would otherwise be "unchanged" without a word)."""
    rows_of: dict[str, set[int]] = {}
    for plan in plans:
        for key in plan.kept:
            rows_of.setdefault(key, set()).add(plan.row)
    if not rows_of:
        return ""
    position = {column.key: index for index, column in header.columns.items()}
    ordered = sorted(rows_of.items(), key=lambda item: position.get(item[0], len(position)))
    # Named up to KEPT_COLUMNS_NAMED, the rest counted (all named when one more would only be counted).
    shown = ordered if len(ordered) <= KEPT_COLUMNS_NAMED + 1 else ordered[:KEPT_COLUMNS_NAMED]
    more = len(ordered) - len(shown)
    # Several columns left empty on the very same rows (an update of a few fields): the rows said once.
    same_rows = len(ordered) > 1 and len({frozenset(rows) for _key, rows in ordered}) == 1
    named = [
        _written_header(entity, header, key)
        if same_rows
        else ngettext("%(column)s (%(rows)s baris)", "%(column)s (%(rows)s baris)", len(rows))
        % {"column": _written_header(entity, header, key), "rows": number_format(len(rows), force_grouping=True)}
        for key, rows in shown
    ]
    columns = ", ".join(named)
    if more:
        columns = ngettext("%(columns)s, dan %(more)s kolom lain", "%(columns)s, dan %(more)s kolom lain", more) % {
            "columns": columns,
            "more": more,
        }
    if same_rows:
        count = len(ordered[0][1])
        columns = ngettext(
            "%(columns)s (semuanya pada %(rows)s baris yang sama)",
            "%(columns)s (semuanya pada %(rows)s baris yang sama)",
            count,
        ) % {"columns": columns, "rows": number_format(count, force_grouping=True)}
    return _(
        "Sel kosong tidak menghapus isian yang tersimpan; isian lama tetap dipakai di kolom %(columns)s. Untuk "
        "mengosongkan isian, ubah di halaman datanya."
    ) % {"columns": columns}
