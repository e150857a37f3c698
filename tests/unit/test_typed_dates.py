"""Dates a reader types, read as the days or months they name (typed_dates; session 54's attack report)."""

from __future__ import annotations

import json

from archive_search.query_parser import parse_query
from archive_search.relevance import (
    Ranking,
    complete_match,
    content_words,
    dates_published,
    exclusions,
    query_units,
)
from archive_search.typed_dates import Period, numeric_date, short_year, typed_apart, typed_dates

OCT_19 = Period(1987, 10, 19)


def test_a_day_in_figures_is_read_in_each_usual_form() -> None:
    for typed in ("1987-10-19", "1987/10/19", "1987.10.19", "10/19/1987", "19/10/1987", "10-19-1987", "19.10.1987"):
        assert numeric_date(typed) == (OCT_19,), typed
    for typed in ("oct-19-1987", "19-oct-1987", "october-19-1987"):
        assert numeric_date(typed) == (OCT_19,), typed


def test_a_month_in_figures_is_read_but_not_a_season_or_a_number() -> None:
    assert numeric_date("1987-10") == numeric_date("10/1987") == numeric_date("oct-1987") == (Period(1987, 10),)
    # `2004-05` is a season or a fiscal year, `1987/88` too; `1.1987` an exchange rate, `1987.10` a number
    for typed in ("2004-05", "1987/88", "1987/10", "1.1987", "1987.10", "10/19", "3.5", "1987-13", "2/30/1987"):
        assert numeric_date(typed) == (), typed


def test_a_day_either_way_round_is_both_days_but_with_dots_the_day_first() -> None:
    assert numeric_date("10/11/1987") == (Period(1987, 10, 11), Period(1987, 11, 10))
    assert numeric_date("10-11-1987") == (Period(1987, 10, 11), Period(1987, 11, 10))
    assert numeric_date("10.11.1987") == (Period(1987, 11, 10),)
    assert numeric_date("5/5/2005") == (Period(2005, 5, 5),)


def test_a_month_named_beside_its_year_and_a_day_between_or_before() -> None:
    assert [d.periods for d in typed_dates(["feb", "1987"])] == [(Period(1987, 2),)]
    assert [d.words for d in typed_dates(["crash", "1987", "october"])] == [("1987", "october")]
    assert [d.periods for d in typed_dates(["oct", "19th", "1987", "crash"])] == [(OCT_19,)]
    assert [d.words for d in typed_dates(["19", "october", "1987"])] == [("19", "october", "1987")]
    for words in (["october", "crash"], ["october", "crash", "1987"], ["octobre", "1987"], ["oct", "32", "1987"]):
        assert [d for d in typed_dates(words) if d.periods[0].day] == [], words
    assert typed_dates(["october", "crash"]) == typed_dates(["octobre", "1987"]) == []


def test_a_month_is_written_with_its_year_a_day_without() -> None:
    assert Period(1987, 2).written() == ["february 1987", "feb 1987"]
    assert OCT_19.written() == ["october 19", "oct 19", "19 october"]
    assert Period(1987, 5).written() == ["may 1987"]


def test_a_year_typed_with_two_digits_behind_an_apostrophe() -> None:
    assert short_year("'87") == "1987" and short_year("\u201905") == "2005" and short_year("87") is None
    assert short_year("'68") == "1968"  # no story of 2068: the POSIX pivot read it so and found nothing
    assert query_units(parse_query("'87 crash")) == ["1987", "crash"]
    assert query_units(parse_query("crash of 87")) == ["crash", "of", "87"]


def test_a_month_typed_with_its_year_is_held_by_date_or_words_and_ranks_its_published_articles_first() -> None:
    def every(q: str) -> str:
        return json.dumps(complete_match(parse_query(q), Ranking(), content_words(parse_query(q))))

    # A month with its year is held by its date, written together, or by its words as session 34 held it (`june
    # 2005`: no article of June 2005, the BBC's writing both must stay complete matches); the dated tier ranks
    held = every("february 1987")
    assert '"1987-02||/M"' in held and '"query": "february 1987"' in held and '"query": "feb 1987"' in held
    assert '"1987||/y"' in held and '"query": "february"' in held
    # A day in figures alone makes a tier (its one word is held by its date)
    assert '"1987-10-19||/d"' in every("1987-10-19")
    # and the dated tier asks for the date of publication alone
    parsed = parse_query("feb 1987 oil")
    assert json.dumps(dates_published(parsed, content_words(parsed))) == json.dumps(
        [{"range": {"published": {"gte": "1987-02||/M", "lte": "1987-02||/M", "format": "yyyy-MM"}}}]
    )
    # A quoted year is text as written: no date
    assert dates_published(parse_query('"february 1987"'), ["february", "1987"]) == []


def test_a_date_excluded_keeps_its_days_articles_out() -> None:
    assert [t.text for t in parse_query("crash -1987-10-19").excluded] == ["1987-10-19"]
    assert '"1987-10-19||/d"' in json.dumps(exclusions(parse_query("crash -1987-10-19"), Ranking()))
    assert [t.text for t in parse_query("crash -10/19").excluded] == []


