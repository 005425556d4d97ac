"""The search app's face to the rest of Pontio. Other apps index plain documents and search
them by kind here, whichever backend the database provides; they never touch an index, embed
text or rank on their own.

    keyword_index_documents("record", [IndexDoc(id=r.pk, title=r.title, abstract=r.abstract)])
    semantic_queue("record", [r.pk])  # embedded by a job once the transaction commits
    found = hybrid_search("record", "kids in care doing badly at school", limit=20)
    hits = keyword_search("record", "children's services -covid", limit=20)
    alike = similar_to("record", 42, kinds=["record", "brief"], limit=5)
    alike = similar_text("Do family group conferences work?", kinds=["question"], limit=5)
"""

from collections.abc import Collection, Iterable

from django.db import DEFAULT_DB_ALIAS

from pontio.lib.query import parse_query
from pontio.lib.vectors import Hit as Similar
from pontio.search.backends import Hit, IndexDoc, Match, get_keyword_index
from pontio.search.hybrid import Found, hybrid_search
from pontio.search.semantic import (
    embedding_text,
    semantic_available,
    semantic_count,
    semantic_has,
    semantic_query_vector,
    semantic_queue,
    semantic_search,
    semantic_similar_to,
    semantic_vectors,
)
from pontio.search.sources import Source, register_source

__all__ = [
    "Found",
    "Hit",
    "IndexDoc",
    "Match",
    "Similar",
    "Source",
    "embedding_text",
    "hybrid_search",
    "keyword_clear",
    "keyword_count",
    "keyword_index_documents",
    "keyword_remove",
    "keyword_search",
    "register_source",
    "semantic_available",
    "semantic_count",
    "semantic_has",
    "semantic_query_vector",
    "semantic_queue",
    "semantic_search",
    "semantic_vectors",
    "similar_text",
    "similar_to",
]


def keyword_index_documents(
    kind: str, docs: Iterable[IndexDoc], *, using: str = DEFAULT_DB_ALIAS
) -> int:
    """Add or replace documents (by id) in the kind's index, inside the caller's transaction if
    there is one. Returns how many were written."""
    return get_keyword_index(using).index(kind, docs)


def keyword_remove(kind: str, ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Remove documents; ids that were never indexed are ignored."""
    get_keyword_index(using).remove(kind, ids)


def keyword_search(
    kind: str,
    text: str,
    *,
    limit: int | None = None,
    within: Collection[int] | None = None,
    match: Match = "all",
    using: str = DEFAULT_DB_ALIAS,
) -> list[Hit]:
    """Items of `kind` matching what a person typed, best first.

    Words are all required (match="all", for a search box) or any one will do with better
    matches first (match="any", for finding items like a question or an abstract; a caller can
    also retry with "any" when "all" finds nothing). "Phrases" and -exclusions work in both.
    limit=None returns every match (to count facets); within= keeps only the given ids.
    Nothing typed can raise: text without words finds nothing."""
    return get_keyword_index(using).search(
        kind, parse_query(text), limit=limit, within=within, match=match
    )


def keyword_count(kind: str, *, using: str = DEFAULT_DB_ALIAS) -> int:
    return get_keyword_index(using).count(kind)


def keyword_optimize(kind: str, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Compact the kind's index after a large import."""
    get_keyword_index(using).optimize(kind)


def keyword_clear(kind: str, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Empty the kind's index, before rebuilding it from the owner's records."""
    get_keyword_index(using).clear(kind)


def similar_to(kind: str, item_id: int, *, kinds: Collection[str], limit: int) -> list[Similar]:
    """Items of `kinds` most alike in meaning to one item, as (kind, id, cosine), best first;
    [] until the item has been embedded."""
    return semantic_similar_to(kind, item_id, kinds, limit=limit)


def similar_text(text: str, *, kinds: Collection[str], limit: int) -> list[Similar]:
    """Items of `kinds` most alike in meaning to a piece of text (a new question, a draft)."""
    return semantic_search(kinds, text, limit=limit)
