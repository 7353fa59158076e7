"""The import pipeline: find the header, clean every cell, check every row with the entity's (= the services')
rules, refuse the whole file if anything is wrong, and otherwise write everything in ONE transaction.

Nothing is written before every row has been checked, so a file is never half-imported; a cancel between batches
rolls the transaction back. Progress is reported through a callback (the job row, or the terminal's bar).
"""

import datetime
import difflib
import hashlib
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from sinergi.core.bulk import cyclic_gc_paused
from sinergi.core.busy import is_busy
from sinergi.core.errors import ConflictError

from . import lockwaits
from . import values as v
from .columns import (
    MANY_SEPARATOR,
    Column,
    Entity,
    ImportContext,
    RecordIdColumn,
    RecordVersionColumn,
    RowPlan,
    RowProblems,
    TermColumn,
    blank_words_notice,
    entities,
    read_as_notice,
)
from .files import FileRefused, Table, limit, open_table
from .writer import ConcurrentWriter, writes_alongside

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor

BATCH_SIZE = 1000
HEADER_SEARCH_ROWS = 20
# The most columns with something written that a row among the first HEADER_SEARCH_ROWS may have. The widest template
# has about 33 columns, and an office's own table a few dozen more; every unknown header is compared with every
# column's names for a hint (difflib), so a 1 MB CSV whose first line is 139,000 column names held a worker for a
# minute (thirty-fourth review, F7). Checked before any matching, the file refused as a whole.
HEADER_MAX_COLUMNS = 500
# How many unknown headers the notice names (each with its hint, if any); the others are counted.
UNKNOWN_HEADERS_NAMED = 20
PREVIEW_LIMIT = 200
CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
# The column our error reports add, in the language of the run; a corrected report imports cleanly whichever of
# these it has.
ERROR_HEADER = gettext_noop("Kesalahan impor")


def in_every_language(*headers: str) -> set[str]:
    """Headers of our own files (given as their Indonesian msgids) as written in every language of the interface,
    normalised as headers are compared: from the catalogue, so that a file made in English (an export, an error
    report) is read back as one made in Indonesian, and a changed translation cannot part them."""
    names = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.update(v.norm(_(header)) for header in headers)
    return names


def error_headers() -> set[str]:
    """ERROR_HEADER in every language of the interface, normalised as headers are compared."""
    return in_every_language(ERROR_HEADER)


# progress(phase, done, total) -> True when the user asked to cancel.
Progress = Callable[[str, int, int], bool]


class ImportCancelled(Exception):
    """The user cancelled; the transaction (if any) is rolled back."""


@dataclass
class Problem:
    """One problem: spreadsheet row, column header (as in the file), the value, and a message."""

    row: int
    column: str
    value: str
    message: str

    def __post_init__(self) -> None:
        # An entity may give a module's lazy constant (RESTRICTED_ROW): made text here, once, for every problem and
        # warning, as the job stores them as JSON and masks numbers in them (the thirty-seventh review).
        if self.message.__class__ is not str:
            self.message = str(self.message)

    def as_list(self) -> list[Any]:
        return [self.row, self.column, self.value, self.message]


@dataclass
class ImportResult:
    """The outcome of a run; `status` is checked (dry run passed), succeeded, refused or cancelled."""

    status: str
    message: str = ""
    rows_total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # rows that import, with something to check
    extra: dict[str, Any] = field(default_factory=dict)  # the entity's facts for the audit event
    notices: list[str] = field(default_factory=list)
    preview: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    header_row: int = 0
    columns: dict[int, str] = field(default_factory=dict)  # file column index -> header as written
    seconds: float = 0.0
    plan_digest: str = ""  # a trial's plan_digest, kept on its job
    sheets: list[str] = field(default_factory=list)  # refused for records on several sheets: those sheets
    absent_ids: list[int] | None = None  # a chosen sheet's: the records it might have named and does not (if counted)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows_total,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused_rows": self.refused_rows,
            "problems": len(self.problems),
        }


@dataclass
class HeaderMap:
    row: int
    columns: dict[int, Column]  # file column index -> entity column
    written: dict[int, str]  # file column index -> header as written
    # A file keyed by the export's ID that lacks columns a new record needs (partial), the required ones among
    # them (absent: each row without an ID is refused for them), and the key of the ID column.
    partial: bool = False
    absent: list[Column] = field(default_factory=list)
    record_id: str = ""
    # An export's masked number columns (file column index -> (header as written, the real column's header)), read
    # only to refuse a full number written into one: it would otherwise be lost without a word.
    masked: dict[int, tuple[str, str]] = field(default_factory=dict)
    # The header row's width and its blank cells: a value under a blank header (or past the last header, where a
    # CSV line has more fields than its header) would be read by no column.
    width: int = 0
    unnamed: tuple[int, ...] = ()
    # A sex written as a mark under "L" or under "P" (file column index of L -> of P): read as one column.
    marks: dict[int, int] = field(default_factory=dict)

    @property
    def keys(self) -> set[str]:
        return {column.key for column in self.columns.values()}


def _no_progress(phase: str, done: int, total: int) -> bool:
    return False


def plan_digest(plans: list[RowPlan]) -> str:
    """What a file would do, row by row: each row's action, whom it names, and every change with its value before
    and after. The same digest at a trial's confirm means the user approved exactly what is written; a record
    changed since the trial (by a form or another import) changes it, even where the counts stay the same."""
    digest = hashlib.blake2b(digest_size=16)
    for plan in plans:
        changes = sorted((str(header), [str(value) for value in values]) for header, values in plan.changes.items())
        digest.update(repr((plan.row, plan.action, str(plan.key), changes)).encode())
    return digest.hexdigest()


STALE_TRIAL = gettext_lazy(
    "Data tersimpan berubah sejak uji coba file ini (lewat formulir atau impor lain), jadi impor ini tidak lagi sama "
    "dengan yang Anda periksa dan setujui. Tidak ada yang disimpan. Periksa file ini lagi untuk melihat apa yang kini "
    "akan diubah, lalu impor."
)


