"""Inserting many new rows at once: PostgreSQL's COPY, elsewhere Django's bulk_create.

Here, below the apps that write in bulk (an import's writer, the search index after it). An import of a
whole coalition writes hundreds of thousands of rows. `bulk_create` builds a model
instance per row and an SQL statement per batch; on PostgreSQL the rows go through one `COPY ...
FROM STDIN` per table instead, with the same column values: each field's `pre_save` (the creation
and modification times) and `get_db_prep_save`, as `bulk_create` prepares them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

BATCH = 2000


def copying() -> bool:
    """Whether this database takes COPY (PostgreSQL through psycopg 3)."""
    return connection.vendor == "postgresql"


def insert_objects(model, objects: Sequence, batch_size: int = BATCH) -> None:
    """New model instances, each written with every concrete field, as `bulk_create` writes them."""
    if not objects:
        return
    if not copying():
        model.objects.bulk_create(objects, batch_size=batch_size)
        return
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.db_returning)]
    prepared = [(f, f.get_db_prep_save) for f in fields]
    copy_rows(
        model._meta.db_table,
        [f.column for f in fields],
        ([prepare(f.pre_save(obj, True), connection) for f, prepare in prepared] for obj in objects),
    )


def insert_rows(model, names: Sequence[str], rows: Iterable[Sequence], batch_size: int = BATCH) -> None:
    """New rows of plain values for the model's fields `names` (the others get their defaults).

    Without a model instance per row on PostgreSQL: for link tables and the small parts of a service.
    A field with a default must be among `names` there (COPY knows only the database's defaults).
    """
    fields = [model._meta.get_field(name) for name in names]
    if not copying():
        attnames = [f.attname for f in fields]
        model.objects.bulk_create(
            [model(**dict(zip(attnames, row, strict=True))) for row in rows], batch_size=batch_size
        )
        return
    prepared = [f.get_db_prep_save for f in fields]
    copy_rows(
        model._meta.db_table,
        [f.column for f in fields],
        ([prepare(value, connection) for prepare, value in zip(prepared, row, strict=True)] for row in rows),
    )


def copy_rows(table: str, columns: list[str], rows: Iterable[Sequence]) -> None:
    """The rows into the table through one COPY (text format: the server parses each value)."""
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
