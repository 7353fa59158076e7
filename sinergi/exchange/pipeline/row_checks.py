"""Checking the rows of data, batch by batch: each batch cleaned column by column, each row checked for
duplicates within the file and with the entity's rules (_RowChecks); and the result made of them, refused or
checked with its counts and preview. PREVIEW_LIMIT (how many records the preview lists) is read here only: patch it
on this module.
"""

from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import values as v
from ..columns import Entity, ImportContext, RowPlan, RowProblems
from ..files import Table
from ._common import (
    CREATE,
    DUPLICATE_KEY,
    SAME_RECORD,
    UNCHANGED,
    UPDATE,
    HeaderMap,
    ImportResult,
    Problem,
    _cell_text,
    _filled,
    _written_header,
)
from .header_layouts import _read_marks
from .row_problems import (
    EIGHT_BIT_ENCODINGS,
    LOSSY_ENCODINGS,
    _absent_problems,
    _cells_without_header,
    _full_numbers_in_masked_columns,
    _lost_letters,
    _maybe_lost_letters,
    _retired_terms,
    _shifted_line,
)
from .row_warnings import _asked_but_empty, _left_in_notes, _left_in_status

PREVIEW_LIMIT = 200


@dataclass(eq=False, slots=True)
class _RowChecks:
    """Checks the rows of data, batch by batch, with the entity's rules (entity.plan), and keeps what the result
    needs of them: the plans of the rows without a problem, and the rows refused."""

    entity: Entity
    table: Table
    ctx: ImportContext
    header: HeaderMap
    result: ImportResult  # its problems and warnings are added to row by row
    max_problems: int
    plans: list[RowPlan] = field(default_factory=list)
    # Row -> [header, value as read], for the first new records.
    read_of_created: dict[int, list[list[str]]] = field(default_factory=dict)
    seen_keys: dict[tuple, int] = field(default_factory=dict)
    seen_targets: dict[Any, int] = field(default_factory=dict)
    refused_rows: set[int] = field(default_factory=set)
    # Rows refused after their plan for a problem that quotes their stored record.
    quoting: list[RowPlan] = field(default_factory=list)
    stopped_at: int = 0  # the row after which the check stopped for having found max_problems

    def check_batch(self, kept: list[tuple[int, list[Any]]]) -> None:
        """Cleans a batch's rows of data and checks each; stops at the row that brings the file's problems to
        max_problems (stopped_at)."""
        header, entity, ctx, result = self.header, self.entity, self.ctx, self.result
        unmarked = _read_marks(header, kept) if header.marks else {}
        cleaned = _clean_rows(header, kept, ctx)
        entity.prepare_batch([values for _row, _cells, values, _problems in cleaned], ctx)
        check_row, refused_rows = self.check_row, self.refused_rows
        for row_number, cells, values, problems in cleaned:
            if unmarked and row_number in unmarked:
                problems.append(unmarked[row_number])
            check_row(row_number, cells, values, problems)
            if problems:
                refused_rows.add(row_number)
                result.problems.extend(problems)
                if len(result.problems) >= self.max_problems:
                    self.stopped_at = row_number
                    return

    def check_row(self, row_number: int, cells: list[Any], values: dict[str, Any], problems: list[Problem]) -> None:
        """Adds to `problems` (the row's cells that could not be read) what else is wrong with one row of data: a
        cell no column reads, a duplicate of an earlier row, what the entity's rules refuse; keeps its plan when
        nothing is."""
        header, entity, table = self.header, self.entity, self.table
        if header.masked:
            problems += _full_numbers_in_masked_columns(header, row_number, cells)
        if header.unnamed or len(cells) > header.width:
            problems += _cells_without_header(header, row_number, cells, csv=bool(table.encoding))
        bad_columns = {p.column for p in problems}
        if header.absent:
            bad_columns |= _absent_problems(header, row_number, values, problems)
        duplicated = False
        seen_keys = self.seen_keys
        for identity, shown in entity.natural_keys(values):
            first = seen_keys.setdefault(identity, row_number)
            # Every key of the row is kept for the rows after it; one duplicate is enough to say (a row's keys
            # overlap: a worker's stint and the same worker serving)
            if first != row_number and not duplicated:
                duplicated = True
                message = _("Baris ini duplikat baris %(first)s (%(key)s sama).") % {
                    "first": first,
                    "key": shown() if callable(shown) else shown,
                }
                # What to do when the two rows are really two records (an entity's word, per kind of key).
                if advice := entity.duplicate_advice.get(identity[0]):
                    message = f"{message} {advice}"
                problems.append(Problem(row_number, "", "", message))
                self.result.twins.setdefault(first, []).append((row_number, DUPLICATE_KEY))
        try:
            plan = entity.plan(row_number, values, self.ctx)
        except RowProblems as row_problems:
            self._add_rule_problems(row_number, cells, values, row_problems, bad_columns, problems)
        else:
            self._check_plan(plan, row_number, cells, values, problems, duplicated)
        if (
            table.encoding
            and len(cells) > header.width
            and (problems or any(_filled(cell) for cell in cells[header.width :]))
        ):
            # A CSV line longer than its header: a comma inside text that is not quoted shifted the fields
            # after it ("Rina, S.Pd,P,…", its last field empty or not). Named first: it explains the rest.
            problems.insert(0, _shifted_line(header, row_number, cells))

    def _add_rule_problems(
        self,
        row_number: int,
        cells: list[Any],
        values: dict[str, Any],
        row_problems: RowProblems,
        bad_columns: set[str],
        problems: list[Problem],
    ) -> None:
        """Adds the problems the entity's rules found in a row, each on the file's column it concerns."""
        header, entity = self.header, self.entity
        for column, message in row_problems.problems:
            if column not in header.keys and entity.reported_on_instead.get(column) in header.keys:
                column = entity.reported_on_instead[column]  # the file's own column for the same thing
            written = _written_header(entity, header, column)
            if written in bad_columns:
                continue  # already reported as an unreadable cell; "wajib diisi" would only confuse
            partner = entity.reason_columns.get(column)
            if partner and partner not in header.keys and values.get(column) in (None, ""):
                # "Isi nomor KK atau pilih alasannya" where the file has no column for the reason: the
                # number cell empty, a dash, or words read as no number ("belum ada").
                message = _("%(message)s Kolom “%(column)s” tidak ada di file ini: tambahkan bila perlu.") % {
                    "message": message,
                    "column": _written_header(entity, header, partner),
                }
            if column and column not in header.keys and (header.partial or column not in entity.implied_columns):
                # A column this row needs that the file lacks (a file keyed by the export's ID; a reason
                # column for an empty number): say that the column is missing, not only that its (absent)
                # cell is empty.
                message = _("%(message)s Baris ini memerlukan kolom “%(column)s”, yang tidak ada di file ini.") % {
                    "message": message,
                    "column": written,
                }
            problems.append(Problem(row_number, written, _cell_text(header, cells, column), message))

    def _check_plan(
        self,
        plan: RowPlan,
        row_number: int,
        cells: list[Any],
        values: dict[str, Any],
        problems: list[Problem],
        duplicated: bool,
    ) -> None:
        """Checks a row the entity's rules accept against the stored record it changes and the rows before it, and
        keeps its plan, with its warnings, when the row has no problem."""
        header, entity, table = self.header, self.entity, self.table
        if (
            plan.action == UPDATE
            and table.encoding in LOSSY_ENCODINGS
            and (lost := _lost_letters(plan, table.encoding))
        ):
            problems += lost
            self.quoting.append(plan)  # its stored text
        if plan.action != UNCHANGED:
            problems += _retired_terms(header, plan, values, cells, self.ctx)
        if plan.action != CREATE:
            first = self.seen_targets.setdefault(plan.obj.pk, row_number)
            # A row already refused as a duplicate of that row (same ID) needs no second word on it.
            if first != row_number and not duplicated:
                self.quoting.append(plan)  # its record's key (a stored name)
                problems.append(
                    Problem(
                        row_number,
                        "",
                        "",
                        _("Baris ini dan baris %(first)s menunjuk data yang sama (%(key)s).")
                        % {"first": first, "key": plan.key},
                    )
                )
                self.result.twins.setdefault(first, []).append((row_number, SAME_RECORD))
        if not problems:
            self.plans.append(plan)
            if plan.action == CREATE and len(self.read_of_created) < PREVIEW_LIMIT:
                self.read_of_created[row_number] = _as_read(header, values) + entity.derived_of_created(plan, values)
            result = self.result
            for column, message in plan.warnings:
                written = _written_header(entity, header, column) if column else ""
                cell = _cell_text(header, cells, column) if column else ""
                result.warnings.append(Problem(row_number, written, cell, message))
            if plan.action == CREATE and table.encoding in EIGHT_BIT_ENCODINGS:
                result.warnings += _maybe_lost_letters(row_number, header, cells, table.encoding)
            # A new client, or one whose stay the file finds still open ("Meninggal" in a later month's list).
            may_have_left = plan.action == CREATE or plan.extra.get("stay_open")
            if may_have_left and (left := _left_in_notes(entity, header, values)):
                result.warnings.append(Problem(row_number, left[0], _cell_text(header, cells, "notes"), left[1]))
            elif may_have_left and (left := _left_in_status(entity, header, cells, values)):
                result.warnings.append(Problem(row_number, *left))
            if plan.action == CREATE and header.asked:
                result.warnings += _asked_but_empty(entity, header, row_number, cells, values)


