"""HTTP shaping of the search API: statuses, JSON bodies and headers for each route and each failure.

The search port is faked here because these tests are about HTTP, not about search; the real index is
exercised by the integration tests.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import quote

import jsonschema
import pytest
from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.api import create_app
from archive_search.cursors import Cursor, CursorSigner
from archive_search.errors import EngineRefusedRequestError, InvalidQueryError, SearchUnavailableError
from archive_search.models import Article
from archive_search.openapi import openapi_document
from archive_search.search import MATCH_END, MATCH_START, _joined_fragments
from archive_search_cli.gateway import http_api_event
from archive_search_cli.worker import FakeLambdaContext
from tests.unit.test_cursors import same_top_bits

ORIGIN = "https://archive.somanet.example"
INTERNAL_DETAIL = "connection refused by vpc-archive-abc123.eu-west-1.es.amazonaws.com:443"

KERRY_HIGHLIGHTS = {
    "title": ["U.S: Secretary of State John <mark>Kerry</mark> to meet Russian President <mark>Putin</mark>"],
    "body": ["US Secretary of State John <mark>Kerry</mark> is expected", "with <mark>Putin</mark> Tuesday"],
}
KERRY_HIT: dict[str, Any] = {
    "_id": "world/2015/kerry-putin",
    "_score": 7.5,
    "_source": {
        "title": "U.S: Secretary of State John Kerry to meet Russian President Putin",
        "author": "Estera Popowska",
        "published": "2015-05-12",
        "section": "World",
        "url": "https://archive.somanet.example/world/2015/kerry-putin",
        "body": "In what would mark the first visit by the US top diplomat to Russia ...",
    },
    # As the engine writes them: its marks around each match (search.MATCH_START, MATCH_END).
    "highlight": {
        name: [f.replace("<mark>", MATCH_START).replace("</mark>", MATCH_END) for f in fragments]
        for name, fragments in KERRY_HIGHLIGHTS.items()
    },
}
UNHIGHLIGHTED_HIT: dict[str, Any] = {
    "_id": "opinion/sochi",
    "_score": 1.0,
    "_source": {"title": "Sochi diary", "body": "Tea & <b>talks</b> by the sea."},
}


@dataclass
class FakeArticleIndex:
    """An ArticleIndex whose answers the test chooses."""

    hits: list[dict[str, Any]] = field(default_factory=lambda: [KERRY_HIT, UNHIGHLIGHTED_HIT])
    total: int = 2
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    failure: Exception | None = None
    searches: list[tuple[int, int]] = field(default_factory=list)
    preferences: list[str | None] = field(default_factory=list)

    def apply(self, upserts: Sequence[Article], deletes: Sequence[str]) -> dict[str, str]:
        raise NotImplementedError("the API never writes")

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        self._fail_if_asked()
        self.searches.append((size, offset))
        self.preferences.append(preference)
        return {
            "took": 12,
            "timed_out": False,
            "hits": {"total": {"value": self.total, "relation": "eq"}, "hits": self.hits},
        }

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        self._fail_if_asked()
        return {}

    def get(self, article_id: str) -> dict[str, Any] | None:
        self._fail_if_asked()
        source = self.documents.get(article_id)
        return None if source is None else {"_id": article_id, "_source": source}

    def count(self) -> int:
        self._fail_if_asked()
        return self.total

    def _fail_if_asked(self) -> None:
        if self.failure is not None:
            raise self.failure


@dataclass(frozen=True)
class HttpResult:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text)

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), None)


CURSOR_KEY = b"k" * 32


def _app(index: FakeArticleIndex, origins: tuple[str, ...] = (ORIGIN,)) -> APIGatewayHttpResolver:
    return create_app(index, origins, Logger(service="archive-search-api-test"), cursors=CursorSigner(CURSOR_KEY))


def _call(app: APIGatewayHttpResolver, path: str, headers: dict[str, str] | None = None) -> HttpResult:
    return _invoke(app, http_api_event("GET", path, headers or {}))


def _invoke(app: APIGatewayHttpResolver, event: dict[str, Any]) -> HttpResult:
    # FakeLambdaContext has the attributes Powertools reads, not LambdaContext's full type.
    context = cast(LambdaContext, FakeLambdaContext(function_name="SearchFunction"))
    response = app.resolve(event, context)
    return HttpResult(int(response["statusCode"]), dict(response.get("headers") or {}), response.get("body") or "")


def _assert_error(result: HttpResult, status: int, code: str) -> str:
    """The error body every failure shares; returns the message."""
    assert result.status == status
    assert result.header("Content-Type") == "application/json"
    assert result.header("Cache-Control") == "no-store"
    body = result.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    message: str = body["error"]["message"]
    assert message
    return message


# --- /search -----------------------------------------------------------------------------------------------------


def test_search_returns_the_page_as_json_with_cache_control() -> None:
    index = FakeArticleIndex()
    result = _call(_app(index), "/search?q=kerry+putin")

    assert result.status == 200
    assert result.header("Content-Type") == "application/json"
    assert result.header("Cache-Control") == "public, max-age=60"
    body = result.json()
    assert body["query"] == "kerry putin"
    assert (body["page"], body["size"]) == (1, 10)
    assert body["total"] == 2
    assert body["took_ms"] == 12 * len(index.searches)  # every request of the search: the probe and the page
    assert [hit["id"] for hit in body["results"]] == ["world/2015/kerry-putin", "opinion/sochi"]
    kerry = body["results"][0]
    assert {"id", "title", "author", "published", "url", "snippet", "highlights"} <= set(kerry)
    assert kerry["title"] == KERRY_HIT["_source"]["title"]
    assert kerry["author"] == "Estera Popowska"
    assert kerry["published"] == "2015-05-12"
    assert kerry["url"] == "https://archive.somanet.example/world/2015/kerry-putin"
    assert kerry["highlights"] == KERRY_HIGHLIGHTS


def test_search_snippet_joins_highlighted_fragments() -> None:
    kerry = _call(_app(FakeArticleIndex()), "/search?q=kerry").json()["results"][0]

    assert (
        kerry["snippet"]
        == "US Secretary of State John <mark>Kerry</mark> is expected … with <mark>Putin</mark> Tuesday"
    )


def test_fragments_that_meet_are_one_run_of_text_in_the_snippet() -> None:
    # The highlighter may start a fragment with the word the last one ended with (session 34's review: "secretary
    # general … general Adnan", the body reading "secretary general Adnan")
    meeting = ["acting Opec secretary general", "general Adnan Shihab-Eldin, US <mark>oil</mark>"]
    assert _joined_fragments(meeting) == "acting Opec secretary general Adnan Shihab-Eldin, US <mark>oil</mark>"
    assert _joined_fragments(["the <mark>price</mark>", "<mark>price</mark> rose"]) == "the <mark>price</mark> rose"
    # A common word or two words in common may be two places of the text: text left out between them is said
    assert _joined_fragments(["cut the", "the rate"]) == "cut the … the rate"
    assert _joined_fragments(["Carlton will", "will need"]) == "Carlton will … will need"
    assert _joined_fragments(["price to 20 dlrs", "20 dlrs in January"]) == "price to 20 dlrs … 20 dlrs in January"
    assert _joined_fragments(["one two", "three four"]) == "one two … three four"


def test_search_snippet_without_highlights_is_escaped_plain_text() -> None:
    sochi = _call(_app(FakeArticleIndex()), "/search?q=sochi").json()["results"][1]

    # The website inserts snippets as HTML (they carry <mark>), so the stored text must arrive escaped.
    assert sochi["snippet"] == "Tea &amp; &lt;b&gt;talks&lt;/b&gt; by the sea."
    assert sochi["author"] is None
    assert sochi["highlights"] == {}


def test_a_highlight_without_marks_is_the_text_as_stored_and_is_escaped() -> None:
    # The plain highlighter returns a text's start (no_match_size) as stored, not HTML-encoded, even if it looks
    # like highlighted markup.
    start = "<script>alert(1)</script> &amp; <mark>x</mark>"
    hit = {"_id": "canary", "_source": {"title": "Canary"}, "highlight": {"summary": [start]}}

    result = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=canary").json()["results"][0]

    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &lt;mark&gt;x&lt;/mark&gt;"
    assert result["highlights"] == {"summary": [escaped]}


@pytest.mark.parametrize(
    ("start", "escaped"),
    [
        # as the fast vector highlighter returns a body's start (no_match_size): HTML-encoded by the engine, so
        # shown as stored, `&amp;` included
        (
            "&lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp;amp; &lt;mark&gt;x&lt;&#x2F;mark&gt; O&#x27;Neill",
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &lt;mark&gt;x&lt;/mark&gt; O&#x27;Neill",
        ),
        # as the plain one returned it, on an index older than mapping 15: as stored, escaped all the same (a
        # stored entity is shown as its character)
        (
            "<script>alert(1)</script> &amp; <mark>x</mark> O'Neill",
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;mark&gt;x&lt;/mark&gt; O&#x27;Neill",
        ),
    ],
)
def test_a_body_fragment_is_escaped_whether_or_not_the_engine_encoded_it(start: str, escaped: str) -> None:
    hit = {"_id": "canary", "_source": {"title": "Canary"}, "highlight": {"body": [start]}}

    result = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=canary").json()["results"][0]

    assert result["snippet"] == escaped
    assert result["highlights"] == {"body": [escaped]}


_M = f"{MATCH_START}frobnitzka{MATCH_END}"


@pytest.mark.parametrize(
    ("fragment", "shown"),
    [
        # a right-to-left override opened in the fragment and closed beyond it: closed where the fragment ends
        (f"Intro \u202e{_M} w1 w2", "Intro \u202e<mark>frobnitzka</mark> w1 w2\u202c"),
        # an embedding inside an isolate: both closed, innermost first
        (f"a \u2067b \u202b{_M}", "a \u2067b \u202b<mark>frobnitzka</mark>\u202c\u2069"),
        # closed inside the fragment: nothing added
        (f"a \u202e{_M}\u202c b", "a \u202e<mark>frobnitzka</mark>\u202c b"),
        # cut inside a character's combining marks: the marks without their letter are left out
        (f"\u0302\u0303\u0304 {_M}", " <mark>frobnitzka</mark>"),
    ],
)
def test_a_fragment_closes_the_bidi_controls_it_opens_and_starts_with_no_orphan_marks(
    fragment: str, shown: str
) -> None:
    hit = {"_id": "bidi", "_source": {"title": "Bidi"}, "highlight": {"body": [fragment]}}

    result = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=frobnitzka").json()["results"][0]

    assert result["snippet"] == shown


def test_a_plain_snippet_closes_the_bidi_controls_its_cut_leaves_open() -> None:
    body = "Intro \u202e" + " ".join(["word"] * 200) + "\u202c end."
    hit = {"_id": "bidi", "_source": {"title": "Bidi", "body": body}}

    snippet = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=word").json()["results"][0]["snippet"]

    assert snippet.startswith("Intro \u202eword") and snippet.endswith("\u202c") and snippet.count("\u202c") == 1


def test_an_article_that_matched_in_its_summary_shows_the_marked_summary_as_its_snippet() -> None:
    # The body did not match: the highlighter gives its start without marks, and the summary's marked fragment.
    hit = {
        "_id": "standfirst",
        "_source": {"title": "A quiet week", "summary": "Zebracorns return", "body": "It began on Monday."},
        "highlight": {"body": ["It began on Monday."], "summary.exact": [f"{MATCH_START}Zebracorns{MATCH_END} return"]},
    }

    result = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=zebracorns").json()["results"][0]

    assert result["snippet"] == "<mark>Zebracorns</mark> return"
    assert result["highlights"] == {"summary": ["<mark>Zebracorns</mark> return"], "body": ["It began on Monday."]}


def test_a_body_that_matched_is_the_snippet_even_when_the_summary_matched_too() -> None:
    marked = f"{MATCH_START}Zebracorns{MATCH_END}"
    hit = {
        "_id": "both",
        "_source": {"title": "A quiet week"},
        "highlight": {"body": [f"The {marked} came."], "summary": [f"{marked} return"]},
    }

    result = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=zebracorns").json()["results"][0]

    assert result["snippet"] == "The <mark>Zebracorns</mark> came."


def test_search_with_no_hits_is_an_empty_page() -> None:
    body = _call(_app(FakeArticleIndex(hits=[], total=0)), "/search?q=nothing").json()

    assert (body["total"], body["results"]) == (0, [])


def test_search_asks_the_index_for_the_requested_page() -> None:
    index = FakeArticleIndex()

    body = _call(_app(index), "/search?q=kerry&page=3&size=5").json()

    assert (body["page"], body["size"]) == (3, 5)
    assert [asked for asked in index.searches if asked[0]] == [(5, 10)]  # beside the probe (size 0)


def test_the_http_search_event_file_is_answered(http_search_event: dict[str, Any]) -> None:
    result = _invoke(_app(FakeArticleIndex()), http_search_event)

    assert result.status == 200
    assert result.json()["query"] == "kerry putin"
    assert result.header("Access-Control-Allow-Origin") == ORIGIN


def test_the_http_article_event_file_is_answered(http_article_event: dict[str, Any]) -> None:
    # Slashes sent as %2F in an id that ends in /related: the article, not the related list of 2019/05.
    index = FakeArticleIndex(documents={"2019/05/related": {"title": "Related reading", "body": "A list."}})

    result = _invoke(_app(index), http_article_event)

    assert result.status == 200, result.text
    assert (result.json()["id"], result.json()["title"]) == ("2019/05/related", "Related reading")


def test_the_http_search_filters_event_file_browses_by_both_authors(http_search_filters_event: dict[str, Any]) -> None:
    index = RecordingIndex()

    result = _invoke(_app(index), http_search_filters_event)

    assert result.status == 200, result.text
    assert _author_filter(index) == ["Smith, John", "Ana Lima"]
    assert result.json()["sort"] == "newest", "without q, the matching articles are listed newest first"
    assert "range" not in json.dumps(index.bodies[0]), "from= (empty) is no date filter"


@pytest.mark.parametrize("path", ["/search", "/search?q=", "/search?q=+++", "/search?page=2"])
def test_search_without_query_is_a_400_naming_q(path: str) -> None:
    message = _assert_error(_call(_app(FakeArticleIndex()), path), 400, "invalid_parameter")

    assert message.startswith("q is required")


@pytest.mark.parametrize(
    ("query", "parameter"), [("size=0", "size"), ("size=51", "size"), ("page=abc", "page"), ("page=0", "page")]
)
def test_search_with_a_bad_page_or_size_is_a_400_naming_it(query: str, parameter: str) -> None:
    index = FakeArticleIndex()

    message = _assert_error(_call(_app(index), f"/search?q=kerry&{query}"), 400, "invalid_parameter")

    assert message.startswith(parameter)
    assert index.searches == [], "a refused request never reaches the engine"


def test_search_when_the_engine_is_down_is_a_503_with_retry_after() -> None:
    index = FakeArticleIndex(failure=SearchUnavailableError(INTERNAL_DETAIL))

    result = _call(_app(index), "/search?q=kerry")

    message = _assert_error(result, 503, "unavailable")
    assert "retry" in message
    assert result.header("Retry-After") == "5"
    assert "Traceback" not in result.text
    assert "vpc-archive" not in result.text


def test_an_unexpected_error_is_a_500_without_internals() -> None:
    index = FakeArticleIndex(failure=KeyError(INTERNAL_DETAIL))

    result = _call(_app(index), "/search?q=kerry")

    _assert_error(result, 500, "internal_error")
    assert "vpc-archive" not in result.text
    assert "KeyError" not in result.text
    assert "Traceback" not in result.text


def test_a_request_of_ours_the_engine_refused_is_a_500_logged_as_an_error_and_counted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Every reader input is validated before the engine is asked, so an engine 400 is a bug in what we built.
    index = FakeArticleIndex(failure=EngineRefusedRequestError("the engine refused the request: parsing_exception"))
    refusals: list[EngineRefusedRequestError] = []
    # A logger of its own: Powertools binds a service's handler to the stdout of the first test that logs.
    logger = Logger(service="archive-search-api-refusal-test", logger_handler=logging.StreamHandler(sys.stdout))
    app = create_app(index, (ORIGIN,), logger, on_engine_refusal=refusals.append, cursors=CursorSigner(CURSOR_KEY))

    result = _call(app, "/search?q=kerry")

    message = _assert_error(result, 500, "internal_error")
    assert "parsing" not in result.text and "exception" not in message and "engine" not in message
    assert len(refusals) == 1
    (logged,) = [json.loads(line) for line in capsys.readouterr().out.splitlines() if "refused" in line]
    assert logged["level"] == "ERROR" and "parsing_exception" in logged["reason"]


def test_a_malformed_engine_response_is_a_500_without_internals() -> None:
    # An engine answer without hits.total, as a misconfigured proxy might return.
    index = FakeArticleIndex()
    index.search = lambda body, size, offset, preference=None: {"hits": {"hits": []}}  # type: ignore[method-assign]

    result = _call(_app(index), "/search?q=kerry")

    _assert_error(result, 500, "internal_error")
    assert "total" not in result.text


# --- /articles/<id> ----------------------------------------------------------------------------------------------


def test_article_is_returned_with_its_fields() -> None:
    source = {**KERRY_HIT["_source"], "tags": ["russia", "usa"], "credit": "AFP", "source_etag": "abc"}
    index = FakeArticleIndex(documents={"kerry-putin": source})

    result = _call(_app(index), "/articles/kerry-putin")

    assert result.status == 200
    assert result.header("Cache-Control") == "public, max-age=60"
    body = result.json()
    assert body["id"] == "kerry-putin"
    assert body["title"] == KERRY_HIT["_source"]["title"]
    assert body["tags"] == ["russia", "usa"]
    assert body["credit"] == "AFP"
    assert body["summary"] is None
    assert "source_etag" not in body


def test_missing_article_is_a_404() -> None:
    message = _assert_error(_call(_app(FakeArticleIndex()), "/articles/no-such-article"), 404, "not_found")

    assert "no-such-article" in message


@pytest.mark.parametrize(
    ("path", "article_id"),
    [
        ("/articles/world%2F2015%2Fkerry-putin", "world/2015/kerry-putin"),
        ("/articles/caf%C3%A9", "caf\u00e9"),
        # No id ends in a slash: a link written with one is the article.
        ("/articles/world/2015/kerry-putin/", "world/2015/kerry-putin"),
        ("/articles/world%2F2015%2Fkerry-putin%2F", "world/2015/kerry-putin"),
    ],
)
def test_article_whose_id_needs_url_encoding_is_found(path: str, article_id: str) -> None:
    index = FakeArticleIndex(documents={article_id: dict(KERRY_HIT["_source"])})

    result = _call(_app(index), path)

    assert result.status == 200, result.text
    assert result.json()["id"] == article_id


@pytest.mark.parametrize("path", ["/articles//", "/articles/%2F", "/related/%2F"])
def test_an_empty_id_is_a_404_without_asking_the_engine(path: str) -> None:
    # The index would answer for "" (a fake that has it): a 404 shows it was not asked.
    index = FakeArticleIndex(documents={"": dict(KERRY_HIT["_source"])})

    _assert_error(_call(_app(index), path), 404, "not_found")


# --- /health, unknown routes, CORS -------------------------------------------------------------------------------


def test_health_ok_reports_the_document_count() -> None:
    result = _call(_app(FakeArticleIndex(total=3)), "/health")

    assert result.status == 200
    assert result.json() == {"status": "ok", "documents": 3, "engine": "ok"}
    assert result.header("Cache-Control") == "no-store"


def test_health_when_the_engine_is_down_is_degraded() -> None:
    result = _call(_app(FakeArticleIndex(failure=SearchUnavailableError(INTERNAL_DETAIL))), "/health")

    assert result.status == 503
    assert result.json() == {"status": "degraded", "documents": None, "engine": "unreachable"}
    assert result.header("Retry-After") == "5"
    assert result.header("Cache-Control") == "no-store"


@pytest.mark.parametrize("path", ["/", "/nope", "/search/extra", "/articles/"])
def test_unknown_route_is_a_json_404(path: str) -> None:
    message = _assert_error(_call(_app(FakeArticleIndex()), path), 404, "no_such_route")

    assert path in message


def test_cors_allows_only_the_configured_origins() -> None:
    app = _app(FakeArticleIndex(), origins=(ORIGIN, "http://localhost:3000"))

    allowed = _call(app, "/search?q=kerry", {"Origin": "http://localhost:3000"})
    foreign = _call(app, "/search?q=kerry", {"Origin": "https://elsewhere.example"})

    assert allowed.header("Access-Control-Allow-Origin") == "http://localhost:3000"
    assert foreign.status == 200
    assert foreign.header("Access-Control-Allow-Origin") is None


@pytest.mark.parametrize("path", ["/search?q=kerry", "/suggest?q=ker", "/articles/kerry", "/health"])
def test_a_site_on_another_origin_can_read_retry_after_during_an_outage(path: str) -> None:
    # A browser hides every response header but the CORS-safelisted ones from the page's script unless the
    # response exposes it: without that the site cannot wait as Retry-After tells.
    index = FakeArticleIndex(failure=SearchUnavailableError(INTERNAL_DETAIL))

    result = _call(_app(index), path, {"Origin": ORIGIN})

    assert result.status == 503
    assert result.header("Retry-After") == "5"
    exposed = (result.header("Access-Control-Expose-Headers") or "").split(",")
    assert "retry-after" in [name.strip().lower() for name in exposed]


def test_no_cors_headers_without_configured_origins() -> None:
    result = _call(_app(FakeArticleIndex(), origins=()), "/search?q=kerry", {"Origin": ORIGIN})

    assert result.status == 200
    assert result.header("Access-Control-Allow-Origin") is None


# --- /suggest, /openapi.json, related ----------------------------------------------------------------------------


def test_suggest_with_empty_q_is_an_empty_list() -> None:
    result = _call(_app(FakeArticleIndex()), "/suggest?q=")

    assert result.status == 200
    assert result.json() == {"query": "", "suggestions": [], "altered_query": None, "words_not_in_titles": []}


def test_suggest_marks_the_typed_prefix_and_escapes_the_title() -> None:
    index = FakeArticleIndex(hits=[{"_id": "x", "_source": {"title": "Kerry <b>meets</b> Putin"}}])

    body = _call(_app(index), "/suggest?q=kerry+me").json()

    assert body["suggestions"] == [
        {
            "id": "x",
            "title": "Kerry <b>meets</b> Putin",
            "highlighted": "<mark>Kerry</mark> &lt;b&gt;<mark>me</mark>ets&lt;/b&gt; Putin",
        }
    ]


def test_openapi_document_is_served() -> None:
    result = _call(_app(FakeArticleIndex()), "/openapi.json")

    assert result.status == 200
    assert result.json()["openapi"].startswith("3.")


def test_related_of_an_article_with_slashes_in_its_id() -> None:
    index = FakeArticleIndex(documents={"world/2015/kerry-putin": dict(KERRY_HIT["_source"])})

    body = _call(_app(index), "/related/world/2015/kerry-putin").json()

    assert body["id"] == "world/2015/kerry-putin"
    assert [hit["id"] for hit in body["results"]] == ["world/2015/kerry-putin", "opinion/sochi"]


def test_search_response_has_the_contract_keys() -> None:
    body = _call(_app(FakeArticleIndex()), "/search?q=kerry").json()

    assert set(body) == {
        "query",
        "total",
        "took_ms",
        "page",
        "size",
        "sort",
        "results",
        "facets",
        "did_you_mean",
        "next_cursor",
        "unapplied_exclusions",
        "altered_query",
        "relaxed_phrases",
    }
    assert set(body["facets"]) == {"section", "author", "year"}
    assert body["unapplied_exclusions"] == [] and body["relaxed_phrases"] == []


def test_browsing_by_filter_without_q_is_newest_first() -> None:
    body = _call(_app(FakeArticleIndex()), "/search?section=world").json()

    assert body["sort"] == "newest"


# --- every article has a URL no other route can claim ------------------------------------------------------------


@pytest.mark.parametrize(
    "article_id", ["2019/05/related", "related", "related/2019", "2019/05/related/related", "a/b%2Frelated"]
)
@pytest.mark.parametrize("encode_slashes", [False, True])
def test_an_article_whose_id_ends_in_related_is_the_article(article_id: str, encode_slashes: bool) -> None:
    index = FakeArticleIndex(
        documents={article_id: dict(KERRY_HIT["_source"]), "2019/05": {"title": "Other", "body": "Other."}}
    )
    path = quote(article_id, safe="" if encode_slashes else "/")

    result = _call(_app(index), f"/articles/{path}")

    assert result.status == 200, result.text
    assert result.json()["id"] == article_id
    assert result.json()["title"] == KERRY_HIT["_source"]["title"]


@pytest.mark.parametrize("path", ["/related/2019/05", "/related/2019%2F05"])
def test_the_related_list_has_its_own_prefix(path: str) -> None:
    index = FakeArticleIndex(documents={"2019/05": dict(KERRY_HIT["_source"])})

    result = _call(_app(index), path)

    assert result.status == 200, result.text
    assert result.json()["id"] == "2019/05"
    assert "results" in result.json()


def test_the_old_related_suffix_is_an_article_id_now() -> None:
    index = FakeArticleIndex(documents={"2019/05": dict(KERRY_HIT["_source"])})

    _assert_error(_call(_app(index), "/articles/2019/05/related"), 404, "not_found")


@pytest.mark.parametrize("path", ["/articles/" + "a" * 5000, "/related/" + "a/" * 2000, "/articles/" + "%C3%A9" * 300])
def test_an_id_longer_than_any_upload_path_is_a_404_without_asking_the_engine(path: str) -> None:
    index = FakeArticleIndex(failure=AssertionError("the engine must not be asked"))

    message = _assert_error(_call(_app(index), path), 404, "not_found")

    assert len(message) < 300


# --- facet values with commas ------------------------------------------------------------------------------------


class RecordingIndex(FakeArticleIndex):
    """Keeps each search body, to see the filters the API built."""

    bodies: list[dict[str, Any]]

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        self.bodies = [*getattr(self, "bodies", []), body]
        return super().search(body, size, offset, preference)


def _author_filter(index: RecordingIndex) -> list[str]:
    clauses = index.bodies[0]["post_filter"]["bool"]["filter"]
    return [name for c in clauses if "author.folded" in c.get("terms", {}) for name in c["terms"]["author.folded"]]


@pytest.mark.parametrize(
    ("query", "authors"),
    [
        ("author=Smith%5C%2C+John", ["Smith, John"]),
        ("author=Ana+Lima%5C%2C+Ben+Cho", ["Ana Lima, Ben Cho"]),
        # A repeated parameter arrives joined with a comma (API Gateway payload 2.0) and means the same.
        ("author=Smith%5C%2C+John&author=Ana+Lima", ["Smith, John", "Ana Lima"]),
        ("author=Smith%5C%2C+John%2CAna+Lima", ["Smith, John", "Ana Lima"]),
        ("author=Back%5C%5Cslash", ["Back\\slash"]),
        ("author=Ends+with%5C%5C%2COther", ["Ends with\\", "Other"]),
        # Without a backslash, values read as before.
        ("author=A.+Smith%2CB.+Jones", ["A. Smith", "B. Jones"]),
    ],
)
def test_filter_values_with_commas_round_trip(query: str, authors: list[str]) -> None:
    index = RecordingIndex()

    result = _call(_app(index), f"/search?q=x&{query}")

    assert result.status == 200, result.text
    assert _author_filter(index) == authors


@pytest.mark.parametrize("raw", ["Smith%5C+John", "trailing%5C", "a%5Cnb"])
@pytest.mark.parametrize("name", ["section", "author", "tag"])
def test_a_backslash_that_escapes_nothing_is_a_400_naming_the_parameter(name: str, raw: str) -> None:
    message = _assert_error(_call(_app(FakeArticleIndex()), f"/search?q=x&{name}={raw}"), 400, "invalid_parameter")

    assert message.startswith(f"{name}:")


# --- cursors -----------------------------------------------------------------------------------------------------


def _next_cursor(query: str = "q=kerry&size=2") -> str:
    index = FakeArticleIndex(
        hits=[{**KERRY_HIT, "sort": [7.5, "a.json"]}, {**UNHIGHLIGHTED_HIT, "sort": [1.0, "b.json"]}], total=10
    )
    cursor = _call(_app(index), f"/search?{query}").json()["next_cursor"]
    assert isinstance(cursor, str)
    return cursor


def _forged(payload: dict[str, Any], key: bytes = CURSOR_KEY) -> str:
    """A cursor built like ours, signed with `key`."""
    import base64
    import hashlib
    import hmac

    text = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    signature = hmac.new(key, text.encode(), hashlib.sha256).digest()[:16]
    return f"{text}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"


def test_an_issued_cursor_reads_the_next_page() -> None:
    cursor = _next_cursor()
    index = FakeArticleIndex(hits=[KERRY_HIT, UNHIGHLIGHTED_HIT], total=10)

    result = _call(_app(index), f"/search?q=kerry&size=2&cursor={cursor}")

    assert result.status == 200, result.text
    assert result.json()["page"] == 2
    assert [asked for asked in index.searches if asked[0]] == [(2, 0)]


def test_a_page_beside_a_cursor_is_not_read() -> None:
    # A client counting pages sends page=101 with the cursor that opens page 101: it was a 400 (session 54's
    # attacker), though the cursor carries its page. Not read at all, so no value of it is an error.
    cursor = _next_cursor()
    index = FakeArticleIndex(hits=[KERRY_HIT, UNHIGHLIGHTED_HIT], total=10)

    for page in ("101", "250", "0", "abc"):
        result = _call(_app(index), f"/search?q=kerry&size=2&cursor={cursor}&page={page}")
        assert (result.status, result.json().get("page")) == (200, 2), (page, result.text)
    # A blank cursor is none: the page is read as without one.
    blank = _call(_app(index), "/search?q=kerry&cursor=%20&page=101")
    assert _assert_error(blank, 400, "invalid_parameter").startswith("page")


def test_every_page_of_one_search_is_asked_of_one_copy_of_the_index() -> None:
    # Copies of the index (a replica on a second node) score apart by their deleted documents: pages answered by
    # different copies overlap and leave hits out, and a cursor's scores read on the other copy skip some.
    index = FakeArticleIndex(hits=[KERRY_HIT, UNHIGHLIGHTED_HIT], total=10)
    app = _app(index)

    for query in ("q=kerry&size=2", "q=kerry&size=2&page=2", f"q=kerry&size=2&cursor={_next_cursor()}"):
        assert _call(app, f"/search?{query}").status == 200
    pages = list(index.preferences)
    _call(app, "/search?q=kerry&size=2&section=World")
    filtered = index.preferences[len(pages) :]

    one, *others = pages
    assert one is not None and not one.startswith("_")  # a custom string: the engine reserves _-names
    assert others == [one] * len(others) and len(pages) >= 3
    assert filtered and None not in filtered and one not in filtered


def _fingerprint() -> str:
    from archive_search.search import SearchRequest

    return SearchRequest.from_params({"q": "kerry", "size": "2"}).fingerprint()


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "garbage.garbage",
        ".",
        "\u00e9\u00e9.\u00e9",
        "%00",
        # Our own payloads with page, sort values or fingerprint edited, and the signature left as it was.
        "EDITED",
        # Unsigned cursors of the old format.
        _forged.__name__,
    ],
)
def test_a_cursor_not_issued_by_us_is_a_400_naming_cursor(cursor: str) -> None:
    if cursor == "EDITED":
        payload, signature = _next_cursor().split(".")
        cursor = f"{payload[:-2]}x{payload[-1]}.{signature}"
    elif cursor == _forged.__name__:
        import base64

        old = json.dumps({"a": [1.0, "x"], "p": "Infinity", "f": _fingerprint()}).encode()
        cursor = base64.urlsafe_b64encode(old).decode().rstrip("=")
    index = FakeArticleIndex(failure=AssertionError("the engine must not be asked"))

    message = _assert_error(
        _call(_app(index), f"/search?q=kerry&size=2&cursor={quote(cursor)}"), 400, "invalid_parameter"
    )

    assert message.startswith("cursor")


@pytest.mark.parametrize(
    "payload",
    [
        {"a": [1.0, "x"], "p": "Infinity"},
        {"a": [1.0, "x"], "p": 1e400},
        {"a": [1.0, "x"], "p": -5},
        {"a": [1.0, "x"], "p": 0},
        {"a": [1.0, "x"], "p": 1},
        {"a": [1.0, "x"], "p": True},
        {"a": [1.0, "x"], "p": 2.5},
        {"a": [1.0, "x"], "p": 10**30},
        {"a": [float("inf"), "x"], "p": 2},
        {"a": [1e400, "x"], "p": 2},
        {"a": [None, "x"], "p": 2},
        {"a": [{"script": "x"}, "x"], "p": 2},
        {"a": [1.0], "p": 2},
        {"a": "x", "p": 2},
        {"p": 2},
        # Offsets into the reranked window: only a whole number inside it, with no sort values.
        {"a": [], "p": 2, "o": 0},
        {"a": [], "p": 2, "o": 100},
        {"a": [], "p": 2, "o": -10},
        {"a": [], "p": 2, "o": 2.5},
        {"a": [], "p": 2, "o": True},
        {"a": [1.0, "x"], "p": 2, "o": 10},
    ],
)
@pytest.mark.parametrize("signed_with_our_key", [False, True])
def test_bad_cursor_contents_are_a_400_naming_cursor(payload: dict[str, Any], signed_with_our_key: bool) -> None:
    # Signed with our key: the shape checks are the second line, should the key ever leak.
    key = CURSOR_KEY if signed_with_our_key else b"x" * 32
    cursor = _forged({"f": _fingerprint(), **payload}, key)
    index = FakeArticleIndex(failure=AssertionError("the engine must not be asked"))

    message = _assert_error(
        _call(_app(index), f"/search?q=kerry&size=2&cursor={quote(cursor)}"), 400, "invalid_parameter"
    )

    assert message.startswith("cursor")


@pytest.mark.parametrize("suffix", ["==", "======", " ", "LAST"])
def test_an_issued_cursor_spelt_another_way_is_a_400_naming_cursor(suffix: str) -> None:
    # The tester's edits: padding appended, or the last character swapped for one the decoder reads the same.
    cursor = _next_cursor()
    edited = same_top_bits(cursor) if suffix == "LAST" else cursor + suffix
    index = FakeArticleIndex(failure=AssertionError("the engine must not be asked"))

    message = _assert_error(
        _call(_app(index), f"/search?q=kerry&size=2&cursor={quote(edited)}"), 400, "invalid_parameter"
    )

    assert message.startswith("cursor")


def test_a_cursor_of_another_search_is_a_400_naming_cursor() -> None:
    message = _assert_error(
        _call(_app(FakeArticleIndex()), f"/search?q=other&size=2&cursor={_next_cursor()}"), 400, "invalid_parameter"
    )

    assert message.startswith("cursor belongs to another search")


def test_a_cursor_signed_with_another_key_is_refused() -> None:
    from archive_search.cursors import CursorSigner as Signer

    other = create_app(
        FakeArticleIndex(), (ORIGIN,), Logger(service="archive-search-api-test"), cursors=Signer(b"o" * 32)
    )

    message = _assert_error(_call(other, f"/search?q=kerry&size=2&cursor={_next_cursor()}"), 400, "invalid_parameter")

    assert message.startswith("cursor")


def test_a_window_cursor_round_trips_and_is_bound_to_its_search() -> None:
    signer = CursorSigner(CURSOR_KEY)
    issued = signer.encode(Cursor(after=[], page=3, fingerprint="f" * 16, window_offset=20))

    assert signer.decode(issued, "f" * 16) == Cursor(after=[], page=3, fingerprint="f" * 16, window_offset=20)
    with pytest.raises(InvalidQueryError, match=r"^cursor"):
        signer.decode(issued, "g" * 16)


# --- every answer is what docs/openapi.json documents ------------------------------------------------------------

DOCUMENT = openapi_document()
FULL_ARTICLE = {**KERRY_HIT["_source"], "tags": ["russia"], "summary": None, "credit": None}
DOWN = SearchUnavailableError(INTERNAL_DETAIL)
REFUSED = EngineRefusedRequestError("search_phase_execution_exception")


@pytest.mark.parametrize(
    ("route", "path", "failure"),
    [
        ("/search", "/search?q=kerry", None),
        ("/search", "/search?q=kerry&page=0", None),
        ("/search", "/search?q=kerry", DOWN),
        ("/search", "/search?q=kerry", REFUSED),
        ("/suggest", "/suggest?q=ker", None),
        ("/suggest", "/suggest?q=" + "k" * 600, None),
        ("/suggest", "/suggest?q=ker", DOWN),
        ("/articles/{id}", "/articles/world/2015/kerry-putin", None),
        ("/articles/{id}", "/articles/nope", None),
        ("/articles/{id}", "/articles/world/2015/kerry-putin", DOWN),
        ("/related/{id}", "/related/world/2015/kerry-putin", None),
        ("/related/{id}", "/related/nope", None),
        ("/related/{id}", "/related/world/2015/kerry-putin", DOWN),
        ("/health", "/health", None),
        ("/health", "/health", DOWN),
        ("/health", "/health", REFUSED),
        ("/openapi.json", "/openapi.json", None),
    ],
)
def test_every_answer_is_the_one_the_openapi_document_gives_for_its_status(
    route: str, path: str, failure: Exception | None
) -> None:
    index = FakeArticleIndex(documents={"world/2015/kerry-putin": FULL_ARTICLE}, failure=failure)

    result = _call(_app(index), path)

    responses = DOCUMENT["paths"][route]["get"]["responses"]
    assert str(result.status) in responses, f"{route} answers {result.status}, which the document does not list"
    documented = responses[str(result.status)]
    # The response's schema inside the document, so that its $refs (#/components/...) resolve.
    schema = {"allOf": [documented["content"]["application/json"]["schema"]], "components": DOCUMENT["components"]}
    jsonschema.Draft202012Validator(schema).validate(result.json())
    for header in documented.get("headers", {}):
        assert result.header(header) is not None, f"{route} {result.status} lacks the documented {header}"


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/search", {"q": "kerry \ud800putin"}, 200),
        ("/search", {"q": "\udfff"}, 200),
        ("/search", {"q": "kerry", "author": "Ann \udc00"}, 200),
        ("/suggest", {"q": "ker\ud83d"}, 200),
        ("/articles/world\ud800", {}, 404),
        ("/related/world\ud800", {}, 404),
    ],
)
def test_an_unpaired_surrogate_in_a_parameter_or_path_is_read_as_a_replacement_character(
    path: str, params: dict[str, str], status: int
) -> None:
    # An event's \ud800 escape is no character: the answer (and the engine request) must still be UTF-8.
    index = FakeArticleIndex()
    event = http_api_event("GET", "/", {})
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["queryStringParameters"] = params or None

    result = _invoke(_app(index), event)

    assert result.status == status
    assert "\ufffd" in result.text.encode("utf-8").decode("utf-8")


def test_a_fragment_cut_inside_a_character_is_served_without_its_half() -> None:
    # The fast vector highlighter cuts at a UTF-16 offset when no space is near: a run of emoji lost half of one at
    # either end, and the page could not be encoded as UTF-8 (session 18's review).
    fragment = "\ude00\U0001f600 \x86minister\x87 \ud83d"
    hit = {"_id": "emoji", "_source": {"title": "Emoji"}, "highlight": {"body": [fragment]}}

    response = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=minister")

    assert response.json()["results"][0]["snippet"] == "\U0001f600 <mark>minister</mark> "
    response.text.encode("utf-8")


def test_the_snippet_shows_the_body_fragments_that_mark_the_most_query_words() -> None:
    # The fast vector highlighter returns a body's first fragments holding a match; of those, the snippet shows the
    # two that together mark the most distinct words, in the body's order.
    fragments = [
        "first \x86kerry\x87 alone",
        "\x86Kerry\x87 again",
        "\x86Putin\x87 meets \x86Kerry\x87",
        "then \x86Sochi\x87 talks",
        "\x86putin\x87 and \x86sochi\x87",
    ]
    hit = {"_id": "talks", "_source": {"title": "Talks"}, "highlight": {"body": fragments}}

    result = _call(_app(FakeArticleIndex(hits=[hit], total=1)), "/search?q=kerry+putin+sochi").json()["results"][0]

    assert result["highlights"]["body"] == [
        "<mark>Putin</mark> meets <mark>Kerry</mark>",
        "then <mark>Sochi</mark> talks",
    ]
    assert result["snippet"] == "<mark>Putin</mark> meets <mark>Kerry</mark> … then <mark>Sochi</mark> talks"


def test_the_year_facet_counts_within_a_date_range_that_is_not_a_chosen_year() -> None:
    # `from=2026-11-05` gave "4 results" beside a year facet "2026: 8", counted without the range (session 54)
    from archive_search.facets import facet_aggregations
    from archive_search.search import SearchRequest

    dates = {"range": {"published": {"gte": "2026-11-05"}}}
    section = {"term": {"section": "local"}}
    filters: dict[str, dict[str, Any]] = {"date": dates, "section": section}

    ranged = facet_aggregations(filters, SearchRequest(q="kingsport", date_from="2026-11-05"))
    assert ranged["facet_year"]["filter"]["bool"]["filter"] == [dates, section]
    # A chosen year is the facet's own filter: the other years stay counted, to choose instead
    year = SearchRequest(q="kingsport", date_from="2026-01-01", date_to="2026-12-31")
    assert facet_aggregations(filters, year)["facet_year"]["filter"]["bool"]["filter"] == [section]
    # and every other facet is counted within the range, as before
    assert facet_aggregations(filters, year)["facet_section"]["filter"]["bool"]["filter"] == [dates]
