"""/suggest's own highlighting: exactly the typed start of each title word is marked, in any script."""

from __future__ import annotations

import json
from typing import Any, cast

import pytest

from archive_search.ports import ArticleIndex
from archive_search.query_parser import fold_as_index
from archive_search.suggest import (
    MAX_JOINED_PHRASES,
    _abbreviations,
    adjacent_words,
    build_suggest,
    groups_closed,
    highlight_title,
    suggest_query,
    suggest_titles,
    word_parts,
    words_of,
)


def marked(title: str, typed: str) -> str:
    return highlight_title(title, [fold_as_index(word) for word in words_of(suggest_query(typed))])


@pytest.mark.parametrize(
    ("title", "typed", "highlighted"),
    [
        # A word keeps its marks: a vowel sign or virama is no word break.
        ("मोदी सरकार का बजट", "मोदी सर", "<mark>मोदी</mark> <mark>सर</mark>कार का बजट"),
        ("தமிழ் நாடு", "தமிழ்", "<mark>தமிழ்</mark> நாடு"),
        # Marks that only decorate a letter are optional, as the index reads them.
        ("Ọ̀yọ́ state", "oyo", "<mark>Ọ̀yọ́</mark> state"),
        ("مـحـمـد يفوز", "محمد", "<mark>مـحـمـد</mark> يفوز"),
        # A letter that folds to two is marked where the typed start ends, not the whole word.
        ("Straße gesperrt", "stra", "<mark>Stra</mark>ße gesperrt"),
        ("Straße gesperrt", "strasse", "<mark>Straße</mark> gesperrt"),
        ("ﬁnance news", "fin", "<mark>ﬁn</mark>ance news"),
        # Letters asciifolding reads as ASCII, which the title was found by.
        ("Łódź mayor", "lodz", "<mark>Łódź</mark> mayor"),
        ("Ørsted wins", "ors", "<mark>Ørs</mark>ted wins"),
        ("İstanbul votes", "ista", "<mark>İsta</mark>nbul votes"),
        ("O'Neill <b>delivers</b>", "neill del", "O&#x27;<mark>Neill</mark> &lt;b&gt;<mark>del</mark>ivers&lt;/b&gt;"),
        # A joined word typed closed up: its typed start, across the joiner (session 37's review)
        ("Wal-Mart fights back", "walm", "<mark>Wal-M</mark>art fights back"),
        ("Kilroy-Silk quits", "kilroysilk", "<mark>Kilroy-Silk</mark> quits"),
        ("O'Sullivan could run", "osul", "<mark>O&#x27;Sul</mark>livan could run"),
        # but a part typed as itself is the part's start, as before
        ("Wal-Mart fights back", "wal", "<mark>Wal</mark>-Mart fights back"),
    ],
)
def test_the_typed_start_of_each_word_is_marked(title: str, typed: str, highlighted: str) -> None:
    assert marked(title, typed) == highlighted


def test_a_word_typed_in_full_with_its_marks_counts_as_a_complete_word() -> None:
    # The words before the last are complete: they are matched whole in the headline, marks and all.
    should = build_suggest("मोदी सर")["query"]["bool"]["should"]

    assert {"match": {"title.exact": {"query": "मोदी", "boost": 0.5}}} in should


def test_a_word_followed_by_a_space_is_finished_and_counts_as_a_whole_word() -> None:
    # `kerry ` is the word Kerry, not the start of Kerrygold: the complete-word clause holds it.
    finished = build_suggest(suggest_query("john  kerry "))["query"]["bool"]["should"]
    typing = build_suggest(suggest_query("john  kerry"))["query"]["bool"]["should"]

    assert {"match": {"title.exact": {"query": "john kerry", "boost": 0.5}}} in finished
    assert {"match": {"title.exact": {"query": "john", "boost": 0.5}}} in typing
    assert suggest_query("   ") == ""


