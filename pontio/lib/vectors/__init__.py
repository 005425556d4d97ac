"""Nearest-neighbour search over the embeddings of records, briefs, questions and profiles.
`VectorIndex` is what search code relies on; `NumpyVectorIndex` is the exact default, kept in
memory-mapped files that the job worker writes and web processes read."""

from pontio.lib.vectors.exact import NumpyVectorIndex
from pontio.lib.vectors.inputs import check_kind, unit_query, unit_rows, upsert_rows
from pontio.lib.vectors.protocol import Hit, Ids, VectorIndex, Vectors

__all__ = [
    "Hit",
    "Ids",
    "NumpyVectorIndex",
    "VectorIndex",
    "Vectors",
    "check_kind",
    "unit_query",
    "unit_rows",
    "upsert_rows",
]
