"""What every step of the import shares: a row's actions (CREATE, UPDATE, UNCHANGED), the Problem and
ImportResult it reports, the progress callback and ImportCancelled, the header as read (_HeaderCells) and the
HeaderMap every later step reads rows with, and the small tests of a cell (_filled) and lookups of a column's
header and cell used throughout. Apart so that every other module of the package can depend on it, and it on none
of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import values as v
from ..columns import Column, Entity

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


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


# The kinds of a pair of rows in one file that ImportResult.twins records.
DUPLICATE_KEY, SAME_RECORD = "duplicate_key", "same_record"


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
    # A column refused as a whole (its header as written) -> its cells in doubt (Column.doubtful_cells), for the
    # report to mark; not stored with the job.
    doubtful: dict[str, frozenset] = field(default_factory=dict)
    # A row -> the later rows refused as its duplicates (DUPLICATE_KEY) or as naming its record (SAME_RECORD), for
    # the report to mark it too: only the later row's problem names the pair. Not stored with the job.
    twins: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

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
    # The columns read by no one (unknown, or an export's read-only ones): file column index -> header as written.
    # Kept for the row checks that must not let a clerk's "Status: Keluar" pass unseen
    # (row_warnings._left_in_status).
    ignored: dict[int, str] = field(default_factory=dict)
    # Of those, the headers asking a yes/no question about a column ("Disabilitas (ada/tidak)"): file column index ->
    # the column's key. A "Ya" there with that column empty would be lost without a word
    # (row_warnings._asked_but_empty).
    asked: dict[int, str] = field(default_factory=dict)

    @property
    def keys(self) -> set[str]:
        return {column.key for column in self.columns.values()}


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
    ignored: dict[int, str] = field(default_factory=dict)  # file column index -> unknown or read-only header
    asked: dict[int, str] = field(default_factory=dict)  # of those, a yes/no question's -> the column asked about


def _filled(cell: Any) -> bool:
    return not (cell is None or cell == "" or v.is_blank(cell))


def _filled_count(cells: list[Any], read: list[int]) -> int:
    size = len(cells)
    return sum(1 for index in read if index < size and _filled(cells[index]))


def _blank_row(cells: list[Any], read: list[int]) -> bool:
    size = len(cells)
    return not any(_filled(cells[index]) for index in read if index < size)


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