# The cyclic collector walked the whole heap dozens of times per import and freed nearly nothing (docs/performance.md).
@cyclic_gc_paused()
def run_import(
    *,
    entity: Entity,
    path: str | Path,
    kind: str,
    actor: "User | SystemActor",
    dry_run: bool,
    progress: Progress = _no_progress,
    on_saved: Callable[[ImportResult], None] | None = None,
    batch_size: int = BATCH_SIZE,
    expected_plan: str = "",
    audit_via: dict | None = None,
    sheet: str = "",
    absent_elsewhere: dict[str, set[int]] | None = None,
    stop_requested: Callable[[], bool] | None = None,
    on_lock_wait: lockwaits.LockWaitCallback | None = None,
) -> ImportResult:
    """Checks (and unless `dry_run`, imports) the file (its sheet `sheet`, when the user chose one). `on_saved(result)`
    runs inside the write transaction (for the audit event), so the event exists exactly when the rows do.
    `expected_plan`: the plan_digest of the trial this import confirms; nothing is written unless the file would still
    do what the trial showed. `audit_via`: added to the audit events of the records the import changes through the
    services (its job). `absent_elsewhere`: for a sheet of several, the other sheets of the same file imported before
    it, each with the records its import found absent from it (ImportJob.absent_person_ids). `stop_requested()`: whether
    the user cancelled, asked from another thread while the write waits for a lock (lockwaits.CancelWatch; `progress`
    is asked between batches). `on_lock_wait`: told when the write has waited a while for a lock another session
    holds, and when that wait is over (PostgreSQL)."""
    absent_elsewhere = absent_elsewhere or {}
    started = time.monotonic()
    try:
        table = open_table(
            path, kind, preferred_sheets=entity.sheet_names(), is_header=header_test(entity), sheet=sheet
        )
    except FileRefused as refused:
        return ImportResult(status="refused", message=refused.message, sheets=refused.sheets)
    # One context for checking and writing: what the check learnt (lookups, the file's own keys, when it began)
    # is what the write relies on.
    ctx = ImportContext(actor=actor, entity=entity)
    ctx.cache["date_1904"] = table.date_1904
    ctx.cache["file_kind"] = kind  # (a column's file-wide checks may hold only for some: IdentityNumberColumn)
    ctx.cache["audit_via"] = audit_via
    # Sheets with records not read this time (the user chose one): what is "not in this file" may be on them.
    ctx.cache["sheets_left"] = table.sheets_left
    ctx.cache["absent_elsewhere"] = {name: ids for name, ids in absent_elsewhere.items() if name in table.sheets_left}
    ctx.cache["dry_run"] = dry_run  # (what a trial may say that a real run says only once it flags it for the board)
    # A large file on PostgreSQL is written by a second thread while it is still being checked (see writer.py).
    writer = ConcurrentWriter(entity, ctx, batch_size) if not dry_run and writes_alongside(table.total) else None
    try:
        result = _check(entity, table, ctx, progress, batch_size, on_plans=writer.add if writer else None)
    except FileRefused as refused:
        if writer is not None:
            writer.abort()
        return ImportResult(status="refused", message=refused.message)
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        table.close()
    if result.status != "refused" and (dry_run or expected_plan):
        result.plan_digest = plan_digest(result.preview["_plans"])  # type: ignore[arg-type]
    refused = result.status == "refused"
    # A refused run's rows are not kept past this point, as before (their warnings and problems are in the result).
    valid: list[RowPlan] = result.preview.pop("_plans", []) if refused else []  # type: ignore[assignment]
    quoting: list[RowPlan] = result.preview.pop("_quoting", []) if refused else []  # type: ignore[assignment]
    if refused or dry_run:
        if writer is not None:
            writer.abort()
        # What the trial's or the refused import's page and report will show of stored records is logged as a view
        # of them (UU PDP): a refusal quotes stored values whether or not it was a trial.
        with transaction.atomic():
            entity.result_checked(
                valid if refused else result.preview["_plans"],  # type: ignore[arg-type]
                ctx,
                refused=refused,
                quoting=quoting,
            )
        result.seconds = time.monotonic() - started
        return result
    if expected_plan and result.plan_digest != expected_plan:
        if writer is not None:
            writer.abort()  # what it wrote alongside the check is rolled back
        return ImportResult(status="refused", message=str(STALE_TRIAL), rows_total=result.rows_total)
    plans: list[RowPlan] = result.preview.pop("_plans")  # type: ignore[assignment]
    try:
        if writer is not None:
            changing = sum(1 for plan in plans if plan.action != UNCHANGED)
            writer.finish(
                result, on_saved, wait=lambda done: progress("saving", done, changing), on_lock_wait=on_lock_wait
            )
        else:
            _write(entity, plans, result, ctx, progress, batch_size, on_saved, stop_requested, on_lock_wait)
    except ConflictError as conflict:
        return ImportResult(status="refused", message=str(conflict), rows_total=result.rows_total)
    except OperationalError as error:
        if not is_busy(error):
            raise
        if writer is not None:
            writer.abort()
        # Two imports writing at the same LKS in opposite order (the database ends one of them), or SQLite's write
        # lock held by another import for longer than the wait: everything of this one is rolled back.
        return ImportResult(status="refused", message=str(BUSY), rows_total=result.rows_total)
    except BaseException:
        # Ctrl+C or a worker's shutdown while saving: the writer must not commit after the run said it stopped.
        if writer is not None:
            writer.abort()
        raise
    _link_created(result, plans)
    result.status = "succeeded"
    result.seconds = time.monotonic() - started
    return result


def _link_created(result: ImportResult, plans: list[RowPlan]) -> None:
    """Adds to the preview of the records made their ids: the result page links each one (an LKS to verify, a
    client to complete)."""
    made = [plan for plan in plans if plan.action == CREATE][: len(result.preview.get("create", []))]
    for item, plan in zip(result.preview.get("create", []), made, strict=True):
        if isinstance(pk := getattr(plan.obj, "pk", None), int):
            item["id"] = pk


BUSY = gettext_lazy(
    "Data yang akan disimpan impor ini sedang disimpan juga oleh proses lain pada saat bersamaan (impor lain, atau "
    "perubahan di halaman data), sehingga impor ini dihentikan. Tidak ada yang disimpan; ulangi impor sebentar lagi."
)


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
    sheet_rows = _SheetRows(header)
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
    if kept_notice := _kept_notice(entity, header, checks.plans):
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
    if below and _column_numbers(below[0][1]):
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


def _too_many_rows(max_rows: int) -> FileRefused:
    """The refusal of a file with more rows of data than an import takes."""
    return FileRefused(
        _(
            "File berisi lebih dari %(max)s baris data; paling banyak %(max)s baris per impor. "
            "Bagi menjadi beberapa file."
        )
        % {"max": f"{max_rows:,}".replace(",", ".")}
    )


@dataclass(eq=False, slots=True)
class _SheetRows:
    """Sorts the rows below the header, batch by batch, into rows of data and the sheet's other rows (totals,
    section titles, its foot, the header said again, rows filled only in columns not read), which are skipped and
    named in the notices at the end."""

    header: HeaderMap
    read: list[int] = field(init=False)  # the file columns read, in order
    total_rows: list[int] = field(default_factory=list)
    section_rows: list[int] = field(default_factory=list)
    foot_rows: list[int] = field(default_factory=list)
    # Rows that look like the sheet's foot (signatures, a legend, "Jumlah pekerja: 2 orang"), held back until the
    # table ends (then skipped, each named) or a row of data follows (then read as data: a foot is only at the end).
    # Each with whether it is a foot by the older rule (one cell filled under a total row), which still holds.
    pending_foot: list[tuple[int, list[Any], bool]] = field(default_factory=list)
    unread_rows: list[int] = field(default_factory=list)
    header_again_rows: list[int] = field(default_factory=list)
    after_total: bool = False

    def __post_init__(self) -> None:
        self.read = sorted(self.header.columns)

    def data_rows(self, batch: list[tuple[int, list[Any]]]) -> list[tuple[int, list[Any]]]:
        """The batch's rows of data, in order, with the held rows of a foot that data followed; its other rows are
        kept for the notices."""
        # Locals, not attributes, in the loop that every row of the file goes through.
        header, read, pending_foot = self.header, self.read, self.pending_foot
        total_rows, section_rows, foot_rows = self.total_rows, self.section_rows, self.foot_rows
        unread_rows, header_again_rows = self.unread_rows, self.header_again_rows
        after_total = self.after_total
        kept: list[tuple[int, list[Any]]] = []
        for row_number, cells in batch:
            # A row is blank when the columns we read are: a pre-numbered "No" column or a section title ("A. ANAK
            # DALAM PANTI") in a column we ignore does not make it data.
            if _blank_row(cells, read):
                if not any(_filled(cell) for cell in cells):
                    continue
                if _not_data(cells, read) == "total":  # "JUMLAH" in a column we do not read, its sums unread too
                    total_rows.append(row_number)
                    after_total = True
                else:
                    unread_rows.append(row_number)  # said, not silent: something only in columns we do not read
                continue
            kind = _not_data(cells, read)
            if kind == "total":
                total_rows.append(row_number)
                after_total = True
            elif kind == "section":
                section_rows.append(row_number)
            elif _foot_row(cells, continuing=bool(pending_foot)) or (
                pending_foot and after_total and _filled_count(cells, read) == 1
            ):
                pending_foot.append((row_number, cells, after_total and _filled_count(cells, read) == 1))
            elif after_total and _filled_count(cells, read) == 1:
                # Under a total row, a row with one cell filled is the sheet's foot (place and date, a signatory's
                # title, a name in brackets), not a record: a record has more to say.
                foot_rows.append(row_number)
            elif _repeats_header(cells, header, read):
                header_again_rows.append(row_number)  # two tables pasted one under the other
            else:
                for held, held_cells, single_after_total in pending_foot:
                    if _subtotal(held_cells):
                        # "Jumlah Putra 2" alone in its row, with more rows of data after it: a group's subtotal
                        total_rows.append(held)
                    elif single_after_total:
                        foot_rows.append(held)
                    else:
                        kept.append((held, held_cells))
                pending_foot.clear()
                kept.append((row_number, cells))
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
    if merged := [(top, bottom) for top, bottom in table.merged_rows if bottom > header.row]:
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
        for message in column.file_problems(ctx):
            result.problems.append(Problem(header.row, header.written[index], "", message))
        result.notices += column.file_notices(ctx)


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


