"""Keyword search in PostgreSQL: a weighted tsvector per item (A title; B keywords and authors;
C abstract and journal) under a GIN index. Text is folded in Python, so diacritics need no
unaccent extension, and the tsquery is built from parsed words as bound parameters, so nothing
a person types is ever parsed as tsquery syntax.

Ranking: ts_rank and ts_rank_cd know nothing of how rare a word is, so alone they let a common
word outweigh a telling one (ts_rank_cd: nDCG@10 0.43 on SciFact's training queries). Here each
query word's ts_rank is weighted by its BM25 inverse document frequency within the kind, and
summed (nDCG@10 0.70, as SQLite's BM25 gives). How many items hold each word is kept in
KeywordTerm as items are indexed: counting through the GIN index at search time cost 100-300 ms
for common words at 100k items."""

import math
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import batched
from typing import Any

from django.db import connections, transaction
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from pontio.lib.query import Query, fold_fast
from pontio.search.backends.base import Hit, IndexDoc, Match, check_kind, unique_docs
from pontio.search.models import KeywordEntry, KeywordTerm

CONFIG = "english"
TABLE = KeywordEntry._meta.db_table
TERMS = KeywordTerm._meta.db_table
GIN_INDEX = "search_keywordentry_document_gin"
HEADING_INDEX = "search_keywordentry_heading_gin"
BATCH = 2000
# ts_rank weights for D, C, B, A, tuned on SciFact's training queries (title and abstract).
# ts_rank already saturates repeated words, so the title needs only a little more than the rest.
RANK_WEIGHTS = "{0.1, 0.75, 0.9, 1.0}"

_UPSERT = f"""
INSERT INTO {TABLE} (kind, object_id, document, heading)
SELECT %s, d.id, v.document, ts_filter(v.document, '{{a}}')
FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS d(id, a, b, c),
LATERAL (SELECT setweight(to_tsvector('{CONFIG}', d.a), 'A')
             || setweight(to_tsvector('{CONFIG}', d.b), 'B')
             || setweight(to_tsvector('{CONFIG}', d.c), 'C') AS document) AS v
ON CONFLICT (kind, object_id) DO UPDATE
SET document = EXCLUDED.document, heading = EXCLUDED.heading
"""  # noqa: S608


# Add (sign 1) or take away (sign -1) the words of the given items, and the items themselves
# (the empty word), to or from the kind's document frequencies. Rows are changed in word order
# so that two imports at once cannot deadlock on them.
_COUNT_TERMS = f"""
INSERT INTO {TERMS} (kind, lexeme, documents)
SELECT %(kind)s, w.lexeme, %(sign)s * count(*)
FROM {TABLE} e, unnest(array_append(tsvector_to_array(e.document), '')) AS w(lexeme)
WHERE e.kind = %(kind)s AND e.object_id = ANY(%(ids)s::bigint[])
GROUP BY w.lexeme ORDER BY w.lexeme
ON CONFLICT (kind, lexeme) DO UPDATE SET documents = {TERMS}.documents + EXCLUDED.documents
"""  # noqa: S608

# The words of each unit of a query, as the index stores them (one unit may give none, one
# or several), with how many items hold each.
_UNIT_TERMS = f"""
SELECT u.n, coalesce(t.documents, 0)
FROM unnest(%(units)s::text[]) WITH ORDINALITY AS u(text, n)
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('{CONFIG}', u.text))) AS w(lexeme)
LEFT JOIN {TERMS} t ON t.kind = %(kind)s AND t.lexeme = w.lexeme
UNION ALL
SELECT 0, coalesce((SELECT documents FROM {TERMS} WHERE kind = %(kind)s AND lexeme = ''), 0)
"""  # noqa: S608


def create_gin_index(schema_editor: BaseDatabaseSchemaEditor) -> None:
    """The indexes the migrations make, for a benchmark that builds its tables without them."""
    schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin (document)")
    schema_editor.execute(f"CREATE INDEX {HEADING_INDEX} ON {TABLE} USING gin (heading)")


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


# (database alias, kind, unit SQL, unit text) -> (when counted, count), for the few units whose
# frequency the word counts cannot give: phrases, and words that fold to several index words.
_PHRASE_COUNTS: dict[tuple[str, str, str, str], tuple[float, int]] = {}
PHRASE_COUNT_SECONDS = 300.0


def _forget_phrase_counts(using: str, kind: str) -> None:
    for key in [k for k in _PHRASE_COUNTS if k[0] == using and k[1] == kind]:
        del _PHRASE_COUNTS[key]


# Rows of the kind's items are locked before their words are taken away, so that two
# transactions re-indexing one item count its old words once.
_LOCK_ENTRIES = f"""
SELECT 1 FROM {TABLE} WHERE kind = %s AND object_id = ANY(%s::bigint[])
ORDER BY object_id FOR UPDATE
"""  # noqa: S608


