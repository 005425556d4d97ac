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
    # The title's words alone: small enough to stay in the table's own pages, so candidates
    # among many thousand matches can be found without reading every whole document.
    heading = TsVectorField(default="")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class KeywordTerm(models.Model):
    """How many items of a kind contain a word (its document frequency), kept up to date as items
    are indexed so that ranking need not count through the index at search time. The row with
    the empty word holds how many items the kind has. PostgreSQL only, as KeywordEntry."""

    pk = models.CompositePrimaryKey("kind", "lexeme")
    kind = models.CharField(max_length=40)
    lexeme = models.TextField()
    documents = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.kind} {self.lexeme}: {self.documents}"
