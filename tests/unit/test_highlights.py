"""How a hit's highlights are read from the engine's fragments of each field's forms (search.search_hit)."""

from __future__ import annotations

from archive_search.search import MATCH_END, MATCH_START, quoted_only, search_hit


def _marked(text: str) -> str:
    return text.replace("[", MATCH_START).replace("]", MATCH_END)


def test_a_headline_shows_its_closed_up_words_marks_beside_the_others() -> None:
    raw = {
        "_id": "a",
        "_source": {"title": "Wal-Mart & Co sales rise"},
        "highlight": {
            "title": [_marked("Wal-Mart &amp; Co [sales] rise")],
            # The form as written marks each word anywhere: read only when the stemmed form marks nothing
            "title.exact": [_marked("Wal-Mart &amp; [Co] [sales] rise")],
            "title.closed": [_marked("[Wal-Mart] &amp; Co sales rise")],
        },
    }

    shown = "<mark>Wal-Mart</mark> &amp; Co <mark>sales</mark> rise"
    assert search_hit(raw).highlights["title"] == [shown]
    alone = {"_id": "a", "_source": {}, "highlight": {"title.closed": [_marked("[Wal-Mart] sales rise")]}}
    assert search_hit(alone).highlights["title"] == ["<mark>Wal-Mart</mark> sales rise"]


def test_adjacent_marks_of_two_forms_join_and_a_form_of_other_text_is_not_merged() -> None:
    joined = {"_id": "a", "_source": {}, "highlight": {"title": [_marked("[ab]c")], "title.closed": [_marked("a[bc]")]}}
    assert search_hit(joined).highlights["title"] == ["<mark>abc</mark>"]
    # Forms that do not read the same text (never seen from the engine) keep the first form that marks anything
    other = {"_id": "a", "_source": {}, "highlight": {"title": [_marked("[a]bc")], "title.closed": [_marked("[x]yz")]}}
    assert search_hit(other).highlights["title"] == ["<mark>a</mark>bc"]


def test_a_summary_matched_only_closed_up_is_the_snippet() -> None:
    raw = {
        "_id": "a",
        "_source": {"summary": "A new e-mail policy.", "body": "Staff may not forward messages."},
        "highlight": {
            "body": ["Staff may not forward messages."],
            "summary": ["A new e-mail policy."],
            "summary.closed": [_marked("A new [e-mail] policy.")],
        },
    }

    assert search_hit(raw).snippet == "A new <mark>e-mail</mark> policy."


def test_a_phrase_marked_whole_counts_its_words_when_the_snippets_fragments_are_chosen() -> None:
    # news-dev's bbc-politics-060 for `"weapons of mass destruction"`: the phrase is in the body's third fragment
    body = [
        _marked("re-iterate his stance in his Christmas Midnight [Mass]. The cardinal"),
        _marked("appealed for the [weapons] inspectors to be given more time"),
        _marked("saying the failure to find [weapons of mass destruction] had damaged faith"),
    ]
    raw = {"_id": "a", "_source": {"body": "..."}, "highlight": {"body": body}}

    snippet = search_hit(raw).snippet

    assert "<mark>weapons of mass destruction</mark>" in snippet
    assert "<mark>weapons</mark> inspectors" not in snippet


def test_a_quoted_phrases_words_are_marked_alone_only_in_a_text_not_marking_the_phrase() -> None:
    # news-dev's reuters21578-21547 for `"prime minister"` (session 50's attacker): "former foreign minister" marked
    body = [
        _marked("the race to succeed [Prime Minister] Yasuhiro Nakasone"),
        _marked("former foreign [minister] Shintaro Abe, and [ministers] of state"),
    ]
    raw = {
        "_id": "a",
        "_source": {"body": "..."},
        "highlight": {"body": body, "title": [_marked("NEXT [PRIME] [MINISTER]")]},
    }
    quoted = quoted_only('"prime minister"')

    hit = search_hit(raw, quoted)

    # and a fragment left with no mark is left out (the review: 2,411 bare fragments in 663 quoted queries' snippets)
    assert hit.highlights["body"] == ["the race to succeed <mark>Prime Minister</mark> Yasuhiro Nakasone"]
    assert hit.highlights["title"] == ["NEXT <mark>PRIME</mark> <mark>MINISTER</mark>"]  # a headline marks words
    # A text without the phrase keeps its words marked (what matched), and so does a word also typed unquoted
    apart = {"_id": "b", "_source": {"body": "..."}, "highlight": {"body": body[1:]}}
    assert search_hit(apart, quoted).snippet == body[1].replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")
    assert quoted_only('"prime minister" minister') == {"prime"}
    assert quoted_only("prime minister") == frozenset()
    assert "<mark>ministers</mark>" in search_hit(raw, quoted_only('"prime minister" ministers')).snippet


