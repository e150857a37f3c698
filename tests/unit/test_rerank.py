"""The semantic rerank: meaning reorders comparable candidates, never across the lexical tiers."""

from __future__ import annotations

import base64
import json
import re
import struct
import threading
from collections.abc import Sequence
from typing import Any

import pytest

from archive_search.relevance import TIER_COMPLETE, TIER_PHRASES
from archive_search.rerank import RERANK_WINDOW, rerank, window_size
from archive_search.search import SearchRequest, search_articles


class AxisEncoder:
    """A text's vector is the unit vector of the first word it holds from AXES (no model needed)."""

    AXES = ("harbour", "budget", "football")

    def embed(self, texts: Sequence[str]) -> list[bytes]:
        return [self._vector(text) for text in texts]

    def similarities(self, query: bytes, vectors: Sequence[bytes | None]) -> list[float]:
        q = struct.unpack("3f", query)
        return [sum(a * b for a, b in zip(q, struct.unpack("3f", v), strict=True)) if v else 0.0 for v in vectors]

    def _vector(self, text: str) -> bytes:
        return struct.pack("3f", *(1.0 if axis in text else 0.0 for axis in self.AXES))


def hit(doc_id: str, score: float, topic: str | None, matched: list[str] | None = None) -> dict[str, Any]:
    """A hit as the engine answers both the window (its doc values) and the page (its _source) with it."""
    key = f"incoming/{doc_id}.json"
    fields: dict[str, Any] = {"source_key": [key]}
    if topic:
        fields["embedding"] = [base64.b64encode(AxisEncoder()._vector(topic)).decode()]
    return {
        "_id": doc_id,
        "_score": score,
        "fields": fields,
        "matched_queries": matched or [],
        "_source": {"source_key": key},
    }


def query(text: str) -> bytes:
    (vector,) = AxisEncoder().embed([text])
    return vector


def ids(hits: list[Any]) -> list[str]:
    return [r.hit["_id"] for r in hits]


def test_meaning_reorders_close_lexical_scores() -> None:
    hits = [hit("a", 10.0, "football"), hit("b", 9.5, "harbour"), hit("c", 1.0, "budget")]

    assert ids(rerank(hits, query("harbour dredging"), AxisEncoder(), weight=0.5)) == ["b", "a", "c"]
    assert ids(rerank(hits, query("harbour dredging"), AxisEncoder(), weight=0.0)) == ["a", "b", "c"]


def test_tiers_are_kept_whatever_the_meaning() -> None:
    hits = [
        hit("phrase", 5.0, "football", [TIER_PHRASES, TIER_COMPLETE]),
        hit("complete", 4.0, "football", [TIER_COMPLETE]),
        hit("loose", 3.0, "harbour"),
    ]

    assert ids(rerank(hits, query("harbour"), AxisEncoder(), weight=1.0)) == ["phrase", "complete", "loose"]


def test_a_hit_without_an_embedding_counts_no_similarity() -> None:
    hits = [
        hit("old", 10.0, None),
        hit("new", 9.0, "harbour"),
        {**hit("bad", 9.0, None), "fields": {"embedding": ["%%"]}},
        {**hit("empty", 9.0, None), "fields": {"embedding": []}},
    ]

    assert ids(rerank(hits, query("harbour"), AxisEncoder(), weight=0.9)) == ["new", "old", "bad", "empty"]


def test_the_embedding_is_read_from_doc_values_not_the_source() -> None:
    hits = [
        {**hit("source", 10.0, None), "_source": {"embedding": hit("x", 0.0, "harbour")["fields"]["embedding"][0]}},
        hit("doc-values", 9.0, "harbour"),
    ]

    assert ids(rerank(hits, query("harbour"), AxisEncoder(), weight=0.9)) == ["doc-values", "source"]


def test_the_window_is_the_fewest_whole_pages_holding_the_reranked_hits() -> None:
    assert [window_size(size) for size in (10, 30, 40, 50, 7, 1)] == [100, 120, 120, 100, 105, 100]


