"""Keyword search in PostgreSQL: a weighted tsvector per item (A title; B keywords and authors;
C abstract and journal) under a GIN index. Text is folded in Python, so diacritics need no
unaccent extension, and the tsquery is built from parsed words as bound parameters, so nothing
a person types is ever parsed as tsquery syntax.

Ranking: ts_rank and ts_rank_cd know nothing of how rare a word is, so alone they let a common
word outweigh a telling one (ts_rank_cd: nDCG@10 0.43 on SciFact's training queries). Here each
query word's ts_rank is weighted by its BM25 inverse document frequency within the kind, counted
through the GIN index at query time, and summed (nDCG@10 0.70, as SQLite's BM25 gives)."""

import math
import time
from collections.abc import Collection, Iterable
from itertools import batched
from typing import Any

from django.db import connections, transaction
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from pontio.lib.query import Query, fold_fast
from pontio.search.backends.base import Hit, IndexDoc, Match, check_kind, unique_docs
from pontio.search.models import KeywordEntry

CONFIG = "english"
TABLE = KeywordEntry._meta.db_table
GIN_INDEX = "search_keywordentry_document_gin"
BATCH = 2000
# ts_rank weights for D, C, B, A, tuned on SciFact's training queries (title and abstract).
# ts_rank already saturates repeated words, so the title needs only a little more than the rest.
RANK_WEIGHTS = "{0.1, 0.75, 0.9, 1.0}"

_UPSERT = f"""
INSERT INTO {TABLE} (kind, object_id, document)
SELECT %s, d.id,
       setweight(to_tsvector('{CONFIG}', d.a), 'A')
    || setweight(to_tsvector('{CONFIG}', d.b), 'B')
    || setweight(to_tsvector('{CONFIG}', d.c), 'C')
FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS d(id, a, b, c)
ON CONFLICT (kind, object_id) DO UPDATE SET document = EXCLUDED.document
"""  # noqa: S608


def create_gin_index(schema_editor: BaseDatabaseSchemaEditor) -> None:
    schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin (document)")


def _clean(text: str) -> str:
    # PostgreSQL text cannot hold NUL characters.
    return fold_fast(text).replace("\x00", " ")


def tsquery_sql(query: Query, match: Match) -> tuple[str, list[str]]:
    """SQL for a tsquery made of one plainto_tsquery per word and phraseto_tsquery per phrase,
    each word a bound parameter, joined with && or ||, less !! the exclusions."""
    params: list[str] = []
    positives: list[str] = []
    for term in query.terms:
        positives.append(f"plainto_tsquery('{CONFIG}', %s)")
        params.append(term)
    for phrase in query.phrases:
        positives.append(f"phraseto_tsquery('{CONFIG}', %s)")
        params.append(" ".join(phrase))
    sql = "(" + (" && " if match == "all" else " || ").join(positives) + ")"
    if query.excluded:
        excluded = [f"phraseto_tsquery('{CONFIG}', %s)" for _ in query.excluded]
        params += [" ".join(phrase) for phrase in query.excluded]
        sql = f"({sql} && !!({' || '.join(excluded)}))"
    return sql, params


def _unit_list(query: Query) -> list[tuple[str, str]]:
    """One tsquery per word and per phrase, with its parameter: the units ranking weighs."""
    return [(f"plainto_tsquery('{CONFIG}', %s)", term) for term in query.terms] + [
        (f"phraseto_tsquery('{CONFIG}', %s)", " ".join(phrase)) for phrase in query.phrases
    ]


# (database alias, kind, unit SQL, unit text) -> (when counted, count). unit "" = all documents.
_STATISTICS: dict[tuple[str, str, str, str], tuple[float, int]] = {}
STATISTICS_SECONDS = 300.0


def _forget_statistics(using: str, kind: str) -> None:
    for key in [k for k in _STATISTICS if k[0] == using and k[1] == kind]:
        del _STATISTICS[key]