# Encodings a CSV may be saved in that lack most letters: a program saving in one writes "?" for each letter it
# lacks (LibreOffice and Excel both do), so "Nguyễn" comes back as "Nguy?n". A file read as UTF-8 without a BOM
# may be such a save too, when the lost letters were its only ones outside ASCII (most Indonesian files): an
# update is compared with the stored text in both. A new record only in a file that is 8-bit for sure.
EIGHT_BIT_ENCODINGS = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman"}
LOSSY_ENCODINGS = {*EIGHT_BIT_ENCODINGS, "utf-8"}


def _formula_error_problems(
    result: ImportResult, header: HeaderMap, failed: list[tuple[int, int, str]], refused_rows: set[int]
) -> None:
    """Refuses the rows with a cell (in a column we read) whose formula gave an error, which read as empty: the
    error is what the user should fix, not the "wajib diisi" an empty cell got, which it replaces."""
    errors = {(row, header.written[index]): error for row, index, error in failed if index in header.columns}
    if not errors:
        return
    result.problems = [p for p in result.problems if (p.row, p.column) not in errors]
    for (row, column), error in errors.items():
        result.problems.append(Problem(row, column, error, v.formula_error_message(error)))
        refused_rows.add(row)
    result.problems.sort(key=lambda problem: problem.row)


def _lost_letters(plan: RowPlan, encoding: str) -> list[Problem]:
    """The changes of an update that are only the stored text with the letters an 8-bit encoding lacks turned into
    "?": a file exported, then saved as a Windows-1252 (or Mac Roman) CSV. Refused, not stored over the name as it
    was. (A file read as UTF-8 is compared as Windows-1252: see LOSSY_ENCODINGS.)"""
    if encoding not in EIGHT_BIT_ENCODINGS:
        encoding = "cp1252"
    lost = []
    for column, (before, after) in plan.changes.items():
        if (
            before.__class__ is str
            and before != after
            and before.encode(encoding, errors="replace").decode(encoding) == after
        ):
            lost.append(
                Problem(
                    plan.row,
                    column,
                    after,
                    _(
                        "Huruf yang tersimpan (“%(before)s”) berubah menjadi “?” karena file CSV ini disimpan dengan "
                        "pengodean %(encoding)s, yang tidak memuat huruf itu. Simpan ulang sebagai CSV UTF-8 (di "
                        "LibreOffice: set karakter “Unicode (UTF-8)”), lalu unggah lagi."
                    )
                    % {"before": before, "encoding": EIGHT_BIT_ENCODINGS[encoding]},
                )
            )
    return lost


def _retired_terms(
    header: HeaderMap, plan: RowPlan, values: dict[str, Any], cells: list[Any], ctx: ImportContext
) -> list[Problem]:
    """Vocabulary terms retired from the lists, set anew by a row: on a new record, or as a change of a stored one.
    A cell is read with them (a record keeps a term retired since, and its export imports back unchanged), but the
    forms no longer offer them, and neither does an import."""
    found = []
    # The file's vocabulary columns whose vocabulary has retired terms at all (most imports: none, no cost per row).
    columns = ctx.cached(
        "retired_term_columns",
        lambda: [
            (index, column)
            for index, column in header.columns.items()
            if isinstance(column, TermColumn) and ctx.retired_terms(column.vocabulary)
        ],
    )
    for index, column in columns:
        value = values.get(column.key)
        retired = [term for term in (value if isinstance(value, list) else [value]) if term and not term.is_active]
        if retired and plan.action != CREATE:
            change = plan.changes.get(str(column.header))
            stored = set(change[0].split(MANY_SEPARATOR)) if change and change[0] else set()
            retired = [term for term in retired if change and column.display(term) not in stored]
        cell = v.text(cells[index]) if index < len(cells) else ""
        for term in retired:
            # Named as the cell writes it (a file filled in Indonesian, read by a user working in English).
            named = next(
                (name for name in (term.label_id, term.label_en, term.code) if name and v.norm(name) in v.norm(cell)),
                column.display(term),
            )
            found.append(
                Problem(
                    plan.row,
                    header.written.get(index) or str(column.header),
                    cell,
                    _("“%(label)s” sudah tidak dipakai lagi (tidak ada di daftar pilihan); pilih isian lain.")
                    % {"label": named},
                )
            )
    return found


# A "?" touching a letter: in a file saved in a lossy encoding most likely a letter it lacked ("Nguy?n").
_LOST_LETTER = re.compile(r"[^\W\d_]\?|\?[^\W\d_]")


def _maybe_lost_letters(row_number: int, header: HeaderMap, cells: list[Any], encoding: str) -> list[Problem]:
    """Warnings for a new record's text cells with a "?" inside a word, from a file saved in a lossy encoding:
    there is no stored text to compare with (as _lost_letters does for an update), and a "?" may be meant."""
    warnings = []
    for index in header.columns:
        cell = cells[index] if index < len(cells) else None
        if cell.__class__ is str and "?" in cell and _LOST_LETTER.search(cell):
            warnings.append(
                Problem(
                    row_number,
                    header.written[index],
                    v.text(cell),
                    _(
                        "Tanda “?” di sini mungkin huruf yang hilang: file CSV ini disimpan dengan pengodean "
                        "%(encoding)s, yang tidak memuat semua huruf. Periksa tulisannya, atau simpan ulang sebagai "
                        "CSV UTF-8 lalu unggah lagi."
                    )
                    % {"encoding": EIGHT_BIT_ENCODINGS[encoding]},
                )
            )
    return warnings


