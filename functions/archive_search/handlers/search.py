"""Search Lambda behind the API Gateway HTTP API."""

from __future__ import annotations

import functools
import os
import warnings
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.adapters.opensearch_index import OpenSearchArticleIndex, create_client
from archive_search.api import create_app
from archive_search.config import SearchSettings
from archive_search.cursors import CursorSigner
from archive_search.errors import EngineRefusedRequestError
from archive_search.handlers.text_model import text_encoder
from archive_search.models import SearchPage
from archive_search.search import SearchRequest

logger = Logger(service="archive-search-api")
metrics = Metrics(namespace="SomaNetArchiveSearch", service="archive-search-api")
# /health, /suggest and /articles publish no metric, by design: Powertools warns of it on each such invocation, which
# a newcomer read as a fault in `make run`'s console (session 54). Its documented way to expect empty metrics.
warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)


def record_search(request: SearchRequest, page: SearchPage) -> None:
    """One structured line per search (what readers look for and do not find) and its metrics."""
    zero = page.total == 0
    logger.info(
        "search",
        extra={
            "search": {
                "q": request.q,
                "filters": request.filters(),
                "sort": page.sort,
                "spelling": request.spelling,
                "page": page.page,
                "total": page.total,
                "took_ms": page.took_ms,
                "zero_results": zero,
                "did_you_mean": page.did_you_mean.q if page.did_you_mean else None,
                # The query as searched when a word was read as another spelling (did_you_mean is then none).
                "altered_query": page.altered_query,
            }
        },
    )
    metrics.add_metric(name="SearchLatency", unit=MetricUnit.Milliseconds, value=page.took_ms)
    metrics.add_metric(name="SearchResults", unit=MetricUnit.Count, value=page.total)
    metrics.add_metric(name="ZeroResultSearch", unit=MetricUnit.Count, value=1 if zero else 0)


def record_engine_refusal(_exc: EngineRefusedRequestError) -> None:
    """The metric EngineRefusedRequest, alarmed in the template (SearchEngineRefusedRequestAlarm)."""
    metrics.add_metric(name="EngineRefusedRequest", unit=MetricUnit.Count, value=1)


@functools.cache
def search_index() -> OpenSearchArticleIndex:
    """The index the app searches (built with it, by app())."""
    settings = SearchSettings.from_env(os.environ)
    client = create_client(settings.engine, max_retries=1, reader_path=True)
    return OpenSearchArticleIndex(client, settings.engine.index_alias)


@functools.cache
def app() -> APIGatewayHttpResolver:
    """Built on the first invocation (or, with SnapStart, during init: see prime_for_snapshot) and reused while the
    container is warm."""
    settings = SearchSettings.from_env(os.environ)
    search_index.cache_clear()  # a new app gets a new client, which the restore hook then warms
    index = search_index()
    return create_app(
        index,
        settings.allowed_origins,
        logger,
        ranking=settings.ranking,
        on_search=record_search,
        on_engine_refusal=record_engine_refusal,
        cursors=CursorSigner(settings.cursor_signing_key),
        encoder=text_encoder(settings.text_model_dir),
    )


def prime_for_snapshot() -> None:
    """SnapStart (template: the search function publishes versions with SnapStart on). During init, build what the
    first search needs (settings, engine client, text model, one query embedded so numpy's code paths are warm), so
    the snapshot holds it and a restored container skips imports and model loading; after a restore, open the
    engine connection before a reader waits on it (connections are never opened before the snapshot)."""
    from snapshot_restore_py import register_after_restore  # part of Lambda's managed Python runtimes

    app()
    encoder = text_encoder(SearchSettings.from_env(os.environ).text_model_dir)
    if encoder is not None:
        encoder.embed(["archive search"])
    register_after_restore(reconnect)
    logger.info("primed for snapshot")


def reconnect() -> None:
    """After a restore: one cheap engine request, so the first reader does not pay for TLS and SigV4 set-up. A failure
    here is logged and left to the first search, which retries the connection on its own."""
    try:
        search_index().count()
    except Exception:  # the hook must not fail the restore: any error here only means a cold connection
        logger.warning("engine not reachable after restore", exc_info=True)


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app().resolve(event, context)


if os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") == "snap-start":
    prime_for_snapshot()
