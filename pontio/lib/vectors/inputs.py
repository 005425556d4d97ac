"""The checks every vector index makes of what it is given, in one place so that the numpy files
and PostgreSQL refuse the same things with the same words: kinds outside a safe alphabet, ids
named twice in one write, vectors of the wrong size, not finite or all zeros."""

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from pontio.lib.vectors.protocol import Vectors

type IdArray = npt.NDArray[np.int64]

_KIND = re.compile(r"[a-z][a-z0-9_]{0,63}")


def check_kind(kind: str) -> None:
    """Kinds name files (numpy index), so they are kept to a safe alphabet in every index."""
    if not _KIND.fullmatch(kind):
        raise ValueError(f"A kind is lower-case letters, digits and _, not {kind!r}.")


def unit_rows(vectors: npt.ArrayLike, dims: int, count: int) -> Vectors:
    """`count` vectors of `dims` numbers as float32 rows at unit length, so that a dot product
    is the cosine. A vector of zeros has no direction and is refused, as in a query."""
    matrix = np.array(vectors, dtype=np.float32, ndmin=2)
    if matrix.ndim != 2 or matrix.shape[1] != dims:
        raise ValueError(
            f"Vectors have {matrix.shape[-1]} dimensions; this index holds {dims} "
            f"(each vector must have {dims} numbers)."
        )
    if len(matrix) != count:
        raise ValueError(f"{count} ids were given with {len(matrix)} vectors.")
    if not np.isfinite(matrix).all():
        raise ValueError("Vectors must not contain NaN or infinite values.")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    if (norms == 0).any():
        raise ValueError("A vector of zeros has no direction: vectors must not be all zeros.")
    np.divide(matrix, norms, out=matrix)
    return matrix


def unit_query(query: npt.ArrayLike, dims: int) -> Vectors:
    """A query of `dims` numbers as one float32 vector at unit length."""
    vector = np.array(query, dtype=np.float32)
    if vector.shape != (dims,):
        raise ValueError(
            f"The query has shape {vector.shape}; this index holds {dims}-dimensional vectors."
        )
    norm = float(np.linalg.norm(vector))
    if not np.isfinite(norm) or norm == 0:
        raise ValueError("The query vector must be finite and not all zeros.")
    return vector / np.float32(norm)


def upsert_rows(
    kind: str,
    ids: Sequence[int] | npt.NDArray[np.integer[Any]],
    vectors: npt.ArrayLike,
    dims: int,
) -> tuple[IdArray, Vectors]:
    """What an upsert writes: its ids (each once) and their vectors at unit length."""
    check_kind(kind)
    new_ids = np.array(ids, dtype=np.int64).ravel()
    matrix = unit_rows(vectors, dims, len(new_ids))
    if len(np.unique(new_ids)) != len(new_ids):
        raise ValueError(f"An upsert to {kind!r} names the same id more than once.")
    return new_ids, matrix
