"""Measures of ranked retrieval, computed as the BEIR benchmarks (pytrec_eval) compute them:
nDCG@k with linear gains, Recall@k, and the mean and percentiles used to summarise them."""

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence


def dcg(grades: Iterable[float]) -> float:
    return sum(grade / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg_at_k[Id: Hashable](
    ranked_ids: Sequence[Id], relevance: Mapping[Id, float], k: int
) -> float:
    """1.0 when the k best-judged items come first in the best order; 0.0 without relevant ones.
    Items the judgements do not mention count as not relevant; repeats count once."""
    ideal = dcg(sorted((g for g in relevance.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    ranked = list(dict.fromkeys(ranked_ids))[:k]
    return dcg(max(relevance.get(item, 0.0), 0.0) for item in ranked) / ideal


def recall_at_k[Id: Hashable](
    ranked_ids: Sequence[Id], relevance: Mapping[Id, float], k: int
) -> float:
    """The share of the relevant items (grade above 0) found in the first k."""
    relevant = {item for item, grade in relevance.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked_ids[:k])) / len(relevant)


def mean(values: Iterable[float]) -> float:
    """The arithmetic mean, 0.0 for no values (a benchmark with no queries scores nothing)."""
    items = list(values)
    return math.fsum(items) / len(items) if items else 0.0


def percentile(values: Iterable[float], percent: float) -> float:
    """The value below which `percent` of values fall, interpolating between neighbours (as
    numpy's default does); 0.0 for no values."""
    items = sorted(values)
    if not items:
        return 0.0
    position = (len(items) - 1) * percent / 100
    low = math.floor(position)
    high = min(low + 1, len(items) - 1)
    return items[low] + (items[high] - items[low]) * (position - low)
