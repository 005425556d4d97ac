"""Hybrid search at library sizes beyond a benchmark set (`pontio bench search --sizes`): the
set's documents are copied with varied titles up to 10k, 100k or 1M items, and each copy's
vector is its original's moved a little at random (embedding 1M abstracts would take days on two
cores; the latency and memory of search do not depend on which vectors they are)."""

import statistics
import time
from typing import Any

import numpy as np

from pontio.lib.metrics import percentile
from pontio.search.backends import IndexDoc
from pontio.search.hybrid import hybrid_search
from pontio.search.semantic import vector_index
from pontio.search.services import keyword_clear, keyword_index_documents

KIND = "benchscale"
BATCH = 20_000
NOISE = 0.05  # a copy's cosine with its original is about 0.97


def _copies(
    docs: list[IndexDoc], vectors: Any, start: int, stop: int
) -> tuple[list[IndexDoc], Any]:
    rng = np.random.default_rng(start)
    picked = [docs[n % len(docs)] for n in range(start, stop)]
    copies = [
        IndexDoc(
            id=n + 1,
            title=f"{doc.title} (copy {n // len(docs)})" if n >= len(docs) else doc.title,
            abstract=doc.abstract,
        )
        for n, doc in zip(range(start, stop), picked, strict=True)
    ]
    moved = vectors[[n % len(docs) for n in range(start, stop)]]
    moved = moved + rng.normal(0, NOISE / np.sqrt(moved.shape[1]), moved.shape).astype(np.float32)
    moved /= np.linalg.norm(moved, axis=1, keepdims=True)
    return copies, moved


def scale_benchmark(
    docs: list[IndexDoc], vectors: Any, queries: list[str], sizes: list[int]
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    index = vector_index()
    keyword_clear(KIND)
    index.clear(KIND)
    built = 0
    for size in sorted(sizes):
        started = time.perf_counter()
        for start in range(built, size, BATCH):
            copies, moved = _copies(docs, vectors, start, min(size, start + BATCH))
            keyword_index_documents(KIND, copies)
            index.upsert(KIND, [doc.id for doc in copies], moved)
        build_s = time.perf_counter() - started
        built = size
        hybrid_search(KIND, queries[0], limit=20)  # maps the vectors in
        latencies = []
        for text in queries:
            started = time.perf_counter()
            hybrid_search(KIND, text, limit=20)
            latencies.append((time.perf_counter() - started) * 1000)
        figures[str(size)] = {
            "hybrid_top20_p50_ms": round(statistics.median(latencies), 1),
            "hybrid_top20_p95_ms": round(percentile(latencies, 95), 1),
            "build_s": round(build_s, 1),
            "vector_memory_mb_per_100k": round(index.memory_bytes() / size * 100_000 / 2**20, 1),
        }
    keyword_clear(KIND)
    index.clear(KIND)
    return figures
