"""The numpy MiniLM encoder gives what all-MiniLM-L6-v2 gives: related sentences close, unrelated ones apart."""

from __future__ import annotations

import functools

import pytest

from archive_search.adapters.text_encoder import DIMENSIONS, MiniLMEncoder
from archive_search_cli.text_model import ensure_model

pytestmark = pytest.mark.integration


@functools.cache
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder(ensure_model())


def test_meaning_not_words_decides_the_similarity() -> None:
    food, bread, market = encoder().embed(
        ["A man is eating food.", "A man is eating a piece of bread.", "The stock market fell sharply today."]
    )

    # Reference values from sentence-transformers' all-MiniLM-L6-v2 (float32, PyTorch): 0.7553 and 0.0040.
    close, apart = encoder().similarities(food, [bread, market])
    assert close == pytest.approx(0.7553, abs=0.005)
    assert apart == pytest.approx(0.0040, abs=0.02)


def test_a_request_finds_the_article_that_uses_other_words() -> None:
    query, about, other = encoder().embed(
        [
            "how do libraries decide which books to buy",
            "Collection development: acquisition policies of public libraries and the selection of new titles.",
            "The football club signed a new striker before the transfer window closed.",
        ]
    )

    close, apart = encoder().similarities(query, [about, other])
    assert close > apart + 0.3


def test_vectors_are_normalised_and_empty_text_is_the_zero_vector() -> None:
    vector, empty = encoder().embed(["Harbour works begin", ""])

    assert len(vector) == DIMENSIONS * 2
    assert encoder().similarities(vector, [vector])[0] == pytest.approx(1.0, abs=0.002)
    assert encoder().similarities(vector, [empty, None, b"short"]) == [0.0, 0.0, 0.0]
