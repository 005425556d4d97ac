"""The vector index in PostgreSQL (pgvector) returns what the numpy index returns, item for
item and in the same order, with the same scores. It runs where the database has pgvector:
`make test` runs it against a throwaway PostgreSQL 16 with pgvector (scripts/with-pgvector)."""

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pontio.lib.vectors import NumpyVectorIndex
from pontio.search.pgvector import PgVectorIndex, pgvector_ready
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
