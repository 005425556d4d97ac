"""What any vector index offers search code, whether numpy files or PostgreSQL (pgvector)."""

from collections.abc import Collection, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

type Vectors = npt.NDArray[np.float32]
type Ids = Collection[int] | npt.NDArray[np.integer[Any]]
type Hit = tuple[str, int, float]  # (kind, id, cosine)


class VectorIndex(Protocol):
    """Items are (kind, id) pairs such as ("record", 42), each with one vector of `dims` floats.
    Vectors are compared by cosine, so their lengths do not matter."""

    dims: int
    # Whether the index is read through this thread's database connection (pgvector): then it
    # must be searched in the caller's thread, which sees what the caller's transaction wrote.
    # An index that needs none (numpy files) may be searched in another thread meanwhile.
    needs_connection: bool

    def upsert(
        self, kind: str, ids: Sequence[int] | npt.NDArray[np.integer[Any]], vectors: npt.ArrayLike
    ) -> None:
        """Add a vector for each id, replacing any the id had, all in one commit."""
        ...

    def remove(self, kind: str, ids: Ids) -> None:
        """Forget those ids; ids not in the index are ignored."""
        ...

    def search(
        self,
        query: npt.ArrayLike,
        *,
        kinds: Collection[str],
        k: int,
        allowed: Mapping[str, Ids] | None = None,
        exclude: Collection[tuple[str, int]] = (),
    ) -> list[Hit]:
        """The k items most like the query among `kinds`, best first, equal scores in order of
        (kind, id). A kind named in `allowed` is searched only among the ids given for it; a
        kind it does not name is searched in full. Excluded items never appear."""
        ...

    def get(self, kind: str, item_id: int) -> Vectors | None:
        """The stored vector (at unit length), or None."""
        ...

    def get_many(self, kind: str, ids: Ids) -> dict[int, Vectors]:
        """The stored vectors (at unit length) of those ids, by id, in one read; ids without
        one are left out."""
        ...

    def count(self, kind: str) -> int: ...

    def clear(self, kind: str | None = None) -> None:
        """Forget one kind, or everything."""
        ...

    def memory_bytes(self) -> int:
        """Roughly how much memory the index holds or maps in this process."""
        ...