@pytest.mark.parametrize("mark", [",", "-", ".", ";", ":", "!", "?", ")", "/", "&", "—", '"'])
def test_a_word_followed_by_punctuation_is_finished_as_one_followed_by_a_space(mark: str) -> None:
    # Session 51's attacker: `Low,` and `Low-` ranked "LOWER TAX OFFSETS ..." above "Low-cost airlines ...", which
    # `Low ` ranks first; the docs say punctuation after a word finishes it, whatever the punctuation.
    should = build_suggest(suggest_query(f"Low{mark}"))["query"]["bool"]["should"]

    assert {"match": {"title.exact": {"query": "Low", "boost": 0.5}}} in should, mark
    # and after a word typed after it, the words before it are finished too
    assert {"match": {"title.exact": {"query": "cost Low", "boost": 0.5}}} in build_suggest(
        suggest_query(f"cost Low{mark}")
    )["query"]["bool"]["should"], mark


def test_an_apostrophe_after_a_letter_is_a_possessive_or_a_name_being_typed() -> None:
    # `Japan'` is Japan's being typed (the review: read as a finished `Japan`, it ranked "JAPAN SAYS ..." first)
    for typed in ("Japan'", "Japan\u2019", "cost Japan'"):
        should = build_suggest(suggest_query(typed))["query"]["bool"]["should"]
        assert not [c for c in should if c.get("match", {}).get("title.exact", {}).get("query", "").endswith("Japan")]
    assert {"match": {"title.exact": {"query": "cost", "boost": 0.5}}} in build_suggest(suggest_query("cost '"))[
        "query"
    ]["bool"]["should"]


def test_a_joined_word_being_typed_is_still_typed_and_a_finished_one_ranks_first() -> None:
    # `Low-c` is Low-cost being typed: `c` is no word finished, the parts adjacent as word starts
    query = build_suggest(suggest_query("Low-c"))["query"]["bool"]
    assert {"match_phrase": {"title.prefix": "Low c"}} in query["must"]
    assert {"match": {"title.exact": {"query": "Low", "boost": 0.5}}} in query["should"]
    assert not [clause for clause in query["should"] if "match_phrase" in clause]
    # finished by punctuation, as by a space, a joined word whole ranks first
    for typed in ("anti-war,", "anti-war.", "anti-war "):
        should = build_suggest(suggest_query(typed))["query"]["bool"]["should"]
        assert {"match_phrase": {"title.exact": {"query": "anti war", "boost": 2}}} in should, typed


def test_a_stopword_followed_by_punctuation_is_finished_and_no_word_a_title_must_hold() -> None:
    must = build_suggest(suggest_query("oil and,"))["query"]["bool"]["must"]

    assert must == [{"match": {"title.prefix": {"query": "oil", "operator": "and", "boost": 2}}}]


@pytest.mark.parametrize("typed", ["the eu", "for the uk ", "the EU constitution", "in the us"])
def test_a_stopword_beside_an_abbreviation_is_no_word_a_title_must_hold(typed: str) -> None:
    # The session's review: `the eu`, `for the uk`, `the EU constitution` offered nothing (every title had to hold
    # `the`, as for a query of stopwords alone)
    must = json.dumps(build_suggest(suggest_query(typed))["query"]["bool"]["must"])

    assert '"the"' not in must and '"for"' not in must and '"in"' not in must, must


@pytest.mark.parametrize("typed", ["oil -prices ", "oil -prices", "-prices oil"])
def test_an_excluded_word_is_no_prefix_and_keeps_out_the_titles_holding_it(typed: str) -> None:
    # `-prices`, as /search's parser reads it: not a word the titles must start with, but one they must not hold.
    query = build_suggest(suggest_query(typed))["query"]["bool"]

    assert "prices" not in json.dumps(query["must"]) + json.dumps(query["should"])
    assert {"multi_match": {"query": "prices", "fields": ["title", "title.exact", "title.closed"]}} in query["must_not"]


def test_an_excluded_phrase_keeps_out_the_titles_holding_it_whole() -> None:
    query = build_suggest(suggest_query('oil -"price war" '))["query"]["bool"]

    phrase = {"query": "price war", "type": "phrase", "fields": ["title", "title.exact"]}
    assert query["must_not"] == [{"multi_match": phrase}]


