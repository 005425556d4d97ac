"""Keyword search backends: SQLite FTS5 (the default) and PostgreSQL full-text search, chosen by
the database a connection speaks to."""

from django.db import DEFAULT_DB_ALIAS, connections

from pontio.search.backends.base import Hit, IndexDoc, KeywordIndex, Match

__all__ = ["Hit", "IndexDoc", "KeywordIndex", "Match", "get_keyword_index"]


def get_keyword_index(using: str = DEFAULT_DB_ALIAS) -> KeywordIndex:
    vendor = connections[using].vendor
    if vendor == "sqlite":
        from pontio.search.backends.sqlite import SqliteKeywordIndex

        return SqliteKeywordIndex(using)
    if vendor == "postgresql":
        from pontio.search.backends.postgres import PostgresKeywordIndex

        return PostgresKeywordIndex(using)
    raise NotImplementedError(f"Pontio has no keyword search for {vendor} databases.")
