"""The relevance benchmark's metrics against hand-computed values (trec_eval's definitions, binary judgments)."""

from __future__ import annotations

import math

import pytest

from bench.judged import average_precision, ndcg_at, randomization_test, recall_at


def test_ndcg_rewards_relevant_documents_early() -> None:
    relevant = {"a", "b"}
    ideal = 1 + 1 / math.log2(3)

    assert ndcg_at(["a", "b", "x"], relevant) == pytest.approx(1.0)
    assert ndcg_at(["x", "a", "b"], relevant) == pytest.approx((1 / math.log2(3) + 1 / math.log2(4)) / ideal)
    assert ndcg_at([], relevant) == 0.0
    assert ndcg_at(["x"] * 10 + ["a"], relevant) == 0.0  # beyond the cut-off


def test_average_precision_and_recall() -> None:
    relevant = {"a", "b", "c"}
    ranked = ["a", "x", "b", "y"]

    assert average_precision(ranked, relevant) == pytest.approx((1 / 1 + 2 / 3) / 3)
    assert recall_at(ranked, relevant) == pytest.approx(2 / 3)


def test_randomization_test_separates_a_real_difference_from_noise() -> None:
    better = {str(q): 0.9 for q in range(30)}
    worse = {str(q): 0.1 for q in range(30)}
    noisy = {str(q): 0.5 + (0.1 if q % 2 else -0.1) for q in range(30)}
    flat = {str(q): 0.5 for q in range(30)}

    assert randomization_test(better, worse, trials=2000) < 0.01
    assert randomization_test(noisy, flat, trials=2000) > 0.5