def header_index(entity: Entity) -> dict[str, Column]:
    """Every way a header cell may name one of the entity's columns (normalised), to that column: as written, and
    with its abbreviations spelled out (see _spelled_out), unless that form names two columns."""
    known: dict[str, Column] = {}
    for column in entity.columns:
        for key in column.header_keys():
            known.setdefault(key, column)
    spelled: dict[str, Column | None] = {}
    for key, column in known.items():
        full = _spelled_out(key)
        if full not in known:
            spelled[full] = column if spelled.get(full, column) is column else None
    known.update((key, column) for key, column in spelled.items() if column is not None)
    return known


# Abbreviations of header words, read as the word they shorten ("Tgl Lhr", "Tmpt Lahir", "No. Telp", "Kel/Desa"):
# offices write every header in several of them, and listing each combination as a synonym misses the next one.
_ABBREVIATIONS = {
    "tgl": "tanggal", "tg": "tanggal", "tggl": "tanggal", "lhr": "lahir", "tmpt": "tempat", "tmp": "tempat",
    "tpt": "tempat", "no": "nomor", "nmr": "nomor", "nomer": "nomor", "telp": "telepon", "tlp": "telepon",
    "tlpn": "telepon", "telpon": "telepon", "kab": "kabupaten", "kec": "kecamatan", "kel": "kelurahan",
}  # fmt: skip


def _spelled_out(key: str) -> str:
    """A normalised header with its abbreviated words written out."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in key.split())


def _known(key: str, known: dict[str, Column]) -> Column | None:
    """The column a normalised header names, as written or with its abbreviations spelled out."""
    column = known.get(key)
    return column if column is not None else known.get(_spelled_out(key))


_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
# Words of a hint on how to fill a column. A bracket saying whose it is ("NIK (Ayah)", "Nama (Orang Tua/Wali)")
# is no hint: that column is someone else's and must stay unknown, not be read as the client's.
_HINT_WORDS = {
    "wajib", "opsional", "pilihan", "boleh", "kosong", "diisi", "isi", "contoh", "mis", "misal", "misalnya", "format",
    "angka", "digit", "teks", "huruf", "kode", "dd", "mm", "yyyy", "yy", "hh", "bb", "tttt", "tt", "tgl", "tahun",
    "bulan", "hari", "tanggal", "bln", "thn", "th", "ddmmyyyy", "lihat", "daftar", "petunjuk", "pilih", "dari",
    "sesuai", "ya", "tidak", "atau", "dan", "dengan", "tanpa", "titik", "koma", "spasi", "orang", "jiwa", "rupiah",
    "rp", "persen", "required", "optional", "e", "g", "eg", "example", "digits", "text", "code",
}  # fmt: skip


# Words that begin a hint whatever follows: "(sesuai KK)", "(contoh: 6371…)", "(format tgl-bln-thn)".
_HINT_LEADS = {"sesuai", "menurut", "berdasarkan", "contoh", "cth", "mis", "misal", "misalnya", "format", "lihat"}
# Words saying that a header is about someone else than the row's person ("Nama Orang Tua", "NIK (Ayah)"): a header
# holding one names no column of the person's by guess.
_OTHER_PERSON_WORDS = {"ayah", "ibu", "bapak", "bpk", "ortu", "tua", "wali", "suami", "istri", "saudara"}


def _is_hint(inside: str) -> bool:
    words = v.norm(inside).split()
    if words and words[0] in _HINT_LEADS and not _OTHER_PERSON_WORDS.intersection(words):
        return True
    return bool(words) and all(word in _HINT_WORDS or any(ch.isdigit() for ch in word) for word in words)


_CHOICE_SEPARATORS = re.compile(r"[/,;|]")


def _lists_choices(column: Column, inside: str) -> bool:
    """Whether a bracket lists the column's own choices: "(L/P)" or "(Laki-laki/Perempuan)" after "Jenis
    kelamin" — a hint on how to fill it, while "(Orang Tua/Wali)" after "Nama" is no choice of the name."""
    options = getattr(column, "options", ())
    if not options:
        return False
    known = {v.norm(code) for code, _label in options} | {v.norm(label) for _code, label in options}
    known |= {v.norm(word) for word, _code in getattr(column, "aliases", ())}
    parts = [v.norm(part) for part in _CHOICE_SEPARATORS.split(inside)]
    return len(parts) > 1 and all(part in known for part in parts)


def header_column(cell: Any, known: dict[str, Column]) -> Column | None:
    """The column a header cell names: as written, with its abbreviations spelled out ("Tgl Lhr"), without a hint in
    brackets ("Tanggal lahir (dd-mm-yyyy)", "NIK [16 angka]", "Nama LKS (wajib)", "Jenis kelamin (L/P)", "Nomor
    Induk Kependudukan (NIK)"), or as alternatives that name one column ("NIK/No. KTP", "No. Telp/HP") — a header of
    ours that has brackets ("Kapasitas (orang)") matches as written first, and a bracket that is not a hint ("NIK
    (Ayah)") is kept."""
    key = v.norm(cell)
    column = _known(key, known)
    if column is None and key and cell.__class__ is str and ("(" in cell or "[" in cell):
        stripped = _BRACKETED.sub(lambda m: " " if _is_hint(m[1] or m[2] or "") else m[0], cell)
        if stripped != cell:
            column = _known(v.norm(stripped), known)
        if column is None:
            # A bracket listing the choices can only be judged against the column the rest of the header names; one
            # naming that column again restates it ("Nomor Induk Kependudukan (NIK)").
            named = _known(v.norm(_BRACKETED.sub(" ", cell)), known)
            insides = [m[1] or m[2] or "" for m in _BRACKETED.finditer(cell)]
            if named is not None and all(
                _is_hint(inside) or _lists_choices(named, inside) or _known(v.norm(inside), known) is named
                for inside in insides
            ):
                column = named
    if column is None and key and cell.__class__ is str and "/" in cell and not _combined_fields(cell):
        column = _one_of_alternatives(cell, known)
    return column


def _one_of_alternatives(cell: str, known: dict[str, Column]) -> Column | None:
    """The column that a header written as alternatives ("NIK/No. KTP", "No. Telp/HP", "Kel/Desa", "Nama
    Pimpinan/Ketua") names: every alternative names the same one ("No. Izin/Tgl", "Nama Orang Tua/Wali" stay
    unknown). An alternative is also read with the
    words the first one starts with or the last one ends with ("Nama Ayah/Ibu" is "Nama Ayah" or "Nama Ibu": two
    columns, so unknown; "Tempat/Tgl Lahir" is two as well)."""
    text = _BRACKETED.sub(lambda m: " " if _is_hint(m[1] or m[2] or "") else m[0], cell)
    if "(" in text or "[" in text:
        return None  # a bracket that is no hint, maybe with a slash of its own: "Nama (Orang Tua/Wali)"
    parts = [words for part in text.split("/") if (words := v.norm(part).split())]
    if len(parts) < 2:
        return None
    found: Column | None = None
    for index, words in enumerate(parts):
        readings = [words]
        if index:
            readings += [parts[0][:n] + words for n in range(1, len(parts[0]))]
        if index < len(parts) - 1:
            readings += [words + parts[-1][-n:] for n in range(1, len(parts[-1]))]
        named = {id(c): c for c in (_known(" ".join(reading), known) for reading in readings) if c is not None}
        if len(named) > 1:
            return None
        if not named:
            # A part that names nothing holds something else too ("No. Izin/Tgl": the number and its date, "Tgl
            # Mulai/Selesai"): the column would receive it as if it were its own.
            return None
        column = next(iter(named.values()))
        if found is not None and found is not column:
            return None
        found = column
    return found


