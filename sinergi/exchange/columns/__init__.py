"""Spreadsheet columns and entities. An app declares its entity in its own `exchange.py` with these building blocks
and calls `register()`; templates, imports and exports are then derived from that one declaration.

Each column follows pretix's import pipeline: resolve (find its cell by header) → clean (text to a Python value,
or a CellProblem) → assign (onto the model object) → save (done by the entity, in bulk).

Callers use the package (`from sinergi.exchange.columns import TextColumn, register`); the modules below are by
concept:
- `base`: the Column every kind extends (its header and synonyms: `header_keys`), the ImportContext, clean_or_problem.
- `text`: text, phone and text-only number (NPWP) columns; `numbers`: whole numbers, decimals, coordinates, and our
  exports' ID and version columns read back; `dates`: the date column; `choices`: yes/no and TextChoices columns;
  `vocabularies`: vocabulary (term) columns and the terms' labels.
- `entity`: the Entity an app declares, and a row's plan and problems; `registry`: register() and get_entity().
- `filters`: an export's filters in words, and why a region or LKS filter cannot be applied.
"""

from .base import Column, ImportContext, clean_or_problem
from .choices import READ_AS_SHOWN, BooleanColumn, ChoiceColumn, read_as_notice
from .dates import DateColumn
from .entity import Entity, RowPlan, RowProblems, UnchangedRecord, choose_one, kept_blank
from .filters import (
    filter_problems,
    filters_described,
    organisation_filter_problem,
    region_filter_problem,
    scope_filter_problem,
)
from .numbers import (
    CoordinateColumn,
    DecimalColumn,
    IntegerColumn,
    RecordIdColumn,
    RecordVersionColumn,
    stale_row_message,
)
from .registry import entities, get_entity, register, unregister
from .text import PhoneColumn, TextColumn, TextOnlyNumberColumn, blank_words_notice
from .vocabularies import LABELS_MAX_AGE, MANY_SEPARATOR, TermColumn, labels_joined, several_in_one, term_labels

__all__ = [
    "LABELS_MAX_AGE",
    "MANY_SEPARATOR",
    "READ_AS_SHOWN",
    "BooleanColumn",
    "ChoiceColumn",
    "Column",
    "CoordinateColumn",
    "DateColumn",
    "DecimalColumn",
    "Entity",
    "ImportContext",
    "IntegerColumn",
    "PhoneColumn",
    "RecordIdColumn",
    "RecordVersionColumn",
    "RowPlan",
    "RowProblems",
    "TermColumn",
    "TextColumn",
    "TextOnlyNumberColumn",
    "UnchangedRecord",
    "blank_words_notice",
    "choose_one",
    "clean_or_problem",
    "entities",
    "filter_problems",
    "filters_described",
    "get_entity",
    "kept_blank",
    "labels_joined",
    "organisation_filter_problem",
    "read_as_notice",
    "region_filter_problem",
    "register",
    "scope_filter_problem",
    "several_in_one",
    "stale_row_message",
    "term_labels",
    "unregister",
]