class PostgresKeywordIndex:
    def __init__(self, using: str) -> None:
        self.using = using

    def _statistic(self, cursor: Any, kind: str, unit_sql: str, unit_param: str) -> int:
        """How many documents of the kind there are (unit "") or contain the unit, cached."""
        key = (self.using, kind, unit_sql, unit_param)
        now = time.monotonic()
        cached = _STATISTICS.get(key)
        if cached is not None and now - cached[0] < STATISTICS_SECONDS:
            return cached[1]
        if unit_sql:
            cursor.execute(
                f"SELECT count(*) FROM {TABLE} WHERE kind = %s AND document @@ {unit_sql}",  # noqa: S608
                [kind, unit_param],
            )
        else:
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE kind = %s", [kind])  # noqa: S608
        count = int(cursor.fetchone()[0])
        if len(_STATISTICS) > 50_000:
            _STATISTICS.clear()
        _STATISTICS[key] = (now, count)
        return count

    def index(self, kind: str, docs: Iterable[IndexDoc]) -> int:
        check_kind(kind)
        _forget_statistics(self.using, kind)
        written = 0
        with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
            for batch in batched(unique_docs(docs), BATCH):
                cursor.execute(
                    _UPSERT,
                    [
                        kind,
                        [doc.id for doc in batch],
                        [_clean(doc.title) for doc in batch],
                        [_clean(f"{doc.keywords} {doc.authors}") for doc in batch],
                        [_clean(f"{doc.abstract} {doc.container}") for doc in batch],
                    ],
                )
                written += len(batch)
        return written

    def remove(self, kind: str, ids: Iterable[int]) -> None:
        check_kind(kind)
        _forget_statistics(self.using, kind)
        KeywordEntry.objects.using(self.using).filter(kind=kind, object_id__in=list(ids)).delete()

    def search(
        self,
        kind: str,
        query: Query,
        *,
        limit: int | None = None,
        within: Collection[int] | None = None,
        match: Match = "all",
    ) -> list[Hit]:
        check_kind(kind)
        if query.is_empty or (within is not None and not within):
            return []
        if limit is not None and limit <= 0:
            return []
        tsquery, params = tsquery_sql(query, match)
        # Each word (and phrase) is weighted by its BM25 inverse document frequency. The counts
        # behind it change slowly, so they are cached for a few minutes rather than counted
        # through the GIN index on every search.
        with connections[self.using].cursor() as cursor:
            total = self._statistic(cursor, kind, "", "")
            rank_terms, rank_params = [], []
            for unit_sql, unit_param in _unit_list(query):
                df = self._statistic(cursor, kind, unit_sql, unit_param)
                if df == 0:
                    continue
                idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
                rank_terms.append(f"%s * ts_rank('{RANK_WEIGHTS}', e.document, {unit_sql})")
                rank_params += [idf, unit_param]
        score = " + ".join(rank_terms) or "0"
        sql = f"""
SELECT e.object_id, ({score})::float8 AS score
FROM {TABLE} e
WHERE e.kind = %s AND e.document @@ {tsquery}"""  # noqa: S608
        all_params: list[Any] = [*rank_params, kind, *params]
        if within is not None:
            sql += " AND e.object_id = ANY(%s::bigint[])"
            all_params.append([int(i) for i in within])
        sql += " ORDER BY score DESC, e.object_id"
        if limit is not None:
            sql += " LIMIT %s"
            all_params.append(limit)
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, all_params)
            return [Hit(id=object_id, score=score) for object_id, score in cursor.fetchall()]

    def count(self, kind: str) -> int:
        return KeywordEntry.objects.using(self.using).filter(kind=check_kind(kind)).count()

    def optimize(self, kind: str) -> None:
        # Nothing to do: the GIN index merges its pending list itself, and autovacuum keeps the
        # statistics. (A manual ANALYZE right after a large import led the planner to scan the
        # table for common words instead of using the GIN index.)
        return None

    def clear(self, kind: str) -> None:
        _forget_statistics(self.using, kind)
        KeywordEntry.objects.using(self.using).filter(kind=check_kind(kind)).delete()