def _refused_result(result: ImportResult, plans: list[RowPlan], quoting: list[RowPlan], stopped_at: int) -> None:
    """Refuses a file with problems, saying how many rows have them (or where the check stopped)."""
    result.status = "refused"
    # For a trial's access log (run_import): the valid rows, and the refused ones whose problems quote the
    # record they found.
    result.preview = {"_plans": plans, "_quoting": quoting}  # type: ignore[dict-item]
    if stopped_at:
        result.message = _(
            "Pemeriksaan dihentikan di baris %(row)s: file ini sudah punya %(count)s masalah. Tidak ada yang "
            "disimpan. Biasanya satu kesalahan berulang di banyak baris (kolom yang tertukar, format yang salah): "
            "perbaiki yang tercantum di laporan, lalu unggah lagi untuk memeriksa sisanya."
        ) % {"row": stopped_at, "count": number_format(len(result.problems), force_grouping=True)}
    else:
        result.message = ngettext(
            "%(rows)s baris bermasalah (%(problems)s masalah). Tidak ada data yang disimpan; "
            "perbaiki lalu unggah lagi.",
            "%(rows)s baris bermasalah (%(problems)s masalah). Tidak ada data yang disimpan; "
            "perbaiki lalu unggah lagi.",
            result.refused_rows,
        ) % {
            # Grouped as the page shows its counts (11.000 in Indonesian, 11,000 in English).
            "rows": number_format(result.refused_rows, force_grouping=True),
            "problems": number_format(len(result.problems), force_grouping=True),
        }


