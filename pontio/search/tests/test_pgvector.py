"""The vector index in PostgreSQL (pgvector) returns what the numpy index returns, item for
item and in the same order, with the same scores. It runs where the database has pgvector:
`make test` runs it against a throwaway PostgreSQL 16 with pgvector (scripts/with-pgvector)."""

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pontio.core.management.commands.bench import throwaway_postgres_schema
from pontio.lib.vectors import NumpyVectorIndex
from pontio.search.pgvector import PgVectorIndex, forget_pgvector_ready, pgvector_ready
from pontio.search.semantic import vector_index

pytestmark = [pytest.mark.django_db, pytest.mark.pgvector]


@pytest.fixture
def both(db: Any, tmp_path: Path) -> tuple[PgVectorIndex, NumpyVectorIndex]:
    if not pgvector_ready():
        pytest.skip("this database has no pgvector: `make test` runs it on one that has")
    rng = np.random.default_rng(7)
    pg, exact = PgVectorIndex(dims=16), NumpyVectorIndex(tmp_path, dims=16)
    for kind, count in (("record", 300), ("brief", 40)):
        ids = np.arange(1, count + 1)
        vectors = rng.normal(size=(count, 16)).astype(np.float32)
        pg.upsert(kind, ids, vectors)
        exact.upsert(kind, ids, vectors)
    return pg, exact


def test_it_finds_what_the_numpy_index_finds(both: tuple[PgVectorIndex, NumpyVectorIndex]) -> None:
    pg, exact = both
    rng = np.random.default_rng(11)
    for _ in range(10):
        query = rng.normal(size=16).astype(np.float32)
        for options in (
            {"kinds": ["record", "brief"], "k": 10},
            {"kinds": ["record"], "k": 5, "allowed": {"record": [3, 7, 9, 200, 250]}},
            {"kinds": ["record", "brief"], "k": 8, "exclude": [("record", 1), ("brief", 2)]},
        ):
            found, expected = pg.search(query, **options), exact.search(query, **options)
            assert [hit[:2] for hit in found] == [hit[:2] for hit in expected]
            assert np.allclose([h[2] for h in found], [h[2] for h in expected], atol=1e-5)


def test_it_keeps_gets_counts_removes_and_clears(
    both: tuple[PgVectorIndex, NumpyVectorIndex],
) -> None:
    pg, exact = both
    assert pg.count("record") == 300 and pg.count("brief") == 40
    stored = pg.get("record", 5)
    assert stored is not None and np.allclose(stored, exact.get("record", 5), atol=1e-6)
    pg.upsert("record", [5], [np.ones(16)])
    assert np.allclose(pg.get("record", 5), np.ones(16) / 4)  # kept at unit length
    pg.remove("record", [5, 999])
    assert pg.get("record", 5) is None and pg.count("record") == 299
    pg.clear("brief")
    assert pg.count("brief") == 0 and pg.count("record") == 299
    with pytest.raises(ValueError, match="16 numbers"):
        pg.upsert("record", [1], [np.ones(3)])


def test_search_uses_it_where_the_database_has_it(both: Any, settings: Any) -> None:
    assert isinstance(vector_index(), PgVectorIndex)
    settings.VECTOR_INDEX = "numpy"
    assert isinstance(vector_index(), NumpyVectorIndex)


def test_get_many_gives_what_get_gives_in_both(
    both: tuple[PgVectorIndex, NumpyVectorIndex], django_assert_num_queries: Any
) -> None:
    pg, exact = both
    wanted = [300, 5, 1, 999, 5, 17]
    with django_assert_num_queries(1):
        found = pg.get_many("record", wanted)
    expected = exact.get_many("record", wanted)
    assert sorted(found) == sorted(expected) == [1, 5, 17, 300]
    for item_id, vector in found.items():
        assert np.allclose(vector, pg.get("record", item_id), atol=1e-7)
        assert np.allclose(vector, expected[item_id], atol=1e-6)
    assert pg.get_many("record", []) == {} == pg.get_many("nothing", [1])


@pytest.mark.parametrize(
    ("kind", "ids", "vectors", "message"),
    [
        ("record", [1], np.zeros((1, 16)), "vector of zeros has no direction"),
        ("record", [1, 1], np.ones((2, 16)), "names the same id more than once"),
        ("record", [1, 2], np.ones((1, 16)), "2 ids were given with 1 vectors"),
        ("record", [1], np.full((1, 16), np.inf), "must not contain NaN or infinite"),
        ("record", [1], np.ones((1, 3)), "Vectors have 3 dimensions; this index holds 16"),
        ("Record/..", [1], np.ones((1, 16)), "A kind is lower-case letters"),
    ],
)
def test_both_refuse_the_same_writes_and_change_nothing(
    both: tuple[PgVectorIndex, NumpyVectorIndex],
    kind: str,
    ids: list[int],
    vectors: Any,
    message: str,
) -> None:
    for index in both:
        before = index.get("record", 1)
        with pytest.raises(ValueError, match=message):
            index.upsert(kind, ids, vectors)
        assert index.count("record") == 300
        assert np.array_equal(index.get("record", 1), before)


def test_both_refuse_the_same_queries(both: tuple[PgVectorIndex, NumpyVectorIndex]) -> None:
    for index in both:
        with pytest.raises(ValueError, match="finite and not all zeros"):
            index.search(np.zeros(16), kinds=["record"], k=1)
        with pytest.raises(ValueError, match=r"The query has shape \(3,\); this index holds 16"):
            index.search(np.ones(3), kinds=["record"], k=1)
        with pytest.raises(ValueError, match="A kind is lower-case letters"):
            index.remove("Record/..", [1])
    assert both[0].needs_connection and not both[1].needs_connection


def test_whether_it_is_there_is_asked_once_per_connection(
    both: Any, django_assert_num_queries: Any
) -> None:
    forget_pgvector_ready()
    with django_assert_num_queries(1):
        assert pgvector_ready() and pgvector_ready()
        assert isinstance(vector_index(), PgVectorIndex)
    forget_pgvector_ready()
    with django_assert_num_queries(1):
        assert pgvector_ready()


def test_a_benchmark_schema_without_the_table_uses_the_numpy_files(both: Any) -> None:
    assert pgvector_ready()
    with throwaway_postgres_schema(migrate=False):
        assert not pgvector_ready()
        assert isinstance(vector_index(), NumpyVectorIndex)
    assert pgvector_ready() and isinstance(vector_index(), PgVectorIndex)
