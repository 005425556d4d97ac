"""Search by meaning. Items are embedded (pontio.lib.embedding) by a background job after their
owner app indexes them, and their vectors kept in an exact vector index (pontio.lib.vectors):
in PostgreSQL where it has pgvector, else in numpy files under VECTORS_DIR. A search embeds
only the query. Nothing waits for embedding: an item without a vector is still found by its
words, and without the model installed, search by meaning quietly finds nothing and keyword
search carries on."""

import threading
from collections.abc import Collection, Iterable, Sequence
from itertools import batched
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from pontio.lib.embedding import embedder, model_available
from pontio.lib.vectors import Hit, NumpyVectorIndex, VectorIndex
from pontio.search.backends import IndexDoc
from pontio.search.backends.base import check_kind, unique_docs
from pontio.search.pgvector import PgVectorIndex, pgvector_ready
from pontio.search.sources import source_for

JOB_SIZE = 256  # items per embedding job: about ten seconds of work on two cores
# Ids whose vectors are read at once when looking for the missing ones (about 1.5 MB at 384-d).
_LOOKUP_SIZE = 1024

_indexes: dict[Path, NumpyVectorIndex] = {}
_indexes_lock = threading.Lock()


def vectors_in_database() -> bool:
    """Whether vectors are kept in PostgreSQL (pgvector) rather than in numpy files."""
    return settings.VECTOR_INDEX != "numpy" and pgvector_ready()


def vector_index() -> VectorIndex:
    """This process's handle on the vector index: in PostgreSQL where it has pgvector (unless
    PONTIO_VECTOR_INDEX says "numpy"), else the numpy files under VECTORS_DIR (one handle per
    directory: tests use their own)."""
    if vectors_in_database():
        return PgVectorIndex()
    directory = Path(settings.VECTORS_DIR)
    with _indexes_lock:
        if directory not in _indexes:
            _indexes[directory] = NumpyVectorIndex(directory)
        return _indexes[directory]


def semantic_available() -> bool:
    return model_available()


def embedding_text(doc: IndexDoc) -> str:
    """What the model reads of an item: its title and abstract (it stops at 256 tokens)."""
    return ". ".join(part for part in (doc.title.strip(), doc.abstract.strip()) if part)


def semantic_index_documents(kind: str, docs: Iterable[IndexDoc]) -> int:
    """Embed documents now and store their vectors; returns how many. For jobs and benchmarks:
    everything else queues the work with semantic_queue."""
    check_kind(kind)
    docs = unique_docs(docs)
    if not docs or not model_available():
        return 0
    vectors = embedder().embed([embedding_text(doc) for doc in docs])
    vector_index().upsert(kind, [doc.id for doc in docs], vectors)
    return len(docs)


def semantic_refresh(kind: str, ids: Sequence[int]) -> int:
    """Bring the vectors of those items in step with their owner: embed the ones that exist,
    forget the ones that are gone. Returns how many were embedded."""
    docs = source_for(kind).documents(ids)
    gone = set(ids) - {doc.id for doc in docs}
    if gone:
        vector_index().remove(kind, sorted(gone))
    return semantic_index_documents(kind, docs)


def semantic_queue(kind: str, ids: Iterable[int]) -> None:
    """Embed those items in the background once the caller's transaction commits."""
    from pontio.search.tasks import embed_items

    check_kind(kind)
    chunks = [list(chunk) for chunk in batched(sorted(set(ids)), JOB_SIZE)]
    if not chunks or not model_available():
        return

    def enqueue() -> None:
        for chunk in chunks:
            embed_items.enqueue(kind, chunk)

    transaction.on_commit(enqueue)


def semantic_search(
    kinds: Collection[str],
    text: str,
    *,
    limit: int,
    within: dict[str, Collection[int]] | None = None,
    exclude: Collection[tuple[str, int]] = (),
    index: VectorIndex | None = None,
) -> list[Hit]:
    """Items most alike in meaning to the text, best first, as (kind, id, cosine). `index` is
    the vector index when the caller already chose it: hybrid search chooses it in the
    request's thread and, when it needs no connection (numpy files), runs this in another
    thread, which then opens no database connection of its own."""
    if not text.strip() or not model_available() or limit <= 0:
        return []
    query = embedder().embed_query(text)
    index = index or vector_index()
    return index.search(query, kinds=kinds, k=limit, allowed=within, exclude=exclude)


def semantic_similar_to(
    kind: str, item_id: int, kinds: Collection[str], *, limit: int
) -> list[Hit]:
    """Items most alike in meaning to one that is indexed; [] while it has no vector yet."""
    index = vector_index()
    vector = index.get(kind, item_id)
    if vector is None:
        return []
    return index.search(vector, kinds=kinds, k=limit, exclude=[(kind, item_id)])


def semantic_vectors(kind: str, items: Sequence[tuple[int, str]]) -> list[Any]:
    """Each item's vector: the stored one, or (while its embedding job has not run yet) its
    text embedded now, all missing ones in one batch; None for an item with no text. For
    apps that combine vectors in their own way (expert matching), so that only this module
    embeds."""
    stored = vector_index().get_many(kind, [item_id for item_id, _text in items])
    found: list[Any] = [stored.get(item_id) for item_id, _text in items]
    missing = [i for i, vector in enumerate(found) if vector is None and items[i][1].strip()]
    if missing and model_available():
        made = embedder().embed([items[i][1] for i in missing])
        for row, i in enumerate(missing):
            found[i] = made[row]
    return found


def semantic_query_vector(text: str) -> Any:
    """A typed text's vector, or None when there is no text or no model."""
    if not text.strip() or not model_available():
        return None
    return embedder().embed_query(text)


def semantic_has(kind: str, item_id: int) -> bool:
    return vector_index().get(kind, item_id) is not None


def semantic_missing(kind: str, ids: Iterable[int]) -> list[int]:
    """Those of the ids (in their order) that have no vector yet: one read per thousand ids."""
    index = vector_index()
    missing: list[int] = []
    for chunk in batched(ids, _LOOKUP_SIZE):
        stored = index.get_many(kind, chunk)
        missing += [item_id for item_id in chunk if item_id not in stored]
    return missing


def semantic_count(kind: str) -> int:
    return vector_index().count(kind)


def semantic_clear(kind: str) -> None:
    vector_index().clear(kind)
