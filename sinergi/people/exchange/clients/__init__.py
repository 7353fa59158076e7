"""Clients with their placement as a spreadsheet: one row = a person and their stay at one LKS.

The rules are person_admit's (and placement_discharge's), applied to a whole file at once: NIK and KK checks,
NIK or a reason for its absence, dates that exist and are not in the future, age rules (warnings), what the LKS
serves and no child in an elderly home (errors), consent given by a parent or guardian for a child, the same
NIK already active at the LKS (error), possible duplicates elsewhere (flagged for the board, never explained).

Natural key: the NIK's keyed hash at the LKS; for a row without NIK, the normalised name + birth date + mother's name at
the LKS (titles and degrees aside), whether or not a NIK is stored for that person (the empty cell keeps it; two such
people: the row is refused, asking for the NIK). A row without NIK that lacks the birth date or the mother's name, or
finds nobody with all three, is about the one person of that name staying at the LKS (active, or with the row's
admission date) whose birth date and mother's name do not contradict the row's (several: refused); others of that name
at the LKS who agree so are flagged as possible duplicates of a new client. A row whose NIK nobody at the LKS has
completes the one person stored there without a NIK under that name + birth date + mother. The export's ID column, read
back, overrides both: the row is about that person at the row's LKS (refused when there is none), so a corrected name or
birth date, or a NIK added or corrected (person_update's checks), corrects the record instead of admitting someone new.
A row that finds its person's placement (same admission date) is unchanged when every filled cell agrees; a discharge
date on an active placement discharges it; a filled cell that differs from the person's record corrects it through
person_update (its rules, audit event and access log); the PPKS categories of a row with the export's ID are the
person's list (an export holds them all, so one deleted there is dropped), while a row without it only adds (another
file lists what it knows); a consent that is not on record yet is recorded beside the earlier ones — each shown before →
after in the dry run. A different category or form of service of the stay itself is refused: that is corrected on the
client's page, where the summaries move with it.

The modules, by concept (each depends only on those before it):
- `columns`: the sheet's columns (COLUMNS, HEADERS, the export-only and read-only headers) and the mappings from
  column keys to the person's and consent's fields;
- `stored`: the stored people a file's rows are compared with, and the queries that load them (_load_people);
- `state`: what an import keeps between rows (NewClient, KnownPlacement, ClientsState);
- `checks`: the rules of one row that need no entity (a new client's cells, a discharge, a consent, where a person
  stays);
- `messages`: the refusals, warnings and notices that depend on what a row found (RESTRICTED_ROW, ...);
- `export_sql`: the export's columns, and its cells as SQL text for PostgreSQL's COPY and SQLite's CSV;
- `plan`, `plan_new`, `plan_stored`, `plan_existing`: ClientsEntity's plan of one row, as mixins: the row's own
  cells and the order it is judged in (ClientRowPlan), a new client and its possible duplicates (ClientPlanNew), the
  stored people a row is about, moved away or erased (ClientPlanStored), a stored stay and its corrections
  (ClientPlanExisting);
- `write/`: the write as a mixin (ClientWrite: locks, inserts, discharges, corrections, consents), itself made of
  mixins by concept;
- `export`: the export's driving methods as a mixin (ClientExport);
- `entity`: ClientsEntity itself (its class attributes, permissions, the lookups per batch), made of those mixins.

Callers import from the package (`from sinergi.people.exchange.clients import ClientsEntity`); the mixins are not
re-exported. A test that patches a method patches ClientsEntity (`setattr(ClientsEntity, "save", ...)` shadows the
mixin's); one that patches a module-level name patches it where it is looked up (`clients.plan_new.CLOSE_MATCH_LIMIT`,
`clients.write.saving.lks_lock`), not here.
"""

from .columns import COLUMNS, HEADERS
from .entity import ClientsEntity
from .export_sql import EXPORT_COLUMNS, _crlf_records, category_codes
from .messages import RESTRICTED_ROW
from .state import ClientsState
from .stored import _load_people

__all__ = [
    "COLUMNS",
    "EXPORT_COLUMNS",
    "HEADERS",
    "RESTRICTED_ROW",
    "ClientsEntity",
    "ClientsState",
    "_crlf_records",
    "_load_people",
    "category_codes",
]
