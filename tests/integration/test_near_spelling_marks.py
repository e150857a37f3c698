"""What a search found an article by is marked in its snippet, near spellings included (session 23's review: an
article found by `government` for `goverment` showed its body's start unmarked)."""

from __future__ import annotations

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import search
from tests.integration.test_search_api import _json_upload

pytestmark = pytest.mark.integration


def test_a_near_spelling_that_found_an_article_is_marked_in_its_snippet(pipeline: LocalPipeline) -> None:
    # Given one article holding a common misspelling and several holding the word, late in a long body
    filler = "Officials met in the capital on Monday to discuss the harbour plan. " * 6
    _json_upload(pipeline, "Budget", "The goverment set out its budget.")
    right = {
        _json_upload(pipeline, f"Policy {n}", f"{filler}The governments announced a new policy.") for n in range(3)
    }
    pipeline.drain()

    results = search("goverment")["results"]

    # Then each article found by the near spelling shows it marked, not the body's unmarked start
    snippets = {hit["id"]: hit["snippet"] for hit in results if hit["id"] in right}
    assert set(snippets) == right
    assert all("<mark>governments</mark>" in snippet for snippet in snippets.values()), snippets


def test_only_what_a_word_was_read_as_is_marked_not_its_other_near_spellings(pipeline: LocalPipeline) -> None:
    # Given articles about Gordon Brown, one holding `gordon` and `born` (a near spelling of `bown`, as `brown` is),
    # and articles holding `wall street` with `crash` or with `clash` (a near spelling of `crash`, not another
    # way of writing it)
    brown = {_json_upload(pipeline, f"Chancellor {n}", f"Gordon Brown spoke on day {n}.") for n in range(2)}
    _json_upload(pipeline, "Profile", "Gordon was born in Glasgow and Brown is his family name.")
    _json_upload(pipeline, "Markets", "Wall Street shares fell in the crash.")
    _json_upload(pipeline, "Dispute", "A Wall Street clash over the crash of the bank.")
    pipeline.drain()

    misspelt = search("gordon bown")
    held = search("wall street crash")

    # Then a misspelt word is marked as its spelling, what altered_query says, and a word some article holds as
    # typed, not as the other words near it (session 37's review: news-dev's `gordon bown` marked `born` and
    # `blown`, `wall street crash` `clash` and `steered`)
    assert misspelt["altered_query"] == "gordon brown"
    snippets = [hit["snippet"] for hit in misspelt["results"]]
    assert all("<mark>born</mark>" not in snippet for snippet in snippets), snippets
    assert all("<mark>Brown</mark>" in hit["snippet"] for hit in misspelt["results"] if hit["id"] in brown)
    snippets = [hit["snippet"] for hit in held["results"]]
    assert all("<mark>clash</mark>" not in snippet for snippet in snippets), snippets
    assert sum("<mark>crash</mark>" in snippet for snippet in snippets) == 2


def test_a_word_some_article_holds_finds_no_article_holding_only_another_word_near_it(pipeline: LocalPipeline) -> None:
    # Given one article on a lagoon and one naming Kofi Annan, and articles holding only words one or two edits
    # from theirs (`lawson`, `koji`, `salaam`: not other ways of writing them), and one holding a spelling variant
    # (`gaddafi` of `gadaffi`: a letter doubled and one undoubled)
    lagoon = _json_upload(pipeline, "Tidal power plan", "A tidal lagoon could power the city.")
    annan = _json_upload(pipeline, "Peace talks", "UN Secretary General Kofi Annan spoke in Geneva.")
    gadaffi = _json_upload(pipeline, "Desert tent", "Colonel Gadaffi pitched his tent.")
    gaddafi = _json_upload(pipeline, "Libya deal", "Colonel Gaddafi signed the deal.")
    for n in range(3):
        _json_upload(pipeline, f"Chancellor {n}", f"Nigel Lawson spoke on the budget on day {n}.")
        _json_upload(pipeline, f"Rugby {n}", f"Koji Tanaka scored a try in game {n}.")
        _json_upload(pipeline, f"Ramadan {n}", f"Salaam, said the imam on night {n}.")
    _json_upload(pipeline, "Iraq", "Saddam Hussein addressed the nation.")
    pipeline.drain()

    # When each is searched as written
    found = {q: search(q) for q in ("lagoon", "kofi annan", "saddam husein", "gadaffi")}

    # Then only the articles holding the words, or a way of writing them, are found, each marked (session 54: a reader's
    # `lagoon` found 55 articles, 54 on Nigel Lawson, and news-dev's `kofi annan` 15, 6 holding only `koji`, `koei`
    # or `koki`, none of them marked)
    assert [hit["id"] for hit in found["lagoon"]["results"]] == [lagoon]
    assert [hit["id"] for hit in found["kofi annan"]["results"]] == [annan]
    assert found["saddam husein"]["altered_query"] == "saddam hussein"
    assert found["saddam husein"]["total"] == 1
    assert {hit["id"] for hit in found["gadaffi"]["results"]} == {gadaffi, gaddafi}
    for answer in found.values():
        assert all("<mark>" in hit["snippet"] for hit in answer["results"]), answer["results"]


def test_a_held_word_read_as_a_typo_finds_every_form_of_the_word_it_is_read_as(pipeline: LocalPipeline) -> None:
    # Given one article misspelling `received`, ten holding it and two each holding another of its forms, and two
    # holding `relieved`, one edit from the misspelling too but no way of writing it
    _json_upload(pipeline, "Offer", "The board recieved an offer.")
    for n in range(10):
        _json_upload(pipeline, f"Bid {n}", f"The company received a bid on day {n}.")
    forms = {_json_upload(pipeline, f"Payment {n}", f"The fund receives a payment on day {n}.") for n in range(2)}
    forms |= {_json_upload(pipeline, f"Aid {n}", f"The town will receive aid on day {n}.") for n in range(2)}
    relieved = {_json_upload(pipeline, f"Calm {n}", f"Traders were relieved on day {n}.") for n in range(2)}
    pipeline.drain()

    # When the misspelling is searched
    answer = search("recieved")

    # Then it finds what `received` finds, each form marked, and not the other word near it (session 55: news-dev's
    # `recieved` found 253 articles where `received` finds 446, `goverments` 113 where `governments` finds 1,181)
    found = {hit["id"]: hit["snippet"] for hit in answer["results"]}
    assert answer["total"] == 15
    assert forms <= set(found) and not relieved & set(found)
    assert all("<mark>" in found[id_] for id_ in forms), found