# A header naming several of our columns in one ("TEMPAT, TGL LAHIR", "Tempat/Tanggal Lahir", "TTL"), normalised, and
# the columns it stands for. The cells are not split: a place and a date are written together in too many ways
# ("Bjm, 17-8-14", "Banjarmasin 17 Agt 2014", a date cell Excel reformatted) to be taken apart without guessing, and
# a guess would be stored. The column is named in a warning instead of among the unknown ones.
COMBINED_HEADERS = (
    (
        re.compile(r"(?:tempat|tmp|tmpt|tpt)(?: dan)? (?:tanggal|tgl|tg) (?:lahir|lhr)|ttl"),
        ("birth_place", "birth_date"),
    ),
)


def _combined_fields(cell: Any) -> tuple[str, ...]:
    """The fields a header cell names together (see COMBINED_HEADERS); () for any other cell."""
    key = v.norm(_BRACKETED.sub(" ", cell) if cell.__class__ is str else cell)
    return next((keys for pattern, keys in COMBINED_HEADERS if pattern.fullmatch(key)), ())


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


# An age written in place of the birth date ("Umur", "Usia (th)"), normalised.
AGE_HEADERS = {"umur", "usia", "umur th", "umur thn", "umur tahun", "usia th", "usia thn", "usia tahun", "umur anak"}


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


def _combined_keys(cell: Any, entity: Entity) -> list[str]:
    """The entity's columns that a header cell names together; [] for any other cell."""
    own = {column.key for column in entity.columns}
    return [key for key in _combined_fields(cell) if key in own]


def header_test(entity: Entity) -> Callable[[list[Any]], bool]:
    """Whether a row could be the entity's header: two or more cells name its columns (choosing among sheets)."""
    known = header_index(entity)

    def is_header(cells: list[Any]) -> bool:
        return sum(1 for cell in cells if header_column(cell, known) is not None) >= 2

    return is_header


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


@dataclass
class _HeaderCells:
    """The header row's cells as read: the columns found, and the names the notices after the reading tell of."""

    columns: dict[int, Column] = field(default_factory=dict)  # file column index -> entity column
    written: dict[int, str] = field(default_factory=dict)  # file column index -> header as written
    used: dict[str, str] = field(default_factory=dict)  # entity column key -> header as written
    unknown: list[str] = field(default_factory=list)
    read_only: list[str] = field(default_factory=list)
    # A header naming several fields in one cell ("Tempat, Tgl Lahir") and the entity's columns it names.
    merged: list[tuple[str, list[str]]] = field(default_factory=list)


def _refuse_too_wide(head: list[tuple[int, list[Any]]], result: ImportResult) -> bool:
    """Refuses the file when a row of its head fills more than HEADER_MAX_COLUMNS cells: matching every one of
    them against every column's names would hold a worker for minutes (see HEADER_MAX_COLUMNS)."""
    for row_number, cells in head:
        if (filled := sum(1 for cell in cells if cell is not None and cell != "")) > HEADER_MAX_COLUMNS:
            result.status, result.message = (
                "refused",
                _(
                    "Baris %(row)s berisi %(count)s kolom, padahal file impor boleh memuat paling banyak %(limit)s "
                    "kolom (templat impor memuat sekitar 30). Hapus kolom yang tidak dipakai, atau salin datanya ke "
                    "templat impor, lalu unggah lagi."
                )
                % {
                    "row": row_number,
                    "count": number_format(filled, force_grouping=True),
                    "limit": number_format(HEADER_MAX_COLUMNS, force_grouping=True),
                },
            )
            return True
    return False


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


def _refuse_no_header(entity: Entity, head: list[tuple[int, list[Any]]], result: ImportResult) -> None:
    """Refuses a file none of whose first rows names a column, with an example of one (and the kind of record the
    file seems to hold instead, if any)."""
    result.status, result.message = (
        "refused",
        _(
            "Judul kolom tidak ditemukan di 20 baris pertama. Gunakan templat impor, atau pastikan baris judul "
            "memuat nama kolom seperti “%(example)s”."
        )
        % {"example": _example_header(entity)}
        + _other_entity_hint(entity, head),
    )


def _example_header(entity: Entity) -> str:
    """A column a file of `entity` must have ("Nama LKS"), not its first one (the LKS export's "ID", which a new file
    leaves out)."""
    columns = entity.import_columns()
    return str(next((column for column in columns if column.required), columns[0]).header)


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
    ignored = in_every_language(*entity.ignored_headers, ERROR_HEADER) | {v.norm(h) for h in NUMBERING_HEADERS}
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
            continue
        column = header_column(cell, known)
        if column is None:
            if combined := _combined_keys(cell, entity):
                read.merged.append((name, combined))
            else:
                read.unknown.append(name)
            continue
        if column.read_only:
            read.read_only.append(name)
            continue
        if column.key in read.used:
            result.header_row = row_number
            result.status, result.message = "refused", _duplicate_message(read, column, name, key, index)
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


def _duplicate_message(read: _HeaderCells, column: Column, name: str, key: str, index: int) -> str:
    """Why a header naming a column read already is refused: the same title twice, or two names of one column."""
    first = next(i for i, c in read.columns.items() if c.key == column.key)
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


def _header_notices(
    entity: Entity,
    row_number: int,
    two_rows: bool,
    cells: list[Any],
    known: dict[str, Column],
    read: _HeaderCells,
    result: ImportResult,
) -> None:
    """Tells what the header reading did besides finding columns: where the header was, the columns it could not
    read and why. Leaves in `read.unknown` the unknown headers a missing column's refusal suggests renaming."""
    if two_rows:
        result.notices.append(
            _("Judul kolom dibaca dari dua baris (%(top)s dan %(bottom)s).")
            % {"top": row_number - 1, "bottom": row_number}
        )
    if row_number > 1 + two_rows:
        result.notices.append(
            _("Judul kolom ditemukan di baris %(row)s; baris di atasnya dilewati.") % {"row": row_number - two_rows}
        )
    _combined_warnings(entity, row_number, read, result)
    if read.read_only and not _looks_like_export(entity, read.used, cells):
        # A column of the user's own that happens to share its name ("Status": Yatim, Piatu) is no export's: it is
        # ignored for being unknown, and said so.
        read.unknown += read.read_only
        read.read_only = []
    _age_notices(entity, read, result)
    if read.unknown:
        named = ", ".join(_unknown_named(name, known, read.used) for name in read.unknown[:UNKNOWN_HEADERS_NAMED])
        if len(read.unknown) > UNKNOWN_HEADERS_NAMED:
            named = _("%(columns)s, dan %(count)s kolom lain") % {
                "columns": named,
                "count": number_format(len(read.unknown) - UNKNOWN_HEADERS_NAMED, force_grouping=True),
            }
        result.notices.append(_("Kolom yang tidak dikenal diabaikan: %(columns)s.") % {"columns": named})
    if read.read_only:
        result.notices.append(
            _("Kolom hanya-baca (dari ekspor) diabaikan: %(columns)s.")
            % {"columns": ", ".join(f"“{c}”" for c in read.read_only)}
        )


