"""Session 56: a word no article holds is not searched as a different word or name two unlikely edits away (two
letters replaced, a letter added and another replaced), which altered_query would name in its place; the other
words are found as for any word nothing is near, and a typo two likely edits from its word is still read so."""

from __future__ import annotations

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import ids, search
from tests.integration.test_search_api import _json_upload

pytestmark = pytest.mark.integration


def test_a_name_two_unlikely_edits_from_the_word_typed_is_not_searched_in_its_place(pipeline: LocalPipeline) -> None:
    # Given articles on Zimbabwe that do not name Mugabe, one on a minister McCabe (two letters replaced from
    # `mugabe`), and others on hosting (a letter replaced and an `s` added from `hastings`), on a restaurant and on
    # restraint (`restaraunt`: two swaps from the one, a letter added and one replaced from the other)
    zimbabwe = [_json_upload(pipeline, f"Harare {n}", f"Zimbabwe's maize crop rose in year {n}.") for n in range(3)]
    _json_upload(pipeline, "Scottish cabinet", "Minister Tom McCabe said the budget was fair.")
    for n in range(3):
        _json_upload(pipeline, f"Games {n}", f"The city is hosting the games of {n}.")
    restaurant = _json_upload(pipeline, "Dining", "The restaurant opened in the spring.")
    for n in range(3):
        _json_upload(pipeline, f"Wages {n}", f"Wage restraint was asked again in year {n}.")
    pipeline.drain()

    # Then `mugabe zimbabwe` is not searched as `mccabe zimbabwe` (session 56's brief: the Scottish minister was
    # listed first): the Zimbabwe articles are found first, the word nothing is near set aside (its near spellings,
    # typo tolerance's, listed after them)
    body = search("mugabe zimbabwe")
    assert body["altered_query"] is None
    assert body["did_you_mean"] is None
    assert set(ids("mugabe zimbabwe")[: len(zimbabwe)]) == set(zimbabwe)
    assert search("mugabe")["altered_query"] is None
    assert search("Mugabe")["did_you_mean"] is None
    # nor `hastings` as `hosting`
    assert search("hastings")["altered_query"] is None
    assert search("blunkett hastings")["altered_query"] is None
    # while a typo two likely edits from a word is read as it, before a rarer kind of edit into a word more hold
    body = search("restaraunt")
    assert body["altered_query"] == "restaurant"
    assert ids("restaraunt") == [restaurant]


def test_a_word_spelt_by_ear_two_edits_away_is_searched_as_its_word(pipeline: LocalPipeline) -> None:
    # Given articles on the economy, on privilege and on what is relevant
    economy = [_json_upload(pipeline, f"Outlook {n}", f"The economy grew in year {n}.") for n in range(3)]
    privilege = _json_upload(pipeline, "Peers", "Parliamentary privilege was debated.")
    relevant = _json_upload(pipeline, "Evidence", "The judge ruled the letter relevant.")
    pipeline.drain()

    # Then two letters exchanged across another (`ecomony`, `revelant`) and a vowel confused beside `dg` for a soft
    # `g` (`priveledge`) are read as the words (session 56's review: searched as typed, no article found)
    body = search("ecomony")
    assert body["altered_query"] == "economy"
    assert set(ids("ecomony")) == set(economy)
    assert search("revelant")["altered_query"] == "relevant"
    assert ids("revelant") == [relevant]
    assert search("priveledge")["altered_query"] == "privilege"
    assert ids("priveledge") == [privilege]
