"""ArticleIndex on OpenSearch: client creation, index bootstrap, and error translation in one place."""

from __future__ import annotations

import bisect
import html
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlparse

from opensearchpy import OpenSearch, Urllib3AWSV4SignerAuth, helpers
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
from archive_search.errors import EngineRefusedRequestError, IndexVersionMismatchError, SearchUnavailableError
from archive_search.index_mapping import INDEX_SETTINGS, MAPPING_VERSION, embedding_text, index_document
from archive_search.models import Article
from archive_search.ports import TextEncoder

logger = logging.getLogger(__name__)
T = TypeVar("T")
RETRYABLE_STATUSES = (429, 502, 503, 504)
# The engine's error types (`root_cause`) of a limit a request we built exceeded, which it answers 500, not 400:
# Lucene's nested clause count (IndexSearcher.TooManyNestedClauses, "maxClauseCount is set to 1024"), thrown while
# the shards rewrite the query, and the flat one as older engines report it. The same request fails every time.
REFUSED_500_TYPES = frozenset({"too_many_nested_clauses", "too_many_clauses"})
# Small managed domains accept 10 MiB requests; stay well below.
BULK_MAX_BYTES = 5 * 1024 * 1024
BULK_MAX_ACTIONS = 500
BULK_RETRIES = 5
# How long a search function highlights bodies with the plain highlighter after the engine refused the fast vector
# highlighter (an index older than mapping 15 behind the alias, until `archive-search reindex`), before trying again;
# and alike, reads the rerank's embeddings from each hit's _source after the engine refused their doc values (older
# than mapping 18).
PLAIN_BODIES_SECONDS = 60.0
SOURCE_VALUES_SECONDS = PLAIN_BODIES_SECONDS


# Connections the client keeps open, as botocore keeps 10. An invocation uses one at a time, but a client shared by
# threads needs one each: the local stack runs the ingest handler on 4 threads (stack.WORKER_THREADS) and urllib3's
# default pool of 1 warned "Connection pool is full" all through a corpus upload (session 56's new user). A pool opens
# connections only as they are needed.
POOL_CONNECTIONS = 10


def create_client(settings: EngineSettings, max_retries: int, reader_path: bool = False) -> OpenSearch:
    """One client per container: HTTP locally, SigV4 with the function's own credentials in AWS.

    `max_retries` retries a dropped connection; off the reader's path also a timeout and 429/502/503/504 (with the
    client's backoff). On the reader's path (`reader_path`) a timeout or an overloaded engine is not retried: the
    reader gets a 503 with Retry-After at once, and an overloaded engine does not get every slow search twice.
    Nor is it gzip-compressed: a search's answer is mostly article embeddings (base64 of float16, which barely
    compress), and compressing cost the handler 6.6 ms per search (p50 43.9 vs 37.3 ms for the same requests, make
    bench of 2026-11-30), more than sending them plain costs in a VPC.
    """
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
        retry_on_timeout=not reader_path,
        retry_on_status=() if reader_path else RETRYABLE_STATUSES,
        http_compress=not reader_path,
        pool_maxsize=POOL_CONNECTIONS,
    )


@contextmanager
def translated_errors() -> Iterator[None]:
    """Client errors as ours: unreachable or overloaded -> SearchUnavailableError; a 400, or a 500 whose every root
    cause is a limit the request exceeded (REFUSED_500_TYPES) -> EngineRefusedRequestError (we validate every reader
    input first, so a refusal means the request we built is wrong: a retry cannot help). Other errors pass."""
    try:
        yield
    except (EngineConnectionError, ConnectionTimeout) as exc:
        raise SearchUnavailableError(f"the search engine cannot be reached: {exc.__class__.__name__}") from exc
    except RequestError as exc:
        raise EngineRefusedRequestError(f"the search engine refused the request: {exc.error}") from exc
    except TransportError as exc:
        if (causes := _root_causes(exc)) and causes <= REFUSED_500_TYPES:
            raise EngineRefusedRequestError(
                f"the search engine refused the request: {', '.join(sorted(causes))}"
            ) from exc
        if isinstance(exc.status_code, int) and (exc.status_code in RETRYABLE_STATUSES or exc.status_code >= 500):
            raise SearchUnavailableError(f"the search engine answered {exc.status_code}") from exc
        raise


