"""The HTTP API: routes, response shapes, and the one place where errors become HTTP statuses."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import asdict
from typing import Any
from urllib.parse import unquote

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, CORSConfig, Response, content_types

from archive_search.articles import get_article, related_articles
from archive_search.cursors import CursorSigner
from archive_search.errors import EngineRefusedRequestError, InvalidQueryError, NotFoundError, SearchUnavailableError
from archive_search.models import SearchPage
from archive_search.ports import ArticleIndex, TextEncoder
from archive_search.relevance import Ranking
from archive_search.search import SearchRequest, search_articles
from archive_search.suggest import TitleSuggestions, suggest_query, suggest_titles

# Vary: the CORS header depends on the caller's origin, so shared caches must keep one copy per origin.
CACHED_FOR_A_MINUTE = {"Cache-Control": "public, max-age=60", "Vary": "Origin"}
ARTICLES_PATH = "/articles/"
RELATED_PATH = "/related/"
RETRY_AFTER_SECONDS = "5"
# Response headers a page on another origin may read besides the CORS-safelisted ones: without this, a browser hides
# a 503's Retry-After from the site's script, which then cannot wait as told. The template's CorsConfiguration
# (ExposeHeaders) says the same for API Gateway, which answers CORS itself in AWS.
EXPOSED_HEADERS = ("Retry-After",)
UNAVAILABLE_MESSAGE = "search is temporarily unavailable; retry shortly"
INTERNAL_ERROR_MESSAGE = "something went wrong on our side; it has been logged"
SearchObserver = Callable[[SearchRequest, SearchPage], None]
FaultObserver = Callable[[EngineRefusedRequestError], None]


def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=json.dumps(body, ensure_ascii=False),
        headers=headers or {},
    )


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return _json(
        status, {"error": {"code": code, "message": message}}, {"Cache-Control": "no-store", **(headers or {})}
    )


def search_response(request: SearchRequest, page: SearchPage) -> dict[str, Any]:
    return {
        "query": request.q,
        "total": page.total,
        "took_ms": page.took_ms,
        "page": page.page,
        "size": request.size,
        "sort": page.sort,
        "results": [asdict(hit) for hit in page.results],
        "facets": {name: [asdict(value) for value in values] for name, values in page.facets.items()},
        "did_you_mean": asdict(page.did_you_mean) if page.did_you_mean else None,
        "next_cursor": page.next_cursor,
        "unapplied_exclusions": page.unapplied_exclusions,
        "altered_query": page.altered_query,
        "relaxed_phrases": page.relaxed_phrases,
    }


def _well_formed(text: str) -> str:
    """text with each unpaired UTF-16 surrogate (an event's `\\ud800` escape: no character, and no UTF-8 can carry
    it to the engine or back in the response, which failed) as U+FFFD, as undecodable bytes of a URL are read."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _path_id(app: APIGatewayHttpResolver, prefix: str) -> str:
    """The article id after `prefix` in the request's path, percent-decoded once (`%2F` is a slash), NFC: ids are
    the NFC form of their upload's path (keys.py), so a decomposed `cafe%CC%81` finds `café` as search does. One
    trailing slash is dropped: no id ends in one (keys.py), and `/articles/2015/05/kerry/` is that article."""
    path_id = unquote(app.current_event.path[len(prefix) :]).removesuffix("/")
    return unicodedata.normalize("NFC", _well_formed(path_id))


def _query_params(app: APIGatewayHttpResolver) -> dict[str, str]:
    return {name: _well_formed(value) for name, value in (app.current_event.query_string_parameters or {}).items()}


