"""Inserting many rows fast, behind one function: PostgreSQL's COPY; on SQLite one executemany with ids taken
inside the write transaction; Django's bulk_create everywhere else (the portable fallback, `portable=True`).

Every path gives each object its primary key (imports need them for many-to-many rows); all are tested.
"""

from collections.abc import Sequence

from django.db import connections, router, transaction
from django.db.models import Model
from django.utils import timezone


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
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