def _root_causes(error: TransportError) -> set[str]:
    """The types of the engine's `error.root_cause` entries in its answer's body (`info`), or none when it has none
    (a proxy's page, a connection's error)."""
    body = error.info if isinstance(error.info, dict) else {}
    detail = body.get("error")
    causes = detail.get("root_cause") if isinstance(detail, dict) else None
    return (
        {str(cause.get("type")) for cause in causes if isinstance(cause, dict)} if isinstance(causes, list) else set()
    )


def bulk_results(client: OpenSearch, actions: Iterable[dict[str, Any]], **params: Any) -> Iterator[tuple[bool, Any]]:
    """Every item's result, in requests of at most BULK_MAX_BYTES; items refused with 429 are retried with backoff."""
    with translated_errors():
        yield from helpers.streaming_bulk(
            client,
            actions,
            chunk_size=BULK_MAX_ACTIONS,
            max_chunk_bytes=BULK_MAX_BYTES,
            raise_on_error=False,
            max_retries=BULK_RETRIES,
            initial_backoff=1,
            max_backoff=16,
            **params,
        )


def indexed_sources(articles: Iterable[Article], encoder: TextEncoder | None) -> Iterator[dict[str, Any]]:
    """Each article's index document, with its embedding when there is an encoder (computed one at a time)."""
    for article in articles:
        embedding = encoder.embed([embedding_text(article)])[0] if encoder else None
        yield index_document(article, embedding)


def _refused_for_term_vectors(refusal: EngineRefusedRequestError) -> bool:
    """Whether the engine refused a request because a field highlighted by the fast vector highlighter has no term
    vectors (its reason: "the field [body] should be indexed with term vector with position offsets ...")."""
    return "indexed with term vector" in str(getattr(refusal.__cause__, "info", ""))


def _refused_for_doc_values(refusal: EngineRefusedRequestError) -> bool:
    """Whether the engine refused a request because a field asked in `docvalue_fields` has no doc values (a binary
    field's reason: "Can't load fielddata on [embedding] because fielddata is unsupported on fields of type
    [binary]. Use doc values instead.")."""
    return "fielddata is unsupported" in str(getattr(refusal.__cause__, "info", ""))


class _AliasMissingError(Exception):
    """The alias was deleted under a running function (an operator's mistake or a test); recreate it."""


