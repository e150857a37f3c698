"""Which likely typo some article holds a short query no article holds every word of is read as, and which spelling is
offered for it (search._typos_read, session 41), on the counts the engine answers with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from archive_search.relevance import NearSpelling, Ranking, headlined, typo_spellings
from archive_search.search import (
    Expansion,
    SearchRequest,
    _Guard,
    _guard_aggregation,
    _guard_refuses,
    _held_beside_respelt,
    _typos_read,
    respelt_pairs,
    typos_respelt,
)

BODY = "body.exact"


class _Archive:
    """What the archive answers: each word's near spellings, and for each phrase (in the order written) how many
    articles write it and how many hold both its words; `read`: how many hold every word as read."""

    def __init__(
        self, near: Mapping[str, Sequence[NearSpelling]], phrases: Mapping[str, tuple[int, int]], read: int = 1
    ):
        self.near, self.phrases, self.read = near, phrases, read

    def near_spellings(self, word: str) -> tuple[NearSpelling, ...]:
        return tuple(self.near.get(word, ()))

    def aggregations(self, aggs: Mapping[str, Any]) -> dict[str, Any]:
        answer: dict[str, Any] = {}
        for key, agg in aggs.items():
            if "written" not in agg.get("aggs", {}):
                answer[key] = {"doc_count": self.read}
                continue
            written, both = self.phrases.get(agg["aggs"]["written"]["filter"]["multi_match"]["query"], (0, 0))
            answer[key] = {"doc_count": both, "written": {"doc_count": written}}
        return answer


UNTIED = {
    "untied": [NearSpelling(BODY, "untied", 1.0, 3), NearSpelling(BODY, "united", 0.83, 466)],
    "manchester": [NearSpelling(BODY, "manchester", 1.0, 120)],
}
HOSE = {
    "hose": [
        NearSpelling(BODY, "hose", 1.0, 1),
        NearSpelling(BODY, "home", 0.75, 445),
        NearSpelling(BODY, "house", 0.75, 325),
        NearSpelling(BODY, "horse", 0.75, 16),
    ],
    "white": [NearSpelling(BODY, "white", 1.0, 130)],
}


def _read(q: str, archive: _Archive) -> tuple[dict[str, str], dict[str, str]]:
    words = q.split()
    read, offered, _ = _typos_read(SearchRequest(q=q), Ranking(), words, dict.fromkeys(words), archive)
    return read, offered


def test_a_likely_typo_is_read_as_the_phrase_most_articles_holding_both_write() -> None:
    # `manchester untied`: 48 of the 49 articles holding `manchester` and `united` write them so
    archive = _Archive(UNTIED, {"manchester united": (48, 49)})

    assert _read("manchester untied", archive) == ({"untied": "united"}, {"untied": "united"})
    # in the order typed only: no article writes `united manchester`
    assert _read("untied manchester", archive) == ({}, {})


def test_not_read_unless_a_phrase_in_most_articles_holding_both_from_two_nor_unless_every_word_is_held_as_read() -> (
    None
):
    # written so in 3 of the 10 articles holding both: offered, not read
    assert _read("manchester untied", _Archive(UNTIED, {"manchester united": (3, 10)})) == ({}, {"untied": "united"})
    # one article is no evidence
    assert _read("manchester untied", _Archive(UNTIED, {"manchester united": (1, 1)})) == ({}, {})
    # a phrase, but no article holds every word as read
    assert _read("manchester untied", _Archive(UNTIED, {"manchester united": (48, 49)}, read=0)) == (
        {},
        {"untied": "united"},
    )


def test_of_several_spellings_the_one_written_as_a_phrase_most_is_read_not_the_one_most_articles_hold() -> None:
    # `white hose`: `home` (445 articles) or `house` (325), one edit each; 56 of 58 write `white house`
    archive = _Archive(HOSE, {"white house": (56, 58), "white home": (2, 40), "white horse": (3, 4)})

    assert _read("white hose", archive) == ({"hose": "house"}, {"hose": "house"})
    # with how many articles hold every word so read (the words spelt right are then searched as typed: search.py)
    archive.read = 60
    assert _typos_read(SearchRequest(q="white hose"), Ranking(), ["white", "hose"], {"hose": None}, archive)[2] == 60


def test_a_word_more_than_a_few_articles_hold_is_no_likely_typo() -> None:
    # `untied` in 20 articles: no likely typo (relevance.FEW_ARTICLES), whatever the phrase
    held = {**UNTIED, "untied": [NearSpelling(BODY, "untied", 1.0, 20), NearSpelling(BODY, "united", 0.83, 466)]}

    assert _read("manchester untied", _Archive(held, {"manchester united": (48, 49)})) == ({}, {})


def test_beside_a_word_no_article_holds_the_others_may_be_read_when_no_article_holds_every_word_as_respelt() -> None:
    # `manchestr untied`: `manchester` is read, and no article holds `manchester` and `untied` (session 44: read in
    # two steps, `manchester untied` and then `manchester united`)
    typos = {"manchestr": "manchester", "untied": None}
    assert _held_beside_respelt(typos, {"manchester": 0}) == ["untied"]
    # not when articles hold every word so read, nor when uncounted, nor beside two words respelt
    assert _held_beside_respelt(typos, {"manchester": 2}) == []
    assert _held_beside_respelt(typos, None) == []
    assert _held_beside_respelt({**typos, "cty": "city"}, {"manchester": 0, "city": 0}) == []
    # nor when no other word is expanded
    assert _held_beside_respelt({"manchestr": "manchester"}, {"manchester": 0}) == []


def _guard_answer(phrases: Sequence[int], typed: int | None = None, offered: int | None = None) -> dict[str, Any]:
    guard: dict[str, Any] = {"phrases": {"buckets": {str(i): {"doc_count": n} for i, n in enumerate(phrases)}}}
    if typed is not None:
        guard |= {"typed": {"doc_count": typed}, "offered": {"doc_count": offered}}
    return {"aggregations": {"guard": guard}}


def test_a_likely_typo_s_spelling_is_refused_where_its_search_reads_otherwise_or_fewer_hold_every_word() -> None:
    # `opc ouptut` -> `opc output`, which a search reads `opec output`: a phrase written in 2 articles or more
    assert _guard_refuses(_guard_answer([0, 2]))
    assert not _guard_refuses(_guard_answer([1, 0]))
    # `bird flu` -> `bid flu`: one article holds every word as typed, none as offered (the session's attack)
    assert _guard_refuses(_guard_answer([], typed=1, offered=0))
    assert not _guard_refuses(_guard_answer([], typed=1, offered=1))
    assert not _guard_refuses(_guard_answer([], typed=0, offered=0))
    # nothing counted, nothing refused; the counts asked in the whole archive
    assert not _guard_refuses({"aggregations": {}})
    assert _guard_aggregation(_Guard("bid flu", []), None, None) == {}
    clause = {"term": {"body": "bid"}}
    assert _guard_aggregation(_Guard("bid flu", []), clause, clause)["guard"]["global"] == {}


def _pairs_answer(typed: int, offered: int) -> dict[str, Any]:
    return {"aggregations": {"guard": {"typed_pairs": {"doc_count": typed}, "offered_pairs": {"doc_count": offered}}}}


def test_a_likely_typo_s_spelling_is_refused_where_its_pair_as_typed_is_written_as_often_as_offered() -> None:
    # `spice girls` -> `space girls`: one article writes the pair as typed, none as offered (session 48's attack)
    assert _guard_refuses(_pairs_answer(1, 0))
    assert _guard_refuses(_pairs_answer(3, 3))
    # `goverment ruled` -> `government ruled`: the offered pair is written more often; no pair written, no refusal
    assert not _guard_refuses(_pairs_answer(1, 2))
    assert not _guard_refuses(_pairs_answer(0, 0))
    # the pairs are the respelt word with the word typed before and after it, in the order typed, as typed and
    # as offered
    assert respelt_pairs("Spice Girls reunion", "Space Girls reunion") == (["Spice Girls"], ["Space Girls"])
    # not with a stopword, which any word is beside (the review: `the space` outweighed `spice girls`)
    assert respelt_pairs("The Spice Girls reunion", "The Space Girls reunion") == (["Spice Girls"], ["Space Girls"])
    assert respelt_pairs("spice of the girls", "space of the girls") == (["spice of the girls"], ["space of the girls"])
    assert respelt_pairs("girls spice tour", "girls space tour") == (
        ["girls spice", "spice tour"],
        ["girls space", "space tour"],
    )
    assert respelt_pairs("goverment", "government") == ([], [])
    assert respelt_pairs("a b c", "a b") == ([], [])
    counts = _guard_aggregation(_Guard("space girls", [], (["spice girls"], ["space girls"])), None, None)
    assert set(counts["guard"]["aggs"]) == {"typed_pairs", "offered_pairs"}


TITLE = "title.exact"


def test_a_word_many_articles_hold_in_any_field_as_typed_or_as_read_is_no_likely_typo() -> None:
    # `many`: in 878 bodies and 1 headline, where 40 headlines hold `may` (session 47's attack: offered `may`)
    many = [
        NearSpelling(BODY, "many", 1.0, 878),
        NearSpelling(TITLE, "many", 1.0, 1),
        NearSpelling(TITLE, "may", 0.75, 40),
    ]
    assert typo_spellings("many", many) == []
    # `hints`: as typed in 8 bodies, `hint` (another ending: the stemmed fields hold both as one) in 20 more; `hits`
    # in 501
    hints = [
        NearSpelling(BODY, "hints", 1.0, 8),
        NearSpelling(BODY, "hint", 0.8, 20),
        NearSpelling(BODY, "hits", 0.8, 501),
    ]
    assert typo_spellings("hints", hints) == []
    # a word few articles hold, as typed and with its endings, still is (`goverment`: 7, `government` 1,181), and so
    # is one whose stem other words share (`definately`, stemmed `defin` as `define`, `defined` are: session 47's
    # review)
    goverment = [NearSpelling(BODY, "goverment", 1.0, 7), NearSpelling(BODY, "government", 0.89, 1181)]
    assert typo_spellings("goverment", goverment) == ["government"]
    definately = [
        NearSpelling(BODY, "definately", 1.0, 2),
        NearSpelling(BODY, "definitely", 0.8, 150),
        NearSpelling(BODY, "defiantly", 0.8, 3),
    ]
    assert typo_spellings("definately", definately) == ["definitely"]
    # nor a shorter word and `d` (`bard` is no `bar`: `rock bard` was no longer read `rock band`)
    bard = [
        NearSpelling(BODY, "bard", 1.0, 3),
        NearSpelling(BODY, "bar", 0.75, 300),
        NearSpelling(BODY, "band", 0.75, 90),
    ]
    assert typo_spellings("bard", bard) == ["band"]
    # nor the forms of the word a typo that lost an `e` stands for (`syndicat`: the second review)
    syndicat = [
        NearSpelling(BODY, "syndicat", 1.0, 2),
        NearSpelling(BODY, "syndicate", 0.88, 40),
        NearSpelling(BODY, "syndicated", 0.75, 12),
        NearSpelling(BODY, "syndicates", 0.75, 8),
    ]
    assert typo_spellings("syndicat", syndicat) == ["syndicate"]


def test_a_word_typed_alone_that_a_headline_and_a_body_write_is_offered_no_other_word() -> None:
    # `suez`: in 3 bodies and a headline, `sues` in 40 bodies and 12 headlines (session 48's attack: offered `sues`)
    suez = (
        NearSpelling(BODY, "suez", 1.0, 3),
        NearSpelling(TITLE, "suez", 1.0, 1),
        NearSpelling(BODY, "sues", 0.75, 40),
        NearSpelling(TITLE, "sues", 0.75, 12),
    )
    assert headlined(suez) and typo_spellings("suez", suez) == ["sues"]
    expansion = Expansion(typos={"suez": None}, near={"suez": suez})
    assert typos_respelt("suez", expansion) is None
    assert typos_respelt("suez 2005", Expansion(typos={"suez": None}, near={"suez": suez})) is None
    # beside other words it may still be a slip (the session's review: `capital flops` is `capital flows`), where
    # articles write the spelling beside them (_typos_read's `offered`); a letter replaced that none writes so is no
    # likely typo (session 56: `wool prices` was offered `wood prices`)
    assert typos_respelt("suez crisis", Expansion(typos={"suez": None}, near={"suez": suez})) is None
    offered = Expansion(typos={"suez": None}, near={"suez": suez}, offered={"suez": "sues"})
    assert typos_respelt("suez crisis", offered) == "sues crisis"
    # a word only bodies write, or only a headline (`PRESSUE`: a headline's typo no body repeats), alone too
    for held in (suez[:1] + suez[2:], suez[1:]):
        assert not headlined(held)
        assert typos_respelt("suez", Expansion(typos={"suez": None}, near={"suez": held})) == "sues"


def test_beside_other_words_a_word_many_articles_hold_may_be_a_slip_for_one_many_times_as_many_hold() -> None:
    trace = [NearSpelling(BODY, "trace", 1.0, 41), NearSpelling(BODY, "trade", 0.8, 1200)]
    assert typo_spellings("trace", trace) == []
    assert typo_spellings("trace", trace, beside=True) == ["trade"]
    # not one fewer than TYPO_ODDS times as many hold (as read), nor an inflection of it
    assert typo_spellings("trace", [*trace[:1], NearSpelling(BODY, "grace", 0.8, 409)], beside=True) == []
    assert typo_spellings("trace", [*trace[:1], NearSpelling(BODY, "traces", 0.8, 900)], beside=True) == []
    # and read so only where the articles write it beside the other words, as a likely typo is
    archive = _Archive({"trace": trace, "deficit": [NearSpelling(BODY, "deficit", 1.0, 300)]}, {})
    words = ["trace", "deficit"]
    request = SearchRequest(q="trace deficit")
    assert _typos_read(request, Ranking(), words, dict.fromkeys(words), archive, beside=True) == ({}, {}, 0)
    archive.phrases = {"trade deficit": (250, 260)}
    assert _typos_read(request, Ranking(), words, dict.fromkeys(words), archive, beside=True) == (
        {"trace": "trade"},
        {"trace": "trade"},
        1,
    )
    assert _typos_read(request, Ranking(), words, dict.fromkeys(words), archive) == ({}, {}, 0)
