"""Keyword search in SQLite: one FTS5 table per kind, rowid = the item's id, ranked by BM25
with the title weighted highest. Tables are made the first time a kind is indexed, so a new
kind of item needs no migration."""

import json
from collections.abc import Collection, Iterable
from itertools import batched
from typing import Any

from django.db import connections, transaction
from django.db.backends.utils import CursorWrapper

from pontio.lib.query import Query, fold_fast
from pontio.search.backends.base import Hit, IndexDoc, Match, check_kind

TOKENIZE = "porter unicode61 remove_diacritics 2"
COLUMNS = ("title", "abstract", "authors", "keywords", "container")
# bm25() weights per column, in COLUMNS order, tuned on SciFact's training queries (title and
# abstract); the others sit between, as a record's author or keyword says more than its journal.
WEIGHTS = (3.0, 1.0, 2.0, 2.0, 1.0)
BATCH = 2000
# Ranked OR reads every posting of every word: at 100k items a pasted sentence's common words
# ("patients", "study") cost 50-100 ms, at 1M ten times that. Above this many postings, the
# commonest words are left out (the rarest are kept until their postings reach it): they carry
# little of BM25's score, and re-scoring the best matches with them cost more than it saved
# (FTS5 reads a word's whole posting list even to score one row).
ANY_POSTINGS_BUDGET = 20_000


def table_name(kind: str) -> str:
    return f"search_fts_{check_kind(kind)}"


def _quoted(words: Iterable[str]) -> str:
    """An FTS5 string: the tokenizer reads it as a phrase and no character in it is syntax."""
    return '"' + " ".join(words).replace('"', '""') + '"'


def fts5_expression(query: Query, match: Match) -> str:
    """An FTS5 MATCH expression, built from parsed words only, so it is always valid."""
    positives = [_quoted([term]) for term in query.terms]
    positives += [_quoted(phrase) for phrase in query.phrases]
    expression = (" AND " if match == "all" else " OR ").join(positives)
    if query.excluded:
        excluded = " OR ".join(_quoted(phrase) for phrase in query.excluded)
        expression = f"({expression}) NOT ({excluded})"
    return expression