def _checked_result(
    entity: Entity,
    ctx: ImportContext,
    header: HeaderMap,
    plans: list[RowPlan],
    read_of_created: dict[int, list[list[str]]],
    result: ImportResult,
) -> None:
    """A file without problems: its counts, the entity's notices on what it would do, and the preview."""
    result.created = sum(1 for p in plans if p.action == CREATE)
    if result.created and entity.created_notice:
        result.notices.append(str(entity.created_notice))
    result.notices += entity.plans_notices(plans, header.keys, ctx)
    result.absent_ids = ctx.cache.get("absent_ids")
    result.updated = sum(1 for p in plans if p.action == UPDATE)
    result.unchanged = sum(1 for p in plans if p.action == UNCHANGED)
    result.preview = {
        "create": [
            {"row": p.row, "key": p.key, "values": read_of_created.get(p.row, [])}
            for p in islice((p for p in plans if p.action == CREATE), PREVIEW_LIMIT)
        ],
        "update": [{"row": p.row, "key": p.key, "changes": p.changes} for p in plans if p.action == UPDATE][
            :PREVIEW_LIMIT
        ],
        "_plans": plans,  # type: ignore[dict-item]
        # Every change, for the report's sheet of them, when the page lists only the first (kept past the write).
        "_changes": (  # type: ignore[dict-item]
            [(p.row, p.key, p.changes) for p in plans if p.action == UPDATE] if result.updated > PREVIEW_LIMIT else []
        ),
    }


def _clean_rows(header: HeaderMap, rows: list[tuple[int, list[Any]]], ctx: ImportContext) -> list[tuple]:
    """Cleans a batch column by column (each column reads its distinct values once), then hands each row its
    values: (row number, cells, values by column key, problems)."""
    keys = [column.key for column in header.columns.values()]
    columns = []
    for index, column in header.columns.items():
        raws = [cells[index] if index < len(cells) else None for _row, cells in rows]
        columns.append(column.clean_column(raws, ctx))
    problem_class = v.CellProblem
    bad_rows = {i for column in columns for i, value in enumerate(column) if value.__class__ is problem_class}
    cleaned = []
    row_values_of = zip(*columns, strict=True) if columns else [()] * len(rows)
    for i, ((row_number, cells), row_values) in enumerate(zip(rows, row_values_of, strict=True)):
        values = dict(zip(keys, row_values, strict=True))
        problems: list[Problem] = []
        if i in bad_rows:
            for (index, column), value in zip(header.columns.items(), row_values, strict=True):
                if isinstance(value, problem_class):
                    raw = cells[index] if index < len(cells) else None
                    problems.append(Problem(row_number, header.written[index], v.text(raw), value.message))
                    del values[column.key]
                    # Entities see which cells were unreadable, so they do not also report them as missing.
                    values.setdefault("_unreadable", set()).add(column.key)
        cleaned.append((row_number, cells, values, problems))
    return cleaned


def _as_read(header: HeaderMap, values: dict[str, Any]) -> list[list[str]]:
    """A new record's filled cells as they were read (a date as a date, a label for a code), so that a misread
    cell shows before anything is saved; numbers that identify a person are masked."""
    shown = []
    for index, column in header.columns.items():
        value = values.get(column.key)
        if column.read_only or value is None or value == "" or value == []:
            continue
        shown.append([header.written[index], column.display(value)])
    return shown