def test_only_the_first_reranked_window_is_reordered_whatever_the_hits_asked() -> None:
    hits = [hit(f"h{n}", 200.0 - n, "harbour" if n % 2 else "desert") for n in range(RERANK_WINDOW + 20)]

    reordered = rerank(hits, query("harbour"), AxisEncoder(), weight=0.9)

    assert ids(reordered[:RERANK_WINDOW]) == ids(rerank(hits[:RERANK_WINDOW], query("harbour"), AxisEncoder(), 0.9))
    assert ids(reordered[:RERANK_WINDOW]) != [h["_id"] for h in hits[:RERANK_WINDOW]]
    assert ids(reordered[RERANK_WINDOW:]) == [h["_id"] for h in hits[RERANK_WINDOW:]]
    assert [r.score for r in reordered[RERANK_WINDOW:]] == [200.0 - n for n in range(RERANK_WINDOW, len(hits))]


class SignallingEncoder(AxisEncoder):
    """Tells when a text's embedding has started."""

    def __init__(self) -> None:
        self.started = threading.Event()

    def embed(self, texts: Sequence[str]) -> list[bytes]:
        self.started.set()
        return super().embed(texts)


class WaitingEngine:
    """Answers each search once the query's embedding has started, or after 2 s, and notes which it was."""

    def __init__(self, encoder: SignallingEncoder) -> None:
        self.encoder = encoder
        self.embedding_under_way: list[bool] = []

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        self.embedding_under_way.append(self.encoder.started.wait(2))
        hits = [{**hit("a", 2.0, "harbour"), "_source": {"title": "Harbour", "source_key": "incoming/a.json"}}]
        return {"took": 1, "hits": {"total": {"value": 1, "relation": "eq"}, "hits": hits}}

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        return {}


def test_the_query_is_embedded_while_the_engine_finds_the_window() -> None:
    encoder = SignallingEncoder()
    engine = WaitingEngine(encoder)

    page = search_articles(engine, SearchRequest(q="harbour dredging"), encoder=encoder)  # type: ignore[arg-type]

    assert [hit.id for hit in page.results] == ["a"]
    assert engine.embedding_under_way[0], "the window request was sent only after the query's embedding"


