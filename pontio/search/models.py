"""The search app's one table: indexed words for PostgreSQL full-text search. SQLite keeps its
keyword index in FTS5 tables instead (see backends/sqlite.py), so there this table stays empty."""

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


class TsVectorField(models.Field[Any, Any]):
    """A PostgreSQL tsvector, without needing django.contrib.postgres; plain text elsewhere."""

    def db_type(self, connection: BaseDatabaseWrapper) -> str:
        return "tsvector" if connection.vendor == "postgresql" else "text"


class KeywordEntry(models.Model):
    """One item's words, weighted by where they come from (A title ... C abstract)."""

    pk = models.CompositePrimaryKey("kind", "object_id")
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    document = TsVectorField()

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
