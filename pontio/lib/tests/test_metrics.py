import math

import pytest

from pontio.lib.metrics import mean, ndcg_at_k, percentile, recall_at_k


def test_ndcg_is_one_for_the_ideal_order() -> None:
    assert ndcg_at_k([1, 2, 3], {1: 2, 2: 1}, 10) == 1.0


def test_ndcg_discounts_relevant_items_lower_down() -> None:
    # One relevant item at rank 2: DCG = 1/log2(3), IDCG = 1.
    assert ndcg_at_k([9, 1], {1: 1}, 10) == pytest.approx(1 / math.log2(3))
    assert ndcg_at_k([9, 1], {1: 1}, 1) == 0.0


def test_ndcg_uses_linear_gains_and_ignores_repeats() -> None:
    # BEIR (pytrec_eval) gains: the grade itself, not 2**grade - 1.
    ideal = 2 + 1 / math.log2(3)
    assert ndcg_at_k([2, 2, 1], {1: 2, 2: 1}, 10) == pytest.approx((1 + 2 / math.log2(3)) / ideal)


def test_ndcg_is_zero_without_relevant_items() -> None:
    assert ndcg_at_k([1, 2], {}, 10) == 0.0
    assert ndcg_at_k([1, 2], {1: 0}, 10) == 0.0


def test_recall_counts_relevant_items_found_in_the_first_k() -> None:
    assert recall_at_k([1, 2, 3, 4], {1: 1, 4: 1, 7: 1, 8: 0}, 3) == pytest.approx(1 / 3)
    assert recall_at_k([1], {}, 3) == 0.0


def test_mean_and_percentiles() -> None:
    assert mean([]) == 0.0
    assert mean([1, 2, 3]) == 2.0
    assert percentile([], 50) == 0.0
    assert percentile([5, 1, 3], 50) == 3.0
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)
