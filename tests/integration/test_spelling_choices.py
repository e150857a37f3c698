"""Which spelling a word no article holds is searched as, and when near spellings are searched at all (review of
session 11): the nearest word the engine proposes is not always what the reader meant.

Each test gives the archive the competing words the engine's term suggester would propose first (by its score, then
by frequency) and checks the search and did_you_mean choose the spelling the reader meant.
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

import pytest

from archive_search.relevance import FEW_ARTICLES, TYPO_ODDS, Ranking
from archive_search.search import (
    FEW_COMPLETE_MATCHES,
    MAX_ENGINE_REQUESTS,
    MAX_QUERY_CHARS,
    SearchRequest,
    search_articles,
)
from archive_search.spelling import MANY_ARTICLES
from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import _RecordingIndex, ids, search, suggested
from tests.integration.test_search_api import _json_upload, get

pytestmark = pytest.mark.integration


def test_a_doubled_letter_is_read_as_the_word_not_as_a_more_frequent_substitution_nor_a_stopword(
    pipeline: LocalPipeline,
) -> None:
    # Given one article on oil, and more frequent words one letter away from "oill" (a stopword among them)
    oil = _json_upload(pipeline, "Crude prices", "The oil price rose as crude stocks fell.")
    for n, word in enumerate(["Fill", "Till", "Kill", "Mill"]):
        _json_upload(pipeline, f"Report {n}", f"The minister will present a bill. {word} the form, he will say.")
    pipeline.drain()

    body = search("oill")

    # Then the oil article is found, and offered as the spelling where the query is searched as typed (a long one);
    # "will" (every article) is not what was meant
    assert [hit["id"] for hit in body["results"]] == [oil]
    long = "oill lantern orchid zebra quartz"
    assert search(long)["did_you_mean"] == {"q": long.replace("oill", "oil"), "total": 1}


def test_a_word_is_read_two_slips_away_past_one_articles_typo_alone_and_beside_others(pipeline: LocalPipeline) -> None:
    # Given one article's typo `tomrorow` (one letter replaced from `tommorow`) and many articles writing `tomorrow`
    # (a letter undoubled and one doubled)
    # (`tomorrow night` in ten, `tomrorow night` in the typo's)
    typo = _json_upload(pipeline, "Careless", "The vote is tomrorow night.")
    for n in range(MANY_ARTICLES):
        _json_upload(pipeline, f"Vote {n}", f"The vote is tomorrow{' night' if n < 10 else ''}, item {n}.")
    pipeline.drain()

    # Then `tommorow` alone is read as `tomorrow` (session 39's review: as one article's typo), as `intrest` is
    # `interest`
    body = search("Tommorow")
    assert body["altered_query"] == "Tomorrow" and body["total"] == MANY_ARTICLES
    assert typo not in ids("tommorow")
    # and so it is beside a word more of the `tomorrow` articles hold (session 41: `tomrorow night`)
    assert search("tommorow night")["altered_query"] == "tomorrow night"


def test_a_short_name_is_not_respelt_two_letters_away(pipeline: LocalPipeline) -> None:
    # Given articles that hold "Kong" (two edits from "Kofi", half its letters) but no "Kofi"
    _json_upload(pipeline, "Hong Kong trade", "Hong Kong exports rose in the quarter.")
    _json_upload(pipeline, "Hong Kong shares", "Shares in Hong Kong fell.")
    pipeline.drain()

    body = search("kofi")

    # Then nothing is found and nothing offered: AUTO fuzziness allows one edit for a word of up to 5 letters
    assert body["total"] == 0
    assert body["did_you_mean"] is None


def test_a_headline_word_one_edit_away_beats_a_body_word_two_edits_away(pipeline: LocalPipeline) -> None:
    # Given a headline-only word one edit from the query, and bodies holding a word two edits from it
    vrillon = _json_upload(pipeline, "Plain vrillon headline", "A short article about nothing in particular.")
    for n in range(3):
        _json_upload(pipeline, f"Telecoms {n}", "Verizon bought the network; Verizon shares rose.")
    pipeline.drain()

    assert ids("vrilon")[0] == vrillon
    long = "vrilon lantern orchid zebra quartz"
    assert search(long)["did_you_mean"] == {"q": long.replace("vrilon", "vrillon"), "total": 1}


def test_a_misspelt_possessive_is_respelt_and_found_as_the_word(pipeline: LocalPipeline) -> None:
    # Given articles on Gazprom (one as a possessive)
    first = _json_upload(pipeline, "Gas exports", "Gazprom's exports to Europe rose.")
    second = _json_upload(pipeline, "Pipeline deal", "Gazprom signed a pipeline deal.")
    pipeline.drain()

    for q in ("Gazprm's", "Gazprm\u2019s", "gazprom's"):
        # Then a possessive, misspelt or not, finds what the word finds
        assert set(ids(q)) == {first, second}, q
    long = "Gazprm's lantern orchid zebra quartz"
    assert search(long)["did_you_mean"] == {"q": long.replace("Gazprm's", "Gazprom's"), "total": 2}


def test_a_word_few_articles_hold_is_also_searched_as_its_near_spellings(pipeline: LocalPipeline) -> None:
    # Given one article holding a common misspelling and several holding the word
    typo = _json_upload(pipeline, "Budget", "The goverment set out its budget.")
    right = [_json_upload(pipeline, f"Policy {n}", "The government announced a new policy.") for n in range(3)]
    pipeline.drain()

    found = ids("goverment")

    # Then the articles on the word are found too, after the one holding it as typed
    assert found[0] == typo
    assert set(found) == {typo, *right}


def test_a_date_order_holds_no_near_spellings_of_words_the_archive_holds(pipeline: LocalPipeline) -> None:
    # Given two articles holding both words, and others holding near spellings of them
    both = {
        _json_upload(pipeline, "Apple music", "Apple sold more iPod players.", published="2020-01-01"),
        _json_upload(pipeline, "Music players", "The iPod made Apple rich.", published="2019-01-01"),
    }
    for n in range(12):
        _json_upload(pipeline, f"Loans {n}", "Farmers apply for ample credit.", published=f"2021-01-{n + 10}")
    pipeline.drain()

    newest = search("apple ipod", "&sort=newest")
    relevance = ids("apple ipod")

    # Then newest first lists only what holds the words (near spellings filled the first pages); relevance may add
    # the near spellings after them (the tiers rank the words as typed first)
    assert {hit["id"] for hit in newest["results"]} == both and newest["total"] == 2
    assert set(relevance[:2]) == both


def test_a_date_order_holds_no_near_spellings_of_a_word_held_closed_up_or_in_a_byline(pipeline: LocalPipeline) -> None:
    # Given articles writing Wal-Mart and O'Brien (in a body, in a byline), and newer ones holding near spellings
    held = {
        _json_upload(pipeline, "Retail giant sued", "Parents sued Wal-Mart over lyrics.", published="2019-01-01"),
        _json_upload(pipeline, "Trade fears", "Richard O'Brien said so.", published="2019-02-01"),
        _json_upload(pipeline, "Market notes", "Shares rose.", author="Jane O'Brien", published="2019-03-01"),
    }
    for n in range(6):
        _json_upload(pipeline, f"Drilling {n}", "Walman rigs and the Obrian field.", published=f"2021-01-{n + 10}")
    pipeline.drain()

    # Then sorted newest first, `walmart` and `obrien` find what holds them, closed up or in a byline, and no near
    # spelling (`walman`, `obrian` led the newest first: session 22's review), as a word some body holds does
    found = {hit["id"] for q in ("walmart", "obrien") for hit in search(q, "&sort=newest")["results"]}
    assert found == held
    assert search("walmart", "&sort=newest")["total"] == 1 and search("obrien", "&sort=newest")["total"] == 2


def test_a_typo_a_headline_holds_is_still_expanded_in_a_date_order(pipeline: LocalPipeline) -> None:
    # Given a headline holding a typo, and articles holding the word
    typo = _json_upload(pipeline, "France faces pressue", "Sterling fell.", published="2019-01-01")
    right = {_json_upload(pipeline, f"Markets {n}", "Pressure on sterling grew.") for n in range(3)}
    pipeline.drain()

    # Then newest first still finds the word's articles: a headline's typo is a typo (session 22's review: only the
    # headline was found where the near spellings found 627 articles)
    assert {hit["id"] for hit in search("pressue", "&sort=newest")["results"]} == {typo, *right}


def test_a_misspelt_word_glued_to_another_is_respelt_part_by_part(pipeline: LocalPipeline) -> None:
    # Given articles on oil and on gas, and on Kerry and Putin
    oil_gas = {
        _json_upload(pipeline, "Crude prices", "Oil prices rose again."),
        _json_upload(pipeline, "Heating", "Gas demand fell in the warm winter."),
    }
    kerry = _json_upload(pipeline, "Talks", "Kerry met Putin in Sochi.")
    pipeline.drain()

    # When a misspelt word is glued to another by `.`, `:` or `_` (one engine token), it is searched as its
    # respelling's parts, as the glued word spelt right is (it found nothing: session 22's review)
    for typed, spelt in (("oill.gass", "oil.gas"), ("oill:gass", "oil:gas"), ("kerry_ptuin", "kerry_putin")):
        assert set(ids(typed)) == set(ids(spelt)) != set()
    assert oil_gas <= set(ids("oill.gass")) and ids("kerry.ptuin")[0] == kerry
    # And the respelt part is marked where it is found
    assert any("<mark>Putin</mark>" in hit["snippet"] for hit in search("kerry.ptuin")["results"])


def test_did_you_mean_counts_a_joined_word_no_article_holds_as_its_parts(pipeline: LocalPipeline) -> None:
    # Given articles naming Kerry or Putin (none "Kerry-Putin"), one on an election, one on a vote
    parts = {
        _json_upload(pipeline, "Kerry speech", "Kerry spoke in Boston.", published="2004-05-01"),
        _json_upload(pipeline, "Putin decree", "Putin signed a decree.", published="2004-06-01"),
    }
    election = _json_upload(pipeline, "Poll", "The election was held.", published="2004-07-01")
    vote = _json_upload(pipeline, "Count", "The vote was counted.", published="2004-08-01")
    pipeline.drain()

    # When a short query holds that joined word (searched as its parts too) and a misspelt word of a second OR-group
    # (no scored word: searched as typed, and offered did_you_mean)
    q = "kerry-putin (summit OR treaty) (electon OR vote)"
    for extra in ("", "&sort=newest"):
        body = search(q, extra)
        assert set(ids(q, extra)) == {*parts, vote} and body["altered_query"] is None, extra

        # Then did_you_mean counts the joined word's parts, as following it finds (session 26's review: counted
        # whole, `kerry-putin (elecion OR vote)` offered 517 news-dev articles, and following it found 534)
        offered = body["did_you_mean"]
        assert offered == {"q": q.replace("electon", "election"), "total": 4}, extra
        assert set(ids(offered["q"], extra)) == {*parts, election, vote}, extra


def test_an_or_group_keeps_its_words_synonyms(pipeline: LocalPipeline) -> None:
    # Given an article that writes only "U.S." and one only "Japan"
    us = _json_upload(pipeline, "Sugar plantings", "U.S. sugarbeet plantings are seen rising.")
    japan = _json_upload(pipeline, "Rice harvest", "Japan expects a good rice harvest.")
    pipeline.drain()

    # Then adding an alternative never narrows: `US | Japan` finds what `US` finds and what `Japan` finds
    assert set(ids("US")) == {us}
    for q in ("US | Japan", "US OR Japan", "Japan OR US"):
        assert set(ids(q)) == {us, japan}, q


def test_did_you_mean_is_never_longer_than_a_query_may_be(pipeline: LocalPipeline) -> None:
    # Given an article the respelt query would find
    _json_upload(pipeline, "Economy", "The economy grew.")
    pipeline.drain()
    words = "econmy lantern orchid zebra quartz"  # a long query (5 words): searched as typed, finds nothing
    q = (words + " zz" * MAX_QUERY_CHARS)[: MAX_QUERY_CHARS - 1] + "z"

    body = search(q)

    # Then no did_you_mean is offered that would answer 400 if followed (the respelling adds a letter)
    assert len(q) == MAX_QUERY_CHARS and body["did_you_mean"] is None
    assert search(words)["did_you_mean"] == {"q": words.replace("econmy", "economy"), "total": 1}


def test_filter_values_read_invisible_characters_and_look_alikes_as_the_labels_do(pipeline: LocalPipeline) -> None:
    # Given articles in a section and by an author whose name holds an apostrophe
    business = _json_upload(pipeline, "Trade", "Exports rose.", section="Business", author="Mark O'Neill")
    _json_upload(pipeline, "Football", "The match was drawn.", section="Sport")
    pipeline.drain()

    for extra in ("&section=busi%E2%80%8Bness", "&section=busin%C2%ADess", "&author=Mark%20O%CA%BCNeill"):
        # Then a zero-width space, a soft hyphen or a modifier-letter apostrophe selects what the plain value does
        status, body, _ = get(f"/search?q=exports{extra}")
        assert status == 200 and [hit["id"] for hit in body["results"]] == [business], extra


def test_a_cursor_reads_on_under_an_accented_spelling_of_its_filter(pipeline: LocalPipeline) -> None:
    # Given three articles in a section written with an accent
    for n in range(3):
        _json_upload(pipeline, f"Taux {n}", "Les taux montent.", section="Économie")
    pipeline.drain()

    status, first, _ = get("/search?q=taux&size=1&section=economie")
    assert status == 200 and first["next_cursor"]

    # Then the same search with the accented spelling (same results, same facet) takes the cursor
    status, second, _ = get(f"/search?q=taux&size=1&section=%C3%89conomie&cursor={quote(first['next_cursor'])}")
    assert status == 200, second
    assert second["results"][0]["id"] != first["results"][0]["id"]


def test_equally_near_spellings_are_told_apart_by_the_other_words(pipeline: LocalPipeline) -> None:
    # Given one article on the league and more articles holding "leave", as near to "leage"
    football = _json_upload(pipeline, "Chelsea win", "Chelsea beat Arsenal to top the Premier League table.")
    table = _json_upload(pipeline, "Table", "Chelsea lead the league.")  # found only as respelt
    holidays = [
        _json_upload(pipeline, f"Holidays {n}", "Staff may leave early as annual leave rises.") for n in range(3)
    ]
    pipeline.drain()

    # Then "leage" beside "premier" is read as "league", in the search and in did_you_mean
    assert ids("premier leage")[0] == football
    # and beside "premier" misspelt at its first letter, which the near spellings listed for it never reach (they
    # keep the first letter; session 20's review: "leave" was chosen, and searched in place, ranked above "league")
    # Only the league's articles are found: `leave`, a spelling the reader did not mean, is no longer searched with
    # the word read `league` (session 27; before, the holiday articles were listed after them)
    assert ids("kremier leage") == [football, table]
    assert set(ids("leave")) == set(holidays)
    suggestion = search("chelsae beat arsenal in the premier leage")["did_you_mean"]
    assert suggestion == {"q": "chelsea beat arsenal in the premier league", "total": 2}


def test_of_equally_near_spellings_the_one_written_beside_the_other_words_is_read(pipeline: LocalPipeline) -> None:
    # Given two articles writing "George Bush", and more articles holding `both` (as near to `bosh`), each with
    # `george` too, never beside it
    bush = {_json_upload(pipeline, f"Summit {n}", f"President George Bush met allies on day {n}.") for n in range(2)}
    for n in range(4):
        _json_upload(pipeline, f"Derby {n}", f"George scored and both sides drew; both teams were tired {n}.")
    pipeline.drain()

    # Then `george bosh` is read `george bush` (session 40: news-dev's 30 articles holding `george` and `both` read it
    # `george both`, which none writes, where 12 write `george bush`)
    _read_first("george bosh", "george bush", bush)
    # and so with an emoji glued to the other word (session 43: `george😀` was counted as a phrase no article writes,
    # and `george😀 bosh` read `george😀 both`)
    _read_first("george😀 bosh", "george😀 bush", bush)


def test_a_spelling_as_near_by_a_less_likely_edit_is_read_where_written_beside_the_other_words(
    pipeline: LocalPipeline,
) -> None:
    # Given articles writing "oil prices", two holding `praises` (a letter left out of `prises`, where `prices` is a
    # letter replaced), neither with `oil`, and others on neither
    prices = {_json_upload(pipeline, f"Crude {n}", f"Oil prices rose on day {n}.") for n in range(3)}
    for n in range(2):
        _json_upload(pipeline, f"Review {n}", f"The critic praises the choir, concert {n}.")
    for n in range(3):
        _json_upload(pipeline, f"Weather {n}", f"Rain fell in the north, report {n}.")
    pipeline.drain()

    # Then `oil prises` is read `oil prices` (session 40: read `oil praises`, which no article holds beside `oil`,
    # where 173 of news-dev's write `oil prices`)
    _read_first("oil prises", "oil prices", prices)


def _read_first(q: str, altered: str, first: set[str]) -> None:
    """q is read as `altered`, and the articles `first` are its first results."""
    body = search(q)
    assert body["altered_query"] == altered
    assert {hit["id"] for hit in body["results"][: len(first)]} == first


def test_two_words_of_equally_near_spellings_are_told_apart_in_one_request(pipeline: LocalPipeline) -> None:
    # Given, for each of two misspelt words, the spelling meant (beside the other words) and a more frequent one
    football = _json_upload(pipeline, "Chelsea win", "Chelsea beat Arsenal to top the Premier League table.")
    for n in range(3):
        _json_upload(pipeline, f"Holidays {n}", "Staff may leave early as annual leave rises.")
        _json_upload(pipeline, f"Title race {n}", "The title is theirs: a title won, and more titles to come.")
    pipeline.drain()
    index = _RecordingIndex(pipeline)

    page = search_articles(index, SearchRequest(q="premier leage tible"), Ranking(semantic_weight=0))

    # Then both are read as meant, and the likeliest spellings cost one request whatever their number (one a word
    # sent thirteen requests one after another for a pasted paragraph of misspellings: session 16's review)
    assert page.results[0].id == football
    likeliest = [json.dumps(body) for body in index.sent if '"holding"' in json.dumps(body)]
    assert len(likeliest) == 1
    # and the context words, each within a typo, are matched as the near spellings the search listed for them, not
    # by walking the term dictionary again (session 20)
    assert "fuzziness" not in likeliest[0] and '{"term": {"body.exact": "leave"}}' in likeliest[0]


def test_a_misspelt_closed_up_joined_word_that_finds_nothing_is_offered_its_spelling(pipeline: LocalPipeline) -> None:
    # Given articles writing joined words (Wal-Mart, anti-war, in a body or a headline only), which no word field
    # holds whole: only the closed-up fields hold `walmart`, `antiwar`, `coca-cola` closed up
    store = _json_upload(pipeline, "Retail giant grows", "Wal-Mart opened a store in Texas.", section="business")
    march = _json_upload(pipeline, "Anti-war march in London", "Thousands walked through the city.")
    _json_upload(pipeline, "Cola sales", "Sales of Coca-Cola rose.", section="business")
    deputy = _json_upload(pipeline, "Deputies", "Two vice-presidents resigned.")
    pipeline.drain()

    # When a reader types one misspelt (a letter doubled, dropped, swapped), it finds nothing; then its closed-up
    # spelling is offered, counting what following it finds (session 26: nothing was offered, as the word fields'
    # suggesters know no `walmart`)
    # as an article writes it (the closed-up fields are stemmed: `vicepresid` was offered; session 26's review)
    for typed, meant, found in (
        ("wallmart", "wal-mart", [store]),
        ("Walmrt", "Wal-Mart", [store]),
        ("antiwra", "anti-war", [march]),
        ("cocacolla", "coca-cola", None),
        ("vicepresidnt", "vice-presidents", [deputy]),
    ):
        body = search(typed)
        assert body["total"] == 0 and body["did_you_mean"] is not None, typed
        offered = body["did_you_mean"]
        assert offered["q"] == meant and offered["total"] == search(meant)["total"] > 0, typed
        if found is not None:
            assert ids(meant) == found
        assert search(typed, "&sort=newest")["did_you_mean"] == offered
    # Under a filter it is offered with what the filter leaves (which words articles hold is asked beside the
    # closed-up suggesters: session 30), and not where following it finds nothing more (the exclusion drops the store)
    assert search("wallmart", "&section=business")["did_you_mean"] == {"q": "wal-mart", "total": 1}
    assert search("wallmart -texas")["did_you_mean"] is None
    # and a word near no closed-up word is offered nothing
    assert search("zzqxvw")["did_you_mean"] is None


def test_a_misspelt_closed_up_joined_word_beside_known_words_is_offered_its_spelling(pipeline: LocalPipeline) -> None:
    # Given an article writing Wal-Mart, one on shares, and one writing M-Share (closed up `mshare`, two edits from
    # `shares`, which articles hold)
    store = _json_upload(pipeline, "Retail giant grows", "Wal-Mart opened a store in Texas.")
    market = _json_upload(pipeline, "Markets", "Shares fell in London.")
    fund = _json_upload(pipeline, "Fund launch", "The M-Share class opened to savers.")
    pipeline.drain()
    index = _RecordingIndex(pipeline)

    # When the reader types the joined word closed up and misspelt beside a word articles hold, the search finds the
    # articles on shares (session 29: and offered nothing, as only a query that found nothing asked the closed-up
    # suggesters)
    body = search("wallmart shares")
    page = search_articles(index, SearchRequest(q="wallmart shares"), Ranking(semantic_weight=0))

    # Then the joined word is offered as an article writes it, the known word as typed (not `m-share`), with what
    # following it finds; the same through the domain, in the requests a search may send, the closed-up suggesters
    # asked beside the near spellings, not in a request of their own
    assert set(ids("wallmart shares")) == {market, fund}
    assert body["did_you_mean"] == {"q": "wal-mart shares", "total": search("wal-mart shares")["total"]}
    assert set(ids("wal-mart shares")) == {store, market, fund}
    assert page.did_you_mean is not None and page.did_you_mean.q == "wal-mart shares"
    assert len(index.sent) <= MAX_ENGINE_REQUESTS
    asked = [sent for sent in index.sent if "spell_closed 0" in (sent.get("suggest") or {})]
    assert len(asked) == 1 and "near_spellings_held" in json.dumps(asked[0])
    # Two known words no article holds together are offered nothing
    assert search("store shares")["did_you_mean"] is None


def test_two_words_typed_without_a_space_are_searched_apart(pipeline: LocalPipeline) -> None:
    # Given articles writing `oil prices`, `Tony Blair` and `Bank of England`, and others holding one of the words
    _json_upload(pipeline, "Oil prices rise", "Oil prices rose again.")
    _json_upload(pipeline, "Oil prices fall", "Oil prices fell again.")
    _json_upload(pipeline, "Oil spill", "Oil reached the coast.")
    _json_upload(pipeline, "Shop prices", "Prices fell in shops.")
    _json_upload(pipeline, "Blair speaks", "Tony Blair spoke in London.")
    _json_upload(pipeline, "Blair again", "Tony Blair spoke in Leeds.")
    _json_upload(pipeline, "Rates held", "The Bank of England held rates.")
    _json_upload(pipeline, "Rates cut", "The Bank of England cut rates.")
    _json_upload(pipeline, "England win", "England won by the river bank.")
    pipeline.drain()

    # When the reader leaves the spaces out, alone or beside other words, in any case, in either order of results
    # Then the query is searched as the words the archive writes, as `altered_query` says, and lists what they list
    # (session 30's review: `oilprices` found nothing; session 52's: `tonyblair` found nothing and was only offered
    # `tony blair`, where `worldcup` was searched so, and `bankofengland` was offered nothing; by date `worldcup`
    # listed any word's articles, where `world cup` lists those holding both)
    for typed, meant in (
        ("oilprices", "oil prices"),
        ("Tonyblair", "Tony blair"),
        ("OILPRICES", "OIL PRICES"),
        ("oilprices fell", "oil prices fell"),
        ("Tonyblair's", "Tony blair's"),
        ("bankofengland", "bank of england"),
    ):
        for extra in ("", "&sort=newest"):
            read, as_read = search(typed, extra), search(meant, extra)
            assert (read["altered_query"], read["did_you_mean"]) == (meant, None), (typed, extra)
            assert read["total"] == as_read["total"] > 0, (typed, extra)
            assert {hit["id"] for hit in read["results"]} == {hit["id"] for hit in as_read["results"]}, (typed, extra)
            assert read["results"][0]["id"] in ids(meant, extra)[:2], (typed, extra)
    assert search("oilprices", "&sort=newest")["total"] == 2
    # but not as words no article writes together (`prices oil`, only offered), nor with a stopword as a part of
    # two (a name the archive lacks: `Inman` was offered `In man`)
    _json_upload(pipeline, "Fibres", "Interest in man-made fibres grew.")
    pipeline.drain()
    assert search("pricesoil")["altered_query"] is None
    assert (search("Inman")["altered_query"], search("Inman")["did_you_mean"]) == (None, None)


def test_a_word_held_only_closed_up_is_read_apart_where_more_articles_write_it_so(pipeline: LocalPipeline) -> None:
    # Given three articles writing `New York` apart and one `New-York` (held closed up as `newyork`), fewer
    # writing `network` (near `newyork`); two `blue chip` and one `blue-chip`, with nothing near `bluechip`; and
    # Wal-Mart written only joined
    apart = [_json_upload(pipeline, f"Markets {n}", f"Shares rose in New York on day {n}.") for n in range(3)]
    joined = _json_upload(pipeline, "Satellites", "A New-York based firm will launch it.")
    for n in range(2):
        _json_upload(pipeline, f"Phones {n}", f"The network failed on day {n}.")
    chips = [_json_upload(pipeline, f"Stocks {n}", f"Buyers took blue chip stocks, day {n}.") for n in range(2)]
    chips.append(_json_upload(pipeline, "Investors", "A blue-chip investment, they said."))
    _json_upload(pipeline, "Stores", "Wal-Mart opened a store.")
    pipeline.drain()

    # When the reader types the words without a space
    # Then the query is read as the words more articles write apart, side by side (a joined word: session 54's
    # review), and lists what they list, the joined one among them (session 54: `newyork` found the one New-York
    # article and the `network` ones; `bluechip` only the hyphenated one)
    for typed, meant, holding in (("newyork", "new-york", {*apart, joined}), ("bluechip", "blue-chip", set(chips))):
        read = search(typed)
        assert (read["altered_query"], read["did_you_mean"]) == (meant, None), typed
        assert set(ids(typed)) == set(ids(meant)) >= holding, typed
    # but a word no more articles write apart than hold it joined is searched as typed
    assert search("walmart")["altered_query"] is None and search("walmart")["total"] == 1


def test_a_compound_typed_closed_up_is_read_apart_only_as_its_words_side_by_side(pipeline: LocalPipeline) -> None:
    # Given two articles writing `last-minute` and three `last minute`, and more holding `last` and `minute` apart;
    # three writing `part-time` and one `part time`, and more holding `part` and `time` apart
    dashes = [_json_upload(pipeline, f"Deals {n}", f"A last-minute deal was struck on day {n}.") for n in range(2)]
    spaced = [_json_upload(pipeline, f"Goals {n}", f"He scored in the last minute on day {n}.") for n in range(3)]
    for n in range(6):
        _json_upload(pipeline, f"Races {n}", f"The last lap took a minute on day {n}.")
    jobs = [_json_upload(pipeline, f"Jobs {n}", f"Part-time jobs grew on day {n}.") for n in range(3)]
    _json_upload(pipeline, "Work", "She works part time in a shop.")
    for n in range(6):
        _json_upload(pipeline, f"Plans {n}", f"Part of the plan took time on day {n}.")
    pipeline.drain()

    # When the reader types them closed up, by relevance, by date and in either order
    # Then a split more articles write apart than hyphenated is read as its words side by side (a joined word), in
    # every order alike; one written apart by fewer articles than hold it hyphenated is searched as typed (session
    # 54's review: `lastminute` was read as the loose `last minute`, 7 of its first 10 holding the words apart;
    # `parttime` out-voted by its own hyphenated articles; by date neither was read)
    for extra in ("", "&sort=newest", "&sort=oldest"):
        read = search("lastminute", extra)
        assert (read["altered_query"], read["did_you_mean"]) == ("last-minute", None), extra
        assert set(ids("lastminute", extra)) == {*dashes, *spaced}, extra
        typed = search("parttime", extra)
        assert (typed["altered_query"], typed["did_you_mean"]) == (None, None), extra
        assert set(ids("parttime", extra)) == set(jobs), extra


def test_a_letter_spelt_by_ear_is_read_before_an_arbitrary_one_as_near(pipeline: LocalPipeline) -> None:
    # Given two articles on OPEC and more writing `open`, each one letter replaced from `opek`
    opec = [_json_upload(pipeline, f"Oil {n}", f"OPEC ministers met on day {n}.") for n in range(2)]
    for n in range(5):
        _json_upload(pipeline, f"Shops {n}", f"The shops were open on day {n}.")
    pipeline.drain()

    # When the reader spells it by ear (`k` for the hard `c`), alone or beside another word
    # Then it is read as OPEC, not as the commoner `open` (session 54: `opek` was read `open`)
    assert search("opek")["altered_query"] == "opec" and set(ids("opek")) == set(opec)
    assert search("opek ministers")["altered_query"] == "opec ministers"


def test_a_left_out_letter_is_as_likely_as_a_slip_and_the_other_words_tell_them_apart(pipeline: LocalPipeline) -> None:
    # Given one article on Kerry and Putin, articles where Kerry sinks a putt, and more articles on a punt (the
    # letters of "putn" swapped: a slip, which alone was preferred to any other edit)
    talks = _json_upload(pipeline, "Talks in Moscow", "Senator Kerry met Putin on Tuesday.")
    golf = [_json_upload(pipeline, f"Golf day {n}", "Kerry sank a putt, then another putt.") for n in range(3)]
    punts = [_json_upload(pipeline, f"Rugby {n}", "The fly-half sent a long punt downfield.") for n in range(4)]
    pipeline.drain()

    # When the reader leaves a letter out of "putin" beside "kerry"
    body = search("kerry putn")

    # Then it is read as "putin" (a letter left out is the commonest single error of typing, as likely as a slip;
    # `putt`, a letter replaced, less likely), which the other word chooses over "punt" (session 26: read as
    # `kerry punt`), and the article holding every word as read ranks first
    assert body["altered_query"] == "kerry putin"
    assert ids("kerry putn")[0] == talks and set(ids("kerry putn")) >= {talks, *golf}
    # Alone, the likelier of the two by the articles holding each: "punt"
    assert search("putn")["altered_query"] == "punt" and set(ids("putn")) >= set(punts)


def test_rare_context_words_tell_equally_near_spellings_apart_before_common_ones(pipeline: LocalPipeline) -> None:
    # Given the one article holding `kofi` (with `annan`), and more articles holding `anna` beside `united` or
    # `nations`
    annan = _json_upload(pipeline, "Annan at the UN", "Kofi Annan spoke to the United Nations assembly.")
    for n in range(4):
        _json_upload(pipeline, f"Football {n}", f"Anna scored twice as United won. Fans of {n} nations watched.")
    pipeline.drain()

    # When the reader misspells `annan` beside `kofi` and common words
    for typed in ("kofi anan", "kofi anan united nations", "united nations kofi anan"):
        body = search(typed)

        # Then it is read as `annan`: the one article holding `kofi` holds it, where more articles hold `anna`
        # beside `united` or `nations` (session 30's review: read `kofi anna united nations`)
        assert body["altered_query"] == typed.replace("anan", "annan"), typed
        assert ids(typed)[0] == annan, typed


def test_context_words_beside_no_spelling_and_spellings_no_article_holds_decide_nothing(
    pipeline: LocalPipeline,
) -> None:
    # Given one article on Coca-Cola, articles on Coles, and on factories and strikes (neither beside Coca-Cola);
    # articles holding `anna` and one holding `adnan`, none of them beside cricket or rugby
    cola = _json_upload(pipeline, "Cola sales", "Coca-Cola sales rose in India.")
    for n in range(2):
        _json_upload(pipeline, f"Grocers {n}", "Coles supermarkets cut prices.")
        _json_upload(pipeline, f"Industry {n}", "The factory strike ended.")
    anna = [_json_upload(pipeline, f"Film {n}", "Anna starred in the film.") for n in range(3)]
    _json_upload(pipeline, "Profile", "Adnan spoke at the summit.")
    _json_upload(pipeline, "Sport", "Cricket and rugby drew crowds.")
    pipeline.drain()

    # When a misspelt word's equally near spellings meet context words that stand beside none of them
    # Then the spelling is the one the archive holds (`coca-coles`, held by no article, had half of every context
    # word's share; session 30's review), and among held ones the one most articles hold (unrelated context words
    # favoured the rarer: `anan cricket rugby` was read `adnan`)
    assert search("coca-cols factory strike")["altered_query"] == "coca-cola factory strike"
    assert cola in ids("coca-cols factory strike")
    assert search("anan cricket rugby")["altered_query"] == "anna cricket rugby"
    assert set(anna) <= set(ids("anan cricket rugby"))


def test_the_articles_holding_every_word_as_read_rank_before_near_spellings(pipeline: LocalPipeline) -> None:
    # Given one long article on oil prices, articles on oil that hold a near spelling of "prces" (the drill pries it
    # out), and more on prices without oil
    prices = _json_upload(
        pipeline, "Weekly review", "The week in brief. " * 30 + "Oil prices rose. " + "Markets closed. " * 30
    )
    pries = [
        _json_upload(pipeline, f"Oil drilling {n}", "Oil, oil and oil: the drill pries the oil from the rock. Oil!")
        for n in range(3)
    ]
    for n in range(6):
        _json_upload(pipeline, f"Shops {n}", "Food prices rose, and prices of clothes fell.")
    pipeline.drain()

    # When a query with a misspelt word is read as another spelling (altered_query)
    for typed in ("oil prces", "oil prcies"):
        body = search(typed)

        # Then the articles holding every word as read rank first, as searching "oil prices" ranks them (session 26:
        # the complete matches counted the word as typed, which no article holds, and the near spelling came first),
        # and those holding a near spelling follow
        assert body["altered_query"] == "oil prices"
        assert ids(typed)[0] == prices and set(ids(typed)) >= {prices, *pries}, typed


def test_a_respelt_query_ranks_the_headline_holding_every_word_as_read_first(pipeline: LocalPipeline) -> None:
    # Given an article whose headline holds both words, and articles holding them in a long body, many times
    headline = _json_upload(pipeline, "Gadget show heralds a season", "Phones and players were on display.")
    for n in range(3):
        _json_upload(
            pipeline,
            f"Wage freeze {n}",
            "The figures show a freeze. Economists say the freeze heralds hard times; shows of unrest herald more. "
            * 3,
        )
    pipeline.drain()
    assert ids("show heralds")[0] == headline

    # When a word is misspelt and the query read as those words (altered_query)
    for typed in ("show hegalds", "show heralsd"):
        body = search(typed)

        # Then it ranks as the words read do: the headline holding them first (session 26's review: the complete
        # tier counted the reading, but the headline bonus still read the typed word, which no headline holds, and
        # `show hegalds` ranked a Zimbabwe article holding `shows` and `heralds` in its body first)
        assert body["altered_query"] == "show heralds", typed
        assert ids(typed)[0] == headline, typed


def test_the_words_spelt_right_beside_a_misspelt_one_are_searched_as_typed_when_many_articles_hold_the_query_as_read(
    pipeline: LocalPipeline,
) -> None:
    # Given a dozen articles holding `tony blair` (more than a page), and articles holding `tonny` (a letter of `tony`
    # doubled: a spelling it may stand for, the only near spellings a word some article holds is widened to since
    # session 55, where `tory` was one too) but neither word
    blair = [_json_upload(pipeline, f"Labour {n}", "Tony Blair spoke to party members.") for n in range(12)]
    tonny = [_json_upload(pipeline, f"Opposition {n}", "Tonny Hansen spoke in Folkestone.") for n in range(3)]
    pipeline.drain()

    # When the reader misspells one word of it
    body = search("tony blrair")

    # Then the search is that of the query as read, which altered_query shows: the word spelt right is not widened
    # to its near spellings (session 33's review: `tony blare`, read `tony blair`, found 353 news-dev articles where
    # `tony blair` finds 211, and marked "Tory" in the Blair articles' snippets)
    assert body["altered_query"] == "tony blair"
    assert set(ids("tony blrair")) == set(ids("tony blair")) == set(blair)
    assert body["total"] == search("tony blair")["total"] == len(blair)
    assert not set(tonny) & set(ids("tony blrair"))
    # With few articles holding every word as read, the word spelt right is still widened (a name spelt another way
    # is found next): beside the one article on Tony Benn, `tony` finds the Tonny articles
    benn = _json_upload(pipeline, "Veteran", "Tony Benn spoke at the rally.")
    pipeline.drain()
    assert search("tony bnen")["altered_query"] == "tony benn"
    assert {benn, *tonny} <= set(ids("tony bnen"))


def test_suggest_respells_a_name_typed_one_letter_wrong_when_no_title_matches(pipeline: LocalPipeline) -> None:
    # Given headlines naming Mourinho and Wenger, and one starting with `Chelsea`
    mourinho = _json_upload(pipeline, "Mourinho defiant on Chelsea form", "The Chelsea manager spoke.")
    wenger = _json_upload(pipeline, "Wenger signs new deal", "The Arsenal manager signed.")
    chelsea = _json_upload(pipeline, "Chelsea sack Mutu", "The club sacked the striker.")
    spot = _json_upload(pipeline, "Spot checks at ports", "Officials spoke of delays.")
    _json_upload(pipeline, "Wengerball craze grows", "A new game.")
    pipeline.drain()

    # When the reader types a name one letter wrong, alone or with the start of the next word
    # Then the titles of the name are offered, its spelling marked (session 33's review: /suggest offered nothing
    # for `mourino`, `venger`, which /search reads)
    assert suggested("mourino") == [mourinho]
    status, body, _ = get(f"/suggest?q={quote('morinho def')}")
    assert status == 200 and [s["id"] for s in body["suggestions"]] == [mourinho]
    assert body["suggestions"][0]["highlighted"] == "<mark>Mourinho</mark> <mark>def</mark>iant on Chelsea form"
    # and the answer says what the titles were matched against (session 35)
    assert (body["altered_query"], body["words_not_in_titles"]) == ("mourinho def", [])
    _status, body, _ = get(f"/suggest?q={quote('chels')}")
    assert (body["altered_query"], body["words_not_in_titles"]) == (None, [])
    # A word typed in part is no typo: `chels` is the start of Chelsea, never respelt, nor `spok`, the start of an
    # article's `spoke` (it was read `spot`: the session's second review saw 92 of 120 starts of common words
    # respelt); since session 52 the articles whose text holds a word starting so are offered, said to be
    # (`words_not_in_titles`); an exclusion is no word to respell, and nothing is offered where no word is near
    assert set(suggested("chels")) == {chelsea, mourinho}
    _status, body, _ = get(f"/suggest?q={quote('spok')}")
    assert {s["id"] for s in body["suggestions"]} == {mourinho, spot}
    assert (body["altered_query"], body["words_not_in_titles"]) == (None, ["spok"])
    assert suggested("mourino -chelsea") == []
    assert set(suggested('chelsae -"mourino"')) == set(suggested("chelsae -(mourino)")) == {chelsea, mourinho}
    assert suggested("xqzvw") == []
    # A word typed whole is respelt as a whole word, not as the start of one (session 33's third review: `wrold`
    # offered "WorldCom ..." titles before "World ..." ones)
    assert suggested("venger")[:1] == [wenger]


def test_suggest_leaves_out_a_word_no_title_holds_when_no_title_matches_every_word(pipeline: LocalPipeline) -> None:
    # Given headlines on Blair, none holding `Tony`, one whose article names Tony Blair, and one on Blunkett
    named = _json_upload(pipeline, "Blair calls election", "Tony Blair named the day.")
    blair = _json_upload(pipeline, "Blair meets Bush", "The prime minister met the president.")
    blunkett = _json_upload(pipeline, "Blunkett resigns", "The home secretary resigned.")
    _json_upload(pipeline, "Tories pick leader", "The party chose its new leader.")
    pipeline.drain()

    # When the reader types a name as readers say it
    # Then the titles holding the words some title holds are offered, of the articles holding the others (session
    # 34's review: `tony blair`, `tony bl`, `andy mur` offered nothing where headlines start `Blair`; its third:
    # `rooney goal` offered "Blair stresses prosperity goals", whose article does not name Rooney)
    assert suggested("tony blair") == suggested("tony bl") == [named]
    _status, body, _ = get(f"/suggest?q={quote('tony blair')}")
    assert body["suggestions"][0]["highlighted"] == "<mark>Blair</mark> calls election"
    # and the answer says which words were left out of the titles' match (session 35: it did not)
    assert (body["altered_query"], body["words_not_in_titles"]) == ("blair", ["tony"])
    _status, body, _ = get(f"/suggest?q={quote('Tony  bl')}")
    assert (body["altered_query"], body["words_not_in_titles"]) == ("bl", ["Tony"])
    _status, body, _ = get(f"/suggest?q={quote('tony xqzvw')}")
    assert (body["suggestions"], body["altered_query"], body["words_not_in_titles"]) == ([], None, [])
    # Never to nothing, never past an exclusion, and no word of the query is left out where each is some title's
    # (the third review: `mourinho ban` offered "Banker loses sexism claim")
    assert suggested("tony xqzvw") == []
    assert suggested("tony blair -bush") == [named]
    assert suggested("blair blunkett") == []
    assert suggested("gordon blunkett") == []
    assert blair not in suggested("tony bl") and blunkett not in suggested("tony bl")
    # An emoji or other symbol typed glued to a word ends it, as the title fields read it (session 43: `blunkett😀`
    # offered nothing, `tony😀 blair` kept the titles to articles holding the emoji)
    assert suggested("blunkett😀") == suggested("blunk™") == [blunkett]
    assert suggested("tony😀 blair") == suggested("tony blair👍🏽") == [named]
    _status, body, _ = get(f"/suggest?q={quote('tony😀 blair')}")
    assert (body["altered_query"], body["words_not_in_titles"]) == ("blair", ["tony"])
    _status, body, _ = get(f"/suggest?q={quote('blunkett😀')}")
    assert body["altered_query"] is None


def test_a_spelling_two_edits_away_is_read_when_the_nearest_is_never_beside_the_other_words(
    pipeline: LocalPipeline,
) -> None:
    # Given articles on Wayne Rooney, one on Ronnie (one edit from `roonie`; `rooney` is two), and one holding
    # `achieved` (two edits from `arhived`) beside `switching`, where `archived` (one) is beside no such word
    rooney = [_json_upload(pipeline, f"Derby {n}", f"Wayne Rooney scored twice on day {n}.") for n in range(3)]
    _json_upload(pipeline, "Snooker", "Ronnie won the frame.")
    for n in range(3):
        _json_upload(pipeline, f"Reports {n}", f"Targets were achieved on day {n}.")
    _json_upload(pipeline, "Network", "Switching costs were achieved.")
    _json_upload(pipeline, "Library", "The records were archived.")
    pipeline.drain()

    # Then `wayne roonie` is read `wayne rooney`, as the articles found say (session 34's review: it was read `wayne
    # ronnie` above the Rooney articles, and by date it listed Ronnie's)
    body = search("wayne roonie")
    assert body["altered_query"] == "wayne rooney"
    assert set(ids("wayne roonie", "&sort=newest")) == set(rooney)
    # but a spelling further away beside a word few of its articles hold is chance: the nearest is read
    assert search("switcing arhived")["altered_query"] == "switching archived"
    assert search("roonie")["altered_query"] == "ronnie"
    # and so is one beside a common word, however many of its articles hold it (session 34's second review:
    # `sponor government` was read `sooner government`, `sponsor` being one edit away)
    for n in range(MANY_ARTICLES):
        _json_upload(pipeline, f"Cabinet {n}", f"The government met on day {n}.")
    _json_upload(pipeline, "Timing", "The government acted sooner.")
    _json_upload(pipeline, "Shirts", "The club found a sponsor.")
    pipeline.drain()
    assert search("sponor government")["altered_query"] == "sponsor government"


def test_two_slips_of_a_word_the_other_words_are_beside_beat_one_edit_into_a_rarer_one(pipeline: LocalPipeline) -> None:
    # Given articles on the prime minister and on economic growth, one of them writing its own typo `minsiter`, one
    # `grwoth`, and articles holding `reuters` beside `important`, one `reiners` there
    for n in range(30):
        _json_upload(pipeline, f"Cabinet day {n}", f"The prime minister spoke on day {n}.")
        _json_upload(pipeline, f"Economy day {n}", f"Economic growth slowed on day {n}.")
        _json_upload(pipeline, f"Wire day {n}", f"Reuters called it important on day {n}.")
    _json_upload(pipeline, "Typo", "The prime minsiter spoke.")
    _json_upload(pipeline, "Typo too", "Economic grwoth slowed.")
    _json_upload(pipeline, "Names", "Reiners called it important.")
    pipeline.drain()

    # Then a word two likely edits (two pairs of letters swapped) from a word the query's other words are
    # overwhelmingly beside is read as that word, not as the one article's typo one edit away (session 36: `prime
    # minsitre` was read `prime minsiter`)
    assert search("prime minsitre")["altered_query"] == "prime minister"
    assert search("economic grwoht")["altered_query"] == "economic growth"
    # but not a word two unlikely edits away (a letter replaced, one added), however often beside them: the
    # misspelt known-item query `imporhant reiers` is after the article on Reiners
    assert search("important reiers")["altered_query"] == "important reiners"
    # and without other words, the nearest (30 articles hold `minister`: one article's typo is passed over only for a
    # word MANY_ARTICLES hold, as `intrest` is `interest`)
    assert search("minsitre")["altered_query"] == "minsiter"


def test_a_name_one_slip_away_is_not_read_as_a_word_beside_another_within_a_typo_of_the_other_words(
    pipeline: LocalPipeline,
) -> None:
    # Given an article on Kenneth Carlsen, and articles holding `charles` (two slips from `carlse`) beside `kennedy`,
    # within a typo of `kenneth` but not it
    carlsen = _json_upload(pipeline, "Final", "Kenneth Carlsen won the final.")
    for n in range(30):
        _json_upload(pipeline, f"Visit {n}", f"Kennedy met Charles on day {n}.")
    pipeline.drain()

    # Then `kenneth carlse` is Kenneth Carlsen, first (session 36's review: read `kenneth charles`, the words counted
    # within a typo, it ranked the Carlsen article below others)
    body = search("kenneth carlse")
    assert body["altered_query"] == "kenneth carlsen"
    assert body["results"][0]["id"] == carlsen


def test_a_respelt_word_is_not_scored_as_typed_where_its_stem_is_another_word(pipeline: LocalPipeline) -> None:
    # Given articles on online gaming, and articles holding `only` (which `onlie`, stemmed, reads as) and `gaming`
    # apart from each other
    gaming = [_json_upload(pipeline, f"Games {n}", "Online gaming grew fast this year.") for n in range(3)]
    only = [_json_upload(pipeline, f"Notes {n}", "It was the only one of its kind.") for n in range(4)]
    pipeline.drain()

    # When the reader misspells `online` as `onlie`
    body = search("onlie gaming")

    # Then the search is `online gaming`, as altered_query says, and finds what that finds (session 33's review:
    # the typed word, stemmed as `only` is, found every article holding `only`: 1,575 news-dev articles against 565)
    assert body["altered_query"] == "onlie gaming".replace("onlie", "online")
    assert set(ids("onlie gaming")) == set(ids("online gaming")) == set(gaming)
    assert body["total"] == search("online gaming")["total"]
    assert not set(only) & set(ids("onlie gaming"))


def test_the_words_beside_a_misspelt_one_are_widened_as_the_query_read_so_is_whatever_other_spelling_many_hold(
    pipeline: LocalPipeline,
) -> None:
    # Given 9 articles holding `asian quake` (fewer than a page, so `asian quake` widens `asian` to its near spellings,
    # finding the `asain` article), and one holding `asian brake` (`brake` is as near `buake` as `quake` is)
    for n in range(9):
        _json_upload(pipeline, f"Quake {n}", "The Asian quake struck at dawn.")
    _json_upload(pipeline, "Cars", "An Asian brake maker grew.")
    asain = _json_upload(pipeline, "Typo", "Asain markets fell at dawn.")
    pipeline.drain()

    # When the reader misspells `quake`
    body = search("asian buake")

    # Then it is searched as `asian quake` is, widened alike: counted with any of its spellings, 10 articles held
    # every word (`brake` among them), and `asian` was searched unwidened (session 33's third review: `asian buake`
    # 110 news-dev articles against the 187 of `asian quake`)
    assert body["altered_query"] == "asian quake"
    assert body["total"] == search("asian quake")["total"]
    assert asain in ids("asian buake")


def test_a_respelt_word_is_not_read_as_a_word_most_articles_hold_beside_the_others(pipeline: LocalPipeline) -> None:
    # Given two articles on Putin, four on Kerry, one of which also holds `put` (one edit from `putn`, as `putin`
    # is), and `put` in most articles, none of them about Kerry or Putin
    putin = [
        _json_upload(pipeline, "Kremlin talks", "President Putin met the chancellor in Moscow."),
        _json_upload(pipeline, "Pipeline deal", "Putin signed the gas pipeline deal."),
    ]
    kerry = [
        _json_upload(pipeline, f"Campaign trail {n}", f"Senator Kerry spoke in Ohio on day {n}.") for n in range(3)
    ]
    kerry_put = _json_upload(pipeline, "Campaign trail", "Senator Kerry put the case for reform in Ohio.")
    for n in range(MANY_ARTICLES):  # a word many articles hold, and a tenth of the archive (relevance.CHANCE_SHARE)
        _json_upload(pipeline, f"Council vote {n}", "They put the plan to a vote on Monday.")
    typo = _json_upload(pipeline, "Council plna", "The plna was put to a vote.")
    pipeline.drain()

    body = search("kerry putn")

    # Then it is read `kerry putin` and finds what `kerry putin` finds, in its order: no article holds both, and
    # `put` beside `kerry` is chance, not the word meant (session 34: news-dev ranked first an article holding
    # `kerry` and `put`, "put" and "putting" marked)
    assert body["altered_query"] == "kerry putin"
    assert [hit["id"] for hit in body["results"]] == ids("kerry putin")
    assert set(ids("kerry putin")) == {*putin, *kerry, kerry_put}
    assert ids("kerry putn")[0] != kerry_put
    # but near a word one article holds, maybe its typo (`plna`), the word most articles hold is what was meant
    assert search("plna")["total"] == MANY_ARTICLES + 1 and ids("plna")[0] == typo


def test_a_stopword_near_a_word_typed_finds_no_article_and_is_not_marked(pipeline: LocalPipeline) -> None:
    # Given two articles on Andy Murray, one more holding `andy`, and articles holding `and` (one edit from `andy`)
    # but neither word
    both = [
        _json_upload(pipeline, "Tennis final", "Andy Murray won the final in straight sets."),
        _json_upload(pipeline, "Davis Cup", "Britain picked Andy Murray and Tim Henman."),
    ]
    andy = _json_upload(pipeline, "Rugby squad", "Andy Robinson named his squad for the Six Nations.")
    for n in range(4):
        _json_upload(pipeline, f"Markets {n}", f"Shares and bonds rose on day {n}.")
    pipeline.drain()

    body = search("andy murray")

    # Then a word typed right, which few articles hold with the other, is found within a typo, but not as `and`
    # (session 34's review: news-dev's `andy murray` found 3,682 of its 3,698 articles, `and` marked in each snippet)
    assert set(ids("andy murray")) == {*both, andy}
    assert body["total"] == 3
    assert all("<mark>and</mark>" not in hit["snippet"].lower() for hit in body["results"])


def test_words_all_spelt_right_rank_the_articles_holding_most_of_them_above_near_spellings_of_each(
    pipeline: LocalPipeline,
) -> None:
    # Given two articles on British Airways (no strike), one holding `british` and a near spelling of each other word
    # (`always`, `stricken`), one on a strike, none holding every word, and more than a few holding `always`
    airline = [
        _json_upload(pipeline, "Flights cut", "British Airways said it would cut flights to Riyadh."),
        _json_upload(pipeline, "Airline results", "Profits at British Airways rose in the quarter."),
    ]
    near = _json_upload(pipeline, "Plant reopens", "The British union has always said the stricken plant would reopen.")
    _json_upload(pipeline, "Rail strike", "Drivers began a strike on Monday.")
    for n in range(FEW_ARTICLES + 1):
        _json_upload(pipeline, f"Diary {n}", f"The market always opens at {n} o'clock.")
    pipeline.drain()

    found = ids("british airways strike")

    # Then the articles holding two of the words rank above the one holding a near spelling of each (session 37's
    # review: news-dev's nine British Airways articles ranked 7th to 49th under `always` and `stricken` ones)
    assert near in found
    assert max(found.index(article) for article in airline) < found.index(near)


def test_a_likely_typo_some_article_holds_is_offered_its_spelling(pipeline: LocalPipeline) -> None:
    # Given one article holding a typo, a hundred times as many holding the word (relevance.TYPO_ODDS), and two
    # holding the word in their summary only (which the typo's near spellings, searched in bodies and headlines,
    # do not reach)
    tag = "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:6])
    meant, typo = f"gov{tag}ment", f"gov{tag}mnet"
    _json_upload(pipeline, "Budget", f"The {typo} set out its budget.")
    for n in range(TYPO_ODDS):
        _json_upload(pipeline, f"Policy {n}", f"The {meant} announced policy {n}.")
    for n in range(2):
        _json_upload(pipeline, f"Cabinet {n}", "Ministers met on Tuesday.", summary=f"The {meant} met.")
    pipeline.drain()

    body = search(typo)

    # Then the word is offered, in the case typed, with what following it finds (session 37's review: news-dev's
    # `goverment`, in 5 articles, was offered nothing beside the 1,095 holding `government`)
    assert body["altered_query"] is None
    assert body["did_you_mean"] == {"q": meant, "total": TYPO_ODDS + 2}
    assert search(meant)["total"] == TYPO_ODDS + 2
    assert search(f"{typo.capitalize()} policy")["did_you_mean"]["q"] == f"{meant.capitalize()} policy"


def test_a_likely_typo_beside_a_short_word_no_article_holds_is_offered_only_as_following_it_finds(
    pipeline: LocalPipeline,
) -> None:
    # Given one article holding `ouptut`, TYPO_ODDS writing `OPEC output`, and others holding `output` or `opec` alone
    _json_upload(pipeline, "Refinery", "The ouptut fell.")
    for n in range(TYPO_ODDS):
        _json_upload(pipeline, f"Cartel {n}", f"OPEC output rose on day {n}.")
    for n in range(3):
        _json_upload(pipeline, f"Factory {n}", f"Factory output fell on day {n}.")
        _json_upload(pipeline, f"Vienna {n}", f"The opec ministers met on day {n}.")
        _json_upload(pipeline, f"Start {n}", f"At the outset, on day {n}, it rained.")
    pipeline.drain()

    # Then did_you_mean for `opc ouptut` offers nothing a search for it reads otherwise than counted (session 44:
    # news-dev offered `opc output`, 207, which a search reads as `opec output`, 209), in either order
    assert search("opc ouptut")["did_you_mean"] is None
    for extra in ("", "&sort=newest", "&spelling=as_typed"):
        offer = search("opc ouptut", extra)["did_you_mean"]
        assert offer is None or offer["total"] == search(offer["q"], extra)["total"], (extra, offer)
    # searched as typed (no short word read), it is offered still, and so it is beside a short word the spelling
    # offered forms no phrase with (`dya output`: no article writes `day output`; the session's review)
    assert search("opc ouptut", "&spelling=as_typed")["did_you_mean"]["q"] == "opc output"
    assert search("dya ouptut")["did_you_mean"] == {"q": "dya output", "total": search("dya output")["total"]}


def test_a_likely_typo_s_spelling_is_offered_only_where_as_many_articles_hold_every_word_as_offered(
    pipeline: LocalPipeline,
) -> None:
    # Given one article writing `bird flu`, TYPO_ODDS holding `bid` (one edit from `bird`) and others `bidding`, none
    # with `flu`; and one article holding `goverment` beside `ruled`, TYPO_ODDS holding `government` and two of them
    # beside `ruled`
    _json_upload(pipeline, "Outbreak", "Bird flu reached the farm.")
    for n in range(TYPO_ODDS):
        _json_upload(pipeline, f"Takeover {n}", f"The bid was raised on day {n}.")
        _json_upload(pipeline, f"Cabinet {n}", f"The government {'ruled' if n < 2 else 'met'} on day {n}.")
    for n in range(3):
        _json_upload(pipeline, f"Auction {n}", f"Bidding rose on day {n}.")
    _json_upload(pipeline, "Memo", "The goverment ruled.")
    pipeline.drain()

    # Then `bird flu`, which one article holds, is offered no spelling no article holds every word of (the session's
    # attack: news-dev offered `bid flu`, 316, for `bird flu`), in any order and as typed
    for extra in ("", "&spelling=as_typed", "&sort=newest"):
        assert search("bird flu", extra)["did_you_mean"] is None, extra
    # while a spelling more articles hold every word of is offered, with what following it finds (as typed: by
    # default the search finds them already, widened)
    offer = search("goverment ruled", "&spelling=as_typed")["did_you_mean"]
    assert offer == {"q": "government ruled", "total": search("government ruled", "&spelling=as_typed")["total"]}


def test_a_likely_typo_written_beside_the_next_word_as_typed_is_offered_no_pair_written_less(
    pipeline: LocalPipeline,
) -> None:
    # Given one article writing `Spice Girls`, TYPO_ODDS writing `space` (one edit from `spice`), two of them `girls`
    # apart, none `space girls`, one `spade` (one edit from `space`, two from `spice`) and one `spaces` (found by
    # `space`'s stem; `space` is widened only to what it may stand for since session 54, not `spade`)
    _json_upload(pipeline, "Reunion", "The Spice Girls sang again.")
    _json_upload(pipeline, "Garden", "He dug with a spade.")
    _json_upload(pipeline, "Stations", "Orbiting spaces were mapped.")
    for n in range(TYPO_ODDS):
        watched = "Girls watched" if n < 2 else "They saw"
        _json_upload(pipeline, f"Launch {n}", f"{watched} the space launch on day {n}.")
    pipeline.drain()
    assert search("space girls")["total"] > search("spice girls")["total"]

    # Then `spice girls`, the pair an article writes, is offered no `space girls`, which none writes, though
    # following it would find more (session 48's attack: news-dev offered `space girls`, 141, for 136), in any order
    # and as typed
    for query in ("spice girls", "Spice Girls reunion", "the spice girls"):
        for extra in ("", "&spelling=as_typed", "&sort=newest"):
            assert search(query, extra)["did_you_mean"] is None, (query, extra)


def test_a_word_a_headline_and_a_body_write_is_offered_no_spelling_many_more_articles_hold(
    pipeline: LocalPipeline,
) -> None:
    # Given one article whose headline and body write `Suez`, one body's typo `goverment`, and TYPO_ODDS articles
    # writing `sues` and `government`
    _json_upload(pipeline, "Suez canal reopens", "Ships passed the Suez canal.")
    _json_upload(pipeline, "Memo", "The goverment met.")
    for n in range(TYPO_ODDS):
        _json_upload(pipeline, f"Court {n}", f"The firm sues the government on day {n}.")
    pipeline.drain()

    # Then `suez` is offered nothing, by default or as typed (session 48's attack: news-dev offered `sues`), while
    # the body's typo is offered its spelling (as typed: by default the search finds them already, widened)
    for extra in ("", "&spelling=as_typed"):
        assert search("suez", extra)["did_you_mean"] is None, extra
    assert search("goverment", "&spelling=as_typed")["did_you_mean"] == {"q": "government", "total": TYPO_ODDS}


def test_a_likely_typo_some_article_holds_is_read_as_the_word_it_forms_a_phrase_with_the_others_as(
    pipeline: LocalPipeline,
) -> None:
    # Given one article holding `untied` and TYPO_ODDS holding `united`, written beside `manchester` and away from
    # `match`
    untied = _json_upload(pipeline, "Knots", "The ribbons came untied in the wind.")
    club = [
        _json_upload(pipeline, f"Club {n}", f"Manchester United won. The match was played on day {n}.")
        for n in range(TYPO_ODDS)
    ]
    pipeline.drain()

    # Then `manchester untied`, which no article holds both words of, is read as the phrase many articles write
    # (session 41: it was searched as typed and found the Manchester articles and the knots, read as nothing else),
    # in the requests a search may send (one more asks which phrase it forms)
    body = search("Manchester untied")
    assert body["altered_query"] == "Manchester united"
    assert set(ids("manchester untied")) == set(club)
    index = _RecordingIndex(pipeline)
    page = search_articles(index, SearchRequest(q="manchester untied"), Ranking())
    assert page.altered_query == "manchester united" and len(index.sent) <= MAX_ENGINE_REQUESTS
    # and so in a date order, listing what the phrase lists (session 43: by date it was searched as typed, the
    # knots listed, nothing said), within the requests a search may send
    for sort in ("newest", "oldest"):
        body = search("manchester untied", f"&sort={sort}")
        assert body["altered_query"] == "manchester united", sort
        assert ids("manchester untied", f"&sort={sort}") == ids("manchester united", f"&sort={sort}"), sort
        assert body["total"] == search("manchester united", f"&sort={sort}")["total"] == len(club), sort
        index = _RecordingIndex(pipeline)
        page = search_articles(index, SearchRequest(q="manchester untied", sort=sort), Ranking())
        assert page.altered_query == "manchester united" and len(index.sent) <= MAX_ENGINE_REQUESTS
    # and in one step beside a word no article holds (session 44: `manchestr untied` was read `manchester untied`, and
    # did_you_mean offered what following reads as `manchester united`), in either order, offering nothing
    for sort in ("relevance", "newest"):
        body = search("Manchestr untied", f"&sort={sort}")
        assert body["altered_query"] == "Manchester united" and body["did_you_mean"] is None, sort
        assert ids("manchestr untied", f"&sort={sort}") == ids("manchester united", f"&sort={sort}"), sort
        assert body["total"] == search("manchester united", f"&sort={sort}")["total"], sort
        index = _RecordingIndex(pipeline)
        page = search_articles(index, SearchRequest(q="manchestr untied", sort=sort), Ranking())
        assert page.altered_query == "manchester united" and len(index.sent) <= MAX_ENGINE_REQUESTS, sort
    # never as a word the query excludes (session 44's review: `manchester united -united`)
    for q in ("manchester untied -united", "manchestr untied -united", "manchester untied -uniteds"):
        for sort in ("relevance", "newest"):
            assert "united" not in (search(q, f"&sort={sort}")["altered_query"] or "").lower().split(), (q, sort)
    # beside a closed-up word misspelt too, in a section, by date (session 43's second review: 9 requests)
    _json_upload(pipeline, "Retail", "Wal-Mart sales rose.", section="business")
    pipeline.drain()
    for sort in ("newest", "relevance"):
        index = _RecordingIndex(pipeline)
        search_articles(index, SearchRequest(q="wallmart untied", sort=sort, section=("sport",)), Ranking())
        assert len(index.sent) <= MAX_ENGINE_REQUESTS, sort
    # and as typed, where the offer reads a likely typo beside a respelt joined word (session 46's review: 9)
    for q in ("wallmart untied", "wal-mrat untied", "wallmart wal-mrat untied"):
        for sort in ("newest", "relevance"):
            index = _RecordingIndex(pipeline)
            request = SearchRequest(q=q, sort=sort, section=("sport",), spelling="as_typed")
            search_articles(index, request, Ranking())
            assert len(index.sent) <= MAX_ENGINE_REQUESTS, (q, sort)
    # and as typed when asked so
    as_typed = search("manchester untied", "&spelling=as_typed")
    assert as_typed["altered_query"] is None and untied in [hit["id"] for hit in as_typed["results"]]
    as_typed = search("manchester untied", "&spelling=as_typed&sort=newest")
    assert as_typed["altered_query"] is None and untied in [hit["id"] for hit in as_typed["results"]]
    # offering what a search reads, in one step beside a word no article holds too (session 46's attack: `manchestr
    # untied` offered `manchester untied`, whose page offered `manchester united`), as many as following it finds
    for q in ("Manchestr untied", "manchestr untied"):
        offer = search(q, "&spelling=as_typed")["did_you_mean"]
        assert (offer["q"].lower(), offer["total"]) == ("manchester united", len(club)), q
    followed = search("manchester united", "&spelling=as_typed")
    assert followed["total"] == len(club) and followed["did_you_mean"] is None
    # Not where the typo's own article holds every word, nor where the other word is not written beside the spelling,
    # nor in the order typed (`executive chef` is not `executive chief`: the session's review)
    assert search("untied ribbons")["altered_query"] is None
    assert search("untied match")["altered_query"] is None
    assert search("untied manchester")["altered_query"] is None


def test_a_short_word_no_article_holds_is_read_as_the_phrase_it_forms_with_a_word_typed_next_to_it(
    pipeline: LocalPipeline,
) -> None:
    # Given articles writing `world cup` and `bank of england`, one holding `intel`, and others holding spellings one
    # edit from `cpu` and `bnk` apart from those words (`cup` more often than `cpi`)
    cup = [
        _json_upload(pipeline, f"Final {n}", f"The World Cup final is on day {n}.") for n in range(FEW_COMPLETE_MATCHES)
    ]
    _json_upload(pipeline, "Cup fever", "Fans queue.")
    _json_upload(pipeline, "Retail", "Wal-Mart sales rose.")
    world = _json_upload(pipeline, "Lending", "The World Bank lends more.")
    _json_upload(pipeline, "Home", "They would go home.")
    bank = [_json_upload(pipeline, f"Rates {n}", f"The Bank of England held rates, day {n}.") for n in range(2)]
    intel = _json_upload(pipeline, "Chips", "Intel made faster chips.")
    cut = [_json_upload(pipeline, f"Budget {n}", f"A tax cut and BBC news on day {n}.") for n in range(2)]
    _json_upload(pipeline, "Prices", "The CPI rose; the cup of coffee cost more. A world of bunk.")
    _json_upload(pipeline, "Tea", "A cup of tea in England.")
    pipeline.drain()

    # Then a word of three letters no article holds is read as the spelling written as a phrase with the word typed
    # next to it (session 42: it was not even looked up, and `world cpu` listed any article holding `world`), the
    # stopwords typed between them included, within the requests a search may send
    body = search("World cpu")
    assert body["altered_query"] == "World cup" and set(ids("world cpu")[: len(cup)]) == set(cup)
    # searched as read: the word beside it as typed (not within a typo: `would`), the short one as its spelling alone
    assert body["total"] == search("world cup")["total"] and world not in ids("world cpu")[: len(cup)]
    assert search("bnk of england")["altered_query"] == "bank of england"
    assert set(ids("bnk of england")[:2]) == set(bank)
    # a pictograph glued to either word is no part of the phrase (the engine reads it as a token of its own), and the
    # reader's text is kept around the spelling (session 43: each was searched as typed)
    for q, plain, meant in (
        ("world cpu😀", "world cpu", cup),
        ("world😀 cpu", "world cpu", cup),
        ("world cpu™", "world cpu", cup),
        ("bnk of england🇬🇧", "bnk of england", bank),
    ):
        body = search(q)
        assert body["altered_query"] == q.replace("cpu", "cup").replace("bnk", "bank"), q
        assert body["total"] == search(plain)["total"] and set(ids(q)[: len(meant)]) == set(meant), q
    index = _RecordingIndex(pipeline)
    page = search_articles(index, SearchRequest(q="world cpu"), Ranking())
    assert page.altered_query == "world cup" and len(index.sent) <= MAX_ENGINE_REQUESTS
    # beside a word no article holds either, read as its spelling (session 44: `wrld cpu` was read `world cpu`, the
    # World Bank first), in either order
    for sort in ("relevance", "newest"):
        body = search("wrld cpu", f"&sort={sort}")
        assert body["altered_query"] == "world cup" and body["did_you_mean"] is None, sort
        assert ids("wrld cpu", f"&sort={sort}") == ids("world cup", f"&sort={sort}"), sort
        # never as a word the query excludes (the review: `wrld cpu -cup` was read `world cup -cup`)
        for excluded in ("-cup", "-cup's", "-cups"):
            assert search(f"wrld cpu {excluded}", f"&sort={sort}")["altered_query"] == f"world cpu {excluded}", sort
        # typed twice, read at both places, as the search reads it (the review: shown `world cup cpu`)
        body = search("wrld cpu cpu", f"&sort={sort}")
        assert body["altered_query"] == "world cup cup", sort
        assert body["total"] == search("world cup cup", f"&sort={sort}")["total"], sort
        # a part of a joined or glued word beside a misspelt part too, as a search for the reading reads it (session
        # 45: `wrld-cpu` was read `world-cpu`, searched as its parts apart, where `world-cpu` reads `world-cup`)
        for q, read in (("wrld-cpu", "world-cup"), ("wrld.cpu", "world.cup"), ("bnk-of-englnd", "bank-of-england")):
            body = search(q, f"&sort={sort}")
            assert body["altered_query"] == read and search(read, f"&sort={sort}")["altered_query"] is None, (q, sort)
            assert ids(q, f"&sort={sort}") == ids(read, f"&sort={sort}"), (q, sort)
        # and beside one (`bnk of-englnd` was read `bnk of-england`, which a search reads `bank of-england`)
        body = search("bnk of-englnd", f"&sort={sort}")
        assert body["altered_query"] == "bank of-england", sort
        assert search("bank of-england", f"&sort={sort}")["altered_query"] is None, sort
        assert set(ids("bnk of-englnd", f"&sort={sort}")[:2]) == set(bank), sort
    # beside another short word too (no word of the query is long enough to be widened: it was not looked up)
    assert search("tax cyt")["altered_query"] == "tax cut" and set(ids("tax cyt")) == set(cut)
    # but not where no spelling is written so (`intel cup`: the reader may mean a CPU the archive lacks), nor offered
    body = search("intel cpu")
    assert body["altered_query"] is None and body["did_you_mean"] is None
    assert ids("intel cpu") == [intel]
    # nor as a spelling an unlikely edit away: `c` and `b` are keys apart (an abbreviation the archive lacks)
    assert search("cbc news")["altered_query"] is None
    # and searched as typed when asked so, the phrase offered
    as_typed = search("world cpu", "&spelling=as_typed")
    assert as_typed["altered_query"] is None
    assert as_typed["did_you_mean"] == {"q": "world cup", "total": search("world cup", "&spelling=as_typed")["total"]}
    # /suggest does not respell it: a word typed there may be the start of one
    assert get("/suggest?q=cpu")[1]["altered_query"] is None
    # within the requests a search may send on every path: typed as written, by date, in a long query, with a
    # closed-up word misspelt beside it (the review: 9 when the phrases were counted in a request of their own)
    for q in ("world cpu", "wallmart cpu", "the world cpu final in germany next year", "intel cpu"):
        for spelling, sort in (
            ("auto", "relevance"),
            ("as_typed", "relevance"),
            ("auto", "newest"),
            ("as_typed", "newest"),
        ):
            index = _RecordingIndex(pipeline)
            search_articles(index, SearchRequest(q=q, spelling=spelling, sort=sort), Ranking())
            assert len(index.sent) <= MAX_ENGINE_REQUESTS, (q, spelling, sort)


def test_a_name_typed_in_capitals_that_articles_hold_is_no_typo_of_a_word_near_it(pipeline: LocalPipeline) -> None:
    # Given one article on EADS (no `chief` in it) and many holding `ends` beside `chief`
    eads = _json_upload(pipeline, "French boss to leave EADS", "The aerospace group EADS named a new boss.")
    for n in range(TYPO_ODDS):
        _json_upload(pipeline, f"Season {n}", f"The chief said the season ends on day {n}; the government agreed.")
    _json_upload(pipeline, "Memo", "The goverment wrote.")
    pipeline.drain()

    # Then `EADS chief` finds the EADS article first and offers nothing (session 43's review: news-dev offered `ENDS
    # chief`, and the articles holding `ends` and `chief` ranked above the EADS article, 10th), in either order
    for extra in ("", "&spelling=as_typed", "&sort=newest"):
        body = search("EADS chief", extra)
        assert body["did_you_mean"] is None and body["altered_query"] is None, extra
        if "sort" not in extra:
            assert body["results"][0]["id"] == eads, extra
    assert ids("EADS") == [eads]
    # typed in lower case (or in a query all in capitals) it may be a typo: widened to its near spellings, as before
    assert ids("eads chief")[0] != eads and ids("EADS CHIEF")[0] != eads
    # and a word in capitals no article holds is still respelt, and a longer word in capitals (caps lock on) is a
    # typo as any other (the second review: `GOVERMENT` lost its offer)
    assert search("ENSD chief")["altered_query"] == "ENDS chief"
    # (widened to its near spellings: few articles hold it)
    assert search("GOVERMENT")["total"] == TYPO_ODDS + 1


def test_a_word_many_articles_hold_in_any_field_as_typed_or_as_read_is_offered_no_other_word(
    pipeline: LocalPipeline,
) -> None:
    # Given `many` in FEW_ARTICLES + 1 bodies and one headline, where twice TYPO_ODDS headlines hold `may`; and
    # `hints` in two bodies, `hint` (the same word as the search reads it) in FEW_ARTICLES more, `hits` in more still
    for n in range(FEW_ARTICLES + 1):
        _json_upload(pipeline, f"Crowd {n}", f"Many people came on day {n}.")
    _json_upload(pipeline, "Many ways", "Roads were built.")
    for n in range(2 * TYPO_ODDS):
        _json_upload(pipeline, f"May fair {n}", f"The fair opened on day {n}.")
    for n in range(2):
        _json_upload(pipeline, f"Talk {n}", f"He dropped hints on day {n}.")
    for n in range(FEW_ARTICLES):
        _json_upload(pipeline, f"Riddle {n}", f"He gave a hint on day {n}.")
    for n in range(2 * TYPO_ODDS + 5):
        _json_upload(pipeline, f"Charts {n}", f"The song hits the charts on day {n}.")
    pipeline.drain()

    # Then neither is offered another word, in any order or spelling mode (session 47's attack: news-dev offered
    # `how may people died in the tsunami` for `how many …`, whose `many` 878 articles hold, as few headlines do;
    # and `hits` for `hints`, which 54 articles hold as the search reads it)
    for q in ("many", "many people", "hints"):
        for extra in ("", "&spelling=as_typed", "&sort=newest"):
            body = search(q, extra)
            assert body["did_you_mean"] is None and body["altered_query"] is None, (q, extra, body["did_you_mean"])
    assert search("many")["total"] == FEW_ARTICLES + 2
    assert search("hints")["total"] == FEW_ARTICLES + 2


def test_a_plural_or_a_possessive_typed_alone_without_its_apostrophe_is_read_as_its_word(
    pipeline: LocalPipeline,
) -> None:
    # Given more than FEW_ARTICLES articles on Michael Howard (one writes "Howard's") and more writing `towards`, one
    # edit from `howards` as `howard` is; as many on the market's mood and more on goods; and two writing `Ned`
    # beside more writing `needs`
    howard = {_json_upload(pipeline, "Tory leader speaks", "Mr Howard's speech was well received.")}
    howard |= {
        _json_upload(pipeline, f"Howard hits back {n}", f"Michael Howard said the Tories would cut taxes, item {n}.")
        for n in range(FEW_ARTICLES)
    }
    mood = {
        _json_upload(pipeline, f"Market mood {n}", f"The mood on the market was calm, item {n}.") for n in range(11)
    }
    for n in range(FEW_ARTICLES + 2):
        _json_upload(pipeline, f"Drift {n}", f"Prices drifted towards the ceiling, item {n}.")
        _json_upload(pipeline, f"Trade {n}", f"Exports of goods rose, item {n}.")
        _json_upload(pipeline, f"Aid {n}", f"The town needs water, item {n}.")
    for n in range(2):
        _json_upload(pipeline, f"Ned {n}", f"Ned Kelly rode out, item {n}.")
    pipeline.drain()

    # Then `howards` alone is read `howard` and finds the Howard articles, not `towards` (session 49's attacker: 258
    # grain-trade articles); as typed it finds them too (the stemmed field reads it `howard`), offered nothing
    body = search("howards")
    assert {hit["id"] for hit in body["results"]} == howard and body["altered_query"] == "howard"
    body = search("howards", "&spelling=as_typed")
    assert {hit["id"] for hit in body["results"]} == howard and body["did_you_mean"] is None
    # and a plural likewise (`moods` was read `goods`)
    body = search("moods")
    assert {hit["id"] for hit in body["results"]} == mood and body["altered_query"] == "mood"
    # Beside other words, they choose: `goods rose` is what the articles write
    assert search("moods rose")["altered_query"] == "goods rose"
    # A slip onto a word few articles hold is read as before (`neds`, two articles' `Ned`, is `needs`: the review)
    assert search("neds")["altered_query"] == "needs"


def test_a_plural_the_body_suggester_crowds_out_is_read_as_its_word(pipeline: LocalPipeline) -> None:
    # Given more than FEW_ARTICLES articles writing `men` (one `men's`) and one each for a dozen words one letter
    # replaced from `mens`, each of which the body suggester ranks above `men`, a letter left out
    men = {_json_upload(pipeline, "Final tonight", "The men's final is tonight.")}
    men |= {_json_upload(pipeline, f"Squad {n}", f"Eleven men were named, item {n}.") for n in range(FEW_ARTICLES)}
    for word in ("mean", "menu", "mend", "hens", "tens", "pens", "dens", "mess", "lens", "fens", "meds", "mans"):
        _json_upload(pipeline, f"Word {word}", f"The {word} was noted.")
    pipeline.drain()

    # Then `mens` alone is read `men` and finds those articles (news-dev read it `means`, `dows` `downs`, `eats` `east`)
    body = search("mens")
    assert body["altered_query"] == "men" and {hit["id"] for hit in body["results"]} == men


def test_the_words_beside_one_read_finds_what_the_query_read_finds(pipeline: LocalPipeline) -> None:
    # Given articles on the prime minister (one with its own typo `minsiter`) and on the White House (one on a garden
    # hose), others on economic growth, and more than a few holding `crime` and `write`, one edit from `prime` and
    # `white`
    for n in range(30):
        _json_upload(pipeline, f"Cabinet day {n}", f"The prime minister spoke on day {n}.")
        _json_upload(pipeline, f"Economy day {n}", f"Economic growth slowed on day {n}.")
    for n in range(FEW_COMPLETE_MATCHES + 2):
        _json_upload(pipeline, f"Washington day {n}", f"The White House said so on day {n}.")
    for n in range(FEW_ARTICLES + 2):
        _json_upload(pipeline, f"Police {n}", f"Crime fell in the city, item {n}.")
        _json_upload(pipeline, f"Letters {n}", f"Readers write to us, item {n}.")
    _json_upload(pipeline, "Typo", "The prime minsiter spoke.")
    _json_upload(pipeline, "Garden", "A new hose for the lawn.")
    pipeline.drain()

    # Then a word read two slips away, or a likely typo read as the phrase it forms, leaves the words spelt right
    # beside it as typed: the page lists what the query `altered_query` shows finds (session 50's attacker: `prime
    # minsitre` found 878 news-dev articles, "prize" ones among them, where `prime minister` finds 773; `white hose`
    # 549 where `white house` finds 494)
    for typed, read in (("prime minsitre", "prime minister"), ("white hose", "white house")):
        body = search(typed)
        assert body["altered_query"] == read, typed
        assert sorted(ids(typed)) == sorted(ids(read)), typed
        assert body["total"] == search(read)["total"], typed


def test_a_misspelt_byline_name_is_read_as_the_byline_word(pipeline: LocalPipeline) -> None:
    # Given articles under bylines whose bodies do not name the writers, and more articles holding `today`
    torday = {_json_upload(pipeline, f"Markets {n}", "Shares rose.", author="Peter Torday") for n in range(2)}
    kalbag = {_json_upload(pipeline, f"Manila {n}", "Talks went on.", author="Chaitanya Kalbag") for n in range(2)}
    for n in range(3):
        _json_upload(pipeline, f"News {n}", "Shares rose today.")
    pipeline.drain()

    # When the reader misspells a byline's name, by a letter nearer the byline's word than any body word
    # Then it is read as the byline's word (session 52: `peter tordey` was read `peter today`), and a name nothing in
    # the bodies is near is read or offered so (`kalbg` found nothing and was offered nothing)
    read = search("peter tordey")
    assert read["altered_query"] == "peter torday"
    assert torday <= {hit["id"] for hit in read["results"]}
    alone = search("kalbg")
    assert alone["altered_query"] == "kalbag" or alone["did_you_mean"] == {"q": "kalbag", "total": 2}
    assert kalbag <= set(ids(alone["altered_query"] or alone["did_you_mean"]["q"]))


def test_a_word_many_articles_hold_stemmed_is_searched_as_typed(pipeline: LocalPipeline) -> None:
    # Given many articles on Federer (stemmed `feder`, as `federal` is), and two holding `fender`, one edit from
    # `feder`
    federer = {_json_upload(pipeline, f"Tennis {n}", "Roger Federer won again.") for n in range(MANY_ARTICLES)}
    for n in range(2):
        _json_upload(pipeline, f"Cars {n}", "Roger saw the fender was dented.")
    pipeline.drain()

    # When the reader types `feder`, which no article writes but the search matches stemmed
    # Then it is searched as typed, not respelt into the word two articles hold (session 52: `roger feder` was read
    # `roger fender`, where as typed it found Federer's articles)
    body = search("roger feder")
    assert body["altered_query"] is None
    assert {hit["id"] for hit in body["results"][:10]} <= federer


def test_a_likely_typo_some_articles_hold_is_offered_by_default_when_its_spelling_finds_more(
    pipeline: LocalPipeline,
) -> None:
    # Given one article writing `goverment`, one `govarnment`, more writing `government` (with `spending` or not),
    # many writing `sending` (a near spelling of `spending`); one writing `definately`, more holding `define` (its
    # stem) and more `definitely`
    _json_upload(pipeline, "Budget", "The goverment spending plan.")
    _json_upload(pipeline, "Outlay", "The govarnment spending plan.")
    for n in range(12):
        _json_upload(pipeline, f"Spending {n}", "The government spending rose.")
    for n in range(5):
        _json_upload(pipeline, f"Cabinet {n}", "The government met.")
    for n in range(20):
        _json_upload(pipeline, f"Post {n}", "They are sending letters.")
    _json_upload(pipeline, "Hunt", "It was definately over.")
    for n in range(FEW_ARTICLES):
        _json_upload(pipeline, f"Terms {n}", "Words define the terms.")
    for n in range(FEW_ARTICLES + 5):
        _json_upload(pipeline, f"Plans {n}", "It will definitely go ahead.")
    pipeline.drain()

    # When the reader searches with the typo (a letter left out) by default beside another word
    # Then the spelling is offered, with what following it finds, as searched as typed (session 52: the widened
    # search, `sending` included, found more than the offer, so nothing was offered)
    offered = search("goverment spending")["did_you_mean"]
    assert offered == {"q": "government spending", "total": search("government spending")["total"]}
    assert offered == search("goverment spending", "&spelling=as_typed")["did_you_mean"]
    # But not for a letter replaced, as likely a rare word written on purpose (the session's review: `boat race` was
    # offered `beat race`, `rape case` `rate case`, `ration` `reaction`): `definately` is offered `definitely` only
    # searched as typed, as before the session
    assert search("govarnment spending")["did_you_mean"] is None
    assert search("definately")["did_you_mean"] is None
    assert search("definately", "&spelling=as_typed")["did_you_mean"]["q"] == "definitely"


def test_two_words_typed_apart_also_find_the_word_they_make_written_together(pipeline: LocalPipeline) -> None:
    # Given articles writing `PlayStation`, and others holding `play` and `station`
    console = {_json_upload(pipeline, f"Console {n}", "Sony's PlayStation sold well.") for n in range(2)}
    for n in range(3):
        _json_upload(pipeline, f"Radio {n}", "The radio station will play music.")
    pipeline.drain()

    # When the reader types the word apart, by relevance or by date
    # Then the articles writing it together are found too (session 52: `play station` found none of them), but not
    # within quotes, which ask for the words as typed
    for extra in ("", "&sort=newest"):
        assert console <= set(ids("play station", extra)), extra
    assert not console & set(ids('"play station"'))


def test_a_date_order_offers_no_word_the_relevance_order_does_not(pipeline: LocalPipeline) -> None:
    # Given rare words written on purpose a letter from words TYPO_ODDS times as common (`crow`: `crown`; `wool`:
    # `wood`, none of whose articles is in the section `farming`), and other words near them (`crew`, `cool`)
    for n in range(3):
        _json_upload(pipeline, f"Birds {n}", f"A crow sat on wall {n}.", section="farming", published="2020-01-01")
        _json_upload(pipeline, f"Sheep {n}", f"Wool prices fell {n}.", section="farming", published="2020-01-02")
    for n in range(TYPO_ODDS * 4):
        _json_upload(pipeline, f"Royal {n}", f"The crown and wood on day {n}.", section="trade", published="1987-03-01")
        _json_upload(pipeline, f"Ship {n}", f"The crew kept cool on day {n}.", section="trade", published="1987-03-02")
    pipeline.drain()

    # Then sorted by date none is offered the common word, as the relevance order offers none (session 53 offered
    # `crown` by date, `crow` -> `crown` on news-dev, which the relevance order did not: its review)
    for q in ("crow", "wool"):
        for extra in ("", "&sort=newest", "&sort=oldest&section=farming", "&sort=newest&from=2020-01-01"):
            assert search(q, extra)["did_you_mean"] is None, (q, extra)


def test_a_names_typo_two_edits_away_is_read_as_the_name_written_beside_the_other_word(pipeline: LocalPipeline) -> None:
    # Given articles writing "Tony Blair", and more articles holding `blame`, one edit from `blare` (Blair two)
    blair = [_json_upload(pipeline, f"Premier {n}", f"Tony Blair spoke on item {n}.") for n in range(3)]
    for n in range(6):
        _json_upload(pipeline, f"Inquiry {n}", f"Nobody took the blame for item {n}.")
    pipeline.drain()

    # Then `tony blare` is read as `tony blair` (session 53: `tony blame`, which no article writes)
    body = search("tony blare")
    assert body["altered_query"] == "tony blair"
    assert set(ids("tony blare")[:3]) == set(blair)
    # and typed alone, with nothing to say it is a name, a word of five letters is read one edit away, as before
    assert search("blare")["altered_query"] == "blame"


def test_a_word_articles_write_as_a_name_is_no_typo_of_a_common_word(pipeline: LocalPipeline) -> None:
    # Given an acronym and a brand some articles write as names, each one letter from a word TYPO_ODDS times as
    # many hold, and one article writing a name that is also a typo (`Monye`, `money`)
    sars = [
        _json_upload(pipeline, "Airline profits", "Demand fell after the killer SARS virus."),
        _json_upload(pipeline, "Growth", "Singapore recovered from the deadly Sars outbreak."),
    ]
    coke = [_json_upload(pipeline, f"Soft drinks {n}", f"He said he would have a Coke on day {n}.") for n in range(2)]
    _json_upload(pipeline, "Rugby", "England picked wing Monye for the match.")
    for n in range(TYPO_ODDS * 2 + 2):
        _json_upload(pipeline, f"Film {n}", f"The stars says people come to money on day {n}.")
    pipeline.drain()

    # Then each stands for no word a less likely edit makes of it and is offered nothing, in either spelling mode
    # (session 53: `sars` was widened to `says` and offered `stars`; `coke` offered `come`); a word a likely edit
    # makes of it (`stars`, a letter left out) is still searched, after the name's own articles (session 53's review)
    for q, found in (("sars", sars), ("coke", coke)):
        for extra in ("", "&spelling=as_typed", "&sort=newest"):
            body = search(q, extra)
            assert set(ids(q, extra)[: len(found)]) == set(found), (q, extra)
            assert body["did_you_mean"] is None, (q, extra)
    assert len(ids("coke")) == len(coke)
    # while one article's capital is no name for that: `monye` is still offered `money`
    assert search("monye", "&spelling=as_typed")["did_you_mean"] == {"q": "money", "total": TYPO_ODDS * 2 + 2}


def test_a_name_typed_beside_other_words_is_offered_the_word_it_is_a_typo_of(pipeline: LocalPipeline) -> None:
    # Given a name some articles write mid-sentence (Edward Heath), a letter left out of a word more than TYPO_ODDS
    # times as common (`health`), half of whose articles write `health service`
    heath = [
        _json_upload(pipeline, f"Former leader {n}", f"Tributes were paid to Edward Heath on day {n}.")
        for n in range(7)
    ]
    for n in range(TYPO_ODDS * 8):
        text = f"The health service grew on day {n}." if n % 2 else f"Their health improved on day {n}."
        _json_upload(pipeline, f"Hospitals {n}", text)
    pipeline.drain()

    # Then beside another word, which tells what was meant, the typo's spelling is offered (session 53 refused all
    # 11 `heath ...` phrases' offers and `welch language`'s: its review), with what following it finds
    body = search("heath service", "&spelling=as_typed")
    assert body["did_you_mean"] == {"q": "health service", "total": search("health service")["total"]}
    # and typed alone the name's articles come first, the word it is the commonest typo of still found after them
    # (session 53 found only the `Heath` articles: 183 -> 13 on news-dev), with no offer
    assert set(ids("heath")[: len(heath)]) == set(heath)
    body = search("heath")
    assert body["total"] == len(heath) + TYPO_ODDS * 8 and body["did_you_mean"] is None


def test_a_five_letter_word_beside_others_is_read_one_edit_away_before_two(pipeline: LocalPipeline) -> None:
    # Given a word one edit from `gnome` (`genome`, a letter left out) and `koala` (`kuala`), neither beside the
    # other word, and an ordinary word (`globe`) and a name (`Kolo`) two edits away, most of whose articles hold it
    for n in range(3):
        _json_upload(pipeline, f"Science {n}", f"The genome project and Kuala Lumpur on day {n}.")
    for n in range(2):
        _json_upload(pipeline, f"Plants {n}", f"The globe in the garden, the bear and Kolo on day {n}.")
    pipeline.drain()

    # Then the one-edit reading is kept (session 53 read `globe garden`, `kolo bear`: its review), while a name two
    # edits away written as a phrase with the other word is still read (`tony blare`, below)
    assert search("gnome garden")["altered_query"] == "genome garden"
    assert search("koala bear")["altered_query"] == "kuala bear"


def test_a_rare_word_written_on_purpose_finds_only_what_it_may_stand_for_and_is_offered_no_common_word_near_it(
    pipeline: LocalPipeline,
) -> None:
    # Given a rare word written on purpose (`bullion`, one article) a letter from a word TYPO_ODDS times as common
    # (`billion`), which it may stand for; and articles holding only words two letters from the rare one, which it
    # does not stand for: `bullies` and a spelling of the common word (`bilion`); and the common word's plural
    # (`billions`), a form of what it may stand for
    bullion = _json_upload(pipeline, "Gold", "Gold bullion prices rose.")
    billion = {
        _json_upload(pipeline, f"Budget {n}", f"The budget is one billion on day {n}.") for n in range(TYPO_ODDS * 2)
    }
    billions = set()
    for n in range(3):
        _json_upload(pipeline, f"Typos {n}", f"A bilion was spent on day {n}.")
        billions.add(_json_upload(pipeline, f"Debts {n}", f"Billions were owed on day {n}."))
        _json_upload(pipeline, f"School {n}", f"The bullies were punished on day {n}.")
    pipeline.drain()

    body = search("bullion")

    # Then it finds its article first and the common word's in every form (session 55's review: read as a typo,
    # `goverments` found 113 articles where `governments` finds 1,181), not those holding only the others (session
    # 54: a reader's `lagoon` found 54 Nigel Lawson articles)
    assert [hit["id"] for hit in body["results"]][:1] == [bullion]
    assert {hit["id"] for hit in body["results"]} == {bullion, *billion, *billions}
    # and is offered nothing: narrowed, it finds fewer articles than `billion` does (23 against 21 here), but an
    # offer is decided as before, both counted widened (session 54's review: `bullion` -> `billion`, `wool` ->
    # `wood`, `rape case` -> `rate case`, 45 such offers on reader queries)
    assert body["did_you_mean"] is None


def test_a_byline_name_typed_whole_is_widened_to_no_common_word_near_its_surname(pipeline: LocalPipeline) -> None:
    # Given a writer's byline whose surname one article's body holds, a letter from a word TYPO_ODDS times as many
    # bodies hold (`hays`: `has`), as news-dev's Kathleen Hays
    hers = [
        _json_upload(pipeline, f"Money supply {n}", f"The money supply fell on day {n}.", author="Kathleen Hays")
        for n in range(2)
    ]
    mention = _json_upload(pipeline, "Economists", "Economist Kathleen Hays spoke on rates.")
    for n in range(TYPO_ODDS * 2):
        _json_upload(pipeline, f"Markets {n}", f"The market has risen on day {n}.")
    pipeline.drain()

    # Then her name finds her articles and the one naming her, none holding `has` alone, nothing marked `has`
    # (session 55's review, F8: news-dev found 2,945 articles, not 26, `has` marked in her own snippets)
    body = search("kathleen hays")
    assert set(ids("kathleen hays")) == {*hers, mention}
    assert not any("<mark>has</mark>" in hit["snippet"].lower() for hit in body["results"])