# Ranking a match reads its whole document, kept compressed out of line: ranking a word found
# in most abstracts cost 300 ms at 100k items. Above this many likely matches, only candidates
# are ranked: the items holding the rarest words, and those with the words in their title (the
# small heading, kept in line). Results then come from the best-placed matches, not every one.
RANK_EVERY_MATCH_UP_TO = 5_000
HEADING_CANDIDATES = 200  # at least; and twice the results asked for

Unit = tuple[str, str]  # a tsquery's SQL and its parameter


def _likely_matches(total: int, frequencies: list[int], match: Match) -> float:
    """How many items a query will match, taking its words as independent."""
    if match == "any":
        return float(sum(frequencies))
    likely = float(total)
    for df in frequencies:
        likely *= df / total if total else 0.0
    return likely


@dataclass
class _Search:
    cursor: Any
    kind: str
    query: Query
    match: Match
    weighted: list[tuple[Unit, float]]  # each unit found in the kind, with its idf
    within: Collection[int] | None

    def _score(self, column: str) -> tuple[str, list[Any]]:
        terms, params = [], []
        for (unit_sql, unit_param), idf in self.weighted:
            terms.append(f"%s * ts_rank('{RANK_WEIGHTS}', e.{column}, {unit_sql})")
            params += [idf, unit_param]
        return " + ".join(terms) or "0", params

    def _ids(
        self,
        condition: str,
        params: list[Any],
        *,
        limit: int | None = None,
    ) -> list[int]:
        sql = f"SELECT e.object_id FROM {TABLE} e WHERE e.kind = %s AND {condition}"  # noqa: S608
        all_params: list[Any] = [self.kind, *params]
        if self.within is not None:
            sql += " AND e.object_id = ANY(%s::bigint[])"
            all_params.append([int(i) for i in self.within])
        if limit is not None:
            sql += " LIMIT %s"
            all_params.append(limit)
        self.cursor.execute(sql, all_params)
        return [row[0] for row in self.cursor.fetchall()]

    def ranked(
        self,
        *,
        limit: int | None,
        among: list[int] | None = None,
        excluding: list[int] | None = None,
    ) -> list[Hit]:
        """Matches best first, by the full score: all of them, or those among the ids given."""
        score, score_params = self._score("document")
        tsquery, params = tsquery_sql(self.query, self.match)
        sql = f"""
SELECT e.object_id, ({score})::float8 AS score
FROM {TABLE} e
WHERE e.kind = %s AND e.document @@ {tsquery}"""  # noqa: S608
        all_params: list[Any] = [*score_params, self.kind, *params]
        for ids in (self.within, among):
            if ids is not None:
                sql += " AND e.object_id = ANY(%s::bigint[])"
                all_params.append([int(i) for i in ids])
        if excluding:
            sql += " AND NOT e.object_id = ANY(%s::bigint[])"
            all_params.append(excluding)
        # Without an order, only the rows returned are scored: a cheap way to fill up.
        sql += " ORDER BY score DESC, e.object_id" if excluding is None else ""
        if limit is not None:
            sql += " LIMIT %s"
            all_params.append(limit)
        self.cursor.execute(sql, all_params)
        return [Hit(id=object_id, score=score) for object_id, score in self.cursor.fetchall()]

    def best_candidates(self, limit: int, frequencies: list[int]) -> list[Hit]:
        units = _unit_list(self.query)
        candidates: set[int] = set()
        if self.match == "any":
            budget, rare = RANK_EVERY_MATCH_UP_TO, []
            for unit, df in sorted(zip(units, frequencies, strict=True), key=lambda u: u[1]):
                if df == 0:
                    continue
                if df > budget:
                    break
                budget -= df
                rare.append(unit)
            if rare:
                condition = "e.document @@ (" + " || ".join(sql for sql, _ in rare) + ")"
                candidates.update(self._ids(condition, [text for _, text in rare]))
        # Then items with every word in the title, then with any: whichever the index gives
        # first, as ordering thousands of titles would cost what this avoids.
        wanted = max(2 * limit, HEADING_CANDIDATES)
        texts = [text for _, text in units]
        for joiner in (" && ", " || "):
            if len(candidates) >= wanted or (joiner == " && " and len(units) == 1):
                continue
            in_heading = "e.heading @@ (" + joiner.join(sql for sql, _ in units) + ")"
            candidates.update(self._ids(in_heading, texts, limit=wanted - len(candidates)))
        hits = self.ranked(limit=limit, among=sorted(candidates)) if candidates else []
        if len(hits) < limit:
            # Too few candidates matched in full: fill up with other matches, whichever come.
            more = self.ranked(limit=limit - len(hits), excluding=[hit.id for hit in hits])
            hits = sorted(hits + more, key=lambda hit: (-hit.score, hit.id))
        return hits


