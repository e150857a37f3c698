"""Which words are matched as written rather than by their stem (relevance.stem_apart), and German spellings
(spelling.german_spelling, german_letters): session 54's attack report."""

from __future__ import annotations

from typing import Any

import pytest

from archive_search.relevance import (
    NEAR_WRITTEN,
    Ranking,
    plural_or_singular,
    read_as_written,
    stem_apart,
    stem_candidates,
    typo_tolerant,
)
from archive_search.spelling import german_letters, german_spelling

START, END = "\ue000", "\ue001"


def _answer(word_hits: list[list[str]], held: int, both: int) -> dict[str, Any]:
    """An engine answer to stem_apart_request for one word: its sampled articles' fragments, how many articles hold
    it and how many its plural_or_singular too."""
    hits = [{"highlight": {"body.exact": fragments}} for fragments in word_hits]
    return {
        "aggregations": {
            f"{NEAR_WRITTEN} 0": {"doc_count": held, "one": {"hits": {"hits": hits}}},
            "inflected_held 0": {"doc_count": both},
        }
    }


def test_a_word_written_as_a_name_and_never_beside_its_plural_is_matched_as_written() -> None:
    fragments = [[f"said the champion {START}Federer{END} after"], [f"beaten, {START}Federer{END} said"]]
    assert stem_apart(["Federer"], _answer(fragments, held=20, both=0)) == {"federer"}


def test_a_word_in_lower_case_or_the_tail_of_a_longer_name_or_beside_its_singular_keeps_its_stem() -> None:
    lower = [[f"the {START}elections{END} were"], [f"two {START}elections{END} in"]]
    assert stem_apart(["elections"], _answer(lower, held=95, both=0)) == frozenset()
    tail = [[f"the United {START}States{END} said"], [f"the 46 {START}states{END} said"]]
    assert stem_apart(["states"], _answer(tail, held=413, both=0)) == frozenset()
    plural = [[f"won at the {START}Oscars{END} and"], [f"the {START}Oscars{END} host"]]
    assert stem_apart(["oscars"], _answer(plural, held=35, both=25)) == frozenset()


def test_a_company_name_that_is_also_a_word_counts_when_half_the_articles_write_it_as_a_name() -> None:
    fragments = [[f"firm {START}Allied{END} Domecq"], [f"has {START}allied{END} itself"]]
    assert stem_apart(["allied"], _answer(fragments, held=19, both=1)) == {"allied"}


@pytest.mark.parametrize(("word", "other"), [("philips", "philip"), ("federer", "federers"), ("lloyds", "lloyd")])
def test_plural_or_singular(word: str, other: str) -> None:
    assert plural_or_singular(word) == other


def test_only_words_of_letters_are_candidates_folded_and_once() -> None:
    assert stem_candidates(["Federer", "F-16", "2004", "federer", "Pöhl"]) == ["federer", "pohl"]


def test_a_word_read_as_written_is_looked_up_folded() -> None:
    assert read_as_written("FEDERER", Ranking(as_written=frozenset({"federer"})))
    assert not read_as_written("federal", Ranking(as_written=frozenset({"federer"})))


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [("pöhl", "poehl"), ("Schröder", "schroeder"), ("Müller", "mueller"), ("po\u0308hl", "poehl"), ("Jäger", "jaeger")],
)
def test_a_german_word_is_also_spelt_as_english_copy_writes_it(typed: str, spelt: str) -> None:
    assert german_spelling(typed) == spelt
    assert german_letters(typed) and not typo_tolerant(typed)


@pytest.mark.parametrize("typed", ["straße", "STRASSE", "zurich", "nestlé"])
def test_no_other_spelling_without_an_umlaut(typed: str) -> None:
    assert german_spelling(typed) is None
    assert german_letters(typed) == (typed == "straße")