@pytest.mark.parametrize(("typed", "form"), [("hotels -H.K.", "hk"), ("stock -HK", "h.k"), ("stock -i.b.m", "ibm")])
def test_an_excluded_abbreviation_keeps_out_the_titles_holding_it_in_either_spelling(typed: str, form: str) -> None:
    # As /search excludes it (session 24's review: `hotels -H.K.` offered "HK HOTELS SOARS ON TAKEOVER SPECULATION")
    query = build_suggest(suggest_query(typed))["query"]["bool"]

    assert {"multi_match": {"query": form, "fields": ["title", "title.exact", "title.closed"]}} in query["must_not"]


@pytest.mark.parametrize(("typed", "form"), [("US tra", "u.s"), ("UK econ", "u.k"), ("HK sto", "h.k")])
def test_an_abbreviation_that_search_finds_through_synonyms_is_a_title_prefix_in_either_spelling(
    typed: str, form: str
) -> None:
    # /search finds `US` as U.S. through its synonyms; the title prefixes have none (`US trade` offered no "U.S.
    # TRADE ..." title, session 28), so the dotted spelling is asked as HK's is.
    query = build_suggest(suggest_query(typed))["query"]["bool"]
    word = typed.split()[0]

    either = [{"match": {"title.prefix": {"query": text}}} for text in (word, form)]
    assert {"bool": {"should": either, "boost": 2}} in query["must"]
    assert {"match": {"title.start": {"query": f"{form} {typed.split()[1]}", "boost": 5}}} in query["should"]


@pytest.mark.parametrize(
    ("typed", "word", "form"),
    [
        # session 51's attacker: `us car sales` offered nothing, where `US car sales` offers "U.S. CAR SALES ..."
        ("us car sales", "us", "u.s"),
        ("us car sal", "us", "u.s"),
        ("car sales us", "us", "u.s"),
        ("car us sales", "us", "u.s"),
        ("Us car", "Us", "u.s"),
        ("us, car", "us,", "u.s"),
        ("us's car", "us's", "u.s"),
        ("US CAR SALES", "US", "u.s"),
        ("uk econ", "uk", "u.k"),
        ("eu farm", "eu", "e.u"),
        ("un aid", "un", "u.n"),
        ("usa today", "usa", "u.s.a"),
    ],
)
def test_an_abbreviation_search_reads_through_synonyms_is_a_title_prefix_in_either_spelling_in_any_case(
    typed: str, word: str, form: str
) -> None:
    # /search reads `us` in any case as the country and `uk`, `eu`, `un` through its synonyms; the word prefixes hold
    # a title's U.S. as `u.s`, so the word as typed, required alone, held no "U.S. ..." title.
    query = build_suggest(suggest_query(typed))["query"]["bool"]

    either = [{"match": {"title.prefix": {"query": text}}} for text in (word, form)]
    assert {"bool": {"should": either, "boost": 2}} in query["must"]
    plain = [clause for clause in query["must"] if "match" in clause]
    assert not [clause for clause in plain if word in clause["match"]["title.prefix"]["query"].split()], typed


def test_a_joined_word_with_such_an_abbreviation_typed_in_lower_case_is_held_in_either_spelling() -> None:
    # `US-Japan` offers the "U.S.-JAPAN ..." titles (session 32's review); `us-japan` offered nothing.
    must = build_suggest(suggest_query("us-japan"))["query"]["bool"]["must"]

    spellings = [{"match_phrase": {"title.prefix": parts}} for parts in ("us japan", "u s japan")]
    assert {"bool": {"should": spellings, "minimum_should_match": 1}} in must


