"""Which words are matched as written rather than by their stem (relevance.stem_apart), and German spellings
(spelling.german_spelling, german_letters): session 54's attack report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from archive_search.relevance import (
    NEAR_WRITTEN,
    Ranking,
    family_root,
    plural_or_singular,
    read_as_written,
    stem_apart,
    stem_candidates,
    typo_tolerant,
    written_forms,
)
from archive_search.spelling import MAX_SPELLED_CHARS, _german_edit, german_letters, german_spelling

START, END = "\ue000", "\ue001"


def _answer(
    word_hits: list[list[str]], held: int, both: int, family: int | None = None, twin_hits: Sequence[list[str]] = ()
) -> dict[str, Any]:
    """An engine answer to stem_apart_request for one word: its sampled articles' fragments, how many articles hold
    it, how many its plural_or_singular too and how many of its stem's a word of its family_root (`family`: as many
    as hold it), and its plural_or_singular's sampled fragments (`twin_hits`, when the bodies hold it)."""
    hits = [{"highlight": {"body.exact": fragments}} for fragments in word_hits]
    twin = [{"highlight": {"body.exact": fragments}} for fragments in twin_hits]
    return {
        "aggregations": {
            f"{NEAR_WRITTEN} 0": {"doc_count": held, "one": {"hits": {"hits": hits}}},
            f"{NEAR_WRITTEN} 1": {"doc_count": len(twin), "one": {"hits": {"hits": twin}}},
            "inflected_held 0": {"doc_count": both},
            "family_held 0": {"doc_count": held if family is None else family},
        }
    }


def _apart(word: str, answer: dict[str, Any], stem: int, twin: int = 0) -> frozenset[str]:
    """stem_apart's words matched as written for one word its stem's `stem` articles hold, `twin` its
    plural_or_singular as written."""
    held = {word: answer["aggregations"][f"{NEAR_WRITTEN} 0"]["doc_count"], plural_or_singular(word): twin}
    found, _ = stem_apart([word], answer, held, {word: stem})
    return found


def test_a_word_written_as_a_name_and_never_beside_its_plural_is_matched_as_written() -> None:
    fragments = [[f"said the champion {START}Federer{END} after"], [f"beaten, {START}Federer{END} said"]]
    assert _apart("federer", _answer(fragments, held=20, both=0), stem=415) == {"federer"}


def test_a_name_whose_own_forms_are_most_of_its_stem_keeps_its_stem() -> None:
    # `democrat` 99 of `democrat`'s 239 articles, every one holding a word beginning with `democrat` (Democrats,
    # Democratic): the reader means them all (session 54's review: 239 -> 99).
    fragments = [[f"the {START}Democrat{END} senator"], [f"a {START}Democrat{END} said"]]
    assert _apart("democrat", _answer(fragments, held=99, both=21, family=239), stem=239) == frozenset()
    # `christianity`: `christian`, its root, in 37 of the 43 (43 -> 1 in the review).
    only = [[f"of {START}Christianity{END} in"]]
    assert _apart("christianity", _answer(only, held=1, both=0, family=37), stem=43) == frozenset()


def test_a_plural_matched_as_written_finds_its_singular_unless_that_is_another_name() -> None:
    federation = [[f"the Tennis {START}Federation{END} said"], [f"said the {START}Federation{END} and"]]
    lower = [[f"athletics {START}federations{END} in"]]
    answer = _answer(federation, held=61, both=4, family=61, twin_hits=lower)
    held = {"federation": 61, "federations": 6}
    assert stem_apart(["federation"], answer, held, {"federation": 415}) == ({"federation"}, {"federations"})
    assert written_forms("Federation", Ranking(written_twins=frozenset({"federations"}))) == [
        "Federation",
        "federations",
    ]
    philips = [[f"by {START}Philips{END} and"], [f"rival {START}Philips{END} said"]]
    philip = [[f"said {START}Philip{END} Green"], [f"when {START}Philip{END} said"]]
    answer = _answer(philips, held=11, both=1, family=42, twin_hits=philip)
    assert stem_apart(["philips"], answer, {"philips": 11, "philip": 32}, {"philips": 42}) == ({"philips"}, set())


