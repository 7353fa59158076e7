"""The Entity an app declares (its columns, how a row is planned and saved, how it exports), with what a row's
plan holds (RowPlan, UnchangedRecord, kept_blank) and how its problems are raised (RowProblems, choose_one)."""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _

from .base import Column, ImportContext
from .filters import filters_described
from .numbers import RecordIdColumn

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


@dataclass(slots=True)
class RowPlan:
    """What one valid row will do: create an object, update one (with its changes), or nothing. Slotted: an import
    holds one per row until the write."""

    row: int
    action: str  # "create" | "update" | "unchanged"
    obj: Model
    key: str  # the natural key, as shown to the user
    changes: dict[str, list[str]] = field(default_factory=dict)  # header -> [before, after]
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. many-to-many values, expected version
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (column key or "", message): shown, not refused
    kept: tuple[str, ...] = ()  # column keys left empty where the record holds a value (see kept_blank)


@dataclass(frozen=True, slots=True)
class UnchangedRecord:
    """What the plan of an unchanged row holds of its record: its id. Such a plan is kept until the write only to be
    counted and to tell two rows of one record apart; a copy of the record for each row of a national file (25,000
    LKS, 150,000 workers) took hundreds of MB."""

    pk: int


def kept_blank(values: dict[str, Any], stored: dict[str, Any]) -> tuple[str, ...]:
    """The columns of a row that are in the file but left empty where the stored record has a value. An empty
    cell never erases (a form does that), so the value is kept; the import says so rather than keep it silently."""
    return tuple(
        key
        for key, before in stored.items()
        if key in values
        and (values[key] is None or values[key] == "" or values[key] == [])
        # A stored "no" (False) is what an empty yes/no cell says too: nothing is kept against the file.
        and not (before is None or before is False or before == "" or before == [] or before == set())
    )


def choose_one(label: Any) -> str:
    """An empty required dropdown cell: worded like the other required cells ("… wajib diisi"), not like the
    form's "Pilih salah satu", which makes sense only beside a dropdown the user is looking at."""
    return _("%(label)s wajib diisi: pilih salah satu dari daftar.") % {"label": label}


