"""/suggest on the real node: an abbreviation /search reads through its synonyms typed in any case, and a word that
punctuation after it finishes (session 51's attacker); the titles of the articles holding words no title holds
together, a dotted EU or UN, and a headline held twice offered once (session 52's attacker); the words typed side by
side first, and a finished word marked whole (session 55's reviewer)."""

from __future__ import annotations

import string
from urllib.parse import quote

import pytest

from archive_search.suggest import MAX_SUGGEST_CHARS, MAX_SUGGESTIONS
from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import suggested
from tests.integration.test_search_api import _json_upload, get

pytestmark = pytest.mark.integration


def test_suggest_reads_us_in_any_case_as_search_does(pipeline: LocalPipeline) -> None:
    # Given headlines writing the country U.S. and US, and one starting with "Us"
    sales = _json_upload(pipeline, "U.S. CAR SALES RECOVER FROM JANUARY BLAHS", "Dealers sold more.")
    late = _json_upload(pipeline, "U.S. CAR SALES UP 6.7 PCT IN LATE FEBRUARY", "Dealers sold more.")
    closed = _json_upload(pipeline, "US trade gap widens", "Imports rose.")
    dotted = _json_upload(pipeline, "U.S. TRADE DATA SEEN AS KEY TO DOLLAR", "Markets waited.")
    inside = _json_upload(pipeline, "Japan rejects U.S. trade demands", "Talks ended.")
    usher = _json_upload(pipeline, "Usher tours with a trade show", "Tickets sold.")
    pipeline.drain()

    # Then `us` typed in lower case, anywhere, or in a query all in capitals, finds the titles writing U.S., as
    # /search finds them (`us car sales` offered nothing where `US car sales` offered them)
    for typed in ("us car sales", "us car sal", "car sales us", "Us car", "US CAR SALES", "us, car"):
        assert set(suggested(typed)) == {sales, late}, typed
    assert suggested("US car sales") == suggested("us car sales")
    # as typed first, then the other spelling; the start of a word ("Usher") is still offered
    found = suggested("us trade")
    assert set(found) == {closed, dotted, inside, usher}
    assert found[:2] == [closed, dotted]
    assert set(suggested("U.S. trade")) == {dotted, inside}


def test_suggest_reads_a_word_that_punctuation_follows_as_finished(pipeline: LocalPipeline) -> None:
    # Given a headline starting with a longer word, and two starting with the word joined to another
    lower = _json_upload(pipeline, "LOWER TAX OFFSETS LOWER SHELL U.K. UPSTREAM PROFIT", "Shell reported.")
    cost = _json_upload(pipeline, "Low-cost airlines hit Eurotunnel", "Fewer took the train.")
    budget = _json_upload(pipeline, "Low-budget film wins Cesar", "The jury chose it.")
    pipeline.drain()

    # Then a comma, a hyphen or any mark after `Low` finishes it as a space does: the titles with the word Low first
    # (`Low,` and `Low-` put "LOWER TAX OFFSETS ..." first)
    finished = suggested("Low ")
    assert finished[-1] == lower and set(finished) == {lower, cost, budget}
    for typed in ("Low,", "Low-", "Low.", "Low:", "Low/", "Low&"):
        assert suggested(typed) == finished, typed
    # but an apostrophe after a letter is a possessive or a name being typed, as `Lower` may follow
    assert lower in suggested("Low'")
    # and a joined word being typed is completed as that word
    assert suggested("Low-c") == [cost]


