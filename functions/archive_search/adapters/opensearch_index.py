"""ArticleIndex on OpenSearch: client creation, index bootstrap, and error translation in one place."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar
from urllib.parse import urlparse

from opensearchpy import OpenSearch, Urllib3AWSV4SignerAuth
from opensearchpy.exceptions import (
    ConnectionError as EngineConnectionError,
)
from opensearchpy.exceptions import (
    ConnectionTimeout,
    NotFoundError,
    RequestError,
    TransportError,
)

from archive_search.config import EngineSettings
from archive_search.errors import InvalidQueryError, SearchUnavailableError
from archive_search.index_mapping import INDEX_SETTINGS, MAPPING_VERSION, index_document
from archive_search.models import Article

logger = logging.getLogger(__name__)
T = TypeVar("T")
RETRYABLE_STATUSES = (429, 502, 503, 504)


def create_client(settings: EngineSettings, max_retries: int) -> OpenSearch:
    """One client per container: HTTP locally, SigV4 with the function's own credentials in AWS."""
    parsed = urlparse(settings.endpoint)
    use_ssl = parsed.scheme == "https"
    auth = None
    if settings.auth == "sigv4":
        import botocore.session  # only the AWS path pays for it

        credentials = botocore.session.get_session().get_credentials()
        auth = Urllib3AWSV4SignerAuth(credentials, settings.region, "es")
    return OpenSearch(
        hosts=[{"host": parsed.hostname, "port": parsed.port or (443 if use_ssl else 80)}],
        http_auth=auth,
        use_ssl=use_ssl,
        verify_certs=use_ssl,
        timeout=settings.timeout_seconds,
        max_retries=max_retries,
        retry_on_timeout=True,
        retry_on_status=RETRYABLE_STATUSES,
        http_compress=True,
    )


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except (EngineConnectionError, ConnectionTimeout) as exc:
        raise SearchUnavailableError(f"the search engine cannot be reached: {exc.__class__.__name__}") from exc
    except RequestError as exc:
        raise InvalidQueryError(f"the search engine rejected the request: {exc.error}") from exc
    except TransportError as exc:
        if isinstance(exc.status_code, int) and (exc.status_code in RETRYABLE_STATUSES or exc.status_code >= 500):
            raise SearchUnavailableError(f"the search engine answered {exc.status_code}") from exc
        raise


class OpenSearchArticleIndex:
    """Articles live in a versioned index (`<alias>-v<n>`) reached through an alias."""

    def __init__(self, client: OpenSearch, alias: str) -> None:
        self._client = client
        self._alias = alias

    @property
    def alias(self) -> str:
        return self._alias

    def ensure_exists(self) -> None:
        """Create the first versioned index and point the alias at it, unless the alias exists."""
        with _translated_errors():
            if self._client.indices.exists_alias(name=self._alias):
                return
            index_name = f"{self._alias}-v{MAPPING_VERSION}"
            try:
                self._client.indices.create(index=index_name, body={**INDEX_SETTINGS, "aliases": {self._alias: {}}})
            except RequestError as exc:
                if exc.error != "resource_already_exists_exception":
                    raise
                return  # another worker created it first
            logger.info("created index %s behind alias %s", index_name, self._alias)

    def upsert(self, article: Article) -> None:
        def index_through_alias() -> None:
            # require_alias: without it, a write to a missing alias would auto-create an unmapped index.
            self._client.index(index=self._alias, id=article.id, body=index_document(article), require_alias=True)

        try:
            self._call(index_through_alias)
        except NotFoundError:
            self.ensure_exists()
            self._call(index_through_alias)

    def delete(self, article_id: str) -> None:
        def delete_if_present() -> None:
            with suppress(NotFoundError):
                self._client.delete(index=self._alias, id=article_id)

        self._call(delete_if_present)

    def search(self, body: dict[str, Any], size: int, offset: int) -> dict[str, Any]:
        return self._call(
            lambda: self._client.search(index=self._alias, body=body, size=size, from_=offset)  # type: ignore[call-arg]
        )

    def get(self, article_id: str) -> dict[str, Any] | None:
        def get_or_none() -> dict[str, Any] | None:
            try:
                return self._client.get(index=self._alias, id=article_id)
            except NotFoundError:
                return None

        return self._call(get_or_none)

    def count(self) -> int:
        return int(self._call(lambda: self._client.count(index=self._alias))["count"])

    def refresh(self) -> None:
        self._call(lambda: self._client.indices.refresh(index=self._alias))

    def _call(self, operation: Callable[[], T]) -> T:
        with _translated_errors():
            return operation()
