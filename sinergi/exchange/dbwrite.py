"""Inserting many rows fast, behind one function: PostgreSQL's COPY; on SQLite one executemany with ids taken
inside the write transaction; Django's bulk_create everywhere else (the portable fallback, `portable=True`).

Every path gives each object its primary key (imports need them for many-to-many rows); all are tested.
"""

import functools
import ipaddress
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import TypeVar

from django.db import connection as default_connection
from django.db import connections, router, transaction
from django.db.models import Model
from django.utils import timezone

T = TypeVar("T")


def bulk_insert(
    model: type[Model], objects: Sequence[Model], *, portable: bool = False, batch_size: int = 1000
) -> None:
    """Inserts `objects` (unsaved, no pk) and sets their pks."""
    if not objects:
        return
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor == "postgresql" and not portable:
        _copy_insert(model, objects, alias)
    elif connection.vendor == "sqlite" and not portable:
        _sqlite_insert(model, objects, alias)
    else:
        model._default_manager.using(alias).bulk_create(objects, batch_size=batch_size)


def _prepare(objects: Sequence[Model], fields, ids: Sequence[int], alias: str) -> list[list]:
    """Database values of every object (pks and auto_now fields set as save() would), ready for the driver."""
    connection = connections[alias]
    now = timezone.now()
    stamped = [f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
    rows = []
    for obj, pk in zip(objects, ids, strict=True):
        obj.pk = pk
        for field in stamped:
            setattr(obj, field.attname, now)
        rows.append([pk, *(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields)])
        obj._state.adding = False
        obj._state.db = alias
    return rows


def _sqlite_insert(model: type[Model], objects: Sequence[Model], alias: str) -> None:
    connection = connections[alias]
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    table = connection.ops.quote_name(meta.db_table)
    pk = connection.ops.quote_name(meta.pk.column)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [meta.pk, *fields])
    # SQLite allows one writer at a time and the transaction holds the write lock, so the ids after the current
    # maximum cannot be taken by anyone else before the commit.
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX({pk}), 0) FROM {table}")
        start = cursor.fetchone()[0] + 1
        rows = _prepare(objects, fields, range(start, start + len(objects)), alias)
        placeholders = ", ".join(["%s"] * (len(fields) + 1))
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def _copy_insert(model: type[Model], objects: Sequence[Model], alias: str) -> None:
    connection = connections[alias]
    meta = model._meta
    pk_column = meta.pk.column
    table = connection.ops.quote_name(meta.db_table)
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    with connection.cursor() as cursor:
        # Reserve the ids first (one round trip), so that COPY — which cannot return them — writes them itself.
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, pk_column, len(objects)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        rows = _prepare(objects, fields, ids, alias)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in [meta.pk, *fields])
        _copy_rows(cursor, table, columns, rows, _binary_copy_types([meta.pk, *fields], connection))


def bulk_insert_rows(
    model: type[Model],
    fields: Sequence[str],
    rows: Sequence[Sequence],
    *,
    with_ids: bool = True,
    portable: bool = False,
) -> list[int]:
    """Inserts plain rows (values of `fields`, by attname, already in database form: str, int, bool, date) and
    returns their new primary keys in order (empty when `with_ids` is False and the database numbers them).

    For large imports where building model instances would cost more than the insert itself. Every other
    concrete field gets its default (auto_now/auto_now_add: now), computed once for all rows.
    """
    if not rows:
        return []
    alias = router.db_for_write(model)
    connection = connections[alias]
    meta = model._meta
    by_attname = {f.attname: f for f in meta.concrete_fields}
    given = [by_attname[name] for name in fields]
    now = timezone.now()
    constants = []
    for field in meta.concrete_fields:
        if field.primary_key or field.attname in fields:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        else:
            value = field.get_default()
        constants.append((field, field.get_db_prep_save(value, connection)))
    columns = [f.column for f in given] + [f.column for f, _value in constants]
    tail = tuple(value for _field, value in constants)
    table = connection.ops.quote_name(meta.db_table)
    pk_column = meta.pk.column
    ids: list[int] = []
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if with_ids:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [meta.db_table, pk_column, len(rows)],
                )
                ids = [row[0] for row in cursor.fetchall()]
            else:
                # SQLite: the transaction holds the write lock, so the ids after the maximum stay ours.
                cursor.execute(f"SELECT COALESCE(MAX({connection.ops.quote_name(pk_column)}), 0) FROM {table}")
                start = cursor.fetchone()[0] + 1
                ids = list(range(start, start + len(rows)))
            columns = [pk_column, *columns]
            data = [(pk, *row, *tail) for pk, row in zip(ids, rows, strict=True)]
        else:
            data = [(*row, *tail) for row in rows]
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        if connection.vendor == "postgresql" and not portable:
            fields = ([meta.pk] if with_ids else []) + given + [f for f, _value in constants]
            always_null = {f for f, value in constants if value is None}
            _copy_rows(cursor, table, quoted, data, _binary_copy_types(fields, connection, always_null=always_null))
        elif connection.vendor == "sqlite" and not portable and len(columns) <= _SQLITE_MULTI_ROW_COLUMNS:
            _sqlite_multi_row_insert(connection, cursor, table, quoted, len(columns), data)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"
            for start in range(0, len(data), 5000):
                cursor.executemany(sql, data[start : start + 5000])
    return ids