def _body(*fragments: str) -> list[str]:
    raw = {"_id": "a", "_source": {"body": "..."}, "highlight": {"body": [_marked(f) for f in fragments]}}
    return search_hit(raw).highlights["body"]


def test_a_match_the_highlighter_gave_the_next_fragment_is_marked_at_this_ones_edge() -> None:
    # news-dev's bbc-business-138 for `oil prices` (session 53's attack report): "prices" ends past the fragment's
    # 200 characters, in the 20 its text is widened by, and was left unmarked.
    assert _body("[Oil] [prices] rose. Snowfalls took crude [oil] prices", "to inflate [prices].") == [
        "<mark>Oil</mark> <mark>prices</mark> rose. Snowfalls took crude <mark>oil</mark> <mark>prices</mark>",
        "to inflate <mark>prices</mark>.",
    ]
    # At a fragment's start, a possessive as its word, and a phrase marked whole elsewhere
    assert _body("deficit with Taipei. Washington&#x27;s [deficit] grew", "cut its [trade deficit]") == [
        "<mark>deficit</mark> with Taipei. Washington&#x27;s <mark>deficit</mark> grew",
        "cut its <mark>trade deficit</mark>",
    ]
    assert _body("Iraq&#x27;s oil, and [Iraq]", "rebuilding [Iraq] and") == [
        "<mark>Iraq&#x27;s</mark> oil, and <mark>Iraq</mark>",
        "rebuilding <mark>Iraq</mark> and",
    ]
    assert _body("crude oil prices and [gas]", "[oil prices] rose") == [
        "crude <mark>oil prices</mark> and <mark>gas</mark>",
        "<mark>oil prices</mark> rose",
    ]


def test_an_edge_mark_is_a_whole_word_as_the_engines_tokenizer_reads_it() -> None:
    # news-dev for `1 billion`, `5 pct`, `u s`, `arsenel` (session 53's review): `1.1`, `2.5`, `U.S.`,
    # `www.arsenal.com`, `1,850,109` are one token each to the standard tokenizer (UAX #29), which never marks a piece
    edges = [
        ("a rise of 1.1 pct", "[1] dlr"),
        ("two and 2.5 [pct]", "March [5] -"),
        ("their U.S. Market and [USA]", "[s] fall"),
        ("website www.arsenal.com: [Arsenal]", "[arsenal] fans"),
        ("total 1,850,109 and [sales]", "[1] [sales]"),
        ("a:b [oil]", "[b] ok"),
        ("O\u2019Neill and [Neill]", "[neill] said"),
        ("(\u00a31.97bn) [bn]", "[1] [bn]"),
    ]
    for fragment, other in edges:
        assert _body(fragment, other)[0] == fragment.replace("[", "<mark>").replace("]", "</mark>")
    # A whole token marked elsewhere is marked at the edge, as are the words of a number's ends apart from it
    assert _body("rose 1.1 pct and [oil]", "[1.1] [pct]") == [
        "rose <mark>1.1</mark> <mark>pct</mark> and <mark>oil</mark>",
        "<mark>1.1</mark> <mark>pct</mark>",
    ]
    assert _body("U.S.-Japan trade, 5,a [b]", "[Japan] [a] [5]") == [
        "U.S.-<mark>Japan</mark> trade, <mark>5</mark>,<mark>a</mark> <mark>b</mark>",
        "<mark>Japan</mark> <mark>a</mark> <mark>5</mark>",
    ]


def test_the_middle_of_a_fragment_and_words_marked_nowhere_stay_as_the_engine_marked_them() -> None:
    assert _body("[oil] rose as oil fell and [gas] too", "the [gas] price &amp; more") == [
        "<mark>oil</mark> rose as oil fell and <mark>gas</mark> too",
        "the <mark>gas</mark> price &amp; more",
    ]
    assert _body("prices of [oil]") == ["prices of <mark>oil</mark>"]
    # A body that did not match shows its start, marked nowhere
    assert _body("oil prices rose") == ["oil prices rose"]


def test_a_matched_byline_is_a_highlight_its_forms_marks_together() -> None:
    # Session 53's attack report: a result found by its byline showed no mark at all (`Peter Torday`)
    raw = {
        "_id": "a",
        "_source": {"author": "Mark O'Neill", "body": "..."},
        "highlight": {
            "author": [_marked("[Mark] O&#x27;Neill")],
            "author.closed": [_marked("Mark [O&#x27;Neill]")],
            "body": ["PEKING, April 3 - Fear of inflation."],
        },
    }

    hit = search_hit(raw)

    assert hit.highlights["author"] == ["<mark>Mark</mark> <mark>O&#x27;Neill</mark>"]
    assert hit.author == "Mark O'Neill"  # the field itself stays plain text
    unmatched = {"_id": "a", "_source": {"author": "Jane Doe"}, "highlight": {"author.parts": ["Jane Doe"]}}
    assert "author" not in search_hit(unmatched).highlights
