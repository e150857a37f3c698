"""Words the English stemmer merges with others, and German words typed in their own spelling (session 54's attack
report): a name is matched as written where its stem is mostly other words' (relevance.stem_apart), and a word with
ä, ö or ü is also searched as English copy writes it, never respelt (spelling.german_spelling, german_letters).
"""

from __future__ import annotations

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import ids, search
from tests.integration.test_search_api import _json_upload

pytestmark = pytest.mark.integration


def test_a_name_the_stemmer_merges_with_common_words_is_matched_as_written_in_every_reading(
    pipeline: LocalPipeline,
) -> None:
    # Given three stories naming Federer mid-sentence, and more on federal budgets and a tennis federation (one stem,
    # `feder`, to the English stemmer), the newest of them
    federer = [
        _json_upload(pipeline, f"Dubai final {n}", f"The champion Federer won again, said coach {n}.", section="sport")
        for n in range(3)
    ]
    federal = [
        _json_upload(
            pipeline,
            f"Budget {n}",
            f"The federal budget grew, officials said on day {n}.",
            published=f"2024-0{n + 1}-01",
        )
        for n in range(4)
    ]
    federation = [
        _json_upload(
            pipeline,
            f"Doping {n}",
            f"The international tennis federation banned a player, the federations said {n}.",
            section="sport",
            published=f"2024-0{n + 5}-01",
        )
        for n in range(3)
    ]
    pipeline.drain()

    # Then `federer` finds the three, by relevance and by date, and the sport facet counts them alone
    assert sorted(ids("federer")) == sorted(federer)
    newest = search("federer", "&sort=newest")
    assert sorted(hit["id"] for hit in newest["results"]) == sorted(federer) and newest["total"] == 3
    sport = {facet["value"]: facet["count"] for facet in newest["facets"]["section"]}
    assert sport == {"sport": 3}
    assert all("<mark>Federer</mark>" in hit["snippet"] for hit in newest["results"])
    # and `-federer` keeps out only them: the federation's stories stay
    assert sorted(ids("tennis -federer")) == sorted(federation)
    assert not set(federal) & set(ids("federer", "&spelling=as_typed"))


def test_only_a_name_is_matched_as_written_ordinary_words_and_a_names_plural_keep_their_stem(
    pipeline: LocalPipeline,
) -> None:
    # Given Philips (the company) in fewer articles than Philip, one stem, and never beside him; `elections` in
    # fewer articles than `election`, written in lower case; and `Oscars` in fewer than `Oscar`, written as a name
    # beside its singular
    philips = [
        _json_upload(pipeline, f"Electronics {n}", f"Shares in Dutch group Philips rose {n} pct.") for n in range(2)
    ]
    philip = [
        _json_upload(pipeline, f"Royal visit {n}", f"The crowd cheered as Prince Philip arrived {n}.") for n in range(3)
    ]
    elections = _json_upload(pipeline, "Polls", "The elections were held on Sunday, observers said.")
    election = [_json_upload(pipeline, f"Vote {n}", f"The election was held in region {n}.") for n in range(3)]
    oscars = _json_upload(pipeline, "Awards", "The film won at the Oscars, and its star an Oscar, critics said.")
    oscar = [_json_upload(pipeline, f"Film {n}", f"The director won an Oscar for film {n}.") for n in range(2)]
    pipeline.drain()

    # Then `philips` finds the company alone, by date too
    assert sorted(ids("philips", "&sort=newest")) == sorted(philips)
    assert not set(philip) & set(ids("philips"))
    # and the others every form of their stem, as before
    assert sorted(ids("elections")) == sorted([elections, *election])
    assert sorted(ids("oscars", "&sort=newest")) == sorted([oscars, *oscar])


def test_a_german_word_is_also_searched_as_english_copy_writes_it_and_never_respelt(pipeline: LocalPipeline) -> None:
    # Given two stories on the Bundesbank's president, written Poehl as the wires write him, and more on polls, a
    # word near `pohl`, and one on munchies, near `munchen`
    poehl = [
        _json_upload(pipeline, f"Bundesbank {n}", f"Bundesbank president Karl Otto Poehl said rates may fall {n}.")
        for n in range(2)
    ]
    polls = [_json_upload(pipeline, f"Poll {n}", f"The poll showed Labour ahead in seat {n}.") for n in range(3)]
    _json_upload(pipeline, "Snacks", "Late at night he had the munchies.")
    pipeline.drain()

    # Then `pöhl` (typed with its umlaut, composed or not) finds Poehl, by relevance and by date, not the polls
    for typed in ("pöhl", "po\u0308hl", "Pöhl"):
        assert sorted(ids(typed)) == sorted(poehl), typed
    assert sorted(ids("pöhl", "&sort=newest")) == sorted(poehl)
    # and `-pöhl` keeps Poehl out
    assert sorted(ids("bundesbank OR poll -pöhl")) == sorted(polls)
    # A German word no article holds is no typo of an English one: `münchen` is not read `munchies`
    body = search("münchen")
    assert body["total"] == 0 and body["altered_query"] is None and body["did_you_mean"] is None
