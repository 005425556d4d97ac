"""Fast inserts for imports. Django's bulk_create prepares every value through the whole field
machinery; for 100k records that is most of an import's time. Here each column's conversion is
worked out once, and rows go in as multi-row INSERTs (with RETURNING for the new ids, which
SQLite 3.35+ and PostgreSQL both support, in insertion order)."""

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

ROWS_PER_STATEMENT = 500


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    if isinstance(field, models.JSONField):
        # The backend's own JSON adaptation (text on SQLite, jsonb on PostgreSQL).
        return lambda value: field.get_db_prep_save(value, connection)
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    return lambda value: value


def insert(objects: Sequence[models.Model], *, returning_ids: bool) -> None:
    """Insert unsaved model instances of one model; set their pk when asked."""
    if not objects:
        return
    model = type(objects[0])
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    for obj in objects:
        for field in fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                setattr(obj, field.attname, now)
    converters = [_converter(f) for f in fields]
    columns = ", ".join(connection.ops.quote_name(f.attname) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    row_marks = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(objects), ROWS_PER_STATEMENT):
            chunk = objects[start : start + ROWS_PER_STATEMENT]
            params = [
                convert(getattr(obj, field.attname))
                for obj in chunk
                for field, convert in zip(fields, converters, strict=True)
            ]
            # Table and column names come from the model, never from input.
            values = ", ".join([row_marks] * len(chunk))
            sql = f"INSERT INTO {table} ({columns}) VALUES {values}"  # noqa: S608
            if returning_ids:
                sql += " RETURNING " + connection.ops.quote_name(model._meta.pk.attname)
            cursor.execute(sql, params)
            if returning_ids:
                for obj, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                    obj.pk = pk
                    obj._state.adding = False
                    obj._state.db = connection.alias