@pytest.mark.parametrize("typed", ["HK TRADE", "hk trade", "IT tra", "U.S. TRA", '"us trade"'])
def test_capitals_in_capitals_lower_case_or_a_stopword_are_no_abbreviation_to_spell_dotted(typed: str) -> None:
    query = build_suggest(suggest_query(typed))["query"]["bool"]

    assert query["must"] == [{"match": {"title.prefix": {"query": typed, "operator": "and", "boost": 2}}}]
    assert len([clause for clause in query["should"] if "title.start" in clause.get("match", {})]) == 1


def test_in_a_pasted_sentence_a_hyphen_excludes_nothing() -> None:
    # More than 10 words: `-which` is punctuation, as /search reads it.
    pasted = suggest_query("the economy -which stagnated in the first half of the year grew again in")

    assert "must_not" not in build_suggest(pasted)["query"]["bool"]


def test_exclusions_alone_suggest_nothing_and_ask_the_engine_nothing() -> None:
    class NoEngine:
        def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
            raise AssertionError("no words to suggest titles for")

    assert suggest_titles(cast(ArticleIndex, NoEngine()), suggest_query("-oil")).suggestions == []
    assert suggest_titles(cast(ArticleIndex, NoEngine()), suggest_query("-oil -gas ")).suggestions == []


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Wal-Ma", "Wal Ma"),
        ("anti-wa", "anti wa"),
        ("O'Driscoll/Gregan", "O Driscoll Gregan"),
        ("O'Driscoll's/Gregan", "O Driscoll Gregan"),
        ("U2's", "U 2"),
        ("U.S.-Japan", "U S Japan"),
        ("wal-mart.", "wal mart"),
        ("मोदी-शाह", "मोदी शाह"),
    ],
)
def test_a_joined_word_is_a_phrase_of_its_parts_as_word_starts_and_whole_ranks_first_once_finished(
    word: str, parts: str
) -> None:
    assert word_parts(word) == parts
    whole = {"match_phrase": {"title.exact": {"query": parts, "boost": 2}}}
    typing = build_suggest(word)["query"]["bool"]
    assert {"match_phrase": {"title.prefix": parts}} in typing["must"]
    for typed in (f"{word} x", f"{word} "):
        query = build_suggest(typed)["query"]["bool"]
        assert {"match_phrase": {"title.prefix": parts}} in query["must"]
        # one more than a code's runs (U2) already rank first by, but for a word its punctuation finished
        # (`wal-mart.`: session 51)
        finished = 0 if word[-1].isalnum() else 1
        assert query["should"].count(whole) == typing["should"].count(whole) + 1 - finished, typed


def test_a_joined_word_of_short_parts_is_held_joined_or_closed_up_not_as_word_starts() -> None:
    # Session 35's review: `AT&T ` offered "Tories urge 'change at the top'", `P&O` "PHILIPPINES' ONGPIN ..."
    for typed, closed in (("AT&T", "att"), ("AT&T ", "att"), ("P&O b", "po"), ("r&d", "rd")):
        must = build_suggest(typed)["query"]["bool"]["must"]
        held = {"match": {"title.closed": closed}}
        whole = [{"match": {"title.exact": closed}}] if len(closed) > 2 else []
        assert (
            (held in must) if not whole else ({"bool": {"should": [held, *whole], "minimum_should_match": 1}} in must)
        )
        assert not [c for c in must if "match_phrase" in c], typed
        assert closed[0] + " " not in json.dumps(must), typed  # no word starts of its letters
    # A word joined by a hyphen or an apostrophe joins words (`e-m` is typed on the way to e-mail; `we'll` closed up
    # is `well`: the second review), its parts as word starts
    for typed, parts in (("bad e-m", "e m"), ("we'll", "we ll")):
        must = json.dumps(build_suggest(typed)["query"]["bool"]["must"])
        assert f'"title.prefix": "{parts}"' in must and "title.closed" not in must, typed


