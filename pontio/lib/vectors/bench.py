"""Timings of the exact vector index on random unit vectors: how long building takes, how fast a
search is with and without a filter, and what it costs on disk and in memory.

    python -m pontio.lib.vectors.bench 100000 1000000
"""

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt

from pontio.lib.metrics import percentile
from pontio.lib.vectors import NumpyVectorIndex

_BATCH = 10_000


def vector_benchmark(
    n: int, dims: int = 384, queries: int = 200, *, k: int = 10
) -> dict[str, float]:
    """Build an index of n random unit vectors in a temporary directory and time it; the
    filtered searches allow a random 1% of the items."""
    rng = np.random.default_rng(0)

    def unit(count: int) -> npt.NDArray[np.float32]:
        matrix = rng.standard_normal((count, dims), dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    with tempfile.TemporaryDirectory(prefix="pontio-vectors-", dir="/tmp") as tmp:
        directory = Path(tmp)
        writer = NumpyVectorIndex(directory, dims=dims)
        build = 0.0
        for first in range(0, n, _BATCH):
            batch = unit(min(_BATCH, n - first))
            started = time.perf_counter()
            writer.upsert("record", np.arange(first, first + len(batch)), batch)
            build += _ms(started)

        # A fresh object stands in for a web process opening the index.
        reader = NumpyVectorIndex(directory, dims=dims)
        started = time.perf_counter()
        reader.count("record")
        opened = _ms(started)
        allowed = {"record": set(rng.choice(n, max(1, n // 100), replace=False).tolist())}
        plain, filtered = [], []
        for query in unit(queries):
            started = time.perf_counter()
            reader.search(query, kinds=["record"], k=k)
            plain.append(_ms(started))
            started = time.perf_counter()
            reader.search(query, kinds=["record"], k=k, allowed=allowed)
            filtered.append(_ms(started))

        # A small write by the job worker, then the next search in a reader that must catch up.
        started = time.perf_counter()
        writer.upsert("record", np.arange(100), unit(100))
        small_write = _ms(started)
        started = time.perf_counter()
        reader.search(unit(1)[0], kinds=["record"], k=k)
        after_write = _ms(started)

        disk = sum(path.stat().st_size for path in directory.iterdir())
        memory = reader.memory_bytes()
        started = time.perf_counter()
        writer.compact()
        compact = _ms(started)
    return {
        "n": n,
        "k": k,
        "build_seconds": build / 1000,
        "open_ms": opened,
        "search_p50_ms": percentile(plain, 50),
        "search_p95_ms": percentile(plain, 95),
        "filtered_1pct_p50_ms": percentile(filtered, 50),
        "filtered_1pct_p95_ms": percentile(filtered, 95),
        "write_100_ms": small_write,
        "search_after_write_ms": after_write,
        "compact_ms": compact,
        "disk_bytes_per_100k": disk * 100_000 / n,
        "memory_bytes_per_100k": memory * 100_000 / n,
    }


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    for size in sys.argv[1:] or ["100000"]:
        print(vector_benchmark(int(size)))
