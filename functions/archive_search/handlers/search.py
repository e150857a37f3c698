"""Search Lambda behind the API Gateway HTTP API."""

from __future__ import annotations

import functools
import os
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.adapters.opensearch_index import OpenSearchArticleIndex, create_client
from archive_search.api import create_app
from archive_search.config import SearchSettings

logger = Logger(service="archive-search-api")


@functools.cache
def app() -> APIGatewayHttpResolver:
    """Built on the first invocation and reused while the container is warm."""
    settings = SearchSettings.from_env(os.environ)
    index = OpenSearchArticleIndex(create_client(settings.engine, max_retries=1), settings.engine.index_alias)
    return create_app(index, settings.allowed_origins, logger)


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app().resolve(event, context)
