"""The Column every kind of column extends (its header, synonyms and what a header cell may say; clean, assign,
export), the ImportContext its cells are read with (per-import caches, the active terms of a vocabulary), and
clean_or_problem, which column-wise reading uses to turn a refused cell into its problem."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _

from sinergi.core.dates import shown

from .. import values as v

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor

    from .entity import Entity


@dataclass
class Column:
    """One column of an entity's sheet: its header, synonyms, whether it is required, and how a cell is read."""

    key: str  # the model field it fills (or a pseudo field the entity resolves itself)
    header: Any  # Indonesian header (lazy), also used in messages
    synonyms: Sequence[str] = ()
    required: bool = False
    help: Any = ""
    example: Any = ""
    read_only: bool = False  # exported for reference, ignored on import
    width: int = 18

    def clean(self, raw: Any, ctx: "ImportContext") -> Any:
        return v.text(raw) or None

    # Whether clean() depends on the cell alone (not on the row or on earlier rows): then each distinct cell value
    # of a column is read once per import, which is what makes a column of repeated codes, labels and dates cheap.
    memoize = True
    in_template = True  # offered in the import template (an export's ID column is read but not offered)

    def clean_column(self, raws: Sequence[Any], ctx: "ImportContext") -> list[Any]:
        """clean() over a whole column: each cell's value, or the CellProblem it raised (nothing is raised here).
        A list value is copied per row, so that no two rows share one."""
        if not self.memoize:
            return [clean_or_problem(self, raw, ctx) for raw in raws]
        memo: dict[tuple, Any] = ctx.cached(("cells", self.key), dict)
        out = []
        append = out.append
        for raw in raws:
            key = (raw.__class__, raw)  # 1, 1.0 and True are equal as keys; with their class they are not
            found = memo.get(key, _MISSING)
            if found is _MISSING:
                found = memo[key] = clean_or_problem(self, raw, ctx)
            append(list(found) if found.__class__ is list else found)
        return out

    def file_problems(self, ctx: "ImportContext") -> list[str]:
        """Problems of the column as a whole, known once every row was read (reported on the header row)."""
        return []

    def file_notices(self, ctx: "ImportContext") -> list[str]:
        """What the run says of how the column as a whole was read, once every row was read (nothing refused)."""
        return []

    def doubtful_cells(self, ctx: "ImportContext") -> frozenset:
        """Of a column refused as a whole (file_problems, asked before), the cells in doubt, as doubtful_key gives
        them: the error report marks them, since the header's problem alone does not say which cells to fix."""
        return frozenset()

    def doubtful_key(self, raw: Any) -> Any:
        """A cell as doubtful_cells names it (the report reads the file again and compares)."""
        return raw

    def assign(self, obj: Model, value: Any) -> None:
        setattr(obj, self.key, value)

    def current(self, obj: Model) -> Any:
        """The value stored now, comparable with what clean() returns (for before → after)."""
        return getattr(obj, self.key)

    def export(self, obj: Model) -> Any:
        return self.current(obj)

    def display(self, value: Any) -> str:
        """How a value is shown in a before → after preview."""
        if value is None or value == "":
            return ""
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            # As the reader's language writes a date (sinergi.core.dates): the preview is where an operator checks
            # how "02/01/2024" was read, and "02-01-2024" is 1 February to an English reader.
            return shown(value)
        if hasattr(value, "strftime"):
            return value.strftime("%d-%m-%Y")
        if isinstance(value, bool):
            return _("Ya") if value else _("Tidak")
        return str(value)

    def choices(self, ctx: "ImportContext | None") -> "v.Choices | None":
        """The allowed values, for columns that have a fixed list (a dropdown in the template)."""
        return None

    @property
    def allows_many(self) -> bool:
        return False

    def for_export(self) -> "Column":
        """The column as an export uses it (a copy may precompute translated labels once per export)."""
        return self

    def header_keys(self) -> set[str]:
        """What a header cell may say: the header in every language of the interface (a file made from the
        Indonesian template imports for a user working in English, and the other way round), the field's name,
        and the synonyms."""
        keys = {v.norm(self.key), *(v.norm(s) for s in self.synonyms)}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                keys.add(v.norm(self.header))
        return keys


_MISSING = object()


def clean_or_problem(column: Column, raw: Any, ctx: "ImportContext") -> Any:
    """The cleaned value, or the CellProblem clean() raised (for column-wise cleaning, which raises nothing)."""
    if raw.__class__ is str and (error := v.formula_error(raw)):
        return v.CellProblem(v.formula_error_message(error))  # of a CSV, any column: never read as data
    try:
        return column.clean(raw, ctx)
    except v.CellProblem as problem:
        return problem


def _active_terms(vocabulary: str) -> dict[str, Any]:
    from sinergi.vocabularies.models import Term

    return {
        t.code: t for t in Term.objects.filter(vocabulary=vocabulary, is_active=True).order_by("sort_order", "code")
    }


class ImportContext:
    """Per-import caches (vocabularies, regions) and the acting user; shared by every column of every row."""

    def __init__(self, *, actor: "User | SystemActor | None", entity: "Entity") -> None:
        self.actor = actor
        self.entity = entity
        self._terms: dict[str, dict[str, Any]] = {}
        self.cache: dict[str, Any] = {}

    def cached(self, key: Any, build):
        """A value built once per import (e.g. a column's allowed values)."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]

    def terms(self, vocabulary: str) -> dict[str, Any]:
        if vocabulary not in self._terms:
            self._terms[vocabulary] = _active_terms(vocabulary)
        return self._terms[vocabulary]

    def retired_terms(self, vocabulary: str) -> dict[str, Any]:
        """Terms no longer offered: kept by the records that hold them, never set anew."""
        from sinergi.vocabularies.models import Term

        return self.cached(
            ("retired_terms", vocabulary),
            lambda: {t.code: t for t in Term.objects.filter(vocabulary=vocabulary, is_active=False)},
        )
