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
    # Given Philips (the company) in fewer articles than Philip (a name too), one stem, never beside him and in
    # enough articles (FEW_ARTICLES) to say so; `elections` in fewer articles than `election`, written in lower
    # case; and `Oscars` in fewer than `Oscar`, written as a name beside its singular
    philips = [
        _json_upload(pipeline, f"Electronics {n}", f"Shares in Dutch group Philips rose {n} pct.") for n in range(10)
    ]
    philip = [_json_upload(pipeline, f"Royal visit {n}", f"The crowd cheered as Philip came {n}.") for n in range(11)]
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


def test_a_name_keeps_its_own_forms_and_its_plural_and_is_never_widened(pipeline: LocalPipeline) -> None:
    # Given a Democrat named mid-sentence in one story and Democrats and Democratic in three (one stem), a
    # Federation in two, Federations in one and the federal budget in four, and a bird feeder, near `federer`
    democrat = _json_upload(pipeline, "Senate", "The Democrat senator said he would vote against it.")
    democrats = [
        _json_upload(pipeline, f"Congress {n}", f"The Democrats and the Democratic leader spoke on day {n}.")
        for n in range(3)
    ]
    federation = [
        _json_upload(pipeline, f"Tennis {n}", f"The sport's ruling Federation banned a player in round {n}.")
        for n in range(2)
    ]
    federations = _json_upload(pipeline, "Athletics", "The world's athletics Federations met in Monaco.")
    for n in range(4):
        _json_upload(pipeline, f"Budget {n}", f"The federal budget grew, officials said on day {n}.")
    _json_upload(pipeline, "Garden", "The bird feeder fell from the tree.")
    pipeline.drain()

    # Then `democrat` finds the Democrats and Democratic too, and excluding it keeps them out
    assert sorted(ids("democrat")) == sorted([democrat, *democrats])
    assert not {democrat, *democrats} & set(ids("senate OR congress -democrat"))
    # and `federation`, read as a name, finds its plural too, not the federal budget nor the bird feeder
    assert sorted(ids("federation")) == sorted([*federation, federations])
    assert sorted(ids("federation", "&sort=newest")) == sorted([*federation, federations])


def test_a_name_read_as_written_is_marked_where_the_stemmed_form_marks_as_many_words(pipeline: LocalPipeline) -> None:
    # Given Philips (the company) beside shares and a share price, and Philip in more stories
    philips = [
        _json_upload(pipeline, f"Dutch group {n}", f"Shares in Philips rose as its share price gained {n} pct.")
        for n in range(10)
    ]
    for n in range(11):
        _json_upload(pipeline, f"Royal visit {n}", f"The crowd cheered as Philip arrived {n}.")
    pipeline.drain()

    # Then `philips shares` marks Philips in their snippets, not only the shares
    hits = [hit for hit in search("philips shares")["results"] if hit["id"] in philips]
    assert len(hits) == len(philips) and all("<mark>Philips</mark>" in hit["snippet"] for hit in hits)


def test_a_german_word_no_article_holds_is_respelt_as_a_likely_edit_and_a_short_one_not_read_as_english(
    pipeline: LocalPipeline,
) -> None:
    # Given a story on Muller, one on the band Husker Du and more on a payment due
    muller = _json_upload(pipeline, "Transfer", "The striker Muller signed for the club.")
    husker = _json_upload(pipeline, "Band", "The band Husker Du reformed for a tour.")
    for n in range(3):
        _json_upload(pipeline, f"Debt {n}", f"The payment is due in month {n}.")
    pipeline.drain()

    # Then `Müllerr` (one letter too many) is read `Muller` and finds the story
    body = search("Müllerr")
    assert ids("Müllerr") == [muller] and body["altered_query"] == "Muller"
    # and `Hüsker Dü` finds the band, not the payments due (`dü` is no `due`)
    assert ids("Hüsker Dü") == [husker]
