"""Workers (PSKS/TKSM) of an LKS as a spreadsheet, with worker_create/worker_update's rules.

Natural key: the NIK's keyed hash at the LKS; without NIK, the normalised name (titles and degrees aside) + birth date
at the LKS — which finds a stored worker with or without a NIK (an empty NIK cell, like every empty cell, keeps the
stored value). A row without a birth date is about the one worker of that name at the LKS, and a row with one is
about a worker of that name stored without one, when no one has its birth date: a staff list (Nama, Peran, Telepon)
re-imported must not register everyone twice. A row that finds its worker changes the filled cells that differ
(shown before → after; an empty cell keeps the stored value), "Berhenti bertugas" ends the service; otherwise the
worker is registered.

The entity is registered by `people/exchange/__init__.py`. The modules: `columns` (COLUMNS, HEADERS and the field
lists stored, inserted and exported), `state` (WorkerRow, WorkersState, the summary snapshot and access log),
`matching` (which stored worker a row is about), `staff_lists` (the role read from "Jabatan", the notice of a list
without "Bekerja dengan anak"), `entity` (WorkersEntity, its names and permissions, combining the mixins of
`planning`: each row's plan, the stored worker found by `matching`'s rules and what the row changes; `rules`:
worker_create/worker_update's rules over the merged record; `writing`: the write in bulk; `export`: the export with
its access log).
"""

from .columns import (
    COLUMNS,
    DATES,
    EXPORT_COLUMNS,
    EXPORT_FIELDS,
    FIELDS,
    HEADERS,
    INSERTED,
    STORED,
    STORED_SHARED,
    STORED_TYPE,
)
from .entity import WorkersEntity
from .staff_lists import not_with_children_notice
from .state import WorkerRow, WorkersState

__all__ = [
    "COLUMNS",
    "DATES",
    "EXPORT_COLUMNS",
    "EXPORT_FIELDS",
    "FIELDS",
    "HEADERS",
    "INSERTED",
    "STORED",
    "STORED_SHARED",
    "STORED_TYPE",
    "WorkerRow",
    "WorkersEntity",
    "WorkersState",
    "not_with_children_notice",
]