class PostgresKeywordIndex:
    def __init__(self, using: str) -> None:
        self.using = using

    def _count_terms(self, cursor: Any, kind: str, ids: list[int], sign: int) -> None:
        cursor.execute(_COUNT_TERMS, {"kind": kind, "ids": ids, "sign": sign})

    def _phrase_count(self, cursor: Any, kind: str, unit_sql: str, unit_param: str) -> int:
        """How many items contain the unit, counted through the GIN index and cached."""
        key = (self.using, kind, unit_sql, unit_param)
        now = time.monotonic()
        cached = _PHRASE_COUNTS.get(key)
        if cached is not None and now - cached[0] < PHRASE_COUNT_SECONDS:
            return cached[1]
        cursor.execute(
            f"SELECT count(*) FROM {TABLE} WHERE kind = %s AND document @@ {unit_sql}",  # noqa: S608
            [kind, unit_param],
        )
        count = int(cursor.fetchone()[0])
        if len(_PHRASE_COUNTS) > 10_000:
            _PHRASE_COUNTS.clear()
        _PHRASE_COUNTS[key] = (now, count)
        return count

    def _frequencies(self, cursor: Any, kind: str, query: Query) -> tuple[int, list[int]]:
        """How many items the kind has, and how many contain each unit of the query."""
        units = _unit_list(query)
        cursor.execute(_UNIT_TERMS, {"kind": kind, "units": [text for _, text in units]})
        total = 0
        words: dict[int, list[int]] = {}
        for n, documents in cursor.fetchall():
            if n == 0:
                total = int(documents)
            else:
                words.setdefault(int(n), []).append(int(documents))
        frequencies = []
        for n, (unit_sql, unit_text) in enumerate(units, start=1):
            counts = words.get(n, [])
            if len(counts) == 1 and n <= len(query.terms):
                frequencies.append(counts[0])
            elif not counts:
                frequencies.append(0)  # only stop words: the unit matches nothing
            else:
                frequencies.append(self._phrase_count(cursor, kind, unit_sql, unit_text))
        return total, frequencies

    def index(self, kind: str, docs: Iterable[IndexDoc]) -> int:
        check_kind(kind)
        _forget_phrase_counts(self.using, kind)
        written = 0
        with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
            for batch in batched(unique_docs(docs), BATCH):
                ids = [doc.id for doc in batch]
                cursor.execute(_LOCK_ENTRIES, [kind, ids])
                self._count_terms(cursor, kind, ids, -1)
                cursor.execute(
                    _UPSERT,
                    [
                        kind,
                        ids,
                        [_clean(doc.title) for doc in batch],
                        [_clean(f"{doc.keywords} {doc.authors}") for doc in batch],
                        [_clean(f"{doc.abstract} {doc.container}") for doc in batch],
                    ],
                )
                self._count_terms(cursor, kind, ids, 1)
                written += len(batch)
        return written

    def remove(self, kind: str, ids: Iterable[int]) -> None:
        check_kind(kind)
        _forget_phrase_counts(self.using, kind)
        ids = [int(i) for i in ids]
        with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
            cursor.execute(_LOCK_ENTRIES, [kind, ids])
            self._count_terms(cursor, kind, ids, -1)
            KeywordEntry.objects.using(self.using).filter(kind=kind, object_id__in=ids).delete()

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
        units = _unit_list(query)
        with connections[self.using].cursor() as cursor:
            total, frequencies = self._frequencies(cursor, kind, query)
            # Each word (and phrase) is weighted by its BM25 inverse document frequency.
            weighted = [
                (unit, math.log(1 + (max(total, df) - df + 0.5) / (df + 0.5)))
                for unit, df in zip(units, frequencies, strict=True)
                if df > 0
            ]
            search = _Search(cursor, kind, query, match, weighted, within)
            likely = _likely_matches(total, frequencies, match)
            if limit is None or likely <= RANK_EVERY_MATCH_UP_TO:
                return search.ranked(limit=limit)
            return search.best_candidates(limit, frequencies)

    def count(self, kind: str) -> int:
        return KeywordEntry.objects.using(self.using).filter(kind=check_kind(kind)).count()

    def optimize(self, kind: str) -> None:
        # Nothing to do: the GIN index merges its pending list itself, and autovacuum keeps the
        # statistics. (A manual ANALYZE right after a large import led the planner to scan the
        # table for common words instead of using the GIN index.)
        return None

    def clear(self, kind: str) -> None:
        _forget_phrase_counts(self.using, kind)
        with transaction.atomic(using=self.using):
            KeywordEntry.objects.using(self.using).filter(kind=check_kind(kind)).delete()
            KeywordTerm.objects.using(self.using).filter(kind=kind).delete()
