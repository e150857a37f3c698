"""Search requests: parameter validation, the engine query, and the response model."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from archive_search.errors import InvalidQueryError, NotFoundError
from archive_search.models import SearchHit, SearchPage
from archive_search.ports import ArticleIndex

MAX_QUERY_CHARS = 500
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
MAX_PAGE = 100
SNIPPET_CHARS = 200
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
RETURNED_FIELDS = ["title", "author", "published", "section", "url", "summary", "body"]


@dataclass(frozen=True)
class SearchRequest:
    q: str
    page: int = 1
    size: int = DEFAULT_PAGE_SIZE

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> SearchRequest:
        q = params.get("q", "").strip()
        if not q:
            raise InvalidQueryError("q is required: give the words to search for, e.g. ?q=kerry+putin")
        if len(q) > MAX_QUERY_CHARS:
            raise InvalidQueryError(f"q is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
        return cls(
            q=q,
            page=_bounded_int(params, "page", 1, 1, MAX_PAGE),
            size=_bounded_int(params, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
        )


def _bounded_int(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidQueryError(f"{name} must be a whole number between {low} and {high}, got {raw!r}") from None
    if not low <= value <= high:
        raise InvalidQueryError(f"{name} must be between {low} and {high}, got {value}")
    return value


def build_query(request: SearchRequest) -> dict[str, Any]:
    """Title counts more than summary, summary more than body; the query syntax never raises errors."""
    return {
        "query": {
            "bool": {
                "must": [
                    {
                        "simple_query_string": {
                            "query": request.q,
                            "fields": ["title^3", "summary^2", "body"],
                            "default_operator": "and",
                            "flags": "AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE",
                        }
                    }
                ],
                "should": [
                    {"match_phrase": {"title": {"query": request.q, "boost": 2}}},
                    {"match_phrase": {"body": {"query": request.q, "slop": 2}}},
                ],
            }
        },
        "_source": RETURNED_FIELDS,
        "track_total_hits": True,
        "highlight": {
            **HIGHLIGHT,
            "fields": {
                "title": {"number_of_fragments": 0},
                "body": {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 2, "no_match_size": SNIPPET_CHARS},
            },
        },
    }


def search_articles(index: ArticleIndex, request: SearchRequest) -> SearchPage:
    response = index.search(build_query(request), size=request.size, offset=(request.page - 1) * request.size)
    hits = response["hits"]
    return SearchPage(
        total=int(hits["total"]["value"]),
        took_ms=int(response.get("took", 0)),
        results=[_hit(raw) for raw in hits["hits"]],
    )


def _hit(raw: dict[str, Any]) -> SearchHit:
    source = raw.get("_source", {})
    highlights: dict[str, list[str]] = raw.get("highlight", {})
    body_fragments = highlights.get("body") or []
    snippet = " … ".join(body_fragments) if body_fragments else _plain_snippet(source)
    return SearchHit(
        id=raw["_id"],
        title=source.get("title", ""),
        author=source.get("author"),
        published=source.get("published"),
        section=source.get("section"),
        url=source.get("url"),
        snippet=snippet,
        highlights=highlights,
        score=raw.get("_score"),
    )


def _plain_snippet(source: dict[str, Any]) -> str:
    text = source.get("summary") or source.get("body") or ""
    cut = text[:SNIPPET_CHARS]
    if len(text) > SNIPPET_CHARS:
        cut = cut.rsplit(" ", 1)[0] + " …"
    return html.escape(cut)


def get_article(index: ArticleIndex, article_id: str) -> dict[str, Any]:
    found = index.get(article_id)
    if found is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    source = found["_source"]
    return {"id": found["_id"], **{name: source.get(name) for name in (*RETURNED_FIELDS, "tags", "credit")}}
