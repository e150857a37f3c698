"""Session 56's second set: which equally near spelling a word no article holds is read as (the other words, a last
letter spelt by ear), which spelling a rare word some article holds is offered beside other words, and that a
respelt word is searched as its altered_query's word typed is."""

from __future__ import annotations

from typing import Any

from archive_search.query_parser import parse_query
from archive_search.relevance import NearSpelling, Ranking
from archive_search.relevance import text_query as relevance_text_query
from archive_search.search import (
    FEW_COMPLETE_MATCHES,
    Expansion,
    SearchRequest,
    _spelt_widened,
    typos_respelt,
)
from archive_search.spelling import nearest_candidates, vowel_by_ear
from tests.unit.test_likeliest_spelling import _chosen, _filters

BODY, TITLE = "body.exact", "title.exact"


def test_a_last_letter_y_typed_i_is_as_likely_as_a_letter_left_out_and_the_commoner_word_is_read() -> None:
    # `ferri`: `ferris` (a letter left out, two news-dev articles' name) or `ferry` (8 articles); `citi`: `city`
    options = [{"text": "ferris", "freq": 2}, {"text": "ferry", "freq": 8}]
    assert nearest_candidates("ferri", options)[0] == "ferry"
    assert nearest_candidates("citi", [{"text": "cite", "freq": 40}, {"text": "city", "freq": 200}])[0] == "city"
    # only the last letter: `dike` is `dikes` (a letter left out) before `dyke`, a letter replaced
    assert nearest_candidates("dike", [{"text": "dyke", "freq": 9}, {"text": "dikes", "freq": 1}]) == ("dikes",)


def _two(held: tuple[int, int], together: tuple[int, int], adjacent: tuple[int, int]) -> dict[str, Any]:
    return {
        "0": _filters(held),
        "0 0": {"doc_count": 8, "holding": _filters(together)},
        "0 0 typed": {"doc_count": 8, "holding": _filters(together)},
        "0 0 adjacent": _filters(adjacent),
    }


def test_of_equally_near_spellings_held_beside_the_other_word_alike_the_one_written_beside_it_is_read() -> None:
    # `ferry fars`: `fears` (141 articles, one holding `ferry`) or `fares` (9, one: "Ferry fares frozen", the README's
    # story); it was read `ferry fears`, by `fears`'s own articles alone
    assert _chosen(_two((141, 9), (1, 1), (0, 1)), slips=0, nearest=2) == 1
    # not when `fears` is beside `ferry` in more articles, nor when no article writes either beside it
    assert _chosen(_two((141, 9), (3, 1), (0, 1)), slips=0, nearest=2) == 0
    assert _chosen(_two((141, 9), (1, 1), (0, 0)), slips=0, nearest=2) == 0
    # nor when the likeliest is written beside it too
    assert _chosen(_two((141, 9), (1, 1), (1, 1)), slips=0, nearest=2) == 0


def test_a_rare_word_beside_others_is_offered_a_spelling_a_consonant_away_only_where_articles_write_it_so() -> None:
    # `wool`: one news-dev article, `wood` 26 (a letter replaced); `wool prices` was offered `wood prices`
    wool = [NearSpelling(BODY, "wool", 1.0, 1), NearSpelling(BODY, "wood", 0.75, 26)]
    typos: dict[str, str | None] = {"wool": None, "prices": None}
    assert typos_respelt("wool prices", Expansion(typos=typos, near={"wool": wool})) is None
    assert typos_respelt("wool prices", Expansion(typos=typos, near={"wool": wool}, offered={"wool": "wood"})) == (
        "wood prices"
    )
    # a vowel past the first syllable spelt by ear, or a likely edit, is still offered (`seperate talks`)
    seperate = [NearSpelling(BODY, "seperate", 1.0, 2), NearSpelling(BODY, "separate", 0.87, 90)]
    both: dict[str, str | None] = {"seperate": None, "talks": None}
    assert typos_respelt("seperate talks", Expansion(typos=both, near={"seperate": seperate})) == "separate talks"
    goverment = [NearSpelling(BODY, "goverment", 1.0, 5), NearSpelling(BODY, "government", 0.9, 1095)]
    spending: dict[str, str | None] = {"goverment": None, "spending": None}
    assert typos_respelt("goverment spending", Expansion(typos=spending, near={"goverment": goverment})) == (
        "government spending"
    )
    # alone, it is compared with what it found, as before (search._spelling)
    assert typos_respelt("wool", Expansion(typos={"wool": None}, near={"wool": wool})) == "wood"


def test_a_vowel_spelt_by_ear_is_one_past_the_first_syllable() -> None:
    assert all(vowel_by_ear(a, b) for a, b in (("seperate", "separate"), ("definately", "definitely")))
    assert vowel_by_ear("independant", "independent") and vowel_by_ear("suger", "sugar")
    assert not any(vowel_by_ear(a, b) for a, b in (("boat", "beat"), ("wool", "wood"), ("rape", "rate")))
    assert not vowel_by_ear("sail", "said") and not vowel_by_ear("seperate", "separated")


def test_a_respelt_word_is_widened_as_its_spelling_typed_is_when_the_words_as_read_are() -> None:
    # `herald of fre enterprise`, read `herald of free enterprise`: 2 articles hold every word so, and `free` typed
    # beside them is widened to what it may stand for (`freed`, `freer`): 414 found, 452 for the words it says
    request = SearchRequest(q="herald of fre enterprise")
    typos: dict[str, str | None] = {"herald": None, "enterprise": None, "fre": "free"}
    assert _spelt_widened(request, Ranking(), typos, {"free": 2, "fee": 0}) == ["free"]
    # not when many articles hold every word as read (the words spelt right are not widened either), by date, nor
    # without typo tolerance
    assert _spelt_widened(request, Ranking(), typos, {"free": FEW_COMPLETE_MATCHES}) == []
    assert _spelt_widened(SearchRequest(q=request.q, sort="newest"), Ranking(), typos, {"free": 2}) == []
    assert _spelt_widened(request, Ranking(fuzzy=False), typos, {"free": 2}) == []
    # uncounted, as the words spelt right are
    assert _spelt_widened(request, Ranking(), typos, None) == ["free"]
    assert (
        _spelt_widened(SearchRequest(q="presidnt putn"), Ranking(), {"presidnt": "president", "putn": "putin"}, None)
        == []
    )

    free = (
        NearSpelling(BODY, "free", 1.0, 308),
        NearSpelling(BODY, "freed", 0.8, 17),
        NearSpelling(BODY, "flee", 0.75, 3),
        NearSpelling(TITLE, "free", 1.0, 8),
    )
    query = relevance_text_query(parse_query(request.q), Ranking(), typo_words=typos, spelt_near={"free": free})
    text = str(query)
    # widened to what `free` typed may stand for (`freed`: relevance.held_variants), not to any near spelling
    assert "'freed'" in text and "'flee'" not in text
    assert "'freed'" not in str(relevance_text_query(parse_query(request.q), Ranking(), typo_words=typos))