class OpenSearchArticleIndex:
    """Articles live in a versioned index (`<alias>-v<n>`) reached through an alias."""

    def __init__(self, client: OpenSearch, alias: str, encoder: TextEncoder | None = None) -> None:
        """`encoder`: embeds each article written (for the semantic rerank); without one, none is stored."""
        self._client = client
        self._alias = alias
        self._encoder = encoder
        # Checked until it matches, then trusted for the container's life: only a reindex moves the alias, and
        # it builds with the mapping of the code that runs it.
        self._version_matches = False
        self._plain_bodies_until = 0.0  # time.monotonic() until which bodies are highlighted by the plain highlighter
        self._source_values_until = 0.0  # time.monotonic() until which docvalue_fields are read from _source

    @property
    def alias(self) -> str:
        return self._alias

    def check_mapping_version(self) -> None:
        """Raise IndexVersionMismatchError unless every index behind the alias has this code's MAPPING_VERSION.

        A strict mapping refuses documents with fields it does not know, so writing across versions would fail
        every document (or, the other way round, leave new fields unmapped).
        """
        if self._version_matches:
            return
        with translated_errors():
            try:
                mappings = self._client.indices.get_mapping(index=self._alias)
            except NotFoundError:
                return  # no alias yet: apply creates it with this version
        for name, body in mappings.items():
            meta = (body.get("mappings") or {}).get("_meta") or {}
            found = meta.get("mapping_version")
            if found != MAPPING_VERSION:
                raise IndexVersionMismatchError(
                    f"the index {name} behind {self._alias!r} has mapping version {found}, this code writes "
                    f"version {MAPPING_VERSION}: run `archive-search reindex` to rebuild it"
                )
        self._version_matches = True

    def ensure_exists(self) -> None:
        """Create the first versioned index and point the alias at it, unless the alias exists.

        An existing index of another mapping version is logged at cold start (apply archives only until a
        reindex, see IndexVersionMismatchError), not raised: uploads must not fail while the operator rebuilds.
        """
        with translated_errors():
            if self._client.indices.exists_alias(name=self._alias):
                try:
                    self.check_mapping_version()
                except IndexVersionMismatchError as exc:
                    logger.warning("%s", exc)
                return
            index_name = f"{self._alias}-v{MAPPING_VERSION}"
            try:
                self._client.indices.create(index=index_name, body={**INDEX_SETTINGS, "aliases": {self._alias: {}}})
            except RequestError as exc:
                if exc.error != "resource_already_exists_exception":
                    raise
                return  # another worker created it first
            logger.info("created index %s behind alias %s", index_name, self._alias)

    def apply(self, upserts: Sequence[Article], deletes: Sequence[str]) -> dict[str, str]:
        self.check_mapping_version()
        try:
            return self._bulk(upserts, deletes)
        except _AliasMissingError:
            self.ensure_exists()
            return self._bulk(upserts, deletes)

    def _bulk(self, upserts: Sequence[Article], deletes: Sequence[str]) -> dict[str, str]:
        actions: list[dict[str, Any]] = [
            {"_op_type": "index", "_index": self._alias, "_id": a.id, "_source": source}
            for a, source in zip(upserts, indexed_sources(upserts, self._encoder), strict=True)
        ]
        actions += [{"_op_type": "delete", "_index": self._alias, "_id": article_id} for article_id in deletes]
        failures: dict[str, str] = {}
        # require_alias: a write to a missing alias must not auto-create an unmapped index.
        for ok, item in bulk_results(self._client, actions, require_alias=True):
            if ok:
                continue
            ((operation, result),) = item.items()
            if operation == "delete" and result.get("status") == 404:
                continue  # already gone
            error = result.get("error") or {}
            if isinstance(error, dict) and error.get("type") == "index_not_found_exception":
                raise _AliasMissingError(self._alias)
            failures[str(result.get("_id"))] = f"{result.get('status')} {error}"
        return failures

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        """The engine's answer to a search request `body`.

        A body highlighted by the fast vector highlighter (search.BODY_HIGHLIGHTER) on an index built before mapping
        15, which has no term vectors, is refused (400, at once: a refusal, never a timeout, so the search still
        sends at most MAX_ENGINE_REQUESTS that may time out); it is asked again with the plain highlighter, and so
        are this container's searches for PLAIN_BODIES_SECONDS, until `archive-search reindex` replaces the index.
        Alike, `docvalue_fields` (the reranked window's embeddings) on an index built before mapping 18, whose
        embedding has no doc values, are read from each hit's _source for SOURCE_VALUES_SECONDS; the answer has
        the same shape either way (each hit's `fields`: a list of the value).
        """
        highlighted = "highlight" in body
        if highlighted and time.monotonic() < self._plain_bodies_until:
            return self._plainly_highlighted(body, size, offset, preference)
        if body.get("docvalue_fields") and time.monotonic() < self._source_values_until:
            return self._values_from_source(body, size, offset, preference)
        try:
            return self._search(body, size, offset, preference)
        except EngineRefusedRequestError as exc:
            if body.get("docvalue_fields") and _refused_for_doc_values(exc):
                logger.warning(
                    "the index behind %s has no embedding doc values: run `archive-search reindex`", self._alias
                )
                self._source_values_until = time.monotonic() + SOURCE_VALUES_SECONDS
                return self._values_from_source(body, size, offset, preference)
            if not (highlighted and _refused_for_term_vectors(exc)):
                raise
        logger.warning("the index behind %s has no body term vectors: run `archive-search reindex`", self._alias)
        self._plain_bodies_until = time.monotonic() + PLAIN_BODIES_SECONDS
        return self._plainly_highlighted(body, size, offset, preference)

    def _values_from_source(
        self, body: dict[str, Any], size: int, offset: int, preference: str | None
    ) -> dict[str, Any]:
        """The answer to `body` with its `docvalue_fields` (names) read from each hit's _source instead, and put
        where the engine puts doc values: `fields`, a list of the value. The body's `stored_fields` go with them:
        _source is one."""
        names = [str(name) for name in body["docvalue_fields"]]
        asked = {key: value for key, value in body.items() if key not in ("docvalue_fields", "stored_fields")}
        answer = self._search({**asked, "_source": names}, size, offset, preference)
        for hit in answer.get("hits", {}).get("hits", []):
            source = hit.pop("_source", None) or {}
            values = {name: [source[name]] for name in names if name in source}
            if values:
                hit["fields"] = {**(hit.get("fields") or {}), **values}
        return answer

    def _plainly_highlighted(
        self, body: dict[str, Any], size: int, offset: int, preference: str | None
    ) -> dict[str, Any]:
        """The answer to `body` with its fast-vector-highlighted fields on the plain highlighter, their fragments
        HTML-encoded as the fast one encodes them: the plain one returns a text's start (no_match_size) as stored."""
        highlight = body["highlight"]
        fast = {name for name, options in highlight.get("fields", {}).items() if options.get("type") == "fvh"}
        fields = {
            name: {**options, "type": "plain"} if name in fast else options
            for name, options in highlight.get("fields", {}).items()
        }
        answer = self._search({**body, "highlight": {**highlight, "fields": fields}}, size, offset, preference)
        mark = (highlight.get("pre_tags") or ["<em>"])[0]
        for hit in answer.get("hits", {}).get("hits", []):
            for name in fast & (hit.get("highlight") or {}).keys():
                hit["highlight"][name] = [f if mark in f else html.escape(f) for f in hit["highlight"][name]]
        return answer

    def _search(self, body: dict[str, Any], size: int, offset: int, preference: str | None) -> dict[str, Any]:
        routing = {"preference": preference} if preference is not None else {}
        return self._call(
            # Before the first article is ingested there is no alias yet: that is an empty archive, not an error.
            lambda: self._client.search(  # type: ignore[call-arg]
                index=self._alias,
                body=body,
                size=size,
                from_=offset,
                ignore_unavailable=True,
                allow_no_indices=True,
                **routing,
            )
        )

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        """In how many articles' bodies each word occurs (as `field`, the body or one of its subfields, analyses it;
        0 when nowhere).

        One `_termvectors` request on an artificial document: the engine analyses the words and reports each
        term's document frequency. Offsets (UTF-16 code units, as Java counts) map each term back to its word;
        a word analysed into several terms counts its rarest.
        """
        text = " ".join(words)
        starts: list[int] = []
        position = 0
        for word in words:
            starts.append(position)
            position += len(word.encode("utf-16-le", "surrogatepass")) // 2 + 1
        body = {
            "doc": {"body": text},
            "fields": [field],
            "term_statistics": True,
            "field_statistics": False,
            "positions": False,
            "offsets": True,
            "payloads": False,
        }
        response = self._call(lambda: self._client.termvectors(index=self._alias, body=body))
        terms = (response.get("term_vectors") or {}).get(field, {}).get("terms", {})
        freqs: dict[str, int] = {}
        for stats in terms.values():
            for token in stats.get("tokens", []):
                word = words[bisect.bisect_right(starts, int(token["start_offset"])) - 1]
                doc_freq = int(stats.get("doc_freq", 0))
                freqs[word] = min(freqs.get(word, doc_freq), doc_freq)
        return freqs

    def get(self, article_id: str) -> dict[str, Any] | None:
        def get_or_none() -> dict[str, Any] | None:
            try:
                return self._client.get(index=self._alias, id=article_id)
            except NotFoundError:
                return None

        return self._call(get_or_none)

    def count(self) -> int:
        response = self._call(
            lambda: self._client.count(index=self._alias, ignore_unavailable=True, allow_no_indices=True)
        )
        return int(response["count"])

    def _call(self, operation: Callable[[], T]) -> T:
        with translated_errors():
            return operation()
