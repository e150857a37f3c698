"""The year facet and the `year` filter: years and `undated`, the articles without a publication date (session 56).

Before, the year facet had no value for the undated articles (news-dev's 2,225 BBC articles), so its counts fell
short of the total and a reader could neither see nor select them; `year` did not exist."""

from __future__ import annotations

from typing import Any

import pytest

from archive_search.errors import InvalidQueryError
from archive_search.facets import facet_aggregations, read_facets
from archive_search.search import SearchRequest, filter_clauses


def _facet(years: dict[str, int], undated: int) -> dict[str, Any]:
    """An engine answer's year facet: the histogram's buckets and the `undated` (missing) count."""
    buckets = [{"key_as_string": year, "doc_count": count} for year, count in years.items()]
    return {"facet_year": {"values": {"buckets": buckets}, "undated": {"doc_count": undated}}}


def _year(aggregations: dict[str, Any], request: SearchRequest) -> list[tuple[str, int, bool]]:
    return [(v.value, v.count, v.selected) for v in read_facets(aggregations, request)["year"]]


def test_the_year_facet_lists_undated_after_the_years_so_its_counts_add_up() -> None:
    request = SearchRequest(q="oil")

    # Given 328 articles of 1987 and 106 without a date (news-dev, `oil`)
    values = _year(_facet({"1987": 328}, 106), request)

    # Then the facet lists them after the years, unselected, and the counts add up to the 434 results
    assert values == [("1987", 328, False), ("undated", 106, False)]
    # and says nothing of them when every article is dated
    assert _year(_facet({"1987": 328}, 0), request) == [("1987", 328, False)]
    # The engine is asked for the count
    aggs = facet_aggregations(filter_clauses(request), request)
    assert aggs["facet_year"]["aggs"]["undated"] == {"missing": {"field": "published"}}


def test_undated_selected_is_marked_and_listed_even_at_zero() -> None:
    chosen = SearchRequest(q="oil", year=("undated",))
    assert _year(_facet({"1987": 328}, 106), chosen) == [("1987", 328, False), ("undated", 106, True)]
    assert _year(_facet({"1987": 328}, 0), chosen) == [("1987", 328, False), ("undated", 0, True)]
    # A year chosen by `year` is marked as one chosen by a whole-year from/to
    both = SearchRequest(q="oil", year=("1987", "undated"))
    assert _year(_facet({"1987": 328}, 106), both) == [("1987", 328, True), ("undated", 106, True)]
    assert _year(_facet({}, 106), SearchRequest(q="oil", year=("2004",))) == [
        ("2004", 0, True),
        ("undated", 106, False),
    ]


@pytest.mark.parametrize(
    ("raw", "years"),
    [
        ("undated", ("undated",)),
        ("Undated", ("undated",)),
        ("2004,UNDATED", ("2004", "undated")),
        (" 2004 , 1987,2004", ("2004", "1987")),
        ("0001,9999", ("0001", "9999")),
        ("", ()),
    ],
)
def test_year_takes_years_and_undated_in_any_case(raw: str, years: tuple[str, ...]) -> None:
    assert SearchRequest.from_params({"q": "oil", "year": raw}).year == years


@pytest.mark.parametrize(
    "raw",
    [
        "04",
        "20044",
        "2004-01-01",
        "0000",
        "none",
        "2004,later",
        "\u0662\u0660\u0660\u0664",
        # ASCII as a date is (`from=\uff12\uff10\uff10\uff14-01-01` is refused): full-width and subscript digits,
        # letters and invisible characters were read as the other filters' values are (session 56's review)
        "\uff12\uff10\uff10\uff14",
        "1987,\u2081\u2089\u2088\u2087",
        "\uff55\uff4e\uff44\uff41\uff54\uff45\uff44",
        "2004\u200b",
        "\u00a02004",
        "\u200b",
    ],
)
def test_any_other_year_is_refused_naming_the_parameter(raw: str) -> None:
    with pytest.raises(InvalidQueryError, match=r"^year values are years as YYYY in ASCII digits \(0001 to 9999\) or "):
        SearchRequest.from_params({"q": "oil", "year": raw})
    with pytest.raises(InvalidQueryError, match=r"^year "):
        SearchRequest.from_params({"year": raw})


def test_year_alone_is_a_search_and_a_filter_of_its_own() -> None:
    request = SearchRequest.from_params({"year": "undated"})
    assert request.has_filters and request.effective_sort == "newest"
    assert filter_clauses(request)["year"] == {
        "bool": {"should": [{"bool": {"must_not": [{"exists": {"field": "published"}}]}}], "minimum_should_match": 1}
    }
    years = filter_clauses(SearchRequest(q="oil", year=("2004", "undated")))["year"]["bool"]["should"]
    assert years[0] == {"range": {"published": {"gte": "2004-01-01", "lte": "2004-12-31"}}}


def test_the_year_facet_leaves_out_a_whole_year_range_chosen_without_year_and_others_count_within_it() -> None:
    request = SearchRequest(q="oil", date_from="2004-01-01", date_to="2004-12-31", section=("a",))
    clauses = filter_clauses(request)
    aggs = facet_aggregations(clauses, request)
    assert aggs["facet_year"]["filter"]["bool"]["filter"] == [clauses["section"]]
    assert aggs["facet_section"]["filter"]["bool"]["filter"] == [clauses["date"]]
    assert _year(_facet({"2004": 5, "2005": 7}, 3), request) == [
        ("2005", 7, False),
        ("2004", 5, True),
        ("undated", 3, False),
    ]


def test_beside_year_a_whole_year_range_bounds_the_year_facet_as_it_bounds_the_results() -> None:
    # `q=oil&year=undated&from=1987-01-01&to=1987-12-31` found 0 articles, and its year facet, counted without the
    # range, listed 1987 (328) and undated (106), both selected (session 56's review). `year` is the facet's choice
    # then; the range only narrows, as any range other than the year chosen does.
    request = SearchRequest(q="oil", year=("undated",), date_from="1987-01-01", date_to="1987-12-31", section=("a",))
    clauses = filter_clauses(request)
    aggs = facet_aggregations(clauses, request)
    assert aggs["facet_year"]["filter"]["bool"]["filter"] == [clauses["section"], clauses["date"]]
    assert aggs["facet_section"]["filter"]["bool"]["filter"] == [clauses["year"], clauses["date"]]
    # The engine counts 1987's articles within the range, none undated: 1987 unselected, undated selected at 0
    assert _year(_facet({"1987": 328}, 0), request) == [("1987", 328, False), ("undated", 0, True)]
    # Another range bounds the year facet as it bounds the results (session 54), `year` still its own
    ranged = SearchRequest(q="oil", year=("undated",), date_from="2004-03-01")
    assert facet_aggregations(filter_clauses(ranged), ranged)["facet_year"]["filter"]["bool"]["filter"] == [
        filter_clauses(ranged)["date"]
    ]


def test_a_cursor_is_bound_to_year_and_the_cursors_issued_before_it_read_on() -> None:
    def fingerprint(**params: str) -> str:
        return SearchRequest.from_params({"q": "obama", **params}).fingerprint()

    # The fingerprint of this search before `year` existed (test_search_request)
    assert fingerprint() == fingerprint(year="") == "f659be0b652f2a52"
    assert fingerprint(year="undated") != fingerprint(year="2004") != fingerprint()
    assert fingerprint(year="2004,Undated") == fingerprint(year="undated,2004")
