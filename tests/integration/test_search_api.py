"""The real search handler against the real node: ranking, highlighting, escaping, paging, errors."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any, cast
from urllib.parse import quote

import pytest
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.handlers import search
from archive_search.search import MAX_HIGHLIGHT_CHARS
from archive_search_cli.gateway import http_api_event
from archive_search_cli.worker import FakeLambdaContext
from tests.conftest import LEGACY_PAGE
from tests.integration.conftest import LocalPipeline

pytestmark = pytest.mark.integration


def get(path: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    response = search.handler(
        http_api_event("GET", path, {"Host": "127.0.0.1"}), cast(LambdaContext, FakeLambdaContext())
    )
    return response["statusCode"], json.loads(response["body"]), response.get("headers", {})


def _json_upload(pipeline: LocalPipeline, title: str, body: str, **extra: object) -> str:
    stem = f"a-{uuid.uuid4().hex[:8]}"
    pipeline.upload(f"{stem}.json", json.dumps({"title": title, "body": body, **extra}).encode())
    return stem


def test_finds_the_legacy_page_first_with_marked_highlights(pipeline: LocalPipeline) -> None:
    pipeline.upload("kerry.txt", LEGACY_PAGE.read_bytes())
    _json_upload(pipeline, "Sochi hosts a tennis final", "Players met in Sochi on Tuesday.")
    _json_upload(pipeline, "Putin opens a bridge", "The Russian president opened a bridge.")
    pipeline.drain()

    status, body, headers = get("/search?q=kerry+putin+sochi")

    assert status == 200
    assert body["total"] >= 1 and isinstance(body["took_ms"], int)
    top = body["results"][0]
    assert top["id"] == "kerry"
    assert top["title"] == "U.S: Secretary of State John Kerry to meet Russian President Putin"
    assert top["author"] == "Estera Popowska"
    assert "<mark>" in top["snippet"]
    assert "<mark>Kerry</mark>" in top["highlights"]["title"][0]
    assert "max-age" in headers["Cache-Control"]


def test_title_match_outranks_body_match(pipeline: LocalPipeline) -> None:
    in_body = _json_upload(pipeline, "Markets today", "Analysts discussed the harvest of cocoa in Ghana at length.")
    in_title = _json_upload(pipeline, "Cocoa harvest falls", "Farmers in Ghana report a poor season.")
    pipeline.drain()

    _status, body, _ = get("/search?q=cocoa+harvest")

    assert [hit["id"] for hit in body["results"]][:2] == [in_title, in_body]


def test_a_headline_or_tag_holding_the_words_outranks_a_body_repeating_them(pipeline: LocalPipeline) -> None:
    # Given a body repeating a town's name thousands of times, an article with the name in its headline and tags,
    # one with a word in its headline and the other in its tags, and articles naming the town once in their body
    stuffed = _json_upload(pipeline, "A long read on the coast", "Coastal erosion in Kingsport. " * 6000)
    titled = _json_upload(
        pipeline, "Marathon record falls in Kingsport rain", "Runners set a best time.", tags=["Kingsport"]
    )
    tagged = _json_upload(pipeline, "Harbour works begin", "Cranes arrived on Monday.", tags=["Kingsport"])
    for n in range(5):
        _json_upload(pipeline, f"Council story {n}", f"The council met in Kingsport town hall on day {n}.")
    pipeline.drain()

    one = [hit["id"] for hit in get("/search?q=kingsport")[1]["results"]]
    two = [hit["id"] for hit in get("/search?q=kingsport+harbour")[1]["results"]]

    # Then the headline and tag matches lead: the stuffed body ranked first and the headline 7th of 8 (session 54's
    # new user), for every body's `Kingsport` weighed by how often the stuffed one repeats it
    assert set(one[:2]) == {titled, tagged} and stuffed in one[2:], one
    assert two[0] == tagged, two


def test_markup_in_articles_is_escaped_in_snippets_and_highlights(pipeline: LocalPipeline) -> None:
    # A body holding HTML is reduced to its text at ingest; one that only mentions a tag keeps it as written.
    _json_upload(pipeline, "Canary <img src=x onerror=alert(1)>", "The canary <script sings> of alert(1).")
    pipeline.drain()

    _status, body, _ = get("/search?q=canary")

    hit = body["results"][0]
    rendered = hit["snippet"] + "".join(hit["highlights"]["title"])
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script sings&gt;" in rendered and "&lt;img src=x" in rendered
    assert "<mark>canary</mark>" in rendered.lower()


def test_the_start_of_a_body_that_did_not_match_is_escaped_too(pipeline: LocalPipeline) -> None:
    # Found by its headline only: the snippet is the body's start, which the plain highlighter returns as stored.
    _json_upload(pipeline, "Zebracorn canary", "It <script sings> of alert(1) & more.")
    pipeline.drain()

    _status, body, _ = get("/search?q=zebracorn")

    hit = body["results"][0]
    assert "<script" not in hit["snippet"] + "".join(hit["highlights"]["body"])
    assert hit["snippet"].startswith("It &lt;script sings&gt; of alert(1) &amp; more")
    assert hit["highlights"]["title"] == ["<mark>Zebracorn</mark> canary"]


def test_an_article_found_by_its_summary_shows_the_summary_marked(pipeline: LocalPipeline) -> None:
    stem = _json_upload(
        pipeline, "A quiet week", "It began on Monday & ended on Friday.", summary="Okapis return <home> at last"
    )
    pipeline.drain()

    _status, body, _ = get("/search?q=okapis")

    hit = next(hit for hit in body["results"] if hit["id"] == stem)
    assert hit["snippet"] == "<mark>Okapis</mark> return &lt;home&gt; at last"
    assert hit["highlights"]["summary"] == [hit["snippet"]]
    assert hit["highlights"]["body"][0].startswith("It began on Monday &amp; ended")  # its start, unmarked


def test_stemming_and_accents(pipeline: LocalPipeline) -> None:
    stem = _json_upload(pipeline, "Fernández wins the election", "Voters were running to the polls.")
    pipeline.drain()

    for query in ("fernandez", "run+elections"):
        _status, body, _ = get(f"/search?q={query}")
        assert [hit["id"] for hit in body["results"]] == [stem], query


def test_pages_do_not_overlap(pipeline: LocalPipeline) -> None:
    ids = {_json_upload(pipeline, f"Budget story {n}", "The budget was debated.") for n in range(5)}
    pipeline.drain()

    _s, first, _ = get("/search?q=budget&size=3&page=1")
    _s, second, _ = get("/search?q=budget&size=3&page=2")

    assert first["total"] == second["total"] == 5
    seen = [hit["id"] for hit in first["results"] + second["results"]]
    assert sorted(seen) == sorted(ids)


@pytest.mark.parametrize("query", ['"unclosed', "a AND OR", "(((", "-", "title:[x TO", "\\", "~~~"])
def test_odd_query_syntax_never_fails(pipeline: LocalPipeline, query: str) -> None:
    _json_upload(pipeline, "Anything", "Some text.")
    pipeline.drain()

    status, body, _ = get(f"/search?q={quote(query)}")

    assert status == 200, body


def test_health_counts_indexed_articles(pipeline: LocalPipeline) -> None:
    _json_upload(pipeline, "One", "Text.")
    _json_upload(pipeline, "Two", "Text.")
    pipeline.drain()

    status, body, _ = get("/health")

    assert status == 200
    assert body == {"status": "ok", "documents": 2, "engine": "ok"}


def test_bad_parameters_get_400_with_a_message(pipeline: LocalPipeline) -> None:
    status, body, _ = get("/search?q=x&size=500")

    assert status == 400
    assert "size" in body["error"]["message"]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_every_search_logs_a_line_and_metrics(pipeline: LocalPipeline, capsys: pytest.CaptureFixture[str]) -> None:
    _json_upload(pipeline, "Harbour reopens", "Ships return.")
    pipeline.drain()
    handler = _Records()
    search_logger = logging.getLogger("archive-search-api")
    search_logger.addHandler(handler)
    capsys.readouterr()
    try:
        get("/search?q=harbour")
        get("/search?q=zeppelin")
    finally:
        search_logger.removeHandler(handler)

    logged = [record.search for record in handler.records if record.getMessage() == "search"]  # type: ignore[attr-defined]
    assert [(entry["q"], entry["total"], entry["zero_results"]) for entry in logged] == [
        ("harbour", 1, False),
        ("zeppelin", 0, True),
    ]
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    metrics = [line for line in lines if "_aws" in line]
    assert [(m["SearchResults"], m["ZeroResultSearch"]) for m in metrics] == [([1.0], [0.0]), ([0.0], [1.0])]
    assert all(m["SearchLatency"][0] >= 0 for m in metrics)


def test_a_match_far_into_a_long_body_is_found_and_marked_in_the_snippet(pipeline: LocalPipeline) -> None:
    # The plain highlighter read only the first MAX_HIGHLIGHT_CHARS of a body (whole 880,000-character transcripts
    # took it past the search timeout) and showed this body's start; the fast vector highlighter reads the stored
    # term vectors, not the text, and finds the match wherever it is (mapping 15).
    filler = " ".join(["The council debated the harbour budget again."] * 1_400)
    long_read = _json_upload(pipeline, "Council transcript", f"{filler}\n\nFinally the zebra crossing was approved.")
    _json_upload(pipeline, "Zebra crossing", "A new zebra crossing opens.")
    pipeline.drain()
    assert len(filler) > MAX_HIGHLIGHT_CHARS

    status, body, _ = get("/search?q=zebra+crossing+approved")

    assert status == 200
    hit = next(hit for hit in body["results"] if hit["id"] == long_read)
    assert hit["highlights"]["body"][0].endswith(
        "Finally the <mark>zebra</mark> <mark>crossing</mark> was <mark>approved</mark>."
    )


def test_text_pasted_from_escaped_text_or_markup_is_searched_as_its_reader_saw_it(pipeline: LocalPipeline) -> None:
    # Copied from an escaped feed, from this API's own JSON or from a page's markup (session 54): `Q&amp;A` found
    # nothing, `caf&eacute;` was respelt, `<b>cocoa</b>` searched the word `b` too.
    qa = _json_upload(pipeline, "Q&A: the cocoa harvest", "Questions and answers on the cocoa harvest in Ghana.")
    cafe = _json_upload(pipeline, "Café owners protest", "The café owners of Lyon closed for a day.")
    ibm = _json_upload(pipeline, "IBM <IBM> forms a networks group", "International Business Machines Corp <IBM> said.")
    _json_upload(pipeline, "Pool B draw made", "Team B meets team C in Pool B of the cup.")
    pipeline.drain()

    def search(q: str) -> dict[str, Any]:
        status, body, _ = get(f"/search?q={quote(q)}")
        assert status == 200, body
        return body

    found = search("Q&amp;A")
    assert found["query"] == "Q&A" and [hit["id"] for hit in found["results"]][:1] == [qa]
    found = search("caf&eacute; owners")
    assert found["query"] == "café owners" and found["altered_query"] is None
    assert [hit["id"] for hit in found["results"]][:1] == [cafe]
    assert search("<b>cocoa</b>")["total"] == search("cocoa")["total"] == 1
    assert search("&quot;cocoa harvest&quot;")["results"] == search('"cocoa harvest"')["results"]
    # A wire's ticker is no markup: `<IBM>`, typed or escaped, finds what IBM finds.
    for typed in ("<IBM>", "&lt;IBM&gt;"):
        assert [hit["id"] for hit in search(typed)["results"]] == [hit["id"] for hit in search("IBM")["results"]]
        assert search(typed)["results"][0]["id"] == ibm
    _status, offered, _ = get(f"/suggest?q={quote('Q&amp;A')}")
    assert offered["query"] == "Q&A" and [s["id"] for s in offered["suggestions"]] == [qa]