def test_suggest_offers_the_articles_titles_when_no_title_holds_the_words(pipeline: LocalPipeline) -> None:
    # Given headlines each holding some of the words typed below, none all of them, and bodies holding them
    utd = _json_upload(pipeline, "Man Utd to open books to Glazer", "Manchester United's owners agreed on Monday.")
    city = _json_upload(pipeline, "Manchester wins Labour conference", "The city will host the party.")
    nations = _json_upload(pipeline, "United Nations meets in Geneva", "Delegates arrived.")
    hope = _json_upload(pipeline, "Blair's hope for Blunkett return", "The prime minister said he hopes so.")
    bush = _json_upload(pipeline, "Wall Street cheers Bush victory", "Kerry conceded the election.")
    oil = _json_upload(pipeline, "Crude output falls", "Oil wells were shut by order of the ministry.")
    _json_upload(pipeline, "Orange results beat forecasts", "Sales rose.")
    pipeline.drain()

    # Then the titles of the articles holding every word are offered, the one being typed as a word's start, the
    # finished ones as /search reads them (`blairs` is Blair's, `hopes` "hope"), a body's word too; they offered
    # nothing, every word being some headline's or a body's only
    assert suggested("manchester united") == [utd]
    assert suggested("manchester uni") == [utd]
    # a word being typed of one or two letters is no word's start there (a walk over the body's terms on a keystroke),
    # nor required: `manchester un` offers the titles of the articles holding `manchester`, "Man Utd ..." among them
    assert set(suggested("manchester un")) == {utd, city}
    assert suggested("blair hopes") == [hope]
    assert suggested("blairs") == [hope]
    assert suggested("kerry") == [bush]
    assert suggested("oil or") == [oil]
    # saying that no title holds them, and keeping out a title holding an exclusion
    status, body, _ = get("/suggest?q=manchester+united")
    assert status == 200 and body["words_not_in_titles"] == ["manchester", "united"]
    assert suggested("manchester united -glazer") == []
    # while a title holding the words is still what is offered
    assert suggested("manchester") == [city]
    assert suggested("united") == [nations]


def test_suggest_completes_a_dotted_eu_or_un_as_headlines_write_them(pipeline: LocalPipeline) -> None:
    # Given headlines writing EU and UN closed up, and others starting with the same letters
    referendum = _json_upload(pipeline, "EU referendum question unveiled", "Voters will be asked.")
    europe = _json_upload(pipeline, "Europe blames US over weak dollar", "Ministers met.")
    council = _json_upload(pipeline, "UN Security Council meets", "Delegates arrived.")
    unilever = _json_upload(pipeline, "Unilever profits slip", "Sales fell.")
    pipeline.drain()

    # Then `E.U.` and `U.N.` find them as `EU ` and `UN ` do, the word whole first (they offered nothing: no headline
    # writes them dotted)
    for typed in ("E.U.", "E.U. ", "e.u. "):
        assert suggested(typed) == [referendum, europe], typed
    assert suggested("E.U. ref") == [referendum]
    for typed in ("U.N.", "U.N. "):
        found = suggested(typed)
        assert found[0] == council and unilever in found and found == suggested("UN "), typed
    assert suggested("U.N. sec") == [council]


def test_suggest_offers_a_headline_held_twice_once(pipeline: LocalPipeline) -> None:
    # Given a headline the archive holds twice, and another starting alike
    _json_upload(pipeline, "Kilroy launches 'Veritas' party", "He spoke in London.")
    _json_upload(pipeline, "Kilroy launches 'Veritas' party", "He spoke in London.")
    quits = _json_upload(pipeline, "Kilroy-Silk quits 'shameful' UKIP", "He left the party.")
    pipeline.drain()

    # Then it is offered once (it took two of the list's places)
    found = suggested("Kilro")
    assert len(found) == 2 and quits in found


def test_suggest_ranks_the_words_typed_side_by_side_first(pipeline: LocalPipeline) -> None:
    # Given headlines holding the words typed apart, one the last one's start twice, and one holding them in a row
    caesars = _json_upload(pipeline, "Caesars World board cuts costs, closes casino", "The group met.")
    best = _json_upload(pipeline, "Isinbayeva claims new world best", "She jumped.")
    cup = _json_upload(pipeline, "Lions blow to World Cup stars", "The squad lost.")
    magma = _json_upload(pipeline, "MAGMA <MGCPV> STOCK TRANSFERABILITY LIMITED", "Shares were moved.")
    market = _json_upload(pipeline, "Seoul stock market consolidates on state measures", "Prices steadied.")
    iraqis = _json_upload(pipeline, "Iraqis win death test case probe", "The court ruled.")
    war = _json_upload(pipeline, "Cardinal criticises Iraq war cost", "He spoke.")
    pipeline.drain()

    # Then the title holding the finished word followed by a word starting with the one being typed comes first: a
    # title holding a word starting with one or two typed letters anywhere came first (`world c`: "CAESARS WORLD ...")
    found = suggested("world c")
    assert found[0] == cup and set(found) == {cup, caesars, best}
    assert suggested("stock m") == [market, magma]
    assert suggested("iraq w") == [war, iraqis]
    # and a finished word is marked only where a title word is that word whole ("<mark>Iraq</mark>is")
    status, body, _ = get("/suggest?q=iraq+w")
    assert status == 200
    assert [s["highlighted"] for s in body["suggestions"]] == [
        "Cardinal criticises <mark>Iraq</mark> <mark>w</mark>ar cost",
        "Iraqis <mark>w</mark>in death test case probe",
    ]