def test_a_plain_word_or_a_code_needs_no_phrase_and_joined_phrases_are_bounded() -> None:
    for typed in ("oil pri", "F16 jets", "F-16", "U.S. trade"):
        assert not [c for c in build_suggest(typed)["query"]["bool"]["must"] if "match_phrase" in c], typed
    many = " ".join(f"anti-{'x' * n}" for n in range(1, 3 * MAX_JOINED_PHRASES))
    phrases = [c for c in build_suggest(many)["query"]["bool"]["must"] if "match_phrase" in c]
    assert len(phrases) == MAX_JOINED_PHRASES


class _Titles:
    """An index answering every request with the same titles: what is marked is the code's own reading."""

    def __init__(self, *titles: str) -> None:
        self.hits = [{"_id": str(n), "_source": {"title": title}} for n, title in enumerate(titles)]

    def search(self, body: dict[str, Any], size: int, offset: int) -> dict[str, Any]:
        return {"hits": {"hits": self.hits}}


@pytest.mark.parametrize(
    ("typed", "title", "highlighted"),
    [
        # session 49's attacker: a possessive's `s` marked the S of every word starting with one
        ("japan's", "JAPAN SAYS U.S.-JAPAN PACT", "<mark>JAPAN</mark> SAYS U.S.-<mark>JAPAN</mark> PACT"),
        ("Japan\u2019s ", "Japan's ageing workforce", "<mark>Japan</mark>&#x27;s ageing workforce"),
        ("FED'S HELLER", "FED SEES HELLER", "<mark>FED</mark> SEES <mark>HELLER</mark>"),
        # but after one letter it is a name being typed (the session's review)
        ("o's", "O'Sullivan could run", "<mark>O</mark>&#x27;<mark>S</mark>ullivan could run"),
        # and a name's letters marked their parts as word starts (`S&P`: SIX, U.S.; `AT&T`: TO, TECHNOLOGY); the
        # name is marked whole, however the title joins it
        ("S&P", "S/P DOWNGRADES SIX U.S. BANKS", "<mark>S/P</mark> DOWNGRADES SIX U.S. BANKS"),
        ("AT&T ", "ATT TO SELL TECHNOLOGY", "<mark>ATT</mark> TO SELL TECHNOLOGY"),
        ("AT&T ", "AT&T profits rise", "<mark>AT&amp;T</mark> profits rise"),
        ("q&a", "Q&A: and after", "<mark>Q&amp;A</mark>: and after"),
        ("att", "ATTACK ON ATT", "<mark>ATT</mark>ACK ON <mark>ATT</mark>"),
    ],
)
def test_a_possessive_and_a_names_letters_mark_no_word_starts(typed: str, title: str, highlighted: str) -> None:
    [suggestion] = suggest_titles(cast(ArticleIndex, _Titles(title)), suggest_query(typed)).suggestions

    assert suggestion.highlighted == highlighted


def test_a_possessive_typed_to_its_end_asks_for_titles_starting_with_the_word_and_its_s_ended() -> None:
    should = build_suggest(suggest_query("Japan\u2019s"))["query"]["bool"]["should"]

    assert {"term": {"title.start": {"value": "japan s ", "boost": 10}}} in should
    assert not any("term" in clause for clause in build_suggest(suggest_query("japan s"))["query"]["bool"]["should"])


@pytest.mark.parametrize(
    ("typed", "adjacent"),
    [
        ("house of l", ("house of", "l")),
        # stopwords before the last two words are not held side by side, nor the words before an abbreviation
        ("the world c", ("world", "c")),
        ("prime minister tony b", ("tony", "b")),
        ("US trade d", ("trade", "d")),
        ("US tr", None),
        # finished, the last words whole; a joined word's parts and a code's runs as the title fields hold them
        ("world cup ", ("world cup", "")),
        ("o'ne", ("o", "ne")),
        ("F16 je", ("16", "je")),
        ("japan's ec", ("japan", "ec")),
        # one word is nothing to hold side by side
        ("oil ", None),
        ("the w", None),
    ],
)
def test_the_last_words_typed_are_held_side_by_side(typed: str, adjacent: tuple[str, str] | None) -> None:
    q = groups_closed(suggest_query(typed))
    assert adjacent_words(q, _abbreviations(q)) == adjacent
