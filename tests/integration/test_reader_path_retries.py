"""An overloaded engine gets each search once: the reader's path never retries a timeout or a 503 (issue 13), while
the ingest path does; and the reader's requests go uncompressed. The engine is a local stand-in that is slow or
answers 503, counting what reaches it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from archive_search.adapters.opensearch_index import OpenSearchArticleIndex, create_client
from archive_search.config import EngineSettings
from archive_search.errors import SearchUnavailableError
from tests.conftest import free_port

pytestmark = pytest.mark.integration


class _Engine:
    def __init__(self) -> None:
        self.requests = 0
        self.mode = "slow"
        self.encodings: list[str | None] = []


@pytest.fixture
def engine() -> Iterator[tuple[_Engine, str]]:
    state = _Engine()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            state.requests += 1
            state.encodings.append(self.headers.get("Content-Encoding"))
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if state.mode == "slow":
                time.sleep(1.5)
            payload = b'{"error": "overloaded"}'
            self.send_response(503)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state, f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


def _index(url: str, reader_path: bool) -> OpenSearchArticleIndex:
    settings = EngineSettings(endpoint=url, auth="none", region="eu-west-1", timeout_seconds=0.5, index_alias="a")
    return OpenSearchArticleIndex(create_client(settings, max_retries=1, reader_path=reader_path), "a")


@pytest.mark.parametrize("mode", ["slow", "503"])
def test_the_readers_path_sends_an_overloaded_engine_each_search_once(engine: tuple[_Engine, str], mode: str) -> None:
    state, url = engine
    state.mode = mode

    with pytest.raises(SearchUnavailableError):
        _index(url, reader_path=True).search({"query": {"match_all": {}}}, size=1, offset=0)
    assert state.requests == 1

    # The ingest path's client (same retry count) tries again
    state.requests = 0
    with pytest.raises(SearchUnavailableError):
        _index(url, reader_path=False).search({"query": {"match_all": {}}}, size=1, offset=0)
    assert state.requests == 2


def test_the_readers_path_sends_its_requests_uncompressed(engine: tuple[_Engine, str]) -> None:
    state, url = engine
    state.mode = "503"

    for reader_path in (True, False):
        with pytest.raises(SearchUnavailableError):
            _index(url, reader_path=reader_path).search({"query": {"match_all": {}}}, size=1, offset=0)

    # The search's one request plain; the ingest path's two (one retry) gzip-compressed
    assert state.encodings == [None, "gzip", "gzip"]