class SqliteKeywordIndex:
    def __init__(self, using: str) -> None:
        self.using = using

    def _cursor(self) -> CursorWrapper:
        return connections[self.using].cursor()

    @staticmethod
    def _exists(cursor: CursorWrapper, table: str) -> bool:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [table])
        return cursor.fetchone() is not None

    @staticmethod
    def _create(cursor: CursorWrapper, table: str) -> None:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5"
            f"({', '.join(COLUMNS)}, tokenize = '{TOKENIZE}')"
        )

    def ensure(self, kind: str) -> None:
        """Create the kind's table now, outside any transaction. SQLite cannot roll back the
        creation of a virtual table inside a savepoint cleanly (the connection's next savepoint
        fails with "SQL logic error"), so tables are made after migrating, never first inside
        someone's transaction."""
        with self._cursor() as cursor:
            self._create(cursor, table_name(kind))

    def index(self, kind: str, docs: Iterable[IndexDoc]) -> int:
        table = table_name(kind)
        placeholders = ", ".join(["%s"] * (len(COLUMNS) + 1))
        insert = (
            f"INSERT OR REPLACE INTO {table} (rowid, {', '.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608
        )
        written = 0
        # A savepoint inside the caller's transaction, or one transaction of its own: never a
        # commit per row.
        with transaction.atomic(using=self.using), self._cursor() as cursor:
            self._create(cursor, table)
            for batch in batched(docs, BATCH):
                rows = [
                    (
                        doc.id,
                        fold_fast(doc.title),
                        fold_fast(doc.abstract),
                        fold_fast(doc.authors),
                        fold_fast(doc.keywords),
                        fold_fast(doc.container),
                    )
                    for doc in batch
                ]
                cursor.executemany(insert, rows)
                written += len(rows)
        return written

    def remove(self, kind: str, ids: Iterable[int]) -> None:
        table = table_name(kind)
        gone = [int(i) for i in ids]
        with transaction.atomic(using=self.using), self._cursor() as cursor:
            if gone and self._exists(cursor, table):
                cursor.execute(
                    f"DELETE FROM {table} WHERE rowid IN (SELECT value FROM json_each(%s))",  # noqa: S608
                    [json.dumps(gone)],
                )

    def search(
        self,
        kind: str,
        query: Query,
        *,
        limit: int | None = None,
        within: Collection[int] | None = None,
        match: Match = "all",
    ) -> list[Hit]:
        if query.is_empty or (within is not None and not within):
            return []
        if limit is not None and limit <= 0:
            return []
        if match == "any" and limit is not None and len(query.terms) > 1:
            rare = self._rare_terms(kind, query)
            if rare is not None:
                narrow = Query(terms=tuple(rare), phrases=query.phrases, excluded=query.excluded)
                best = self._search(kind, narrow, limit=limit, within=within, match="any")
                if len(best) >= limit:
                    return best
                # The rare words are in too few items: rank every match after all.
        return self._search(kind, query, limit=limit, within=within, match=match)

    def _rare_terms(self, kind: str, query: Query) -> list[str] | None:
        """The query's rarer words when all of them together have too many postings to rank
        every match; None when there are few enough to rank them all."""
        table = table_name(kind)
        with self._cursor() as cursor:
            if not self._exists(cursor, table):
                return None
            # The index's own tokenizer gives each word's indexed form, and a vocabulary table
            # (temporary: nothing is written to the database) how many items hold it.
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_words USING fts5"
                f"(t, tokenize = '{TOKENIZE}')"
            )
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_words_vocab USING fts5vocab"
                f"(temp, {table}_words, 'instance')"
            )
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab USING fts5vocab"
                f"(main, {table}, 'row')"
            )
            cursor.execute(f"DELETE FROM temp.{table}_words")  # noqa: S608
            cursor.execute(
                f"INSERT INTO temp.{table}_words (rowid, t) VALUES (1, %s)",  # noqa: S608
                [" ".join(query.terms)],
            )
            cursor.execute(f"SELECT term, offset FROM temp.{table}_words_vocab")  # noqa: S608
            stems = {offset: term for term, offset in cursor.fetchall()}
            if len(stems) != len(query.terms):
                return None  # a word the tokenizer split or dropped: no shortcut
            cursor.execute(
                f"SELECT term, doc FROM temp.{table}_vocab "  # noqa: S608
                "WHERE term IN (SELECT value FROM json_each(%s))",
                [json.dumps(sorted(set(stems.values())))],
            )
            postings = dict(cursor.fetchall())
        counted = sorted((postings.get(stems[n], 0), term) for n, term in enumerate(query.terms))
        if sum(df for df, _ in counted) <= ANY_POSTINGS_BUDGET:
            return None
        rare: list[str] = []
        total = 0
        for df, term in counted:
            if rare and total + df > ANY_POSTINGS_BUDGET:
                break
            rare.append(term)
            total += df
        return rare

    def _search(
        self,
        kind: str,
        query: Query,
        *,
        limit: int | None,
        within: Collection[int] | None,
        match: Match,
    ) -> list[Hit]:
        table = table_name(kind)
        if within is not None and not within:
            return []
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = f"SELECT rowid, bm25({table}, {weights}) AS score FROM {table} WHERE {table} MATCH %s"  # noqa: S608
        params: list[Any] = [fts5_expression(query, match)]
        if within is not None:
            # Matched first, then kept to the ids: asked together, FTS5 looks up each id in
            # every word's whole posting list (about 1 ms an id for common words at 100k).
            sql = (
                f"WITH matched AS MATERIALIZED ({sql}) SELECT rowid, score FROM matched "  # noqa: S608
                "WHERE rowid IN (SELECT value FROM json_each(%s))"
            )
            params.append(json.dumps([int(i) for i in within]))
        sql += " ORDER BY score, rowid"
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        with self._cursor() as cursor:
            if not self._exists(cursor, table):
                return []
            cursor.execute(sql, params)
            # bm25() is lower for better matches; a Hit's score is higher for better ones.
            return [Hit(id=rowid, score=-score) for rowid, score in cursor.fetchall()]

    def count(self, kind: str) -> int:
        table = table_name(kind)
        with self._cursor() as cursor:
            if not self._exists(cursor, table):
                return 0
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
            return int(cursor.fetchone()[0])

    def optimize(self, kind: str) -> None:
        # Each batch written adds a segment to the FTS5 index; a query reads every segment.
        # 'optimize' merges them into one.
        table = table_name(kind)
        with self._cursor() as cursor:
            if self._exists(cursor, table):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608

    def clear(self, kind: str) -> None:
        with self._cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {table_name(kind)}")