class RowProblems(Exception):
    """Every problem of one row: (column header or "", message)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


class Entity(ABC):
    """One kind of record that can be imported and exported (LKS, clients, workers, ...)."""

    key = ""
    label: Any = ""
    sheet_name: Any = "Data"  # the data sheet of its template, export and error report (translated)
    # What the data sheet was called in templates of earlier versions, which must still import as ours.
    former_sheet_names: Sequence[str] = ()
    columns: list[Column] = []
    natural_key_help: Any = ""
    instructions: Sequence[Any] = ()
    ignored_headers: Sequence[str] = ()  # columns of our own exports/reports that imports skip silently
    # Columns of our own exports that say what a file cannot change (a client's status): skipped, with the notice
    # that names read-only columns, so that an edit made in one is not ignored without a word.
    read_only_headers: Sequence[str] = ()
    # What becomes of the records an import creates, when it is not what the user would assume (said on the trial
    # and the result, beside the counts).
    created_notice: Any = ""
    # The URL name of a record's page (its pk the argument): the result of an import links each record it created.
    record_url_name: str = ""
    # Its name in the names of downloaded files, in the interface's language ("templat-impor-pekerja-…" rather than
    # the code's "workers"); its key when not set.
    file_slug: Any = ""

    @property
    def download_slug(self) -> str:
        return str(self.file_slug) or self.key

    # Masked columns of our exports ("NIK (disamarkan)") -> the column they cannot stand in for: in a file that has
    # the masked one but not the real one (an export sent back) it is skipped with a notice, and a whole number
    # written into it refuses its row (pipeline.HeaderMap.masked).
    masked_headers: dict[str, str] = {}
    # A problem of a column the file lacks, shown on another column the file has for the same thing (the primary
    # PPKS category's "choose at least one" on the file's list of categories).
    reported_on_instead: dict[str, str] = {}
    # Columns a file may leave out because their absence says something (no "LKS": the operator's own LKS): a
    # problem there is not about the missing column.
    implied_columns: frozenset[str] = frozenset()
    # A number column and the column giving the reason it is empty: a problem of an empty number in a file without
    # the reason column names that column.
    reason_columns: dict[str, str] = {}
    # What to do when two rows of one natural key are really two records, by the key's kind (the first item of the
    # identity natural_keys gives): said after "Baris ini duplikat baris …". Optional.
    duplicate_advice: dict[str, Any] = {}
    write_batch_size = 0  # plans per save() call; 0 = the pipeline's batch size
    # Personal data (UU PDP): an export logs every person with the purpose of access, which the user is asked for
    # (once per session) before the file is made.
    asks_access_purpose = False
    # The purpose of access an import of personal data runs under (its access-log lines and its audit event): the
    # care of the people it registers and changes. "" for an entity without personal data.
    import_purpose = ""

    # ---- permissions
    @abstractmethod
    def can_import(self, actor: "User | SystemActor") -> bool: ...

    @abstractmethod
    def can_export(self, actor: "User | SystemActor") -> bool: ...

    # ---- import
    def prepare_batch(self, rows: list[dict[str, Any]], ctx: ImportContext) -> None:
        """Fetches what a batch of cleaned rows refers to (existing records, regions) in a few queries.
        Optional: an entity that needs nothing fetched keeps this default."""
        return None

    @abstractmethod
    def natural_keys(self, values: dict[str, Any]) -> list[tuple[tuple, Any]]:
        """Identifiers of the row that must be unique within a file, each with how it is shown to the user
        (a string, or a function returning one, called only when a duplicate is reported)."""
        ...

    def missing_columns(self, present: set[str]) -> list[str]:
        """Headers of required columns the file lacks (given the keys of the columns it has). The pipeline does not
        refuse a file with the export's ID column for them (see record_id_key)."""
        return [str(c.header) for c in self.import_columns() if c.required and c.key not in present]

    def record_id_key(self) -> str:
        """The key of the export's ID column read back ("" when the entity has none). A correction file keyed by
        it may carry only the columns it corrects: a row with an ID keeps the stored values of absent columns."""
        return next((c.key for c in self.columns if isinstance(c, RecordIdColumn)), "")

    @abstractmethod
    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> RowPlan:
        """Checks one row with the same rules as the forms/services; raises RowProblems listing all problems."""
        ...

    @abstractmethod
    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        """Writes one batch of planned rows (inside the import's transaction)."""
        ...

    def derived_of_created(self, plan: RowPlan, values: dict[str, Any]) -> list[list[str]]:
        """What a new record will hold that its row did not say (an expiry the rules work out), as [label, value]
        pairs shown after its cells as read, so that a trial shows what the real import will store. Optional."""
        return []

    def plans_notices(self, plans: list[RowPlan], present: set[str], ctx: ImportContext) -> list[str]:
        """Notices about what the checked rows will store, or leave as it is, that the user may not expect from the
        file (given the keys of the columns it has): a value stored for a column the file lacks, records the file
        leaves out. Optional."""
        return []

    def before_write(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        """Called once, in the import's transaction, with every plan that changes something, before the first save():
        e.g. to lock, in one order, every record the whole file writes at. Optional. (A file written while it is
        checked, on PostgreSQL, is saved batch by batch without it.)"""
        return None

    def after_import(self, ctx: ImportContext) -> None:
        """Keeps derived data (e.g. statistics summaries) current, inside the same transaction.
        Optional: an entity without derived data keeps this default."""
        return None

    def result_checked(
        self, plans: list[RowPlan], ctx: ImportContext, *, refused: bool, quoting: Sequence[RowPlan] = ()
    ) -> None:
        """A trial (dry run) finished its check, or an import was refused by its check, and its result is about to be
        shown (`ctx.cache["dry_run"]` says which): an entity of personal data logs here, as a view, each stored record
        whose stored values that result shows. `plans`: its valid rows; a trial
        that passed shows their changes (before → after) and warnings, a `refused` one their warnings and the
        problems of its other rows, among them those of `quoting`: rows refused after their plan, for a problem
        that quotes the stored record they found (its name as the row's key, its text). Optional: an entity without
        personal data keeps this default."""
        return None

    def audit_data(self, ctx: ImportContext) -> dict[str, Any]:
        """Extra facts for the import's audit event (e.g. duplicate candidates flagged), after the write."""
        return {}

    # ---- export
    def export_filterset(self, *, actor: "User | SystemActor", filters):
        """The list's filter set that an export applies (None where the entity has no list to filter)."""
        return None

    def export_filter_summary(self, *, actor: "User", filters) -> list[tuple[str, str]]:
        """The filters an export applied, as (label, value) the way the list's form shows them ("Status", "Aktif"):
        a background export's page says what its file holds."""
        filterset = self.export_filterset(actor=actor, filters=filters)
        if filterset is None or not filterset.is_valid():
            return []
        return filters_described(filterset)

    @abstractmethod
    def export_queryset(self, *, actor: "User | SystemActor", filters: dict | None = None, purpose: str = ""):
        """The rows of an export in the actor's scope with the list's filters; `purpose` is the access purpose of
        an entity that asks for one (logged for every person exported)."""
        ...

    def export_count(self, queryset) -> int:
        """How many rows export_rows will write for `queryset` (the progress bar's and the audit event's total)."""
        return queryset.count()

    def export_columns(self) -> list[Column]:
        return list(self.columns)

    def sheet_names(self) -> list[str]:
        """The data sheet's name in every language of the interface, the current one first (a template
        downloaded in one language imports for a user working in another)."""
        names = [str(self.sheet_name)]
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.append(str(self.sheet_name))
        return list(dict.fromkeys([*names, *self.former_sheet_names]))

    def import_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.read_only]

    def export_csv_chunks(
        self, *, queryset, actor: "User | SystemActor", purpose: str = "", delimiter: str = ","
    ) -> Iterable[bytes] | None:
        """The CSV body (rows only, no header) made by the database itself, when the entity has such a path for
        the database in use (PostgreSQL's COPY); None means: use export_rows. Optional."""
        return None

    def export_rows(self, objects: Iterable[Model]) -> Iterable[list[Any]]:
        columns = [column.for_export() for column in self.export_columns()]
        for obj in objects:
            yield [column.export(obj) for column in columns]
