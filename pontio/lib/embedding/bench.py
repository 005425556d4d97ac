"""The speed of embedding, for `pontio bench embed`: texts a second for titles and for title plus
abstract, milliseconds for one short query, and the time to build the model."""

import gzip
import json
import resource
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import onnxruntime as ort

from pontio.lib.embedding.embedder import Embedder
from pontio.lib.formats.openalex import abstract_from_inverted_index
from pontio.lib.metrics import percentile


def openalex_texts(path: Path) -> tuple[list[str], list[str]]:
    """Titles, and "title. abstract" for the works that have an abstract, from a file of OpenAlex
    works (one JSON object a line, gzipped or not): what a library would embed."""
    opener = gzip.open if path.suffix == ".gz" else open
    titles, abstracts = [], []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            work = json.loads(line)
            title = str(work.get("title") or work.get("display_name") or "")
            titles.append(title)
            abstract = abstract_from_inverted_index(work.get("abstract_inverted_index"))
            if abstract:
                abstracts.append(f"{title}. {abstract}")
    return titles, abstracts


def embed_benchmark(
    texts_titles: Sequence[str],
    texts_abstracts: Sequence[str],
    *,
    queries: Sequence[str] | None = None,
    batch_size: int = 32,
    threads: int | None = None,
) -> dict[str, Any]:
    """Builds a fresh Embedder (so build time is measured), warms it up, then times each kind of
    text in one `embed` call. Queries default to the first three words of up to 200 titles."""
    embedder = Embedder(threads=threads)
    embedder.embed(list(texts_abstracts[:batch_size]) or ["warm up"], batch_size=batch_size)

    started = time.perf_counter()
    embedder.embed(texts_titles, batch_size=batch_size)
    titles_seconds = time.perf_counter() - started
    started = time.perf_counter()
    embedder.embed(texts_abstracts, batch_size=batch_size)
    abstracts_seconds = time.perf_counter() - started

    if queries is None:
        queries = [" ".join(title.split()[:3]) for title in texts_titles[:200]]
    query_ms = []
    for query in queries:
        started = time.perf_counter()
        embedder.embed_query(query)
        query_ms.append((time.perf_counter() - started) * 1000)

    return {
        "model": "all-MiniLM-L6-v2",
        "runtime": f"onnxruntime {ort.__version__}",
        "threads": embedder.threads,
        "batch_size": batch_size,
        "titles": len(texts_titles),
        "abstracts": len(texts_abstracts),
        "queries": len(queries),
        "titles_per_s": _rate(len(texts_titles), titles_seconds),
        "abstracts_per_s": _rate(len(texts_abstracts), abstracts_seconds),
        "query_ms_p50": round(percentile(query_ms, 50), 2),
        "query_ms_p95": round(percentile(query_ms, 95), 2),
        "build_s": round(embedder.build_seconds, 2),
        # The whole process's peak (Linux reports KiB), the model's ~90 MB of weights included.
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else 0.0