class RecordingEncoder(SignallingEncoder):
    """Notes each text embedded."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> list[bytes]:
        self.texts.extend(texts)
        return super().embed(texts)


def test_the_query_is_embedded_as_a_search_reads_its_words() -> None:
    # `harbour+dredging` is the words apart to a search (query_parser.words_apart), and so to the rerank: embedded as
    # typed, `oil+prices` ranked news-dev's articles otherwise than `oil prices` (session 45's review)
    encoder = RecordingEncoder()

    search_articles(WaitingEngine(encoder), SearchRequest(q="harbour+dredging"), encoder=encoder)  # type: ignore[arg-type]

    assert encoder.texts[0].split() == ["harbour", "dredging"]


class TimedEngine:
    """Takes 5 ms for each search and finds fewer articles holding every word than a page, so typo expansion runs."""

    def __init__(self) -> None:
        self.requests = 0
        self.asked: list[tuple[int, dict[str, Any]]] = []
        self.preferences: list[str | None] = []

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        self.requests += 1
        self.asked.append((size, body))
        self.preferences.append(preference)
        hits = [hit("a", 2.0, "harbour", ["complete"])]
        # Each word a suggester looks up has one near spelling: the word with an "s" (harbours, dredgings).
        suggest = {
            name: [
                {"text": word, "offset": start, "length": len(word), "options": [{"text": word + "s", "score": 0.8}]}
                for start, word in _words(suggester["text"])
            ]
            for name, suggester in body.get("suggest", {}).items()
            if name.startswith("near ")  # the near spellings' (the probe's spelling suggesters get no answer)
        }
        return {
            "took": 5,
            "hits": {"total": {"value": 1, "relation": "eq"}, "hits": hits},
            "aggregations": {"complete_matches": {"doc_count": 0}},
            "suggest": suggest,
        }

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        return {}


@pytest.mark.parametrize("encoder", [None, AxisEncoder()], ids=["engine order", "reranked"])
def test_took_ms_is_the_engine_time_of_every_request_that_found_the_page(encoder: AxisEncoder | None) -> None:
    engine = TimedEngine()

    page = search_articles(engine, SearchRequest(q="harbour dredging"), encoder=encoder)  # type: ignore[arg-type]

    # the probe, the near spellings, the answer and (reranked) the page's articles: not the last one alone
    assert engine.requests == (4 if encoder else 3)
    assert page.took_ms == 5 * engine.requests


class MisspeltEngine(TimedEngine):
    """As TimedEngine, but no article body holds `harbor` (its suggesters propose `harbour`), and the
    aggregations of the vocabulary's questions and of did_you_mean's count get answers."""

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        response = super().search(body, size, offset, preference)
        for name in ("spell_body", "spell_title"):
            if name in body.get("suggest", {}):
                entry = {"text": "harbor", "offset": 0, "length": 6, "options": [{"text": "harbour", "score": 0.8}]}
                response["suggest"][name] = [entry]
        response["aggregations"] = _answers(body.get("aggs") or {})
        return response


def _answers(aggs: dict[str, Any]) -> dict[str, Any]:
    """Two articles in every filter aggregation (none in a filters one's buckets), nested ones answered too."""
    answers: dict[str, Any] = {}
    for name, agg in aggs.items():
        if "filters" in agg:
            answers[name] = {"buckets": {key: {"doc_count": 0} for key in agg["filters"]["filters"]}}
        else:
            answers[name] = {"doc_count": 2, **_answers(agg.get("aggs") or {})}
    return answers


@pytest.mark.parametrize("encoder", [None, AxisEncoder()], ids=["engine order", "reranked"])
def test_took_ms_counts_the_vocabularys_questions_and_did_you_means_count(encoder: AxisEncoder | None) -> None:
    engine = MisspeltEngine()

    # A long query is searched as typed, and did_you_mean offers its respelling
    q = "harbor dredging lantern orchid zebra quartz"
    page = search_articles(engine, SearchRequest(q=q), encoder=encoder)  # type: ignore[arg-type]

    # did_you_mean's count was asked (of the copy the offered search will be asked of), and every request is in
    # took_ms
    assert engine.preferences[-1] == SearchRequest(q=q.replace("harbor", "harbour")).fingerprint()
    assert page.altered_query is None
    assert page.took_ms == 5 * engine.requests


@pytest.mark.parametrize("encoder", [None, AxisEncoder()], ids=["engine order", "reranked"])
def test_a_misspelt_search_asks_the_vocabulary_one_request_before_its_results(encoder: AxisEncoder | None) -> None:
    engine = MisspeltEngine()

    page = search_articles(engine, SearchRequest(q="harbor dredging"), encoder=encoder)  # type: ignore[arg-type]

    # The probe, then one request for which misspelt words a headline, byline or tag holds and for the near
    # spellings of the words to expand (three requests until session 20), then the results, which list no near
    # spellings again; no did_you_mean count: the search read the query as it would offer it (session 25)
    probe, vocabulary, *results = [body for _, body in engine.asked]
    assert "spell_body" in probe["suggest"] and "held" not in (probe.get("aggs") or {})
    assert "held" in vocabulary["aggs"] and {"harbor", "dredging"} <= set(_suggested(vocabulary))
    assert len(results) == (2 if encoder else 1) and not any("expanded" in (body.get("aggs") or {}) for body in results)
    assert not any(_suggested(body) for body in results)
    assert (page.altered_query, page.did_you_mean) == ("harbour dredging", None)
    # The search's requests are asked of one copy of the index
    assert set(engine.preferences[:3]) == {SearchRequest(q="harbor dredging").fingerprint()}


def _suggested(body: dict[str, Any]) -> list[str]:
    """The words whose near spellings a request lists (relevance.near_spellings_request)."""
    return [
        word
        for suggester in (body.get("suggest") or {}).values()
        if isinstance(suggester, dict) and suggester.get("term", {}).get("suggest_mode") == "always"
        for word in suggester["text"].split()
    ]


@pytest.mark.parametrize("encoder", [None, AxisEncoder()], ids=["engine order", "reranked"])
def test_an_expanded_search_asks_for_its_results_once(encoder: AxisEncoder | None) -> None:
    engine = TimedEngine()

    search_articles(engine, SearchRequest(q="harbour dredging"), encoder=encoder)  # type: ignore[arg-type]

    # A probe without hits decides the expansion (before, a first window without it was thrown away), then the
    # near spellings are listed once, for every clause that expands the words.
    (probe_size, probe), (near_size, near), *results = engine.asked
    assert probe_size == 0 and "suggest" in probe and probe["track_total_hits"] == 10
    assert near_size == 0 and {s["term"]["suggest_mode"] for s in near["suggest"].values()} == {"always"}
    assert [size for size, _ in results] == ([100, 1] if encoder else [10])
    # Scored by the engine's fuzzy query; the near tier and the highlights match the listed spellings instead of
    # expanding each word again
    query = results[0][1]["query"]
    (near_tier,) = _named(query, "tier:near")
    assert "fuzziness" in json.dumps(query) and "fuzziness" not in json.dumps(near_tier)
    assert '"body.exact": {"value": "dredgings"' in json.dumps(near_tier)
    highlights = [json.dumps(body["highlight"]) for _, body in results if "highlight" in body]
    assert highlights and all('"value": "harbours"' in h and "fuzziness" not in h for h in highlights)


def _words(text: str) -> list[tuple[int, str]]:
    return [(match.start(), match.group()) for match in re.finditer(r"\S+", text)]


def _named(node: Any, name: str) -> list[dict[str, Any]]:
    """The clauses of a query named `name`, wherever they are."""
    if isinstance(node, dict):
        own = [node] if node.get("_name") == name else []
        return own + [found for value in node.values() for found in _named(value, name)]
    if isinstance(node, list):
        return [found for value in node for found in _named(value, name)]
    return []


class StoredFieldsEngine:
    """Answers as the engine does: with `stored_fields: _none_` a hit has no `_id` nor `_source`, only the doc values
    asked for; a `terms` query on source_key finds those articles, each with its `_id` and `_source`."""

    def __init__(self, found: list[dict[str, Any]]) -> None:
        self.found = found
        self.windows: list[dict[str, Any]] = []

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        keys = body["query"].get("terms", {}).get("source_key")
        if keys is not None:
            hits = [h for h in self.found if h["_source"]["source_key"] in keys]
            return {"took": 1, "hits": {"total": {"value": len(hits), "relation": "eq"}, "hits": hits}}
        if size:
            self.windows.append(body)
        asked = body.get("docvalue_fields") or []
        hits = [
            {
                **{k: v for k, v in h.items() if body.get("stored_fields") != "_none_" or k not in ("_id", "_source")},
                "fields": {name: v for name, v in h["fields"].items() if name in asked},
            }
            for h in self.found
        ]
        return {"took": 1, "hits": {"total": {"value": len(hits), "relation": "eq"}, "hits": hits}}

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        return {}


def test_the_window_reads_no_stored_fields_and_the_page_finds_its_articles_by_source_key() -> None:
    engine = StoredFieldsEngine(
        [hit("lexical", 9.0, "budget"), hit("meant", 8.99, "harbour"), hit("low", 5.0, "budget")]
    )

    page = search_articles(engine, SearchRequest(q="harbour dredging"), encoder=AxisEncoder())  # type: ignore[arg-type]

    assert [r.id for r in page.results] == ["meant", "lexical", "low"]
    assert [w.get("stored_fields") for w in engine.windows] == ["_none_"]


def test_a_hit_without_a_source_key_is_left_out_of_the_page_not_the_others(caplog: pytest.LogCaptureFixture) -> None:
    keyless = hit("keyless", 8.0, "harbour")
    del keyless["fields"]["source_key"]
    engine = StoredFieldsEngine([hit("lexical", 9.0, "budget"), keyless, hit("low", 5.0, "budget")])

    page = search_articles(engine, SearchRequest(q="harbour dredging"), encoder=AxisEncoder())  # type: ignore[arg-type]

    assert [r.id for r in page.results] == ["lexical", "low"]
    assert "1 of the page's hits have no source_key" in caplog.text


def test_the_score_shown_keeps_to_0_1_where_a_cosine_is_negative() -> None:
    class OpposedEncoder(AxisEncoder):
        def similarities(self, query: bytes, vectors: Sequence[bytes | None]) -> list[float]:
            return [-0.5 for _ in vectors]

    reordered = rerank([hit("a", 3.0, "harbour"), hit("b", 1.0, "budget")], query("harbour"), OpposedEncoder(), 0.9)

    assert ids(reordered) == ["a", "b"]
    assert [r.score for r in reordered] == [0.0, 0.0]  # fused -0.35 and -0.45, in that order
