"""Choosing how hybrid search fuses its two rankings, for `pontio bench search --tune`: every
judged query is ranked once by words and once by meaning, then each fusion setting is scored
on those lists (nDCG@10, beside reciprocal rank fusion), on all the queries and by two-fold
cross-validation (tuned on one half, measured on the other) to show it is not fitted to them."""

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from pontio.lib.metrics import mean, ndcg_at_k, recall_at_k
from pontio.search.backends import Hit
from pontio.search.hybrid import fuse

KEYWORD_WEIGHTS = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
FLOORS = (0.0, 0.2, 0.3, 0.4)
RRF_KS = (5, 10, 20, 60)


@dataclass(frozen=True)
class Setting:
    keyword_weight: float
    floor: float  # items found only by meaning below this cosine are left out


@dataclass(frozen=True)
class Lists:
    keyword: list[Hit]
    meaning: list[tuple[int, float]]  # (id, cosine)
    relevance: dict[int, float]


def settings() -> Iterator[Setting]:
    for weight, floor in product(KEYWORD_WEIGHTS, FLOORS):
        yield Setting(weight, floor)


def fused(lists: Lists, setting: Setting, depth: int = 100) -> list[int]:
    found = fuse(
        keyword=lists.keyword[:depth],
        meaning=lists.meaning[:depth],
        keyword_weight=setting.keyword_weight,
        floor=setting.floor,
    )
    return [f.id for f in found[:depth]]


def reciprocal_rank_fused(lists: Lists, k: int, depth: int = 100) -> list[int]:
    """The usual alternative, for comparison: the sum of 1 / (k + rank) over both lists."""
    scores: dict[int, float] = {}
    for rank, hit in enumerate(lists.keyword[:depth], start=1):
        scores[hit.id] = 1 / (k + rank)
    for rank, (item_id, _) in enumerate(lists.meaning[:depth], start=1):
        scores[item_id] = scores.get(item_id, 0.0) + 1 / (k + rank)
    return sorted(scores, key=lambda item_id: (-scores[item_id], item_id))[:depth]


def score(queries: list[Lists], setting: Setting) -> float:
    return mean([ndcg_at_k(fused(q, setting), q.relevance, 10) for q in queries])


def tune_fusion(queries: list[Lists]) -> dict[str, Any]:
    """The best setting on all queries, and the two-fold cross-validated nDCG@10."""
    best = max(settings(), key=lambda s: score(queries, s))
    halves = (queries[0::2], queries[1::2])
    held_out = []
    for train, test in (halves, halves[::-1]):
        chosen = max(settings(), key=lambda s: score(train, s))
        held_out.append(score(test, chosen))
    ranked = [fused(q, best) for q in queries]
    rrf = {
        f"rrf_k{k}_ndcg@10": round(
            mean([ndcg_at_k(reciprocal_rank_fused(q, k), q.relevance, 10) for q in queries]), 4
        )
        for k in RRF_KS
    }
    return rrf | {
        "keyword_weight": best.keyword_weight,
        "meaning_floor": best.floor,
        "ndcg@10": round(score(queries, best), 4),
        "recall@100": round(
            mean([recall_at_k(r, q.relevance, 100) for r, q in zip(ranked, queries, strict=True)]),
            4,
        ),
        "cross_validated_ndcg@10": round(mean(held_out), 4),
        "settings_tried": sum(1 for _ in settings()),
    }