def _combined_warnings(entity: Entity, row_number: int, read: _HeaderCells, result: ImportResult) -> None:
    """Warns of each header naming several fields in one cell whose fields the file has no column of its own for:
    they would be lost without a word. One that only repeats the file's separate columns is merely unknown."""
    for name, keys in read.merged:
        lost = [key for key in keys if key not in read.used]
        if not lost:
            read.unknown.append(name)  # the file has the separate columns too: this one only repeats them
            continue
        headers = {column.key: column.header for column in entity.columns}
        result.warnings.append(
            Problem(
                row_number,
                name,
                "",
                _(
                    "Kolom “%(column)s” menggabungkan beberapa isian dalam satu sel, jadi tidak dibaca: %(columns)s "
                    "tidak ikut diimpor. Sebelum mengimpor, pisahkan kolom itu menjadi %(columns)s (di Excel: Data › "
                    "Teks ke Kolom, pemisah koma), lalu unggah lagi."
                )
                % {"column": name, "columns": ", ".join(f"“{headers[key]}”" for key in lost)},
            )
        )


def _age_notices(entity: Entity, read: _HeaderCells, result: ImportResult) -> None:
    """Takes the age columns out of the unknown ones, with a notice of their own, when the file has no birth date:
    the user is told to add the date rather than to rename the age."""
    birth = next((column for column in entity.columns if column.key == "birth_date"), None)
    if birth is None or "birth_date" in read.used:
        return
    for name in [name for name in read.unknown if v.norm(name) in AGE_HEADERS]:
        # An age is not kept: it changes every year, and a birth date guessed from it would be stored as fact.
        read.unknown.remove(name)
        result.notices.append(
            _(
                "Kolom “%(column)s” tidak dibaca: umur berubah setiap tahun, jadi yang disimpan adalah tanggal "
                "lahir, dan tanggal lahir tidak ditebak dari umur. Bila tanggal lahirnya diketahui, tambahkan "
                "kolom “%(birth)s”."
            )
            % {"column": name, "birth": birth.header}
        )


def _masked_columns(
    entity: Entity, cells: list[Any], used: dict[str, str], result: ImportResult
) -> dict[int, tuple[str, str]]:
    """The masked number columns of an export sent back (file column index -> (header as written, the real
    column's header)), said to be unread, unless the file has the real column too."""
    masked: dict[int, tuple[str, str]] = {}
    for masked_header, key in entity.masked_headers.items():
        if key in used:
            continue
        real = next(str(c.header) for c in entity.columns if c.key == key)
        names = in_every_language(masked_header)
        for index, cell in enumerate(cells):
            if v.norm(cell) in names:
                masked[index] = (v.text(cell), real)
    if masked:
        # An export sent back: its rows are matched by their ID and keep the numbers stored. Every masked column at
        # once (a client export has the NIK and the KK).
        result.notices.append(
            _(
                "Kolom %(masked)s berisi nomor yang disamarkan oleh ekspor, jadi tidak dibaca: nomor yang tersimpan "
                "tidak berubah. Untuk mengisi atau mengubah nomor, tambahkan kolom %(real)s berisi nomor lengkap."
            )
            % {
                "masked": ", ".join(f"“{written}”" for written, _real in masked.values()),
                "real": ", ".join(f"“{real}”" for _written, real in masked.values()),
            }
        )
    return masked


def _refuse_missing(
    entity: Entity,
    head: list[tuple[int, list[Any]]],
    row_number: int,
    cells: list[Any],
    known: dict[str, Column],
    read: _HeaderCells,
    record_id: str,
    result: ImportResult,
) -> None:
    """Refuses a header without a required column, naming each one missing — or the header to rename, when an
    unknown one seems to be it under another name — with a problem per missing column."""
    result.header_row = row_number
    # Named as the file names its columns: a sheet headed in Indonesian, read by a user working in English, is
    # told to add "Bentuk layanan", not a "Care setting" that its template never had.
    with translation.override(_headers_language(entity, cells)):
        missing = entity.missing_columns(set(read.used))
        headers = {column.key: str(column.header) for column in entity.columns}
    renames = _renames_for_missing(read.unknown, known, read.used)
    listed = ", ".join(f"“{m}”" for m in missing)
    if renames:
        # The column is there under a name we do not know ("Nama Peserta Didik"): adding one would repeat it.
        message = ngettext(
            "Kolom wajib tidak ada: %(missing)s. Ubah judul %(renames)s (lihat templat impor).",
            "Kolom wajib tidak ada: %(missing)s. Ubah judul %(renames)s (lihat templat impor).",
            len(missing),
        ) % {
            "missing": listed,
            "renames": ", ".join(
                _("“%(written)s” menjadi “%(column)s”") % {"written": name, "column": headers[column.key]}
                for name, column in renames
            ),
        }
        if others := [m for m in missing if m not in {headers[column.key] for _name, column in renames}]:
            message += " " + ngettext(
                "Tambahkan juga kolom %(columns)s.", "Tambahkan juga kolom %(columns)s.", len(others)
            ) % {"columns": ", ".join(f"“{m}”" for m in others)}
    else:
        message = ngettext(
            "Kolom wajib tidak ada: %(missing)s. Tambahkan kolom itu (lihat templat impor).",
            "Kolom wajib tidak ada: %(missing)s. Tambahkan kolom itu (lihat templat impor).",
            len(missing),
        ) % {"missing": listed}
    other_entity = _other_entity_hint(entity, head)
    if record_id and not other_entity:
        # A file that only corrects stored records (an end of service, a new phone) need not carry them all.
        result.notices.append(
            _(
                "Untuk hanya membetulkan data yang sudah tercatat, pakai file ekspornya: dengan kolom ID, kolom "
                "lain boleh tidak ada."
            )
        )
    result.status, result.message = "refused", message + other_entity
    result.problems = [Problem(row_number, str(m), "", _("Kolom wajib tidak ada.")) for m in missing]


def _looks_like_export(entity: Entity, used: dict[str, str], cells: list[Any]) -> bool:
    """Whether a header is that of our own export: it has the export's ID or version column, or a masked number
    column. Only then is a column that exports write for reference ("Status") announced as read-only."""
    if any(
        isinstance(column, RecordIdColumn | RecordVersionColumn) and column.key in used for column in entity.columns
    ):
        return True
    masked = in_every_language(*entity.masked_headers)
    return any(v.norm(cell) in masked for cell in cells)


# How close an unknown header must be to a known one to be named as what it may mean ("Tangal Lahir").
HEADER_SUGGESTION_CUTOFF = 0.85


def _meant_column(
    name: str, known: dict[str, Column], used: dict[str, str], *, required: bool = False
) -> Column | None:
    """The column an unknown header likely means, among those the file does not have already: one it is a
    misspelling of ("Tangal Lahir"), or — for a required column, which the file cannot do without — one that its
    first words name ("Nama Peserta Didik" for Nama lengkap, "Tanggal Masuk Asrama" for Tanggal masuk)."""
    key = _spelled_out(v.norm(name))
    if "/" in name or _OTHER_PERSON_WORDS.intersection(key.split()):
        # "Tgl Lahir Ibu" is the mother's, "No. KK/NIK" two numbers: close to a column of the person's in spelling
        # only, and a hint would put them there.
        return None
    candidates = {k: c for k, c in known.items() if c.key not in used and not c.read_only}
    if required:
        candidates = {k: c for k, c in candidates.items() if c.required}
    close = (
        difflib.get_close_matches(key, list(candidates), n=1, cutoff=HEADER_SUGGESTION_CUTOFF) if len(key) > 3 else []
    )
    if close:
        return candidates[close[0]]
    if required:
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            if (column := candidates.get(" ".join(words[:size]))) is not None:
                return column
    return None