# Up to this many columns, SQLite inserts many rows per statement (`VALUES (…), (…), …`) about two and a half times
# faster than one row per statement: for narrow rows the per-statement work of executemany is most of the cost. For
# wider rows (a person's 31 columns) one row per statement is faster (measured in 2026-12: see performance.md).
_SQLITE_MULTI_ROW_COLUMNS = 10


def _sqlite_multi_row_insert(connection, cursor, table: str, quoted: str, width: int, data: Sequence[Sequence]) -> None:
    """Inserts `data` (rows of `width` values) with statements of many rows each, within SQLite's limit of
    parameters per statement; the rows that do not fill a last statement go in one shorter statement."""
    try:
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):
        limit = 999  # SQLite's smallest default
    per = max(1, min(1000, limit // width))
    one = "(" + ", ".join(["%s"] * width) + ")"
    full = len(data) - len(data) % per
    if full:
        sql = f"INSERT INTO {table} ({quoted}) VALUES {', '.join([one] * per)}"
        cursor.executemany(sql, (list(chain.from_iterable(data[i : i + per])) for i in range(0, full, per)))
    if full < len(data):
        rest = data[full:]
        cursor.execute(
            f"INSERT INTO {table} ({quoted}) VALUES {', '.join([one] * len(rest))}", list(chain.from_iterable(rest))
        )


# Column types whose values arrive as plain Python values (int, str, bool, date, aware datetime, None) and that
# psycopg writes in COPY's binary format: in C, about a sixth of the client's time of the text format for the same
# rows, and less parsing for the server.
# An address (inet) arrives as text and is written as the address object psycopg's binary format takes: an import's
# access-log lines carry the upload's address (twice as fast as COPY's text format for 100,000 lines).
_BINARY_COPY_TYPES = {
    "bigint", "integer", "smallint", "varchar", "text", "boolean", "date", "timestamp with time zone", "inet"
}  # fmt: skip


@functools.lru_cache(maxsize=256)
def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(value)


def _copy_rows(cursor, table: str, columns: str, rows: Iterable[Sequence], types: list[str] | None) -> None:
    """COPY of `rows` into `table` (quoted names): in the binary format when `types` are given, else as text."""
    binary = " (FORMAT BINARY)" if types is not None else ""
    addresses = [i for i, kind in enumerate(types or []) if kind == "inet"]
    with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN{binary}") as copy:
        if types is not None:
            copy.set_types(types)
        for row in rows:
            if addresses:
                row = list(row)
                for i in addresses:
                    if row[i] is not None:
                        row[i] = _address(row[i])
            copy.write_row(row)


def _binary_copy_types(fields, connection, *, always_null=frozenset()) -> list[str] | None:
    """The columns' types for a binary COPY, or None when one of them is not a plain type (the text format then);
    a column written as NULL in every row (`always_null`) may have any type."""
    types = []
    for field in fields:
        db_type = (field.db_type(connection) or "").split("(")[0].strip().lower()
        if db_type not in _BINARY_COPY_TYPES and field not in always_null:
            return None
        types.append(db_type)
    return types


def in_condition(column_sql: str, values: Sequence, *, vendor: str) -> tuple[str, list]:
    """`column IN (values)` for a bare query, with its parameters: on PostgreSQL one array parameter
    (`= ANY(%s)`), which the server parses once instead of thousands of placeholders."""
    if vendor == "postgresql":
        return f"{column_sql} = ANY(%s)", [list(values)]
    return f"{column_sql} IN ({', '.join(['%s'] * len(values))})", list(values)


def existing_values(model: type[Model], column: str, values: Iterable[str], *, chunk: int = 5000) -> set[str]:
    """Which of `values` occur in `model`'s `column` (an indexed one): a bare query per chunk, because compiling
    an ORM filter with thousands of parameters costs more than running it (PostgreSQL takes ten times larger
    chunks: see in_condition). Imports probe their keys this way and load the (usually few) matching rows with the
    ORM."""
    wanted = list(values)
    if not wanted:
        return set()
    alias = router.db_for_read(model)
    connection = connections[alias]
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = connection.ops.quote_name(model._meta.get_field(column).column)
    step = chunk * 10 if connection.vendor == "postgresql" else chunk
    found: set[str] = set()
    with connection.cursor() as cursor:
        for start in range(0, len(wanted), step):
            condition, params = in_condition(quoted, wanted[start : start + step], vendor=connection.vendor)
            cursor.execute(f"SELECT DISTINCT {quoted} FROM {table} WHERE {condition}", params)
            found.update(row[0] for row in cursor.fetchall())
    return found


def sqlite_bulk_cache(*, alias: str = "default", kib: int = 131072) -> None:
    """Lets SQLite keep up to `kib` KiB of pages for this connection (default 2 MiB): inserting 100,000 rows into
    tables with several indexes on random keys (hashes) otherwise re-reads index pages again and again. A cap,
    not an allocation; no effect on other databases."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{int(kib)}")


def refresh_statistics(*models: type[Model], alias: str = "default") -> None:
    """Lets the query planner see a bulk load at once (ANALYZE samples each table; on PostgreSQL autovacuum would
    do it minutes later, SQLite never does it by itself): right after 100,000 new rows the planner's estimates say
    the tables are nearly empty, and the first export picks plans that take seconds or minutes instead of
    milliseconds. Allowed inside the transaction on both databases."""
    connection = connections[alias]
    if connection.vendor not in ("postgresql", "sqlite"):
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit = 2000")  # a sample per index, as PostgreSQL samples: fast
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _on_a_second_connection() -> bool:
    """Whether work may move to another connection: not inside a transaction, nor on an in-memory database — a
    second connection could not see (or share) what this one sees."""
    in_memory = getattr(default_connection, "is_in_memory_db", lambda: False)()
    return not (default_connection.in_atomic_block or in_memory)


def _beside(work: Callable[[], T], *, name: str) -> Callable[[], T]:
    """Starts `work` in a thread, on that thread's own connection (closed after it); the returned `wait()` blocks
    until it is done and gives its result, or raises its error in the caller's thread."""
    outcome: list = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # raised by wait()
            errors.append(error)
        finally:
            default_connection.close()

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()

    def wait() -> T:
        thread.join()
        if errors:
            raise errors[0]
        return outcome[0]

    return wait


def execute_beside(sql: str, params: Sequence) -> Callable[[], None]:
    """Runs one statement on a second connection, in a thread, while the caller goes on with its own query; the
    returned `wait()` blocks until it is done (committed) and raises its error, if any. Both databases run the two
    statements on two cores (the drivers let go of the interpreter while a statement runs).

    Inside a transaction — or on an in-memory database — the statement runs here and now instead."""

    def execute() -> None:
        with default_connection.cursor() as cursor:
            cursor.execute(sql, params)

    if not _on_a_second_connection():
        execute()
        return lambda: None
    return _beside(execute, name="sinergi-beside")


def write_beside_open_read(write: Callable[[], T]) -> T:
    """Runs a write made while a read of this connection is still open: an export writes its access log and its
    progress between two fetches of the rows it exports.

    On SQLite such a write fails at once with "database is locked" whenever another connection has committed since
    the read began (a page's session, a job page's poll): the read's snapshot is stale, and the busy timeout does
    not apply to that. So there it runs on a second connection, in a thread, and commits there; the read goes on.
    PostgreSQL's reads do not hold back the same connection's writes, and inside a transaction (or on an in-memory
    database) it runs here."""
    if default_connection.vendor != "sqlite" or not _on_a_second_connection():
        return write()
    return _beside(write, name="sinergi-write-beside")()