def test_suggest_offers_first_the_articles_writing_the_words_side_by_side(pipeline: LocalPipeline) -> None:
    # Given headlines holding a typed word whose articles hold the others apart, and an article whose text writes
    # them side by side
    tire = _json_upload(pipeline, "GENCORP TO SELL GENERAL TIRE", "Its electric cable unit goes too.")
    motors = _json_upload(pipeline, "TALKING POINT/GENERAL MOTORS", "Analysts expect elevated output.")
    poll = _json_upload(pipeline, "Observers to monitor UK poll", "The general election will be held in May.")
    pipeline.drain()

    # Then, no headline holding `general` and a word starting `ele`, the article writing "general election" comes first
    # (the GENERAL TIRE and GENERAL MOTORS wires did, for holding `general` in their headline)
    for typed in ("general ele", "general elect", "general election"):
        found = suggested(typed)
        assert found[0] == poll, typed
    assert set(suggested("general ele")) == {poll, tire, motors}


def _worst_suggest_inputs() -> dict[str, str]:
    """The inputs of each kind that hold the most engine tokens within MAX_SUGGEST_CHARS: short distinct words,
    numbers, capitals, each glue character between them, abbreviations, exclusions, quotes, ideographs."""
    two = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase]
    kinds = {
        "numbers": [str(n) for n in range(400)],
        "two letters": two,
        "capitals": [word.upper() for word in two],
        "letter and digit": [c + str(d) for c in string.ascii_lowercase for d in range(10)],
    }
    inputs = {
        f"{name} by {glue!r}": glue.join(words)
        for name, words in kinds.items()
        for glue in (" ", "|", "-", " OR ", ",", "&", "/", "'", ".", " -", ' "', "+")
    }
    pairs = list(zip(two[::2], two[1::2], strict=True))
    inputs |= {
        "dotted abbreviations": " ".join(f"{a.upper()}.{b.upper()}." for a, b in pairs),
        "synonym abbreviations": " ".join(["US", "UK", "EU", "UN"] * 200),
        "exclusions": " ".join(f"-{word}" for word in two),
        "an excluded phrase": 'oil -"' + " ".join(two),
        "excluded phrases": "oil " + " ".join(f'-"{a} {b}"' for a, b in pairs),
        "a quoted phrase": '"' + " ".join(two),
        "quoted pairs": " ".join(f'"{a} {b}"' for a, b in pairs),
        "codes": " ".join(f"F{n}" for n in range(400)),
        "names' letters": " ".join(f"{a[0].upper()}&{b[0].upper()}" for a, b in pairs),
        "joined pairs": " ".join(f"{a}-{b}" for a, b in pairs),
        "ideographs": "".join(chr(0x4E00 + n) for n in range(MAX_SUGGEST_CHARS)),
        "spaced ideographs": " ".join(chr(0x4E00 + n) for n in range(MAX_SUGGEST_CHARS)),
    }
    return {name: text[:MAX_SUGGEST_CHARS] for name, text in inputs.items()}


def test_suggest_answers_200_for_the_most_words_of_every_kind(pipeline: LocalPipeline) -> None:
    # Given an archive with titles
    _json_upload(pipeline, "Harbour reopens to ships", "Ships returned to the harbour.")
    _json_upload(pipeline, "Oil prices fall", "Crude fell.")
    pipeline.drain()

    # When the reader types or pastes 500 characters of short distinct words, finished or not (128 numbers or 160
    # two-letter words made the engine refuse the last fallback's request: too many clauses, reported as 503)
    for name, text in _worst_suggest_inputs().items():
        for typed in (text, f"{text[:-1]} "):
            status, body, _ = get(f"/suggest?q={quote(typed)}")

            # Then the answer is 200, with at most a few titles
            assert status == 200, (name, body)
            assert len(body["suggestions"]) <= MAX_SUGGESTIONS
