"""Sorted by date, a short query lists the articles holding every word (search.dated_every_word, session 24): by
relevance they rank first, and by date they were mixed with every article holding any one word (`oil prices`,
newest first, listed cocoa and share prices on news-dev's first page)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import ids, search
from tests.integration.test_search_api import _json_upload, get

pytestmark = pytest.mark.integration


def _archive(pipeline: LocalPipeline) -> tuple[list[str], set[str], set[str]]:
    """Three articles on oil prices (oldest first), and newer ones holding one of the words."""
    both = [
        _json_upload(
            pipeline, f"Crude report {n}", "Oil prices rose again.", section="markets", published=f"201{n}-05-01"
        )
        for n in range(3)
    ]
    prices = {
        _json_upload(pipeline, f"Cocoa {n}", "Cocoa prices fell.", section="farming", published=f"2021-0{n + 1}-01")
        for n in range(4)
    }
    oil = {
        _json_upload(pipeline, f"Palm {n}", "Palm oil output grew.", published=f"2022-0{n + 1}-01") for n in range(2)
    }
    pipeline.drain()
    return both, prices, oil


def test_a_date_order_lists_the_articles_holding_every_word(pipeline: LocalPipeline) -> None:
    both, prices, oil = _archive(pipeline)

    # When the reader sorts a short query by date
    newest = search("oil prices", "&sort=newest")

    # Then only the articles holding both words are listed, newest first (all 9 before, the newer ones first)
    assert ids("oil prices", "&sort=newest") == both[::-1] and newest["total"] == 3
    assert ids("oil prices", "&sort=oldest") == both
    # and the facets count what is listed
    assert {f["value"]: f["count"] for f in newest["facets"]["section"]} == {"markets": 3}
    # By relevance they rank first, and the rest follow (any word may match)
    relevance = ids("oil prices")
    assert set(relevance[:3]) == set(both) and set(relevance) == {*both, *prices, *oil}
    # One word, a long query and a query no article answers completely list any word's articles by date
    assert search("prices", "&sort=newest")["total"] == 7
    long = "oil prices rose again fell sharply cocoa"
    assert set(ids(long, "&sort=newest")) == {*both, *prices, *oil}
    assert set(ids("palm cocoa", "&sort=newest")) == {*prices, *oil}
    # A filter only narrows what is listed, and each facet counts what selecting it lists: whether any article holds
    # every word is decided in the whole archive (the review: a section none of whose articles held both listed any
    # word's, so adding a section to a selection dropped results, and the facets counted another set)
    assert ids("oil prices", "&sort=newest&section=markets") == both[::-1]
    assert ids("oil prices", "&sort=newest&section=farming") == []
    assert ids("oil prices", "&sort=newest&section=markets,farming") == both[::-1]
    assert ids("oil prices", "&sort=newest&from=2021-01-01") == []


def test_a_date_order_reads_on_through_the_same_articles(pipeline: LocalPipeline) -> None:
    both, _, _ = _archive(pipeline)

    status, first, _ = get("/search?q=oil+prices&sort=newest&size=2")
    assert status == 200 and first["total"] == 3
    status, second, _ = get(f"/search?q=oil+prices&sort=newest&size=2&cursor={quote(first['next_cursor'])}")

    assert status == 200
    assert [hit["id"] for hit in first["results"] + second["results"]] == both[::-1]
    assert second["next_cursor"] is None
    status, page_two, _ = get("/search?q=oil+prices&sort=newest&size=2&page=2")
    assert [hit["id"] for hit in page_two["results"]] == both[:1]


def test_a_misspelt_word_in_a_date_order_lists_what_its_spelling_lists(pipeline: LocalPipeline) -> None:
    both, prices, oil = _archive(pipeline)

    # When a word no article holds is typed, sorted by date
    body = search("oil pricse", "&sort=newest")

    # Then the articles holding every word as the search read it (altered_query) are listed, as that query lists
    # them (session 26: all 9 of any word before, newest first, while altered_query said "oil prices")
    assert body["altered_query"] == "oil prices" and body["total"] == 3
    assert ids("oil pricse", "&sort=newest") == ids("oil prices", "&sort=newest") == both[::-1]
    assert ids("oill prics", "&sort=oldest") == both
    assert ids("oil pricse", "&sort=newest&section=farming") == []
    # The spelling chosen, not every word within a typo (session 24's review: `kerry putn` listed 2 articles holding
    # `kerr` and `putting`); when no article holds every word as read, any word's articles as read are listed, as
    # searching the words as read lists them, not a near spelling's (session 26's review: `kery putin` listed 417
    # news-dev articles, those holding `key` or `putting` first, where `kerry putin` lists 25)
    psalm = _json_upload(pipeline, "Choir", "A psalm was sung.", published="2023-01-01")
    pipeline.drain()
    assert set(ids("palm cocao", "&sort=newest")) == set(ids("palm cocoa", "&sort=newest")) == {*prices, *oil}
    assert search("palm cocao", "&sort=newest")["altered_query"] == "palm cocoa"
    assert psalm in ids("palm cocao")  # by relevance the near spellings still follow
    # and the reader is told how a short query's words were read (altered_query); a long one, searched as typed, is
    # offered did_you_mean when following it lists more, counting what it lists
    for extra in ("&sort=newest", "&sort=oldest&section=markets", "&sort=newest&section=farming"):
        for q in ("oil pricse", "oill prices", "oil pricse -cocoa", "oill prics"):
            body = search(q, extra)
            assert body["altered_query"] is not None and body["did_you_mean"] is None, (q, extra)
            assert body["total"] == search(body["altered_query"], extra)["total"], (q, extra)
        offered = search("oil pricse zebra lantern orchid", extra)["did_you_mean"]
        if offered is not None:
            assert search(offered["q"], extra)["total"] == offered["total"], extra
    assert search("oil pricse zebra lantern orchid", "&sort=newest")["did_you_mean"] is not None


def test_a_date_order_counts_a_word_held_as_a_part_of_a_joined_word(pipeline: LocalPipeline) -> None:
    # Given articles naming O'Neill (a part, `neill`, which searching for the word finds) and one writing Neill alone
    oneill = [
        _json_upload(pipeline, f"Celtic {n}", "Martin O'Neill is the Celtic manager.", published=f"201{n}-05-01")
        for n in range(2)
    ]
    neill = _json_upload(pipeline, "Assembly", "Bob Neill, the assembly manager, spoke.", published="2015-05-01")
    other = _json_upload(pipeline, "Club news", "The club manager resigned.", published="2016-05-01")
    ticker = _json_upload(
        pipeline, "Whampoa", "Hutchison Whampoa Ltd <HWHH.HK> expects profits.", published="2017-01-01"
    )
    hk = _json_upload(pipeline, "Hong Kong", "H.K. profits rose.", published="2018-01-01")
    _json_upload(pipeline, "Profits", "Profits fell.", published="2019-01-01")
    pipeline.drain()

    # When the reader sorts `neill manager` by date
    # Then every article holding both words is listed, the part of O'Neill counted as the word (session 24's review:
    # news-dev listed five bylines of Mark O'Neill and hid the three articles on Martin O'Neill, the Celtic manager)
    assert ids("neill manager", "&sort=newest") == [neill, oneill[1], oneill[0]]
    assert other not in ids("neill manager", "&sort=newest")
    # and by relevance they are all complete matches, ranked before an article holding one word
    assert set(ids("neill manager")[:3]) == {neill, *oneill}
    # An abbreviation in either spelling, as a part too, whichever is typed (H.K. left out the ticker HK lists)
    assert ids("H.K. profits", "&sort=newest") == ids("HK profits", "&sort=newest") == [hk, ticker]


def test_a_year_typed_is_held_by_the_articles_published_in_it(pipeline: LocalPipeline) -> None:
    # Given articles on coffee quotas published in 1987 (none writing the year), one published in 1988, and two of
    # 1987 that write "1987" beside the words but are about something else
    quotas = [
        _json_upload(pipeline, f"Coffee talks {n}", "Coffee quota talks resumed.", published=f"1987-0{n + 1}-10")
        for n in range(3)
    ]
    later = _json_upload(pipeline, "Coffee talks again", "Coffee quota talks resumed.", published="1988-02-10")
    writing = [
        _json_upload(
            pipeline, f"Tea {n}", f"In 1987 tea exports rose; coffee fell; a quota {n}.", published="1987-06-01"
        )
        for n in range(2)
    ]
    pipeline.drain()

    # Then `1987 coffee quota` ranks the articles of 1987 holding the other words with those writing 1987, above
    # those of another year (session 34's review: the two writing "1987" came first, the 25 quota articles after)
    found = ids("1987 coffee quota")
    assert set(found[:5]) == {*quotas, *writing} and found[5] == later
    # and by date lists them alone, newest first, as it lists a query's every word
    assert set(ids("coffee quota 1987", "&sort=newest")) == {*quotas, *writing}
    # and an excluded year keeps them out (session 34's second review: `coffee NOT 1987` kept 36 of 1987 of its 45)
    assert ids("coffee quota NOT 1987") == ids("coffee quota -1987") == [later]
    # A year typed alone too, the articles writing it first (session 53's attack report: `1987` found the 456
    # news-dev articles writing it, not the 1,573 published in 1987), by date as well
    alone = ids("1987")
    assert set(alone) == {*quotas, *writing} and set(alone[:2]) == set(writing)
    assert set(ids("1987", "&sort=newest")) == {*quotas, *writing}


def test_a_year_excluded_alone_lists_every_article_but_that_years_and_a_quoted_one_those_writing_it(
    pipeline: LocalPipeline,
) -> None:
    # Given two articles of 1987 (neither writing the year), one of 1988 writing "1987", and one of 1988
    of_1987 = [
        _json_upload(pipeline, f"Coffee talks {n}", "Coffee quota talks resumed.", published=f"1987-0{n + 1}-10")
        for n in range(2)
    ]
    writing = _json_upload(pipeline, "Tea exports", "In 1987 tea exports rose.", published="1988-06-01")
    other = _json_upload(pipeline, "Cocoa talks", "Cocoa talks resumed.", published="1988-02-10")
    pipeline.drain()

    # Then a year excluded alone lists what `NOT cocoa` alone lists: every article without it, by its text or its
    # date (session 53's review: `NOT 1987`, `AND NOT 1987` and `-1987` listed the 1,595 news-dev articles of 1987)
    for q in ("NOT 1987", "AND NOT 1987", "-1987"):
        assert ids(q) == [other], q
        assert ids(q, "&sort=newest") == [other], q
    assert ids("cocoa -1987") == [other]
    # and a quoted year asks for the text as written: the article writing it, not those published in it
    assert ids('"1987"') == [writing]
    assert set(ids("1987")) == {*of_1987, writing}


def test_a_month_typed_beside_a_year_is_held_by_the_articles_published_in_that_month(pipeline: LocalPipeline) -> None:
    # Given wire stories of October 1987 on the crash, whose datelines abbreviate the month, one of November, and an
    # article writing October and 1987 beside a near spelling of `crash` (`crush`)
    crash = [
        _json_upload(
            pipeline, f"Market crash {n}", f"NEW YORK, Oct {19 + n} - The crash hit.", published=f"1987-10-{19 + n}"
        )
        for n in range(2)
    ]
    later = _json_upload(pipeline, "After the crash", "NEW YORK, Nov 2 - The crash is over.", published="1987-11-02")
    crush = _json_upload(pipeline, "Sugar", "Crush begins in October 1987.", published="1987-03-01")
    pipeline.drain()

    # Then `october 1987 crash` ranks the October stories first (session 34's review: a Fiji story writing
    # "October" and "1987" beside `crushing` came first), and by date lists them alone
    found = ids("october 1987 crash")
    assert set(found[:2]) == set(crash) and set(found) >= {later, crush}
    assert ids("october 1987 crash", "&sort=oldest") == crash


def test_a_month_typed_with_its_year_ranks_the_articles_published_then_first(pipeline: LocalPipeline) -> None:
    # Given wire stories of February 1987, whose datelines write `Feb 26`, and March stories on February's figures,
    # which write "February" and "February 1987" more often
    february = [
        _json_upload(
            pipeline, f"Oil output {n}", f"LONDON, Feb 26 - Oil output rose, dealers said {n}.", published="1987-02-26"
        )
        for n in range(2)
    ]
    march = [
        _json_upload(
            pipeline,
            f"February oil output rose {n}",
            f"LONDON, March 5 - February oil output rose. In February 1987 February output rose {n}.",
            published="1987-03-05",
        )
        for n in range(2)
    ]
    pipeline.drain()

    # Then the month typed with its year, in any spelling, ranks the articles published in it first (session 54's
    # attack report: `february 1987` ranked the March stories first, the first of February's 41st), then those writing
    # it, and by date lists both
    for q in ("february 1987", "February 1987", "feb 1987", "Feb. 1987", "1987 february", "february 1987 oil"):
        found = ids(q)
        assert set(found[:2]) == set(february) and set(found[2:4]) == set(march), q
        assert set(ids(q, "&sort=newest")) == {*february, *march}, q


def test_a_month_and_year_no_article_was_published_in_ranks_those_writing_both_first(pipeline: LocalPipeline) -> None:
    # Given articles of 2005 that write "June" and "2005" apart, and June 1987 wire stories repeating "June"
    later = [
        _json_upload(
            pipeline,
            f"Summit set {n}",
            f"Leaders will meet in June. The 2005 summit is the first of its kind {n}.",
            published="2005-01-10",
        )
        for n in range(2)
    ]
    wires = [
        _json_upload(
            pipeline,
            f"June output {n}",
            f"LONDON, June 18 - June output rose in June, June figures showed {n}.",
            published="1987-06-18",
        )
        for n in range(2)
    ]
    pipeline.drain()

    # Then a month with its year no article was published in ranks the articles writing both first (session 54's
    # last review: `june 2005` ranked June 1987's wire stories in the BBC's place once only its date held it)
    found = ids("june 2005")
    assert set(found[:2]) == set(later) and not set(found[:2]) & set(wires)


def test_a_date_typed_in_figures_finds_the_articles_of_that_day_or_month(pipeline: LocalPipeline) -> None:
    # Given articles of 19 and 20 October 1987 (datelines `Oct 19`, `Oct 20`), one of 11 October and one of 10 November
    day = _json_upload(pipeline, "Stocks plunge", "NEW YORK, Oct 19 - Stocks fell.", published="1987-10-19")
    after = _json_upload(pipeline, "Stocks recover", "NEW YORK, Oct 20 - Stocks rose.", published="1987-10-20")
    eleventh = _json_upload(pipeline, "Talks", "PARIS, Oct 11 - Talks began.", published="1987-10-11")
    tenth = _json_upload(pipeline, "Budget", "LONDON, Nov 10 - A budget.", published="1987-11-10")
    pipeline.drain()

    # Then a day typed in figures, in any of the usual forms, finds that day's article (session 54's attack report:
    # each was one word no article holds, 0 results)
    for q in ("1987-10-19", "10/19/1987", "19/10/1987", "1987/10/19", "19.10.1987", "oct-19-1987"):
        assert ids(q) == [day], q
    # and in words, first (its words find the other datelines too)
    assert ids("oct 19 1987")[0] == ids("19 October 1987")[0] == day
    # a month typed so, that month's
    for q in ("1987-10", "10/1987"):
        assert set(ids(q)) == {day, after, eleventh}, q
    # a day that may be read either way round, both days (American and British copy write it so)
    assert set(ids("10/11/1987")) == {eleventh, tenth}
    # and excluded, it keeps that day's articles out
    assert set(ids("stocks -1987-10-19")) == {after}
    # A year typed `'87` is 1987's (a bare `87` stays a number)
    assert set(ids("'87")) == {day, after, eleventh, tenth} and ids("87") == []
    # A date the calendar lacks, or figures with no year, are no date
    assert ids("2/30/1987") == ids("10/19") == []


def test_a_month_name_that_is_a_word_is_a_month_only_where_it_is_typed_as_a_date(pipeline: LocalPipeline) -> None:
    # Given wire stories of May 1987 (datelines `May 5`), and March 1987 stories writing the verb `may` and the year
    month = [
        _json_upload(pipeline, f"Output {n}", f"LONDON, May 5 - Output rose, dealers said {n}.", published="1987-05-05")
        for n in range(2)
    ]
    verb = [
        _json_upload(
            pipeline,
            f"Crop outlook {n}",
            f"LONDON, March 3 - The 1987 crop may be late, traders said, and may be smaller {n}.",
            published="1987-03-03",
        )
        for n in range(2)
    ]
    pipeline.drain()

    # Then `may` typed apart from the year (`be` between) or after it is the verb: the stories using it rank first
    # (session 55: `may be 1987` was read May 1987, its `be` no scored word, and ranked May's articles first)
    for q in ("may be 1987", "1987 may"):
        assert set(ids(q)[:2]) == set(verb), q
    # while `may 1987`, `in may 1987` and `may of 1987` are the month, its articles first, and so where typed side by
    # side after being typed apart (session 56: read among the distinct words, `may be 1987 may 1987` was no date)
    for q in ("may 1987", "in may 1987", "may of 1987", "may be 1987 may 1987"):
        assert set(ids(q)[:2]) == set(month), q


def test_a_date_said_with_the_before_its_day_or_in_before_its_year_is_still_that_date(pipeline: LocalPipeline) -> None:
    # Given the article of 19 October 1987 and one of March 1987, and 1987 articles writing the words instead
    day = _json_upload(pipeline, "Stocks plunge", "NEW YORK, Oct 19 - Stocks fell.", published="1987-10-19")
    month = _json_upload(pipeline, "Tin output", "LONDON, March 10 - Tin output rose.", published="1987-03-10")
    words = [
        _json_upload(
            pipeline,
            f"Pact talks {n}",
            f"The 19th round of talks in October, on March figures for 1987, in October 1987 and March 1987 {n}.",
            published="1987-06-01",
        )
        for n in range(2)
    ]
    pipeline.drain()

    # Then `the` before the day and `in` before the year are said within a date, which ranks its articles first
    # (session 55: any word but `of` broke the date, and `october the 19th 1987` ranked the words' articles first)
    for q in ("october the 19th 1987", "october the 19th, 1987", "oct. the 19th 1987"):
        assert ids(q)[0] == day, q
    for q in ("march in 1987", "march in '87"):
        assert ids(q)[0] == month, q
        assert set(words) <= set(ids(q)), q


def test_a_day_in_figures_with_a_two_digit_year_is_read_as_its_year(pipeline: LocalPipeline) -> None:
    # Given the articles of 19 and 20 October 1987
    day = _json_upload(pipeline, "Stocks plunge", "NEW YORK, Oct 19 - Stocks fell.", published="1987-10-19")
    _json_upload(pipeline, "Stocks recover", "NEW YORK, Oct 20 - Stocks rose.", published="1987-10-20")
    pipeline.drain()

    # Then a day with a two-digit year finds that day's article, as `'87` is 1987 (session 55: `10/19/87` found
    # nothing), but not with dots (`2.7.10` is a version) nor a month in figures alone (`10/87` may be a score)
    for q in ("10/19/87", "10-19-87", "19/10/87", "19-oct-87"):
        assert ids(q) == [day], q
    assert ids("19.10.87") == ids("10/87") == []


def test_two_digits_after_a_month_name_are_a_day_not_a_year(pipeline: LocalPipeline) -> None:
    # Given stories of September 2011 on attacks, and stories a year after 11 September 2001 writing `Sep 11`
    month = [
        _json_upload(pipeline, f"Border report {n}", f"Rebel attacks rose, officials said {n}.", published="2011-09-05")
        for n in range(2)
    ]
    day = [
        _json_upload(pipeline, f"A year on {n}", f"The Sep 11 attacks, a year on {n}.", published="2002-09-11")
        for n in range(2)
    ]
    pipeline.drain()

    # Then `sep-11` is the day the reader means, the stories writing it first (session 56's review: read as
    # September 2011, it ranked that month's stories first), while `sep-'11` is that month
    assert set(ids("sep-11 attacks")[:2]) == set(day)
    assert set(ids("sep-'11 attacks")[:2]) == set(month)


def test_a_date_order_offers_a_spelling_counting_what_it_lists_with_a_quoted_phrase(pipeline: LocalPipeline) -> None:
    both, _, _ = _archive(pipeline)
    _json_upload(
        pipeline, "Markets", "Cocoa output and palm futures rose; prices of grain rose.", published="2023-02-01"
    )
    pipeline.drain()

    # A long query with a quoted phrase lists, by date, the articles holding the phrase: its spelling was counted as
    # any word's articles (session 43's review: `"interest rates" economi growht europe` by date offered 1,859 on
    # news-dev where following it lists 343, and offered it where it lists no more)
    for extra in ("&sort=newest", "&sort=oldest", "&sort=newest&spelling=as_typed", "&sort=newest&section=markets", ""):
        for q in ('"oil prices" cocao output palm futures', 'palm "oil prices" grian rose again sharply'):
            body = search(q, extra)
            offered = body["did_you_mean"]
            if offered is not None:
                assert search(offered["q"], extra)["total"] == offered["total"] > body["total"], (q, extra)
    # by date both spellings list the three articles holding the phrase: nothing to offer
    for sort in ("newest", "oldest"):
        q = '"oil prices" cocao output palm futures'
        assert set(ids(q, f"&sort={sort}")) == set(both) and search(q, f"&sort={sort}")["did_you_mean"] is None
