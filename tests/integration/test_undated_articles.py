"""Articles without a publication date on the real node (session 56): the year facet counts them as `undated`,
`year=undated` selects them (OR with years), a date range leaves them out, and a date order lists them last either
way, a cursor and a page number reading on across the boundary alike."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_search_api import _json_upload, get

pytestmark = pytest.mark.integration


def _archive(pipeline: LocalPipeline) -> tuple[list[str], list[str]]:
    """Three dated harvest reports (oldest first) and three undated ones (in source_key order, the tiebreak)."""
    dated = [
        _json_upload(pipeline, f"Harvest report {n}", "The harvest was late.", section="farming", published=day)
        for n, day in enumerate(["2004-05-01", "2005-01-02", "2005-06-01"])
    ]
    undated = sorted(_json_upload(pipeline, f"Harvest notes {n}", "The harvest was late.") for n in range(3))
    pipeline.drain()
    return dated, undated


def _search(query: str) -> dict[str, Any]:
    status, body, _ = get(f"/search?{query}")
    assert status == 200, body
    return body


def _ids(query: str) -> list[str]:
    return [hit["id"] for hit in _search(query)["results"]]


def _years(body: dict[str, Any]) -> list[tuple[str, int, bool]]:
    return [(v["value"], v["count"], v["selected"]) for v in body["facets"]["year"]]


def test_the_year_facet_counts_the_undated_articles_and_year_selects_them(pipeline: LocalPipeline) -> None:
    dated, undated = _archive(pipeline)

    # When the reader searches
    body = _search("q=harvest")

    # Then the year facet lists the undated articles after the years, and its counts add up to the total
    assert body["total"] == 6
    assert _years(body) == [("2005", 2, False), ("2004", 1, False), ("undated", 3, False)]
    assert sum(count for _, count, _ in _years(body)) == body["total"]
    # Selecting them lists them only, and the facet still offers the years to choose instead
    chosen = _search("q=harvest&year=undated")
    assert sorted(hit["id"] for hit in chosen["results"]) == undated and chosen["total"] == 3
    assert _years(chosen) == [("2005", 2, False), ("2004", 1, False), ("undated", 3, True)]
    # Values of the facet are OR, as a section's are, in any case, repeated or listed
    assert set(_ids("q=harvest&year=2004,Undated")) == {dated[0], *undated}
    assert set(_ids("q=harvest&year=2004&year=undated")) == {dated[0], *undated}
    assert set(_ids("q=harvest&year=2005")) == set(dated[1:])
    # Without words too, and beside the other filters (the undated articles have no section)
    assert set(_ids("year=undated")) == set(undated)
    assert _ids("year=undated&section=farming") == []
    # A date range holds no undated article; a whole year chosen by from/to leaves undated countable, to choose instead
    assert _ids("q=harvest&year=undated&from=2004-01-01") == []
    whole = _search("q=harvest&from=2004-01-01&to=2004-12-31")
    assert whole["total"] == 1 and _years(whole) == [("2005", 2, False), ("2004", 1, True), ("undated", 3, False)]
    # A bad value is a 400 naming the parameter
    status, refused, _ = get("/search?q=harvest&year=later")
    assert status == 400 and refused["error"]["code"] == "invalid_parameter"
    assert refused["error"]["message"].startswith("year ")


@pytest.mark.parametrize(
    "query",
    [
        "q=harvest&year=undated&from=2004-01-01&to=2004-12-31",
        "q=harvest&year=2005&from=2004-01-01&to=2004-12-31",
        "q=harvest&year=2004,undated&from=2004-01-01&to=2004-12-31",
        "q=harvest&year=2005,undated&from=2005-03-01",
        "q=harvest&year=2005&from=2005-01-01&to=2005-12-31",
        "q=harvest&from=2004-01-01&to=2004-12-31",
        "q=harvest&from=2005-03-01",
    ],
)
def test_the_year_facet_says_what_choosing_its_values_lists(pipeline: LocalPipeline, query: str) -> None:
    _archive(pipeline)

    body = _search(query)

    # Given `year` beside a whole-year range (`year=undated` beside 2004's found none, and the facet counted 2004 and
    # undated without the range, both selected: session 56's review), each value's count is what the search lists
    # with that value as the facet's choice, and the selected ones (else all) together are the total
    parts = query.split("&")
    # The facet's own filter: `year`, else a range of one whole year (the website's year choice)
    dates = [part for part in parts if part.startswith(("from=", "to="))]
    whole_year = len(dates) == 2 and dates[0].endswith("-01-01") and dates[1].endswith("-12-31")
    own = [part for part in parts if part.startswith("year=")] or (dates if whole_year else [])
    base = "&".join(part for part in parts if part not in own)
    for value, count, _selected in _years(body):
        assert _search(f"{base}&year={value}")["total"] == count, (value, count)
    chosen = [count for _, count, selected in _years(body) if selected]
    assert sum(chosen or [count for _, count, _ in _years(body)]) == body["total"]


@pytest.mark.parametrize(("sort", "order"), [("newest", -1), ("oldest", 1)])
def test_a_date_order_lists_the_undated_articles_last_and_reads_on_across_them(
    pipeline: LocalPipeline, sort: str, order: int
) -> None:
    dated, undated = _archive(pipeline)
    expected = dated[::order] + undated

    # Page by page with cursors, two at a time, across the boundary between the dated and the undated
    seen: list[str] = []
    query = f"q=harvest&sort={sort}&size=2"
    body = _search(query)
    seen += [hit["id"] for hit in body["results"]]
    while body["next_cursor"]:
        body = _search(f"{query}&cursor={quote(body['next_cursor'])}")
        seen += [hit["id"] for hit in body["results"]]

    assert seen == expected
    # and by page number alike, and without words (browsing)
    assert [i for page in (1, 2, 3) for i in _ids(f"{query}&page={page}")] == expected
    assert _ids(f"section=farming&sort={sort}") == dated[::order]
    assert _ids(f"year=2004,undated&sort={sort}&size=4") == ([dated[0], *undated])