def test_a_date_is_typed_side_by_side_and_a_month_that_is_a_word_before_its_year() -> None:
    def read(q: str) -> list[str]:
        parsed = parse_query(q)
        return [json.dumps(clause) for clause in dates_published(parsed, content_words(parsed))]

    may, march = read("may 1987"), read("march 1987")
    assert '"1987-05||/M"' in may[0] and '"1987-03||/M"' in march[0]
    # `be` is no scored word, yet `may be 1987` is the verb (session 55); `of`, `the` before a day and `in` before a
    # year are said within a date, `the` before a year not
    assert read("may be 1987") == read("earnings may be 1987 higher") == read("may the 1987") == []
    assert read("in may 1987") == may and read("march of 1987") == march == read("march in 1987")
    assert '"1987-05-19||/d"' in read("may the 19 1987")[0] and '"1987-10-19||/d"' in read("october the 19th 1987")[0]
    assert '"1987-10-19||/d"' in read("19th of october 1987")[0]
    # After its year an ordinary word's month is the word (news-dev: "earnings in 2005 may also slide"), another
    # month's name the month
    assert read("1987 may") == [] and read("1987 february") != [] != read("1987 march") and read("1987 mar") != []
    assert typed_apart(["may", "be", "1987", "of", "june"], {"be", "of"}) == [False, True, False]
    assert typed_apart(["october", "the", "19th", "in", "1987"], {"the", "in"}) == [False, False, False]
    assert typed_apart(["may", "the", "1987", "in", "june"], {"the", "in"}) == [False, True, True]


def test_a_day_in_figures_with_a_two_digit_year_reads_it_as_an_apostrophe_year() -> None:
    for typed in ("10/19/87", "19/10/87", "10-19-87", "19-oct-87", "oct-19-87"):
        assert numeric_date(typed) == (OCT_19,), typed
    assert numeric_date("oct-87") == (Period(1987, 10),)
    # a month in figures alone may be a score, dots a version number
    for typed in ("10/87", "10-87", "19.10.87", "2.7.10", "1.1.87"):
        assert numeric_date(typed) == (), typed


def test_two_digits_after_a_month_name_are_its_day_unless_they_can_be_no_day_or_follow_an_apostrophe() -> None:
    # A reader typing `sep-11` or `may-05` means a day of the month, not September 2011 or May 2005 (session 56's
    # review: read so, an archive holding those months put all of them in the dated tier); without its year such a
    # day is no date, as `september 11` typed apart is none
    for typed in ("sep-11", "sept-11", "oct-19", "apr-15", "may-05", "march-15", "sep/11", "oct-31", "9/11"):
        assert numeric_date(typed) == (), typed
    for words in (["sep", "11"], ["september", "11"], ["jan", "2"], ["oct", "87"]):
        assert typed_dates(words) == [], words
    # Two digits that can be no day are a year, and so are two after an apostrophe, in one word or two
    assert numeric_date("oct-87") == (Period(1987, 10),) and numeric_date("oct-00") == (Period(2000, 10),)
    assert numeric_date("sep-'11") == numeric_date("sep-\u201911") == (Period(2011, 9),)
    assert numeric_date("may-'05") == (Period(2005, 5),) and numeric_date("10/'87") == (Period(1987, 10),)
    parsed = parse_query("may '05")
    assert [d.periods for d in typed_dates(content_words(parsed))] == [(Period(2005, 5),)]
    # A day named beside it keeps a two-digit year a year
    assert numeric_date("sep-11-01") == numeric_date("11-sep-01") == (Period(2001, 9, 11),)
    assert numeric_date("10/19/87") == numeric_date("oct-19-87") == (OCT_19,)


def test_a_date_is_read_where_it_is_typed_not_among_the_distinct_words() -> None:
    def read(q: str) -> list[str]:
        parsed = parse_query(q)
        return [json.dumps(clause) for clause in dates_published(parsed, content_words(parsed))]

    # The scored words are distinct: `may be 1987 may 1987` typed the month side by side the second time (session
    # 56's review: each word's flag was taken from its first place, and no date was read); once for a date typed twice
    may = read("may 1987")
    assert read("may be 1987 may 1987") == may == read("may 1987 may 1987") == read("may 1987 oil may be 1987")
    # words typed apart are no date where their first places stand side by side among the distinct words
    assert read("oil june oil 1987") == [] == read("oil 1987 oil february")
    # each date typed is read, a month repeated with another year too
    assert len(read("may 1987 may 2005")) == 2
    # a word read as another spelling is read in its place
    words = ["oil", "june", "1987"]
    assert '"1987-06||/M"' in json.dumps(dates_published(parse_query("oil jnue 1987"), words))


def test_words_not_aligned_with_the_querys_content_words_read_no_date_rather_than_fail() -> None:
    # The scored words must be the content words, each as read; a caller passing others raised ValueError (zip's
    # strict), a 500 (session 56's review): now no date is read
    parsed = parse_query("oil june 1987")
    assert dates_published(parsed, ["oil", "june"]) == []
    assert dates_published(parsed, ["oil", "june", "1987", "extra"]) == []
    assert len(dates_published(parsed, ["oil", "june", "1987"])) == 1