def create_app(
    index: ArticleIndex,
    allowed_origins: tuple[str, ...],
    logger: Logger,
    ranking: Ranking | None = None,
    on_search: SearchObserver | None = None,
    on_engine_refusal: FaultObserver | None = None,
    *,
    cursors: CursorSigner,
    encoder: TextEncoder | None = None,
) -> APIGatewayHttpResolver:
    """The API's routes, and the one place where errors become HTTP statuses. `on_search` sees every answered search
    (the handler logs it and emits metrics); `on_engine_refusal` sees every request of ours the engine refused (the
    handler counts it for the alarm); `cursors` signs and checks the paging cursors; `encoder` (when given) reranks
    relevance searches by meaning.

    Errors: InvalidQueryError -> 400 `invalid_parameter` (the message names the parameter), NotFoundError -> 404
    `not_found`, SearchUnavailableError -> 503 `unavailable` with Retry-After, EngineRefusedRequestError and anything
    unforeseen -> 500 `internal_error` logged as an error; engine internals never reach a message."""
    cors = (
        CORSConfig(
            allow_origin=allowed_origins[0],
            extra_origins=list(allowed_origins[1:]),
            expose_headers=list(EXPOSED_HEADERS),
            max_age=600,
        )
        if allowed_origins
        else None
    )
    app = APIGatewayHttpResolver(cors=cors)

    @app.get("/search")
    def search() -> Response:
        request = SearchRequest.from_params(_query_params(app))
        page = search_articles(index, request, ranking, cursors=cursors, encoder=encoder)
        if on_search is not None:
            on_search(request, page)
        return _json(200, search_response(request, page), CACHED_FOR_A_MINUTE)

    @app.get("/suggest")
    def suggest() -> Response:
        q = suggest_query(_query_params(app).get("q") or "")
        offered = suggest_titles(index, q) if q else TitleSuggestions([])
        return _json(
            200,
            {
                "query": q.rstrip(),
                "suggestions": [asdict(s) for s in offered.suggestions],
                "altered_query": offered.altered_query,
                "words_not_in_titles": offered.words_not_in_titles,
            },
            CACHED_FOR_A_MINUTE,
        )

    # Ids keep the folders of their upload path, so each route takes the rest of the path (`{id+}` in the template),
    # with %2F and / alike. The article and its related list live under different prefixes: a suffix such as
    # `/articles/{id}/related` could not tell the related list of `2019/05` from the article `2019/05/related`.
    @app.get(f"{ARTICLES_PATH}.+")
    def article() -> Response:
        article_id = _path_id(app, ARTICLES_PATH)
        return _json(200, get_article(index, article_id), CACHED_FOR_A_MINUTE)

    @app.get(f"{RELATED_PATH}.+")
    def related() -> Response:
        article_id = _path_id(app, RELATED_PATH)
        hits = related_articles(index, article_id)
        return _json(200, {"id": article_id, "results": [asdict(hit) for hit in hits]}, CACHED_FOR_A_MINUTE)

    @app.get("/openapi.json")
    def openapi() -> Response:
        from archive_search.openapi import openapi_document  # built on demand: no cold start pays for it

        return _json(200, openapi_document(), CACHED_FOR_A_MINUTE)

    @app.get("/health")
    def health() -> Response:
        try:
            documents = index.count()
        except SearchUnavailableError as exc:
            logger.warning("health check failed", extra={"reason": str(exc)})
            return _json(
                503,
                {"status": "degraded", "documents": None, "engine": "unreachable"},
                {"Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS},
            )
        return _json(200, {"status": "ok", "documents": documents, "engine": "ok"}, {"Cache-Control": "no-store"})

    @app.exception_handler(InvalidQueryError)
    def bad_request(exc: InvalidQueryError) -> Response:
        return _error(400, "invalid_parameter", str(exc))

    @app.exception_handler(NotFoundError)
    def not_found(exc: NotFoundError) -> Response:
        return _error(404, "not_found", str(exc))

    @app.not_found
    def no_route(_exc: Exception) -> Response:
        return _error(404, "no_such_route", f"no route for {app.current_event.path}")

    @app.exception_handler(SearchUnavailableError)
    def unavailable(exc: SearchUnavailableError) -> Response:
        logger.warning("search engine unavailable", extra={"reason": str(exc)})
        return _error(503, "unavailable", UNAVAILABLE_MESSAGE, {"Retry-After": RETRY_AFTER_SECONDS})

    @app.exception_handler(EngineRefusedRequestError)
    def refused(exc: EngineRefusedRequestError) -> Response:
        # Our bug, not the reader's: a 500 (API Gateway's 5xx alarm) and a metric of its own that alarms at once,
        # since one odd query may be all that triggers it. The engine's reason stays in the log.
        logger.exception("the search engine refused a request we built", extra={"reason": str(exc)})
        if on_engine_refusal is not None:
            on_engine_refusal(exc)
        return _error(500, "internal_error", INTERNAL_ERROR_MESSAGE)

    @app.exception_handler(Exception)
    def unexpected(exc: Exception) -> Response:
        # Logged with its trace for us; the client gets no internals.
        logger.exception("unhandled error")
        return _error(500, "internal_error", INTERNAL_ERROR_MESSAGE)

    return app