@pytest.mark.parametrize(
    ("word", "held", "root"),
    [
        ("pirates", {"pirate": 5}, "pirate"),
        ("christianity", {"christian": 36, "christ": 9}, "christian"),
        ("allied", {"alli": 1}, "allied"),  # one article's `alli` is no root
        ("federation", {"fede": 3}, "federation"),  # another stem's
    ],
)
def test_family_root(word: str, held: dict[str, int], root: str) -> None:
    stems = {word: 40, "pirate": 40, "christian": 40, "alli": 40, "christ": 9, "fede": 3}
    assert family_root(word, held, stems) == root


def test_a_word_in_lower_case_or_the_tail_of_a_longer_name_or_beside_its_singular_keeps_its_stem() -> None:
    lower = [[f"the {START}elections{END} were"], [f"two {START}elections{END} in"]]
    assert _apart("elections", _answer(lower, held=95, both=0), stem=336) == frozenset()
    tail = [[f"the United {START}States{END} said"], [f"the 46 {START}states{END} said"]]
    assert _apart("states", _answer(tail, held=413, both=0), stem=900) == frozenset()
    plural = [[f"won at the {START}Oscars{END} and"], [f"the {START}Oscars{END} host"]]
    assert _apart("oscars", _answer(plural, held=35, both=25, family=77), stem=77, twin=67) == frozenset()


def test_a_company_name_that_is_also_a_word_counts_when_half_the_articles_write_it_as_a_name() -> None:
    fragments = [[f"firm {START}Allied{END} Domecq"], [f"has {START}allied{END} itself"]]
    assert _apart("allied", _answer(fragments, held=19, both=1), stem=68) == {"allied"}


@pytest.mark.parametrize(("word", "other"), [("philips", "philip"), ("federer", "federers"), ("lloyds", "lloyd")])
def test_plural_or_singular(word: str, other: str) -> None:
    assert plural_or_singular(word) == other


def test_only_words_of_letters_are_candidates_folded_and_once() -> None:
    assert stem_candidates(["Federer", "F-16", "2004", "federer", "Pöhl"]) == ["federer", "pohl"]


def test_a_word_longer_than_a_spelled_word_is_no_stem_candidate() -> None:
    # Each candidate is counted with its prefixes: a 2,000-letter word made a request of 2 M characters
    assert stem_candidates(["a" * MAX_SPELLED_CHARS, "b" * (MAX_SPELLED_CHARS + 1), "x" * 2000]) == [
        "a" * MAX_SPELLED_CHARS
    ]


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


@pytest.mark.parametrize("typed", ["dü", "Blü", "wö", "sü", "Menü"])
def test_no_english_spelling_of_a_short_word_or_a_final_umlaut(typed: str) -> None:
    # `due`, `blue`, `woe`, `sue`: English words (`Hüsker Dü` found 605 news-dev articles holding `due`).
    assert german_spelling(typed) is None


@pytest.mark.parametrize(
    ("typed", "spelling", "read"),
    [
        ("Müllerr", "muller", True),
        ("Müler", "muller", True),
        ("Schröderr", "schroder", True),
        ("düsseldorff", "dusseldorf", True),
        ("Fürth", "fourth", False),  # the edit at the umlaut
        ("köln", "kolo", False),
        ("straße", "stressed", False),
    ],
)
def test_a_german_word_is_respelt_only_as_a_likely_edit_after_its_umlaut(typed: str, spelling: str, read: bool) -> None:
    assert _german_edit(typed, spelling) == read


@pytest.mark.parametrize("typed", ["straße", "STRASSE", "zurich", "nestlé"])
def test_no_other_spelling_without_an_umlaut(typed: str) -> None:
    assert german_spelling(typed) is None
    assert german_letters(typed) == (typed == "straße")
