"""Keyword and meaning together: each ranks the kind's items, and the two are joined by
normalised linear fusion: an item scores KEYWORD_WEIGHT x its keyword score as a share of the
best one, plus (1 - KEYWORD_WEIGHT) x its cosine. The weight and the floor below were chosen on
SciFact's training queries only, against reciprocal rank fusion (docs/decisions/0014)."""

from collections.abc import Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from pontio.lib.language import looks_welsh
from pontio.lib.query import parse_query
from pontio.search.backends import Hit, Match, get_keyword_index
from pontio.search.semantic import semantic_search, vector_index

KEYWORD_WEIGHT = 0.4
# Items found only by meaning must be at least this close: below it, "similar in meaning" is
# noise, and a search with few keyword matches would otherwise always fill up with it.
MEANING_FLOOR = 0.3
MEANING_DEPTH = 100  # how many items search by meaning contributes


@dataclass(frozen=True, slots=True)
class Found:
    """A fused result: why it was found is kept to tell the reader."""

    id: int
    score: float
    by_keyword: bool
    by_meaning: bool


_THREADS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pontio-meaning")


@dataclass(frozen=True)
class Rankings:
    """The two rankings hybrid search fuses, before fusion."""

    keyword: list[Hit]
    meaning: list[tuple[int, float]]  # (id, cosine), best first
    exact: bool  # the query asked for exact words (or is Welsh): rank by words alone


def rankings(
    kind: str,
    text: str,
    *,
    limit: int,
    within: Collection[int] | None = None,
    match: Match | None = None,
    meaning_depth: int = MEANING_DEPTH,
) -> Rankings:
    query = parse_query(text)
    exact = bool(query.phrases or query.excluded or looks_welsh(text))
    # An index that needs no connection (numpy) is searched in another thread while this one
    # asks the database for words: both spend their time outside Python's lock, so on two
    # cores a hybrid search takes about as long as the slower half. One that needs a
    # connection (pgvector) is searched here, in this thread's transaction: another thread's
    # connection would not see what this transaction wrote.
    vectors = None if exact else vector_index()
    search = partial(
        semantic_search,
        [kind],
        text,
        limit=min(limit, meaning_depth),
        within={kind: within} if within is not None else None,
        index=vectors,
    )
    meaning: list[tuple[str, int, float]] = []
    pending: Future[list[tuple[str, int, float]]] | None = None
    if vectors is not None and vectors.needs_connection:
        meaning = search()
    elif vectors is not None:
        pending = _THREADS.submit(search)
    index = get_keyword_index()
    keyword = index.search(kind, query, limit=limit, within=within, match=match or "all")
    if not keyword and match is None:
        keyword = index.search(kind, query, limit=limit, within=within, match="any")
    if vectors is None:
        return Rankings(keyword, [], exact=True)
    if pending is not None:
        meaning = pending.result()
    return Rankings(keyword, [(item_id, cosine) for _, item_id, cosine in meaning], exact=False)


def hybrid_search(
    kind: str,
    text: str,
    *,
    limit: int,
    within: Collection[int] | None = None,
    match: Match | None = None,
) -> list[Found]:
    """The kind's items for what a person typed, best first. "Quoted phrases" or -exclusions
    ask for exact words, and a Welsh query is ranked by words alone (the model is English):
    both are keyword searches. Otherwise items found by words and by meaning are fused.
    Items with every word count as keyword matches, or when none has, those with any
    (match=None, for a search box); match="all" or "any" asks for one."""
    ranked = rankings(kind, text, limit=limit, within=within, match=match)
    if ranked.exact:
        return [Found(hit.id, hit.score, True, False) for hit in ranked.keyword]
    return fuse(keyword=ranked.keyword, meaning=ranked.meaning)[:limit]


def fuse(
    *,
    keyword: list[Hit],
    meaning: list[tuple[int, float]],
    keyword_weight: float = KEYWORD_WEIGHT,
    floor: float = MEANING_FLOOR,
) -> list[Found]:
    """Normalised linear fusion of keyword hits (any positive scores) and (id, cosine) pairs;
    items found only by meaning need a cosine of at least `floor`. Equal scores in id order."""
    scores: dict[int, float] = {}
    best = keyword[0].score if keyword else 0.0
    for hit in keyword:
        scores[hit.id] = keyword_weight * (hit.score / best if best > 0 else 0.0)
    by_keyword = set(scores)
    by_meaning = set()
    for item_id, cosine in meaning:
        if item_id in by_keyword or cosine >= floor:
            scores[item_id] = scores.get(item_id, 0.0) + (1 - keyword_weight) * cosine
            by_meaning.add(item_id)
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [Found(i, score, i in by_keyword, i in by_meaning) for i, score in ordered]
