"""How search code reads the vector index, whichever it is (numpy files here, PostgreSQL with
pgvector under scripts/with-pgvector): many vectors in one read, and a meaning search kept in
the request's thread when the index needs its connection."""

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pontio.lib.vectors import NumpyVectorIndex, storage
from pontio.search import hybrid, semantic
from pontio.search.semantic import semantic_missing, semantic_vectors, vector_index

pytestmark = pytest.mark.django_db


def unit_vectors(count: int, dims: int, seed: int = 3) -> Any:
    matrix = np.random.default_rng(seed).normal(size=(count, dims)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_get_many_gives_what_get_gives_in_one_manifest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = NumpyVectorIndex(tmp_path, dims=8)
    index.upsert("record", np.arange(1, 41), unit_vectors(40, 8))
    index.upsert("record", [7], unit_vectors(1, 8, seed=9))  # a replaced row is not returned
    index.remove("record", [8])
    reads: list[Path] = []
    real = storage.read_manifest
    monkeypatch.setattr(
        storage, "read_manifest", lambda *args: reads.append(args[0]) or real(*args)
    )
    found = index.get_many("record", [40, 7, 8, 1, 999, 7])
    assert len(reads) == 1
    assert sorted(found) == [1, 7, 40]
    for item_id, vector in found.items():
        assert np.array_equal(vector, index.get("record", item_id))
    assert index.get_many("record", []) == {} and index.get_many("brief", [1]) == {}


def test_semantic_vectors_reads_every_stored_vector_at_once(
    django_assert_max_num_queries: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = vector_index()
    index.upsert("record", np.arange(1, 301), unit_vectors(300, 384))
    items = [(item_id, "") for item_id in range(1, 302)]  # 301 has no vector and no text
    reads: list[Path] = []
    real = storage.read_manifest
    monkeypatch.setattr(
        storage, "read_manifest", lambda *args: reads.append(args[0]) or real(*args)
    )
    # At most: is pgvector there (asked once per connection), then one read of the vectors.
    with django_assert_max_num_queries(2):
        found = semantic_vectors("record", items)
    assert len(reads) <= 1  # the numpy index reads its manifest once, not once an item
    assert found[-1] is None
    for (item_id, _), vector in zip(items[:-1], found[:-1], strict=True):
        assert np.allclose(vector, index.get("record", item_id), atol=1e-6)


def test_it_finds_the_ids_without_a_vector_a_thousand_at_a_time(
    django_assert_max_num_queries: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    vector_index().upsert("record", [2, 5, 6], unit_vectors(3, 384))
    monkeypatch.setattr(semantic, "_LOOKUP_SIZE", 3)
    ids = [9, 1, 2, 3, 5, 6, 8]
    with django_assert_max_num_queries(4):  # maybe "is pgvector there", then 3 reads
        assert semantic_missing("record", ids) == [9, 1, 3, 8]
    assert semantic_missing("record", []) == []


class FakeIndex:
    dims = 384

    def __init__(self, *, needs_connection: bool) -> None:
        self.needs_connection = needs_connection


@pytest.mark.parametrize("needs_connection", [True, False])
def test_meaning_is_searched_in_this_thread_only_when_the_index_needs_a_connection(
    monkeypatch: pytest.MonkeyPatch, needs_connection: bool
) -> None:
    fake = FakeIndex(needs_connection=needs_connection)
    threads: list[threading.Thread] = []

    def search(kinds: Any, text: str, *, index: Any, **options: Any) -> list[Any]:
        assert index is fake
        threads.append(threading.current_thread())
        return [("record", 4, 0.9)]

    monkeypatch.setattr(hybrid, "vector_index", lambda: fake)
    monkeypatch.setattr(hybrid, "semantic_search", search)
    ranked = hybrid.rankings("record", "children in care", limit=10)
    assert ranked.meaning == [(4, 0.9)] and not ranked.exact
    assert (threads[0] is threading.current_thread()) == needs_connection
    if not needs_connection:
        assert threads[0].name.startswith("pontio-meaning")


def test_an_exact_query_searches_no_meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hybrid, "semantic_search", pytest.fail)
    ranked = hybrid.rankings("record", '"children in care"', limit=10)
    assert ranked.exact and ranked.meaning == []