def _unknown_named(name: str, known: dict[str, Column], used: dict[str, str]) -> str:
    """An unknown header as the notice lists it, with the column it is likely a misspelling of (one the file does
    not have already): “Tangal Lahir” (maksudnya “Tanggal lahir”?)."""
    column = _meant_column(name, known, used)
    if column is None:
        column = _meant_column(name, known, used, required=True)
    if column is None:
        return f"“{name}”"
    return _("“%(column)s” (maksudnya “%(suggestion)s”?)") % {"column": name, "suggestion": column.header}


def _headers_language(entity: Entity, cells: list[Any]) -> str:
    """The language of the interface whose column headers the file's header row uses most (the active one when
    none is ahead of it): an Indonesian template stays Indonesian in a user's hands whatever their page's language."""
    written = {v.norm(cell) for cell in cells if v.text(cell)}
    active = translation.get_language() or settings.LANGUAGE_CODE
    best, best_count = active, -1
    for language in [active] + [code for code, _name in settings.LANGUAGES if code != active]:
        with translation.override(language):
            count = sum(1 for column in entity.columns if v.norm(str(column.header)) in written)
        if count > best_count:
            best, best_count = language, count
    return best


def _renames_for_missing(
    unknown: list[str], known: dict[str, Column], used: dict[str, str]
) -> list[tuple[str, Column]]:
    """(header as written, required column it likely is) for the file's unknown headers that seem to be a missing
    required column under another name: the fix is to rename that header, not to add a column. One header per
    column (the first)."""
    found: dict[str, tuple[str, Column]] = {}
    for name in unknown:
        column = _meant_column(name, known, used, required=True)
        if column is not None and column.key not in found:
            found[column.key] = (name, column)
    return list(found.values())


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


def _cells_without_header(header: HeaderMap, row: int, cells: list[Any], *, csv: bool) -> list[Problem]:
    """Values that no column would read, refused rather than dropped: under a blank header cell, or past the
    header's last cell (in a CSV, mostly a comma inside text that is not quoted, which shifts the rest)."""
    found = []
    size = len(cells)
    # Past a CSV line's header: said once for the line (_shifted_line), not per field.
    for index in (*header.unnamed, *(range(header.width, size) if not csv else ())):
        if index < size and _filled(cells[index]):
            message = _(
                "Sel ini berisi data di kolom tanpa judul, jadi tidak akan terbaca. Beri kolom ini judul dari templat, "
                "atau pindahkan isinya ke kolom yang benar (mis. “Catatan”)."
            )
            found.append(Problem(row, _unnamed_column(index), v.text(cells[index]), message))
    return found


def _shifted_line(header: HeaderMap, row: int, cells: list[Any]) -> Problem:
    """A CSV line with more fields than its header: most likely a comma inside text that is not quoted."""
    message = _(
        "Baris ini punya %(fields)s isian, padahal judul kolomnya %(headers)s: biasanya ada koma di dalam teks "
        "yang tidak diapit tanda kutip, sehingga isian sesudahnya bergeser. Apit teks yang berkoma dengan tanda "
        'kutip ("…"), atau simpan ulang file sebagai CSV dari Excel atau LibreOffice.'
    ) % {"fields": len(cells), "headers": header.width}
    filled = [index for index in range(header.width, len(cells)) if _filled(cells[index])]
    last = filled[-1] if filled else len(cells) - 1
    return Problem(row, _unnamed_column(last), v.text(cells[last]), message)


def _unnamed_column(index: int) -> str:
    return _("Kolom %(letter)s (tanpa judul)") % {"letter": v.column_letter(index)}


def _other_entity_hint(entity: Entity, head: list[tuple[int, list[Any]]]) -> str:
    """ " The headers are another kind's: choose …", when a file of clients was checked as LKS (the form's first
    choice) or as workers: that, not a list of missing and unknown columns, is what the user needs to read."""

    def named(kind: Entity) -> int:
        known = header_index(kind)
        return max(
            (sum(1 for cell in cells if header_column(cell, known) is not None) for _n, cells in head), default=0
        )

    own = named(entity)
    found = max(
        ((named(other), other) for other in entities() if other.key != entity.key), key=lambda f: f[0], default=None
    )
    count, other = found if found else (0, None)
    if other is None or count < 3 or count <= own + 2:
        return ""
    return " " + _(
        "Judul kolom file ini cocok dengan data %(other)s, bukan %(this)s: pilih jenis data “%(label)s”, lalu unggah "
        "lagi."
    ) % {"other": other.label, "this": entity.label, "label": other.label}


def _full_numbers_in_masked_columns(header: HeaderMap, row: int, cells: list[Any]) -> list[Problem]:
    """A number written whole into an export's masked column (a new row added at the bottom of an export, a
    number corrected in place): refused, since that column is not read."""
    found = []
    for index, (written, real) in header.masked.items():
        value = v.text(cells[index]) if index < len(cells) else ""
        if value and "*" not in value and not v.is_blank(value):
            message = _(
                "Kolom ini tidak dibaca (nomor yang disamarkan oleh ekspor). Tulis nomor lengkap di kolom “%(real)s”: "
                "tambahkan kolom itu, lalu unggah lagi."
            ) % {"real": real}
            found.append(Problem(row, written, value, message))
    return found


def _absent_problems(header: HeaderMap, row: int, values: dict[str, Any], problems: list[Problem]) -> set[str]:
    """A row without an ID in a file that lacks required columns is a new record without them: refused for each,
    as an empty required cell is. Returns the headers the entity must not report missing again (a row whose ID
    cell is unreadable is refused for that alone: the absent columns are no news to its author)."""
    if values.get(header.record_id):
        return set()
    values.setdefault("_unreadable", set()).update(column.key for column in header.absent)
    if header.record_id in values["_unreadable"]:
        return {str(column.header) for column in header.absent}
    for column in header.absent:
        problems.append(
            Problem(
                row,
                str(column.header),
                "",
                _(
                    "%(column)s wajib diisi untuk data baru, tetapi file ini tidak memiliki kolom “%(column)s”. "
                    "Tambahkan kolom itu, atau isi ID bila baris ini memperbaiki data yang sudah ada."
                )
                % {"column": column.header},
            )
        )
    return {str(column.header) for column in header.absent}


def _count_rows(head: list[tuple[int, list[Any]]], rows, header_row: int, max_rows: int) -> int:
    """The rows of data below the header of a file refused as a whole (its summary says how many rows the file
    has, not "0 rows"), counted up to the import's limit: not a total or a section title, nor a line of the sheet's
    foot under a total (a place and date, a signatory: one cell filled), which a checked file does not count either."""
    count = 0
    after_total = False
    for row_number, cells in chain(head, rows):
        if row_number <= header_row or not (filled := _filled_count(cells, range(len(cells)))):
            continue
        kind = _not_data(cells, range(len(cells)))
        after_total = after_total or kind == "total"
        if kind is None and not (after_total and filled == 1):
            count += 1
            if count > max_rows:
                break
    return count


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


def _hints_only(cells: list[Any]) -> bool:
    """A row of filling hints under the header: "(wajib)", "(dd-mm-yyyy)", "[16 angka]" and nothing else."""
    filled = [v.text(cell) for cell in cells if _filled(cell)]
    return bool(filled) and all(
        (match := _BRACKETED.fullmatch(text)) is not None and _is_hint(match[1] or match[2] or "") for text in filled
    )


