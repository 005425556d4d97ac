"""The vector index kept in PostgreSQL with the pgvector extension, where the database has it
(ADR 0013): the same `VectorIndex` as the numpy files, searched exactly (no approximate index)
so that both return the same items in the same order. Vectors are stored at unit length, so
the cosine is the inner product. Where the extension is missing, search uses the numpy files."""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db import connection, transaction

from pontio.lib.vectors import Hit, check_kind, unit_query, upsert_rows
from pontio.lib.vectors.protocol import Ids, Vectors

TABLE = "search_vector"
# Where a connection keeps its answer to pgvector_ready(), with the database it was given for.
_READY = "_pontio_pgvector_ready"


def pgvector_ready() -> bool:
    """Whether this database holds the vector index: PostgreSQL where the migration found
    pgvector and made the table. Asked once per connection and database (the test database is
    another NAME); whatever makes or drops the table, or moves the connection to a schema
    without it (a benchmark's throwaway schema), calls forget_pgvector_ready()."""
    if connection.vendor != "postgresql":
        return False
    name = connection.settings_dict["NAME"]
    known: tuple[str, bool] | None = getattr(connection, _READY, None)
    if known is not None and known[0] == name:
        return known[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [TABLE])
        row = cursor.fetchone()
    ready = bool(row and row[0])
    setattr(connection, _READY, (name, ready))
    return ready


def forget_pgvector_ready(wrapper: Any = None) -> None:
    """Make the next pgvector_ready() on that connection (this thread's default one unless
    given) ask the database again."""
    target = connection if wrapper is None else wrapper
    if getattr(target, _READY, None) is not None:
        setattr(target, _READY, None)


def create_table(schema_editor: Any) -> None:
    """Make the extension and the table where PostgreSQL has pgvector; elsewhere nothing (the
    numpy files are used). The column takes vectors of any length (the model's is 384)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    forget_pgvector_ready(schema_editor.connection)
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


def _vector(text: str) -> Vectors:
    """A vector as PostgreSQL writes `embedding::text`: "[0.1,0.2,...]"."""
    return np.asarray(text.strip("[]").split(","), dtype=np.float32)


class PgVectorIndex:
    """The index in the table that migration search 0004 makes where pgvector is available."""

    needs_connection = True  # read through this thread's connection, in its transaction

    def __init__(self, *, dims: int = 384) -> None:
        self.dims = dims

    def upsert(
        self, kind: str, ids: Sequence[int] | npt.NDArray[np.integer[Any]], vectors: npt.ArrayLike
    ) -> None:
        new_ids, unit = upsert_rows(kind, ids, vectors, self.dims)
        if not len(new_ids):
            return
        rows = [(kind, int(i), _literal(v)) for i, v in zip(new_ids, unit, strict=True)]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (kind, item_id, embedding) VALUES (%s, %s, %s::vector) "  # noqa: S608
                "ON CONFLICT (kind, item_id) DO UPDATE SET embedding = EXCLUDED.embedding",
                rows,
            )

    def remove(self, kind: str, ids: Ids) -> None:
        check_kind(kind)
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
        unit = unit_query(query, self.dims)
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
            hits.append((kind, int(item_id), float(np.dot(_vector(text), unit))))
        hits.sort(key=lambda hit: (-hit[2], hit[0], hit[1]))
        return hits[:k]

    def get(self, kind: str, item_id: int) -> Vectors | None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT embedding::text FROM {TABLE} WHERE kind = %s AND item_id = %s",  # noqa: S608
                [kind, item_id],
            )
            row = cursor.fetchone()
        return _vector(row[0]) if row else None

    def get_many(self, kind: str, ids: Ids) -> dict[int, Vectors]:
        wanted = sorted({int(i) for i in ids})
        if not wanted:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT item_id, embedding::text FROM {TABLE} "  # noqa: S608
                "WHERE kind = %s AND item_id = ANY(%s)",
                [kind, wanted],
            )
            return {int(item_id): _vector(text) for item_id, text in cursor.fetchall()}

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
