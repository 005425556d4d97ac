from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _keyword_tables(using: str = "default", **kwargs: Any) -> None:
    """Every registered kind's keyword table, made once the database is migrated (see
    SqliteKeywordIndex.ensure); PostgreSQL keeps all kinds in one migrated table."""
    from django.db import connections

    from pontio.search.backends.sqlite import SqliteKeywordIndex
    from pontio.search.sources import registered_kinds

    if connections[using].vendor != "sqlite":
        return
    index = SqliteKeywordIndex(using)
    for kind in registered_kinds():
        index.ensure(kind)


class SearchConfig(AppConfig):
    name = "pontio.search"
    label = "search"

    def ready(self) -> None:
        post_migrate.connect(
            _keyword_tables, sender=self, dispatch_uid="pontio-search-keyword-tables"
        )