def _column_numbers(cells: list[Any]) -> bool:
    """A row numbering the columns under the header — "1 2 3 …" or "(1) (2) (3) …", as government tables have."""
    numbers = []
    for cell in cells:
        if not _filled(cell):
            continue
        written = v.text(cell).strip("()")
        if not (written.isascii() and written.isdigit()):  # "²" is a digit to str.isdigit, not to int
            return False
        numbers.append(int(written))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _filled(cell: Any) -> bool:
    return not (cell is None or cell == "" or v.is_blank(cell))


def _filled_count(cells: list[Any], read: list[int]) -> int:
    size = len(cells)
    return sum(1 for index in read if index < size and _filled(cells[index]))


def _blank_row(cells: list[Any], read: list[int]) -> bool:
    size = len(cells)
    return not any(_filled(cells[index]) for index in read if index < size)


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
    first = next((cell for cell in cells if _filled(cell)), None)
    if first.__class__ is not str:
        return None
    # Every total word starts with one of these letters and is short: most names need no normalising (per row).
    if len(first) <= 40 and first.lstrip()[:1] in "JjTtGgSs":
        words = v.norm(first).split()
        if " ".join(words) in TOTAL_WORDS or (_subtotal(cells, words) and _filled_count(cells, range(len(cells))) > 1):
            # A subtotal alone in its row ("Jumlah pekerja: 2 orang") may be the foot's count: the foot's rule
            # holds it back, and it is a subtotal if rows of data follow.
            return "total"
    if _SECTION.match(first) and _filled_count(cells, read) == 1:
        return "section"
    return None


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


# First words of the cells that begin a sheet's foot: a total ("Jumlah pekerja: 2 orang"), a legend ("Keterangan: L
# = Laki-laki"), a signature block's opening ("Mengetahui,", "Dibuat oleh"), a NIP.
FOOT_WORDS = {
    "jumlah", "jml", "total", "keterangan", "ket", "catatan", "mengetahui", "menyetujui", "disetujui", "diketahui",
    "dibuat", "ttd", "nip",
}  # fmt: skip
# Titles of the signatories ("Ketua LKSA", "Kepala Dinas Sosial"): part of a foot once it has begun, never its start —
# an LKS may be named "Pembina Yatim Piatu", a worker's role be "Ketua".
FOOT_TITLES = {
    "kepala", "ketua", "pengelola", "pimpinan", "sekretaris", "bendahara", "koordinator", "pembina", "plt", "plh",
}  # fmt: skip
_MONTH_WORDS = (
    r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
    r"|jan|feb|mar|apr|jun|jul|agu|agt|ags|agst|sep|sept|okt|nov|des)"
)
# "Banjarmasin, 17 Agustus 2025", "Martapura, 17-08-2025": where and when the sheet was signed (a month's name or a
# four-digit year: "Jl. Mawar, 12 RT 03" is an address).
_PLACE_AND_DATE = re.compile(
    rf"[^\W\d_][^\d,]{{1,40}},\s*\d{{1,2}}(?:\s+{_MONTH_WORDS}\.?\s+|\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*)\d{{4}}",
    re.IGNORECASE,
)
# A signatory's name with its titles ("Drs. H. AHMAD SYARIF, M.Si", "Hj. Rahmah, S.Pd"): letters only, in two or
# more words — a lone word ("L", "PSM", "Pengasuh") may be a record's value.
_SIGNATORY = re.compile(r"[^\W\d_]+(?:(?:[.,]\s*|[.,]?\s+|['’-])[^\W\d_]+)+\.?")


def _foot_row(cells: list[Any], *, continuing: bool) -> bool:
    """Whether a row may be part of the sheet's foot: at most three cells filled (the two sides of a signature
    block and one more), one of them a foot's opening words (FOOT_WORDS, _PLACE_AND_DATE) and the others those or
    a signatory's title or name — or, once the foot has begun, titles and names only. A record has more cells, and
    its numbers and dates are none of these."""
    filled = []
    for cell in cells:  # every row passes here: a record is given up on at its fourth cell or its first number
        if _filled(cell):
            if cell.__class__ is not str or len(filled) == 3:
                return False
            filled.append(cell)
    if not filled:
        return False
    strong = False
    for cell in filled:
        written = v.text(cell)
        words = v.norm(written).split()
        if (words and words[0] in FOOT_WORDS) or _PLACE_AND_DATE.fullmatch(written):
            strong = True
        elif not (words and words[0] in FOOT_TITLES) and not _SIGNATORY.fullmatch(written):
            return False
    return strong or continuing


def _listed_rows(rows: list[tuple[int, list[Any]]]) -> str:
    """Rows for a notice with what they hold — 13 (“Mengetahui,” “Pengelola LKSA”) — so that a row skipped by
    mistake is seen (up to ten rows)."""
    listed = []
    for row, cells in rows[:10]:
        texts = " ".join(f"“{text[:40]}”" for cell in cells if _filled(cell) and (text := v.text(cell)))
        listed.append(f"{row} ({texts})")
    return ", ".join(listed) + ("…" if len(rows) > 10 else "")


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


def _written_header(entity: Entity, header: HeaderMap, column_key: str) -> str:
    """The header as the file writes it, for a problem the entity reports against a field (else our header)."""
    for index, column in header.columns.items():
        if column.key == column_key:
            return header.written[index]
    return next((str(c.header) for c in entity.columns if c.key == column_key), "")


def _cell_text(header: HeaderMap, cells: list[Any], column_key: str) -> str:
    for index, column in header.columns.items():
        if column.key == column_key and index < len(cells):
            return v.text(cells[index])
    return ""


def _write(
    entity: Entity,
    plans: list[RowPlan],
    result: ImportResult,
    ctx: ImportContext,
    progress: Progress,
    batch_size: int,
    on_saved: Callable[[ImportResult], None] | None,
    stop_requested: Callable[[], bool] | None = None,
    on_lock_wait: lockwaits.LockWaitCallback | None = None,
) -> None:
    """Writes every changed row in one transaction; a cancel between batches, or during a wait for a lock
    (PostgreSQL), rolls all of it back."""
    changing = [plan for plan in plans if plan.action != UNCHANGED]
    progress("saving", 0, len(changing))
    batch_size = entity.write_batch_size or batch_size
    watch = None
    if stop_requested is not None and connection.vendor == "postgresql":
        watch = lockwaits.CancelWatch(stop_requested, on_lock_wait)
    try:
        with lockwaits.lock_waits_bounded(), transaction.atomic():
            try:
                if changing:
                    entity.before_write(changing, ctx)
                for start in range(0, len(changing), batch_size):
                    entity.save(changing[start : start + batch_size], ctx)
                    if progress("saving", min(start + batch_size, len(changing)), len(changing)):
                        raise ImportCancelled
                entity.after_import(ctx)
                # Once more after the summaries, which take a while: the last moment a cancel can still undo
                # everything.
                if progress("saving", len(changing), len(changing)):
                    raise ImportCancelled
                result.extra = entity.audit_data(ctx)
                if on_saved is not None:
                    on_saved(result)
            except Exception as error:
                # Stopped before the rollback, which a cancel must not reach either.
                if watch is not None and watch.stop() and isinstance(error, OperationalError):
                    # The statement the watch cancelled (57014), most often a wait for a row another session holds.
                    raise ImportCancelled from None
                raise
            # No cancel is sent after this, so none can reach the commit; one sent before it undoes everything.
            if watch is not None and watch.stop():
                raise ImportCancelled
    finally:
        if watch is not None:
            watch.stop()
