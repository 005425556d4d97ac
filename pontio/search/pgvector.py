"""The vector index kept in PostgreSQL with the pgvector extension, where the database has it
(ADR 0013): the same `VectorIndex` as the numpy files, searched exactly (no approximate index)
so that both return the same items in the same order. Vectors are stored at unit length, so
the cosine is the inner product. Where the extension is missing, search uses the numpy files."""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db import connection, transaction

from pontio.lib.vectors import Hit
from pontio.lib.vectors.protocol import Ids, Vectors

TABLE = "search_vector"


def pgvector_ready() -> bool:
    """Whether this database holds the vector index: PostgreSQL where the migration found
    pgvector and made the table. Asked each time (a fraction of a millisecond): a benchmark's
    throwaway schema may have no such table."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [TABLE])
        row = cursor.fetchone()
    return bool(row and row[0])


def create_table(schema_editor: Any) -> None:
    """Make the extension and the table where PostgreSQL has pgvector; elsewhere nothing (the
    numpy files are used). The column takes vectors of any length (the model's is 384)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        if cursor.fetchone() is None:
            return
        cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (kind text NOT NULL, item_id bigint NOT NULL,"
            " embedding vector NOT NULL, PRIMARY KEY (kind, item_id))"
        )


def _literal(vector: npt.NDArray[np.float32]) -> str:
    return "[" + ",".join(f"{value:.8g}" for value in vector.tolist()) + "]"


def _unit(vectors: npt.ArrayLike, dims: int) -> npt.NDArray[np.float32]:
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim == 1:
        array = array[None, :]
    if array.shape[1] != dims or not np.isfinite(array).all():
        raise ValueError(f"Vectors must be finite and have {dims} numbers.")
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    if (norms == 0).any():
        raise ValueError("A vector of zeros has no direction.")
    return array / norms


class PgVectorIndex:
    """The index in the table that migration search 0004 makes where pgvector is available."""

    def __init__(self, *, dims: int = 384) -> None:
        self.dims = dims

    def upsert(
        self, kind: str, ids: Sequence[int] | npt.NDArray[np.integer[Any]], vectors: npt.ArrayLike
    ) -> None:
        unit = _unit(vectors, self.dims)
        rows = [(kind, int(i), _literal(v)) for i, v in zip(ids, unit, strict=True)]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (kind, item_id, embedding) VALUES (%s, %s, %s::vector) "  # noqa: S608
                "ON CONFLICT (kind, item_id) DO UPDATE SET embedding = EXCLUDED.embedding",
                rows,
            )

    def remove(self, kind: str, ids: Ids) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE kind = %s AND item_id = ANY(%s)",  # noqa: S608
                [kind, [int(i) for i in ids]],
            )

    def search(
        self,
        query: npt.ArrayLike,
        *,
        kinds: Collection[str],
        k: int,
        allowed: Mapping[str, Ids] | None = None,
        exclude: Collection[tuple[str, int]] = (),
    ) -> list[Hit]:
        unit = _unit(query, self.dims)[0]
        kinds = [kinds] if isinstance(kinds, str) else sorted(set(kinds))
        if k <= 0 or not kinds:
            return []
        allowed = allowed or {}
        free = [kind for kind in kinds if kind not in allowed]
        conditions = ["kind = ANY(%s)"]
        params: list[Any] = [free]
        for kind in kinds:
            if kind in allowed:
                conditions.append("(kind = %s AND item_id = ANY(%s))")
                params += [kind, [int(i) for i in allowed[kind]]]
        excluded = [(kind, int(item)) for kind, item in exclude]
        # Scores as numpy computes them (float32 inner products) come from the stored vectors,
        # so ties and order match the numpy index; the database picks the candidates.
        sql = (
            f"SELECT kind, item_id, embedding::text FROM {TABLE} "  # noqa: S608
            f"WHERE ({' OR '.join(conditions)}) "
            "ORDER BY embedding <#> %s::vector, kind, item_id LIMIT %s"
        )
        params += [_literal(unit), k + len(excluded) + 8]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        skip = set(excluded)
        hits = []
        for kind, item_id, text in rows:
            if (kind, item_id) in skip:
                continue
            vector = np.asarray(text.strip("[]").split(","), dtype=np.float32)
            hits.append((kind, int(item_id), float(np.dot(vector, unit))))
        hits.sort(key=lambda hit: (-hit[2], hit[0], hit[1]))
        return hits[:k]

    def get(self, kind: str, item_id: int) -> Vectors | None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT embedding::text FROM {TABLE} WHERE kind = %s AND item_id = %s",  # noqa: S608
                [kind, item_id],
            )
            row = cursor.fetchone()
        return np.asarray(row[0].strip("[]").split(","), dtype=np.float32) if row else None

    def count(self, kind: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE kind = %s", [kind])  # noqa: S608
            return int(cursor.fetchone()[0])

    def clear(self, kind: str | None = None) -> None:
        with connection.cursor() as cursor:
            if kind is None:
                cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
            else:
                cursor.execute(f"DELETE FROM {TABLE} WHERE kind = %s", [kind])  # noqa: S608

    def memory_bytes(self) -> int:
        return 0  # the vectors live in the database, not in this process
